package importer_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"disclose/generator/check"
	"disclose/generator/derive"
	"disclose/generator/importer"
	"disclose/generator/internal/testutil"
	"disclose/generator/load"
	"disclose/generator/semdiff"
)

// seedReference is the sample content as far as the seed disclosure
// holds it: its results (monitoring, self-evaluation) and its spending
// records are the sample's own additions, written for the demonstration.
func seedReference(t *testing.T) string {
	t.Helper()
	dir := testutil.CopyContent(t)
	os.Remove(filepath.Join(dir, testutil.SampleProject+".results.yaml"))
	os.RemoveAll(filepath.Join(dir, "2021", "dkb", "spending"))
	dept := filepath.Join(dir, "2021", "dkb", "department.yaml")
	data, err := os.ReadFile(dept)
	if err != nil {
		t.Fatal(err)
	}
	data = regexp.MustCompile(`(?s)\nspending:\n.*`).ReplaceAll(data, []byte("\n"))
	if err := os.WriteFile(dept, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// importAndDiff imports files as the sample department and returns the
// domain difference from the content in want ("" when none).
func importAndDiff(t *testing.T, want string, files ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "content")
	os.MkdirAll(out, 0o755)
	data, _ := os.ReadFile(filepath.Join(want, "site.yaml"))
	os.WriteFile(filepath.Join(out, "site.yaml"), data, 0o644)
	if _, err := importer.Import(files, importer.Options{Out: out, Year: 2021, Code: "dkb", Name: "督查考核办公室"}); err != nil {
		t.Fatal(err)
	}
	site, diags := load.Site(want)
	check.Site(site, diags)
	back, backDiags := load.Site(out)
	check.Site(back, backDiags)
	r := semdiff.Compare(
		semdiff.Side{Label: "原内容", Root: want, Site: site, Depts: derive.Site(site), Diags: diags.Sorted()},
		semdiff.Side{Label: "导入", Root: out, Site: back, Depts: derive.Site(back), Diags: backDiags.Sorted()})
	if r.Empty() {
		return ""
	}
	var b bytes.Buffer
	r.WriteText(&b, false)
	return b.String()
}

// TestSeedFromWord: the seed disclosure written as a Word document (made
// by LibreOffice from testdata/office/seed.html) imports to the sample
// content with no difference in the domain's terms.
func TestSeedFromWord(t *testing.T) {
	if d := importAndDiff(t, seedReference(t), filepath.Join("testdata", "office", "seed.docx")); d != "" {
		t.Errorf("the Word seed imports with differences:\n%s", d)
	}
}

// TestSampleFromXLS: the sample department as an Excel 97–2003 workbook
// (made by LibreOffice from the sample's export, see testdata/office)
// imports with no difference from content/, records and results included.
func TestSampleFromXLS(t *testing.T) {
	if d := importAndDiff(t, testutil.ContentDir(), filepath.Join("testdata", "office", "sample.xls")); d != "" {
		t.Errorf("the .xls imports with differences:\n%s", d)
	}
}

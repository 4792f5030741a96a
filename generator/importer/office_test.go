package importer_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"disclose/generator/check"
	"disclose/generator/derive"
	"disclose/generator/importer"
	"disclose/generator/internal/testutil"
	"disclose/generator/load"
	"disclose/generator/model"
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
	onlyYear(site, 2021) // the document holds one department-year
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

// TestWordTwoProjects: a Word disclosure with two projects, each under its
// heading with its table (一级 and 二级 merged down, cells spanning
// columns), imports both, with the department's narratives and signature.
func TestWordTwoProjects(t *testing.T) {
	out := filepath.Join(t.TempDir(), "content")
	rep, err := importer.Import([]string{filepath.Join("testdata", "office", "two-projects.docx")},
		importer.Options{Out: out, Year: 2022, Code: "dkb", Name: "督查考核办公室"})
	if err != nil {
		t.Fatal(err)
	}
	site, diags := load.Site(out)
	check.Site(site, diags)
	if diags.HasErrors() {
		t.Errorf("imported content has errors:\n%v\nreport:\n%s", diags.Sorted(), notes(rep))
	}
	d := site.Departments[0]
	if len(d.Projects) != 2 {
		t.Fatalf("%d projects, want 2", len(d.Projects))
	}
	expect(t, d.Projects[0].Indicators, []row{
		{"产出指标", "数量指标", "巡检次数", ">=", "12", "次"},
		{"产出指标", "数量指标", "故障处理数", ">=", "20", "件"},
		{"产出指标", "质量指标", "系统可用率", "=", "99.9", "%"},
		{"满意度指标", "服务对象满意度指标", "用户满意度", ">=", "90", "%"},
	})
	p1 := d.Projects[1]
	if p1.Code != "110-0002" || p1.Name != "考核经费" || p1.Total.String() != "3" || len(p1.Plan) != 2 || len(p1.Indicators) != 3 || p1.Indicators[1].Level1 != "产出指标" {
		t.Errorf("second project: %s %s %s plan %v, %d indicators", p1.Code, p1.Name, p1.Total, p1.Plan, len(p1.Indicators))
	}
	if !strings.Contains(p1.Description.Text, "材料印刷") || strings.Contains(d.Projects[0].Description.Text, "材料印刷") {
		t.Errorf("descriptions: %q / %q", d.Projects[0].Description.Text, p1.Description.Text)
	}
	if d.Title != "2022年部门整体绩效目标" || d.Publisher != "某某区督查考核办公室" || d.Published.String() != "2022-02-15" ||
		d.MeasuresTitle != "四、工作保障措施" || len(d.SubTargets) != 2 || len(d.Indicators) != 3 ||
		!strings.Contains(d.OverallGoal.Text, "保障机关正常运转") || d.SpecialFunds.Explanation != "本部门本年度无专项资金。" {
		t.Errorf("department: %q %q %s %q %v %d %q %q", d.Title, d.Publisher, d.Published, d.MeasuresTitle, d.SubTargets, len(d.Indicators), d.OverallGoal.Text, d.SpecialFunds.Explanation)
	}
}

// TestBadOfficeFiles: Word and .xls files that cannot be imported get a
// clear error, never a panic, and nothing is written.
func TestBadOfficeFiles(t *testing.T) {
	dir := t.TempDir()
	put := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	read := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join("testdata", "office", name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	// Excel's agile encryption, as excelize writes it: an OLE file with
	// EncryptionInfo and EncryptedPackage, the same for any Office package.
	locked := filepath.Join(dir, "locked.xlsx")
	f := excelize.NewFile()
	f.SetCellStr("Sheet1", "A1", "一级指标")
	if err := f.SaveAs(locked, excelize.Options{Password: "secret"}); err != nil {
		t.Fatal(err)
	}
	lockedBytes, _ := os.ReadFile(locked)

	// A LABELSST record cut to two bytes: a broken record.
	xls := read("sample.xls")
	broken := bytes.Clone(xls)
	i := bytes.Index(broken, []byte{0xFD, 0x00, 0x0A, 0x00})
	if i < 0 {
		t.Fatal("no LABELSST record in sample.xls")
	}
	broken[i+2] = 2
	seed := read("seed.docx")

	for _, tc := range []struct{ name, path, want string }{
		{"text named .xls", put("notes.xls", []byte("这不是工作簿")), "不是 Excel 工作簿"},
		{"text named .docx", put("notes.docx", []byte("这不是文档")), "不是 Word 文档"},
		{"encrypted .xls (LibreOffice)", filepath.Join("testdata", "office", "locked.xls"), "设置了打开密码"},
		{"encrypted .xlsx (agile)", locked, "设置了打开密码"},
		{"encrypted .docx (agile)", put("locked.docx", lockedBytes), "设置了打开密码"},
		{"a .docx with no table", put("notable.docx", docxOf(t, `<w:p><w:r><w:t>会议纪要</w:t></w:r></w:p>`)), "没有表格"},
		{"a truncated .docx", put("cut.docx", seed[:len(seed)/2]), "文件不完整或已损坏"},
		{"a truncated .xls", put("cut.xls", xls[:len(xls)/2]), "文件已损坏"},
		{"an .xls with a broken record", put("broken.xls", broken), "记录太短"},
		{"a .docx whose XML is cut", put("cutxml.docx", docxOf(t, `<w:tbl><w:tr><w:tc><w:p>`)), "文件已损坏"},
		{"a .docx that inflates to 65 MB", put("bomb.docx", docxOf(t, strings.Repeat(" ", 65<<20))), "解压后超过 64 MB"},
		{"a cell spanning 10,000 columns", put("span.docx", docxOf(t, `<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="10000"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>`)), "横跨 10000 列"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "content")
			_, err := importer.Import([]string{tc.path}, importer.Options{Out: out, Year: 2021, Code: "x"})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error with %q", err, tc.want)
			}
			if !errors.Is(err, importer.ErrNotForm) {
				t.Errorf("error does not say the file is not a form: %v", err)
			}
			if !strings.Contains(err.Error(), filepath.Base(tc.path)) {
				t.Errorf("error does not name the file: %v", err)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("a refused import made the content folder")
			}
		})
	}
}

// docxOf writes a minimal Word package whose body is body.
func docxOf(t *testing.T, body string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// onlyYear keeps the site's departments of one year: the sample also has
// an illustrative next year, which no imported form holds.
func onlyYear(site *model.Site, year int) {
	site.Departments = slices.DeleteFunc(site.Departments, func(d *model.Department) bool { return d.Year != year })
}

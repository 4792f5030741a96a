package corpus_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"disclose/generator/check"
	"disclose/generator/corpus"
	"disclose/generator/load"
)

// TestCorpusChecksAndIsDeterministic: a generated corpus passes check with
// no error, and the same options write the same bytes.
func TestCorpusChecksAndIsDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	o := corpus.Options{Departments: 3, Projects: 10, Records: 2000, Seed: 7}
	if err := corpus.Write(a, o); err != nil {
		t.Fatal(err)
	}
	if err := corpus.Write(b, o); err != nil {
		t.Fatal(err)
	}
	site, diags := load.Site(a)
	check.Site(site, diags)
	if e, _ := diags.Count(); e > 0 {
		t.Fatalf("generated corpus has errors:\n%v", diags.Sorted()[:min(5, len(diags.Sorted()))])
	}
	projects, records := 0, 0
	for _, d := range site.Departments {
		projects += len(d.Projects)
		records += len(d.Records)
	}
	if len(site.Departments) != 3 || projects != 10 || records != 2000 {
		t.Errorf("%d departments, %d projects, %d records", len(site.Departments), projects, records)
	}
	_ = filepath.WalkDir(a, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		x, _ := os.ReadFile(p)
		y, _ := os.ReadFile(filepath.Join(b, rel))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs", rel)
		}
		return nil
	})
}

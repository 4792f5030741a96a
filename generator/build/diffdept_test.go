package build

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"disclose/generator/corpus"
	"disclose/generator/semdiff"
)

// TestDiffByDepartment: the department-by-department diff (which skips
// departments whose files are the same) reports what comparing the two
// whole sites reports, for edits inside, across and outside departments.
func TestDiffByDepartment(t *testing.T) {
	base := filepath.Join(t.TempDir(), "base")
	if err := corpus.Write(base, corpus.Options{Departments: 4, Projects: 16, Records: 400, Seed: 1, Year: 2021}); err != nil {
		t.Fatal(err)
	}
	first := func(dir, pattern string) string {
		m, _ := filepath.Glob(filepath.Join(dir, pattern))
		if len(m) == 0 {
			t.Fatalf("no %s", pattern)
		}
		return m[0]
	}
	// edit rewrites a file of the copy (a new file, not the hard link).
	edit := func(file, from, to string) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		os.Remove(file)
		if err := os.WriteFile(file, regexp.MustCompile(from).ReplaceAll(data, []byte(to)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		name    string
		change  func(dir string)
		changes bool
	}{
		{"nothing", func(string) {}, false},
		{"a project's name", func(d string) { edit(first(d, "2021/d002/projects/*.yaml"), `(?m)^name: .*$`, "name: 改名") }, true},
		{"a spending record", func(d string) { edit(first(d, "2021/d003/spending/*.csv"), `,1`, ",7") }, true},
		{"a project added", func(d string) {
			p := first(d, "2021/d001/projects/*.yaml")
			data, _ := os.ReadFile(p)
			os.WriteFile(filepath.Join(d, "2021/d001/projects/d001-9999-AAAA.yaml"), regexp.MustCompile(`(?m)^code: .*$`).ReplaceAll(data, []byte("code: d001-9999-AAAA")), 0o644)
		}, true},
		{"a project code used twice", func(d string) {
			data, _ := os.ReadFile(first(d, "2021/d001/projects/*.yaml"))
			os.WriteFile(filepath.Join(d, "2021/d004/projects/zz.yaml"), data, 0o644)
		}, true},
		{"a department removed", func(d string) { os.RemoveAll(filepath.Join(d, "2021/d004")) }, true},
		{"a folder renamed", func(d string) { os.Rename(filepath.Join(d, "2021/d002"), filepath.Join(d, "2021/x002")) }, true}, // the code is no longer the folder's name
		{"site.yaml", func(d string) { edit(filepath.Join(d, "site.yaml"), `(?m)^title: .*$`, "title: 新标题") }, true},
		{"a bad operator", func(d string) { edit(first(d, "2021/d003/projects/*.yaml"), `operator: "="`, "operator: 约等于") }, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "copy")
			linkTree(t, base, dir)
			c.change(dir)
			got, err := Diff(base, dir, "")
			if err != nil {
				t.Fatal(err)
			}
			want := semdiff.Compare(loadSide(base, base), loadSide(dir, dir))
			g, _ := json.MarshalIndent(got, "", " ")
			w, _ := json.MarshalIndent(want, "", " ")
			if string(g) != string(w) {
				t.Errorf("by department:\n%s\nwhole sites:\n%s", g, w)
			}
			if got.Empty() == c.changes {
				t.Errorf("changes found: %t, want %t\n%s", !got.Empty(), c.changes, g)
			}
		})
	}
}

// linkTree copies a folder as hard links, as bench-scale does.
func linkTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if e.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		return os.Link(p, filepath.Join(to, rel))
	})
	if err != nil {
		t.Fatal(err)
	}
}

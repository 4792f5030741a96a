package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"disclose/generator/assets"
	"disclose/generator/buildcache"
	"disclose/generator/corpus"
)

// rendered reads "重新生成 N 个" from a build's summary line.
var renderedCount = regexp.MustCompile(`重新生成 (\d+) 个`)

// TestIncrementalBuildEqualsFullBuild edits a content folder step by step;
// after each step an incremental build and a --clean build of the same
// content must give identical trees, and the incremental one must have
// rendered only the departments the step touched.
// The combined annual report is made both ways: in full from the
// departments loaded again, and as a summary from the sections the cache
// keeps.
func TestIncrementalBuildEqualsFullBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a corpus many times")
	}
	for _, c := range []struct{ name, annual string }{
		{"full", ""},
		{"summary", "pdf:\n  annual_projects: 3\n"},
		// Three departments in volumes of two: 2021's report is two
		// volumes until a department is removed, then one book.
		{"volumes", "pdf:\n  annual_projects: 3\n  annual_volume: 2\n"},
	} {
		t.Run(c.name, func(t *testing.T) { incrementalEqualsFull(t, c.annual) })
	}
}

func incrementalEqualsFull(t *testing.T, siteExtra string) {
	work := t.TempDir()
	content := filepath.Join(work, "content")
	if err := corpus.Write(content, corpus.Options{Departments: 3, Projects: 9, Records: 600, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	siteFile := filepath.Join(content, "site.yaml")
	data, _ := os.ReadFile(siteFile)
	os.WriteFile(siteFile, append(data, siteExtra...), 0o644)
	inc, full := filepath.Join(work, "inc"), filepath.Join(work, "full")
	build := func(out string, extra ...string) string {
		t.Helper()
		var o, e bytes.Buffer
		args := append([]string{"build", "--content", content, "--out", out}, extra...)
		if code := run(args, &o, &e); code != 0 {
			t.Fatalf("build %v: %s", extra, e.String())
		}
		m := renderedCount.FindStringSubmatch(o.String())
		if m == nil {
			t.Fatalf("no count in %q", o.String())
		}
		return m[1]
	}
	edit := func(rel, old, new string) {
		t.Helper()
		p := filepath.Join(content, rel)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte(old)) {
			t.Fatalf("%s has no %q", rel, old)
		}
		if err := os.WriteFile(p, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	firstProject := func(dept string) string {
		t.Helper()
		m, _ := filepath.Glob(filepath.Join(content, "2021", dept, "projects", "*.yaml"))
		if len(m) == 0 {
			t.Fatalf("no project in %s", dept)
		}
		rel, _ := filepath.Rel(content, m[0])
		return rel
	}
	depts, _ := filepath.Glob(filepath.Join(content, "2021", "*"))
	if len(depts) != 3 {
		t.Fatalf("corpus has %d departments", len(depts))
	}
	d0, d1 := filepath.Base(depts[0]), filepath.Base(depts[1])

	steps := []struct {
		name     string
		change   func()
		rendered string
	}{
		{"first build", func() {}, "3"},
		{"nothing changed", func() {}, "0"},
		{"a project renamed", func() { edit(firstProject(d0), "\nname: ", "\nname: 改名的") }, "1"},
		{"a spending record changed", func() {
			csvs, _ := filepath.Glob(filepath.Join(content, "2021", d1, "spending", "*.csv"))
			data, _ := os.ReadFile(csvs[0])
			lines := strings.SplitN(string(data), "\n", 3)
			lines[1] = strings.TrimRight(lines[1], "\r") + "（更正）"
			os.WriteFile(csvs[0], []byte(strings.Join(lines, "\n")), 0o644)
		}, "1"},
		{"the project renamed back", func() { edit(firstProject(d0), "\nname: 改名的", "\nname: ") }, "1"},
		// A second year: its pages compare with 2021, so a change in 2021
		// renders the 2022 department again.
		// (2021 is derived again too: a department keeps what its next year
		// compares with only once it has a next year.)
		{"a second year added", func() { addYear(t, filepath.Join(content, "2021", d0), filepath.Join(content, "2022", d0)) }, "2"},
		{"last year's target changed", func() { edit(firstProject(d0), "value: \"", "value: \"1") }, "2"},
		{"a year's rules added", func() {
			os.WriteFile(filepath.Join(content, "2021", "rules.yaml"), []byte("severity:\n  plan-below-100: off\n"), 0o644)
		}, "4"},
		{"a department removed", func() { os.RemoveAll(depts[2]) }, "0"},
		{"site.yaml changed", func() { edit("site.yaml", "合成测试网站", "合成测试网站（新）") }, "3"},
	}
	// In volumes, a change to the first volume's department keeps the
	// second volume's file as it is: marked in place before the build
	// (the output's file and the spare's are one), it is still marked
	// after, and put right again.
	volume2 := filepath.Join(inc, "2021", "report-2021-2.pdf")
	for _, s := range steps {
		marked := s.name == "a project renamed" && strings.Contains(siteExtra, "annual_volume")
		var was []byte
		if marked {
			was = []byte(readString(t, volume2))
			os.WriteFile(volume2, append(slices.Clip(was), "%kept\n"...), 0o644)
		}
		s.change()
		got := build(inc)
		if marked {
			if !strings.HasSuffix(readString(t, volume2), "%kept\n") {
				t.Errorf("%s: the unchanged second volume was made again", s.name)
			}
			os.WriteFile(volume2, was, 0o644)
		}
		build(full, "--clean")
		if a, b := treeSum(t, inc), treeSum(t, full); a != b {
			t.Fatalf("%s: incremental and full builds differ:\n%s", s.name, firstDiff(a, b))
		}
		if got != s.rendered {
			t.Errorf("%s: rendered %s departments, want %s", s.name, got, s.rendered)
		}
	}
	if m, _ := filepath.Glob(filepath.Join(inc, "2022", d0, "projects", "*.html")); len(m) == 0 || !strings.Contains(readString(t, m[0]), "与上年对比") {
		t.Error("the 2022 project page has no comparison with 2021")
	}

	// A file deleted from the output by hand is made again: from the
	// spare (the previous output, kept beside it for the next build), or
	// rendered when the spare lacks it too.
	victim := filepath.Join(inc, "2021", d0, "index.html")
	os.Remove(victim)
	build(inc)
	if treeSum(t, inc) != treeSum(t, full) {
		t.Error("the deleted page was not made again", firstDiff(treeSum(t, inc), treeSum(t, full)))
	}
	os.Remove(victim)
	os.Remove(filepath.Join(filepath.Dir(inc), "."+filepath.Base(inc)+".spare", "2021", d0, "index.html"))
	if got := build(inc); got != "1" {
		t.Errorf("after a page was deleted from the output and its spare: rendered %s departments, want 1", got)
	}
	if treeSum(t, inc) != treeSum(t, full) {
		t.Error("the deleted page was not rendered again")
	}

	// A state that does not describe the output (a build killed after the
	// swap and before the state was saved) is ignored: the older state
	// names the older build, and the output now holds a newer one.
	statePath := buildcache.Path(assets.CacheDir(), content, inc)
	older, _ := os.ReadFile(statePath)
	edit(firstProject(d1), "\nname: ", "\nname: 又改名的")
	build(inc)
	os.WriteFile(statePath, older, 0o644)
	edit(firstProject(d1), "\nname: 又改名的", "\nname: ")
	if got := build(inc); got != "3" {
		t.Errorf("with a state of another build: rendered %s departments, want all 3", got)
	}
	build(full, "--clean")
	if treeSum(t, inc) != treeSum(t, full) {
		t.Error("a stale state made a wrong site")
	}
}

// firstDiff shows the first line where two tree sums differ.
// addYear copies a department as the next year's: every 2021 becomes 2022.
func addYear(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		dst := filepath.Join(to, strings.ReplaceAll(rel, "2021", "2022"))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, bytes.ReplaceAll(data, []byte("2021"), []byte("2022")), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func readString(t *testing.T, p string) string {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return al[i] + "\n" + bl[i]
		}
	}
	return "(one tree has more files)"
}

// TestMisfiledRecordNamesItsDepartment: build and check take one
// department at a time, yet a spending record filed with the wrong
// department still gets the hint that names the right one.
func TestMisfiledRecordNamesItsDepartment(t *testing.T) {
	content := filepath.Join(t.TempDir(), "content")
	if err := corpus.Write(content, corpus.Options{Departments: 2, Projects: 4, Records: 40, Seed: 2}); err != nil {
		t.Fatal(err)
	}
	other, _ := filepath.Glob(filepath.Join(content, "2021", "d002", "projects", "*.yaml"))
	code := strings.TrimSuffix(filepath.Base(other[0]), ".yaml")
	csvs, _ := filepath.Glob(filepath.Join(content, "2021", "d001", "spending", "*.csv"))
	data, _ := os.ReadFile(csvs[0])
	lines := strings.SplitN(string(data), "\n", 3)
	f := strings.Split(lines[1], ",")
	f[1] = code
	lines[1] = strings.Join(f, ",")
	os.WriteFile(csvs[0], []byte(strings.Join(lines, "\n")), 0o644)
	for _, args := range [][]string{
		{"check", "--content", content},
		{"build", "--content", content, "--out", filepath.Join(t.TempDir(), "public"), "--pdf=false"},
	} {
		var o, e bytes.Buffer
		if code := run(args, &o, &e); code != 1 {
			t.Errorf("%s: exit %d, want 1", args[0], code)
		}
		if !strings.Contains(o.String()+e.String(), "此项目属于") || !strings.Contains(o.String()+e.String(), "（d002）") {
			t.Errorf("%s: no hint naming d002:\n%s%s", args[0], o.String(), e.String())
		}
	}
}

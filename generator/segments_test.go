package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"disclose/generator/assets"
	"disclose/generator/buildcache"
	"disclose/generator/corpus"
	"disclose/generator/web"
)

// TestRebuildReadsOnlyItsSegment: after one project of a department in
// the second segment changes, a rebuild writes that segment's site-wide
// files from its departments' details and keeps the first segment's
// without reading its departments' details (here made unreadable in the
// state); the result is the --clean build's, byte for byte. After a
// department of the second segment goes, the catalog is made again from
// the first segment's piece as the state holds it.
func TestRebuildReadsOnlyItsSegment(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a corpus of more than one segment")
	}
	work := t.TempDir()
	content := filepath.Join(work, "content")
	n := web.SegmentSize + 3
	if err := corpus.Write(content, corpus.Options{Departments: n, Projects: n, Records: 2 * n, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	inc, full := filepath.Join(work, "inc"), filepath.Join(work, "full")
	build := func(out string, extra ...string) string {
		t.Helper()
		var o, e bytes.Buffer
		if code := run(append([]string{"build", "--content", content, "--out", out, "--pdf=false"}, extra...), &o, &e); code != 0 {
			t.Fatalf("build: %s", e.String())
		}
		return renderedCount.FindStringSubmatch(o.String())[1]
	}
	build(inc)
	if _, err := os.Stat(filepath.Join(inc, "search", "1", "0.json")); err != nil {
		t.Fatalf("no second segment: %v", err)
	}

	// Every detail of the first segment's departments made unreadable.
	depts, _ := filepath.Glob(filepath.Join(content, "2021", "*"))
	for _, d := range depts[:web.SegmentSize] {
		spoilDetail(t, content, inc, d)
	}

	last := depts[len(depts)-1]
	projects, _ := filepath.Glob(filepath.Join(last, "projects", "*.yaml"))
	p := projects[0]
	text, _ := os.ReadFile(p)
	if !bytes.Contains(text, []byte("\nname: ")) {
		t.Fatalf("%s has no name", p)
	}
	os.WriteFile(p, bytes.Replace(text, []byte("\nname: "), []byte("\nname: 改名的"), 1), 0o644)
	if got := build(inc); got != "1" {
		t.Errorf("rendered %s departments, want 1", got)
	}
	build(full, "--clean")
	if a, b := treeSum(t, inc), treeSum(t, full); a != b {
		t.Fatalf("incremental and full builds differ:\n%s", firstDiff(a, b))
	}

	// A department of the second segment removed: datapackage.json is
	// made again, with the first segment's piece read from the state.
	if err := os.RemoveAll(last); err != nil {
		t.Fatal(err)
	}
	if got := build(inc); got != "0" {
		t.Errorf("rendered %s departments, want 0", got)
	}
	build(full, "--clean")
	if a, b := treeSum(t, inc), treeSum(t, full); a != b {
		t.Fatalf("after a department went, incremental and full builds differ:\n%s", firstDiff(a, b))
	}
}

// TestRebuildFindsDuplicateCodes: a project code made the same as another
// department's is found by a rebuild (which keeps the other department
// and reads its codes' places from the state) with the message a --clean
// build gives.
func TestRebuildFindsDuplicateCodes(t *testing.T) {
	work := t.TempDir()
	content := filepath.Join(work, "content")
	if err := corpus.Write(content, corpus.Options{Departments: 2, Projects: 4, Records: 40, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(work, "out")
	build := func(extra ...string) (int, string) {
		var o, e bytes.Buffer
		code := run(append([]string{"build", "--content", content, "--out", out, "--pdf=false"}, extra...), &o, &e)
		return code, e.String()
	}
	if code, msg := build(); code != 0 {
		t.Fatal(msg)
	}
	depts, _ := filepath.Glob(filepath.Join(content, "2021", "*"))
	first, _ := filepath.Glob(filepath.Join(depts[0], "projects", "*.yaml"))
	second, _ := filepath.Glob(filepath.Join(depts[1], "projects", "*.yaml"))
	taken := strings.TrimSuffix(filepath.Base(first[0]), ".yaml")
	mine := strings.TrimSuffix(filepath.Base(second[0]), ".yaml")
	text, _ := os.ReadFile(second[0])
	if !bytes.Contains(text, []byte("code: "+mine)) {
		t.Fatalf("%s has no code %s", second[0], mine)
	}
	os.WriteFile(second[0], bytes.Replace(text, []byte("code: "+mine), []byte("code: "+taken), 1), 0o644)
	code, inc := build()
	_, full := build("--clean")
	if code == 0 || !strings.Contains(inc, "duplicate-project") {
		t.Fatalf("the rebuild did not find the duplicate (exit %d):\n%s", code, inc)
	}
	if inc != full {
		t.Errorf("rebuild says\n%s\n--clean says\n%s", inc, full)
	}
}

// TestCatalogKeptUnlessAPieceChanges: a rebuild after an edit that leaves
// every segment's piece as it was keeps datapackage.json as the output has
// it (here marked in place, which a file written again would not keep);
// one after a department is removed writes it anew, as the --clean build
// does.
func TestCatalogKeptUnlessAPieceChanges(t *testing.T) {
	work := t.TempDir()
	content := filepath.Join(work, "content")
	if err := corpus.Write(content, corpus.Options{Departments: 3, Projects: 6, Records: 60, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	inc, full := filepath.Join(work, "inc"), filepath.Join(work, "full")
	build := func(out string, extra ...string) {
		t.Helper()
		var o, e bytes.Buffer
		if code := run(append([]string{"build", "--content", content, "--out", out, "--pdf=false"}, extra...), &o, &e); code != 0 {
			t.Fatalf("build: %s", e.String())
		}
	}
	catalog := filepath.Join(inc, "datapackage.json")
	build(inc)
	f, err := os.OpenFile(catalog, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("\n")
	f.Close()
	depts, _ := filepath.Glob(filepath.Join(content, "2021", "*"))
	projects, _ := filepath.Glob(filepath.Join(depts[0], "projects", "*.yaml"))
	text, _ := os.ReadFile(projects[0])
	os.WriteFile(projects[0], bytes.Replace(text, []byte("\nname: "), []byte("\nname: 改名的"), 1), 0o644)
	build(inc)
	if data, _ := os.ReadFile(catalog); !bytes.HasSuffix(data, []byte("\n\n")) {
		t.Error("datapackage.json was written again though no piece changed")
	}
	if err := os.RemoveAll(depts[2]); err != nil {
		t.Fatal(err)
	}
	build(inc)
	build(full, "--clean")
	a, _ := os.ReadFile(catalog)
	b, _ := os.ReadFile(filepath.Join(full, "datapackage.json"))
	if !bytes.Equal(a, b) {
		t.Error("after a department went, datapackage.json is not the --clean build's")
	}
}

// TestDamagedStateBuildsAgain: a part of the state that a rebuild needs
// but cannot read (a kept department's details, which its segment's
// site-wide files are made from) does not stop the build: it says so and
// builds the site again without the state. The output is the --clean
// build's, and so are the warnings, written once.
func TestDamagedStateBuildsAgain(t *testing.T) {
	work := t.TempDir()
	content := filepath.Join(work, "content")
	if err := corpus.Write(content, corpus.Options{Departments: 3, Projects: 6, Records: 30, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	inc, full := filepath.Join(work, "inc"), filepath.Join(work, "full")
	build := func(out string, extra ...string) (rendered, stderr string) {
		t.Helper()
		var o, e bytes.Buffer
		if code := run(append([]string{"build", "--content", content, "--out", out, "--pdf=false"}, extra...), &o, &e); code != 0 {
			t.Fatalf("build: %s", e.String())
		}
		return renderedCount.FindStringSubmatch(o.String())[1], e.String()
	}
	depts, _ := filepath.Glob(filepath.Join(content, "2021", "*"))
	rename := func(dept, prefix string) {
		t.Helper()
		projects, _ := filepath.Glob(filepath.Join(dept, "projects", "*.yaml"))
		text, _ := os.ReadFile(projects[0])
		if !bytes.Contains(text, []byte("\nname: ")) {
			t.Fatalf("%s has no name", projects[0])
		}
		os.WriteFile(projects[0], bytes.Replace(text, []byte("\nname: "), []byte("\nname: "+prefix), 1), 0o644)
	}
	// A warning, kept with its department's summary.
	f, err := os.OpenFile(filepath.Join(depts[2], "measures.md"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("\n重复的标点。。\n")
	f.Close()
	build(inc)

	spoilDetail(t, content, inc, depts[1])
	rename(depts[0], "改名的")

	const note = "disclose build: 增量构建记录已损坏，改为完整构建\n"
	got, warnings := build(inc)
	if got != "3" || !strings.HasPrefix(warnings, note) {
		t.Fatalf("rendered %s departments, want 3, and said:\n%s\nwant first: %s", got, warnings, note)
	}
	_, want := build(full, "--clean")
	if !strings.Contains(want, "doubled-punctuation") {
		t.Fatalf("the --clean build did not warn of the doubled punctuation:\n%s", want)
	}
	if strings.TrimPrefix(warnings, note) != want {
		t.Errorf("warnings:\n%s\nwant those of --clean:\n%s", strings.TrimPrefix(warnings, note), want)
	}
	if a, b := treeSum(t, inc), treeSum(t, full); a != b {
		t.Fatalf("the build made again and the --clean build differ:\n%s", firstDiff(a, b))
	}
	// Its state is whole again: the next build keeps every department.
	if got, _ := build(inc); got != "0" {
		t.Errorf("next build rendered %s departments, want 0", got)
	}
}

// spoilDetail makes the details of the department at dept (its web
// detail, a part of the state of its own) unreadable in the state of
// building content into out.
func spoilDetail(t *testing.T, content, out, dept string) {
	t.Helper()
	statePath := buildcache.Path(assets.CacheDir(), content, out)
	data, err := os.ReadFile(statePath)
	if err != nil {
		t.Fatal(err)
	}
	head, _, _ := bytes.Cut(data, []byte("\n"))
	var state struct{ Index map[string]string }
	if err := json.Unmarshal(head, &state); err != nil {
		t.Fatal(err)
	}
	file := state.Index["detail:2021/"+filepath.Base(dept)]
	if file == "" {
		t.Fatalf("no detail of %s in the state", dept)
	}
	if err := os.WriteFile(filepath.Join(filepath.Dir(statePath), "state-parts", file), []byte("spoiled"), 0o644); err != nil {
		t.Fatal(err)
	}
}

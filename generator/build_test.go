package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"disclose/generator/assets"
	"disclose/generator/internal/pdfcheck"
	"disclose/generator/internal/testutil"
	"disclose/generator/publish"
)

func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			out[rel+"/"] = ""
			return nil
		}
		data, _ := os.ReadFile(p)
		info, _ := d.Info()
		out[rel] = string(data) + "|" + info.ModTime().String()
		return nil
	})
	return out
}

func same(t *testing.T, what string, a, b map[string]string) {
	t.Helper()
	if len(a) != len(b) {
		t.Errorf("%s: %d entries before, %d after", what, len(a), len(b))
	}
	for k, v := range a {
		if b[k] != v {
			t.Errorf("%s: %s changed", what, k)
		}
	}
}

func siblings(t *testing.T, out string) []string {
	entries, _ := os.ReadDir(filepath.Dir(out))
	var names []string
	for _, e := range entries {
		// The output's lock file and its spare (the previous output brought
		// up to date, for the next build) stay beside it by design.
		if strings.HasSuffix(e.Name(), ".disclose-lock") || strings.HasSuffix(e.Name(), ".spare") {
			continue
		}
		names = append(names, e.Name())
	}
	return names
}

func TestBuildThenFailedBuildLeavesOutput(t *testing.T) {
	content := testutil.CopyContent(t)
	out := filepath.Join(t.TempDir(), "public")
	var o, e bytes.Buffer
	if code := run([]string{"build", "--content", content, "--out", out}, &o, &e); code != 0 {
		t.Fatalf("first build: exit %d\n%s", code, e.String())
	}
	if _, err := os.Stat(filepath.Join(out, publish.Marker)); err != nil {
		t.Fatal("the output has no marker")
	}
	before := snapshot(t, out)

	csv := filepath.Join(content, "2021/dkb/spending/2021-illustrative.csv")
	data, _ := os.ReadFile(csv)
	os.WriteFile(csv, bytes.Replace(data, []byte("1260.00"), []byte("abc"), 1), 0o644)
	e.Reset()
	if code := run([]string{"build", "--content", content, "--out", out}, &o, &e); code != 1 {
		t.Fatalf("build with a content error: exit %d, want 1", code)
	}
	if !strings.Contains(e.String(), `2021-illustrative.csv:4:39: 错误: 金额（元）: "abc" 不是金额`) || !strings.Contains(e.String(), "保持不变") {
		t.Errorf("message:\n%s", e.String())
	}
	same(t, "after a failed build", before, snapshot(t, out))

	// A failure while rendering (a broken template) also leaves it alone
	// and removes its staging folder.
	os.WriteFile(csv, data, 0o644)
	tpl := t.TempDir()
	os.WriteFile(filepath.Join(tpl, "project.html"), []byte(`{{define "main"}}{{.Nope}}{{end}}`), 0o644)
	e.Reset()
	if code := run([]string{"build", "--content", content, "--out", out, "--templates", tpl}, &o, &e); code != 1 {
		t.Fatalf("build with a broken template: exit %d, want 1\n%s", code, e.String())
	}
	same(t, "after a failed render", before, snapshot(t, out))
	if s := siblings(t, out); len(s) != 1 {
		t.Errorf("staging left behind: %v", s)
	}

	// A template that does not parse, in a build without PDFs (the
	// departments are loaded while the templates parse): the same.
	os.WriteFile(filepath.Join(tpl, "project.html"), []byte(`{{define "main"}}{{.Nope}`), 0o644)
	e.Reset()
	if code := run([]string{"build", "--content", content, "--out", out, "--templates", tpl, "--pdf=false"}, &o, &e); code == 0 || !strings.Contains(e.String(), "project.html") {
		t.Fatalf("build with a template that does not parse: exit %d\n%s", code, e.String())
	}
	same(t, "after a template that does not parse", before, snapshot(t, out))
	if s := siblings(t, out); len(s) != 1 {
		t.Errorf("staging left behind: %v", s)
	}
}

func TestBuildRefusesForeignFolder(t *testing.T) {
	out := t.TempDir()
	os.WriteFile(filepath.Join(out, "thesis.docx"), []byte("years of work"), 0o644)
	before := snapshot(t, out)
	var o, e bytes.Buffer
	code := run([]string{"build", "--content", testutil.ContentDir(), "--out", out}, &o, &e)
	if code != 2 || !strings.Contains(e.String(), "不会替换它") {
		t.Fatalf("exit %d: %s", code, e.String())
	}
	same(t, "a folder disclose did not make", before, snapshot(t, out))
	if s := siblings(t, out); len(s) != 1 {
		t.Errorf("staging left behind: %v", s)
	}
}

func TestBuildReplacesItsOwnOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	var o, e bytes.Buffer
	for i := range 2 {
		if code := run([]string{"build", "--content", testutil.ContentDir(), "--out", out}, &o, &e); code != 0 {
			t.Fatalf("build %d: exit %d\n%s", i+1, code, e.String())
		}
	}
	os.WriteFile(filepath.Join(out, "stale.html"), []byte("old"), 0o644)
	if code := run([]string{"build", "--content", testutil.ContentDir(), "--out", out}, &o, &e); code != 0 {
		t.Fatal(e.String())
	}
	if _, err := os.Stat(filepath.Join(out, "stale.html")); err == nil {
		t.Error("a file of the previous build survived the swap")
	}
	if s := siblings(t, out); len(s) != 1 {
		t.Errorf("left beside the output: %v", s)
	}
	mirrors(t, filepath.Join(filepath.Dir(out), ".site.spare"), out)
}

// mirrors checks that the spare holds the output's files themselves (hard
// links). It may hold more: a file put into the output by hand after the
// last build, which the next build's staging prunes.
func mirrors(t *testing.T, spare, out string) {
	t.Helper()
	files := func(dir string) map[string]os.FileInfo {
		m := map[string]os.FileInfo{}
		filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
			if err == nil && !e.IsDir() {
				st, _ := os.Stat(p)
				rel, _ := filepath.Rel(dir, p)
				m[rel] = st
			}
			return nil
		})
		return m
	}
	a, b := files(spare), files(out)
	if len(b) == 0 {
		t.Error("no output")
	}
	for rel, st := range b {
		if a[rel] == nil || !os.SameFile(a[rel], st) {
			t.Errorf("the spare's %s is not the output's", rel)
		}
	}
}

// TestMissingGlyphStopsTheBuild: a character no font has would print as a
// blank; the build names it and where it came from, and changes nothing.
func TestMissingGlyphStopsTheBuild(t *testing.T) {
	content := testutil.CopyContent(t)
	out := filepath.Join(t.TempDir(), "public")
	var o, e bytes.Buffer
	if code := run([]string{"build", "--content", content, "--out", out}, &o, &e); code != 0 {
		t.Fatal(e.String())
	}
	before := snapshot(t, out)
	proj := filepath.Join(content, "2021/dkb/projects/110-0303-JBN-1VKY.yaml")
	data, _ := os.ReadFile(proj)
	os.WriteFile(proj, bytes.Replace(data, []byte("name: 督查考核专项经费"), []byte("name: 督查考核专项经费𠮷"), 1), 0o644)
	goal := filepath.Join(content, "2021/dkb/overall-goal.md")
	data, _ = os.ReadFile(goal)
	os.WriteFile(goal, append(data, "\n第二段有一个𠮷字。\n"...), 0o644)
	e.Reset()
	if code := run([]string{"build", "--content", content, "--out", out}, &o, &e); code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, e.String())
	}
	for _, want := range []string{
		"110-0303-JBN-1VKY.yaml:4:15: 错误: name（项目名称）: 字体中没有“𠮷”（U+20BB7），PDF 中会印成空白",
		"overall-goal.md:3:7: 错误: 总体绩效目标: 字体中没有“𠮷”（U+20BB7）",
	} {
		if !strings.Contains(e.String(), want) {
			t.Errorf("missing %q in:\n%s", want, e.String())
		}
	}
	same(t, "after a missing glyph", before, snapshot(t, out))
}

// TestOwnAndFallbackFonts sets the body in a TrueType font without Chinese
// (DejaVu Serif, as a user's own font would be named in site.yaml) with
// Noto Serif SC as the fallback: Latin text takes the user's font, Chinese
// the fallback, and nothing prints blank.
func TestOwnAndFallbackFonts(t *testing.T) {
	const dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
	if _, err := os.Stat(dejavu); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("fonts-dejavu-core is not installed")
		}
		t.Skip("fonts-dejavu-core is not installed")
	}
	noto := filepath.Join(assets.CacheDir(), "npm/@expo-google-fonts/noto-serif-sc@0.4.3/package/400Regular/NotoSerifSC_400Regular.ttf")
	content := testutil.CopyContent(t)
	site := filepath.Join(content, "site.yaml")
	data, _ := os.ReadFile(site)
	os.WriteFile(site, append(data, []byte("pdf:\n  serif: "+dejavu+"\n  fallback: "+noto+"\n  max_records: 5\n")...), 0o644)
	out := filepath.Join(t.TempDir(), "public")
	var o, e bytes.Buffer
	if code := run([]string{"build", "--content", content, "--out", out}, &o, &e); code != 0 {
		t.Fatalf("exit %d\n%s", code, e.String())
	}
	pdfData, err := os.ReadFile(filepath.Join(out, "2021/dkb/dkb-2021.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := pdfcheck.Check(pdfData)
	if err != nil || len(r.Problems) > 0 || r.Fonts != 3 {
		t.Fatalf("%v %v, %d fonts (want DejaVu, Noto Serif as fallback, Noto Sans)", err, r.Problems, r.Fonts)
	}
	if !strings.Contains(r.Text, "深入学习党的十九大") || !strings.Contains(r.Text, "110-0303-JBN-1VKY") {
		t.Error("text lost with the fallback font")
	}
	if !strings.Contains(strings.Join(strings.Fields(r.Text), ""), "本项目共有支出记录22条") {
		t.Error("max_records was not applied")
	}
}

// TestUnchangedFilesKeepTheirTime: a rebuild leaves every file whose bytes
// did not change as it was (same inode, same modification time), and
// replaces only those that did.
func TestUnchangedFilesKeepTheirTime(t *testing.T) {
	content := testutil.CopyContent(t)
	out := filepath.Join(t.TempDir(), "public")
	var o, e bytes.Buffer
	buildOnce := func() {
		if code := run([]string{"build", "--content", content, "--out", out}, &o, &e); code != 0 {
			t.Fatal(e.String())
		}
	}
	times := func() map[string]string {
		m := map[string]string{}
		filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				info, _ := d.Info()
				rel, _ := filepath.Rel(out, p)
				m[rel] = info.ModTime().String()
			}
			return err
		})
		return m
	}
	buildOnce()
	first := times()
	time.Sleep(20 * time.Millisecond)
	buildOnce()
	second := times()
	for f, tm := range first {
		if second[f] != tm && f != publish.Marker {
			t.Errorf("%s was rewritten although it did not change", f)
		}
	}
	// Change one project's narrative: its page, the department's page and
	// report change (and the index, which gives the report's size); the
	// department's own indicators do not.
	goal := filepath.Join(content, "2021/dkb/projects/110-0303-JBN-1VKY.md")
	data, _ := os.ReadFile(goal)
	os.WriteFile(goal, append(data, "\n补充说明。\n"...), 0o644)
	time.Sleep(20 * time.Millisecond)
	buildOnce()
	third := times()
	for _, f := range []string{"2021/dkb/projects/110-0303-JBN-1VKY.html", "2021/dkb/index.html", "2021/dkb/dkb-2021.pdf"} {
		if third[f] == second[f] {
			t.Errorf("%s did not change", f)
		}
	}
	for _, f := range []string{"2021/dkb/data/indicators.csv", "assets/style.css", "404.html"} {
		if third[f] != second[f] {
			t.Errorf("%s was rewritten although it did not change", f)
		}
	}
}

package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
}

package gitrev

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
)

// LogFiles split by folder lists what Log of that folder lists, through
// a merge, a rename and a root commit.
func TestLogFilesSplit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(rel, text string) {
		t.Helper()
		p := filepath.Join(dir, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	commit := func(msg string) { t.Helper(); git("add", "-A"); git("commit", "-q", "-m", msg) }
	git("init", "-q", "-b", "main")
	write("content/2021/a/department.yaml", "a\n")
	write("content/2021/b/department.yaml", "b\n")
	commit("root")
	write("content/2021/a/department.yaml", "a2\n")
	commit("a")
	write("README.md", "outside\n")
	commit("outside")
	git("checkout", "-q", "-b", "topic")
	write("content/2021/b/department.yaml", "b2\n")
	commit("b on a branch")
	write("content/2021/rules.yaml", "r\n")
	commit("rules on a branch")
	git("checkout", "-q", "main")
	git("merge", "-q", "--no-ff", "-m", "merge", "topic")
	git("mv", "content/2021/a", "content/2021/c")
	commit("rename a to c")

	r := &Repo{Top: dir}
	all, err := r.LogFiles("", "content")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"content/2021/a", "content/2021/b", "content/2021/c", "content/2021/rules.yaml", "content/2022"} {
		want, err := r.Log("", p)
		if err != nil {
			t.Fatal(err)
		}
		var got []Commit
		for _, c := range all {
			if c.Touches(p) {
				got = append(got, c.Commit)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: split %v, want %v", p, got, want)
		}
		if p == "content/2021/b" && len(want) != 2 {
			t.Errorf("%s: %d commits, want the root and the merge", p, len(want))
		}
	}
}

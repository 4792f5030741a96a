package main

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"disclose/generator/corpus"
)

// treeSum fingerprints every file of a folder (paths and bytes).
func treeSum(t *testing.T, dir string) string {
	t.Helper()
	var lines []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		lines = append(lines, fmt.Sprintf("%s %x", rel, sha256.Sum256(data)))
		return err
	})
	if err != nil {
		return "missing: " + err.Error()
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// TestKilledBuildLeavesOutputWhole kills builds at random moments: the
// output is always a whole site (the previous one, or the new one once it
// was swapped in), and the next build completes and is correct.
func TestKilledBuildLeavesOutputWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and a corpus")
	}
	bin := filepath.Join(t.TempDir(), "disclose")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	work := t.TempDir()
	content := filepath.Join(work, "content")
	if err := corpus.Write(content, corpus.Options{Departments: 2, Projects: 30, Records: 3000, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(work, "public")
	build := func() *exec.Cmd {
		cmd := exec.Command(bin, "build", "--content", content, "--out", out)
		cmd.Dir = work
		return cmd
	}
	start := time.Now()
	if b, err := build().CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, b)
	}
	took := time.Since(start)
	oldSum := treeSum(t, out)

	// The next version differs: the new tree is what a finished build makes.
	site := filepath.Join(content, "site.yaml")
	data, _ := os.ReadFile(site)
	os.WriteFile(site, []byte(strings.Replace(string(data), "合成测试网站", "合成测试网站（更新）", 1)), 0o644)
	ref := filepath.Join(work, "reference")
	if b, err := exec.Command(bin, "build", "--content", content, "--out", ref).CombinedOutput(); err != nil {
		t.Fatalf("reference build: %v\n%s", err, b)
	}
	newSum := treeSum(t, ref)

	r := rand.New(rand.NewPCG(1, 2))
	// killed starts a build, kills it at a random moment within about its
	// duration, and returns what the output then holds.
	killed := func(took time.Duration) string {
		cmd := build()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(r.Int64N(int64(took) * 6 / 5)))
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()
		return treeSum(t, out)
	}
	for i := range 12 {
		switch got := killed(took); got {
		case oldSum:
		case newSum:
			oldSum = newSum // swapped in before the kill: now the previous site
		default:
			t.Fatalf("kill %d after %v: the output is neither the old nor the new site", i+1, took)
		}
	}
	if b, err := build().CombinedOutput(); err != nil {
		t.Fatalf("build after the kills: %v\n%s", err, b)
	}
	if treeSum(t, out) != newSum {
		t.Error("the build after the kills is not correct")
	}

	// The same with incremental builds: one project changes each time, so
	// a kill can fall while unchanged files are linked, before the swap,
	// or between the swap and the saving of the build cache's state. The
	// output is always the old or the new site, and the next build, which
	// must not trust a state that does not describe the output, is right.
	projects, _ := filepath.Glob(filepath.Join(content, "2021", "*", "projects", "*.yaml"))
	sort.Strings(projects)
	edit := func(n int) {
		p := projects[n%len(projects)]
		data, _ := os.ReadFile(p)
		lines := strings.SplitN(string(data), "\n", 3)
		lines[1] = strings.Split(lines[1], "（第")[0] + fmt.Sprintf("（第%d版）", n)
		os.WriteFile(p, []byte(strings.Join(lines, "\n")), 0o644)
	}
	reference := func() string {
		os.RemoveAll(ref)
		if b, err := exec.Command(bin, "build", "--content", content, "--out", ref, "--clean").CombinedOutput(); err != nil {
			t.Fatalf("reference build: %v\n%s", err, b)
		}
		return treeSum(t, ref)
	}
	edit(0)
	start = time.Now()
	if b, err := build().CombinedOutput(); err != nil {
		t.Fatalf("incremental build: %v\n%s", err, b)
	}
	tookInc := time.Since(start)
	oldSum = treeSum(t, out)
	if oldSum != reference() {
		t.Fatal("an incremental build differs from a full build of the same content")
	}
	for i := 1; i <= 12; i++ {
		edit(i)
		newSum = reference()
		switch got := killed(tookInc); got {
		case oldSum:
		case newSum:
		default:
			t.Fatalf("incremental kill %d after %v: the output is neither the old nor the new site", i, tookInc)
		}
		if b, err := build().CombinedOutput(); err != nil {
			t.Fatalf("build after incremental kill %d: %v\n%s", i, err, b)
		}
		if treeSum(t, out) != newSum {
			t.Fatalf("the build after incremental kill %d is not correct", i)
		}
		oldSum = newSum
	}
	left, _ := filepath.Glob(filepath.Join(work, ".public.building-*"))
	if len(left) > 0 {
		t.Errorf("staging folders left behind: %v", left)
	}
}

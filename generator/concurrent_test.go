package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"disclose/generator/assets"
	"disclose/generator/corpus"
	"disclose/generator/internal/testutil"
	"disclose/generator/publish"
)

// TestConcurrentBuildsIntoOneOutput starts pairs of builds into the same
// --out a random 0–1 s apart (an author's make while serve rebuilds): after
// each pair the output is exactly a clean build of the content, and a
// build that reports success never leaves an incomplete site.
func TestConcurrentBuildsIntoOneOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and a corpus")
	}
	bin := filepath.Join(t.TempDir(), "disclose")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	work := t.TempDir()
	// A cache of its own (states of these builds only), with the assets.
	cache := filepath.Join(work, "cache")
	os.MkdirAll(cache, 0o755)
	if err := os.Symlink(filepath.Join(assets.CacheDir(), "npm"), filepath.Join(cache, "npm")); err != nil {
		t.Fatal(err)
	}
	content := filepath.Join(work, "content")
	if err := corpus.Write(content, corpus.Options{Departments: 8, Projects: 40, Records: 24000, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(work, "public")
	ref := filepath.Join(work, "reference")
	command := func(dir string, extra ...string) *exec.Cmd {
		cmd := exec.Command(bin, append([]string{"build", "--content", content, "--out", dir, "--cache", cache}, extra...)...)
		cmd.Dir = work
		return cmd
	}
	projects, _ := filepath.Glob(filepath.Join(content, "2021", "*", "projects", "*.yaml"))
	sort.Strings(projects)
	edit := func(n int) {
		p := projects[n%len(projects)]
		data, _ := os.ReadFile(p)
		lines := strings.SplitN(string(data), "\n", 3)
		lines[1] = strings.Split(lines[1], "（第")[0] + fmt.Sprintf("（第%d版）", n)
		os.WriteFile(p, []byte(strings.Join(lines, "\n")), 0o644)
	}

	r := rand.New(rand.NewPCG(12, 1))
	for i := range 10 {
		var opts []string
		if i != 2 && i != 6 && i != 9 { // three pairs with PDFs; the rest quicker
			opts = append(opts, "--pdf=false")
		}
		if i%2 == 0 {
			opts = append(opts, "--clean")
		}
		edit(i)
		os.RemoveAll(ref)
		if b, err := command(ref, append(slices.Clone(opts), "--clean")...).CombinedOutput(); err != nil {
			t.Fatalf("pair %d: reference build: %v\n%s", i, err, b)
		}
		want := treeSum(t, ref)

		// Each build's report, and the output as it is the moment the
		// build exits: a build that says it succeeded must have left a
		// whole site (the other may swap in its own later).
		pair := [2]*exec.Cmd{command(out, opts...), command(out, opts...)}
		var logs [2]bytes.Buffer
		exited := make(chan int, 2)
		errs := [2]error{}
		delay := time.Duration(r.Int64N(int64(time.Second)))
		for k, cmd := range pair {
			if k == 1 {
				time.Sleep(delay)
			}
			cmd.Stdout, cmd.Stderr = &logs[k], &logs[k]
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			go func() { errs[k] = cmd.Wait(); exited <- k }()
		}
		for range 2 {
			k := <-exited
			if errs[k] != nil {
				t.Errorf("pair %d (%v apart, %v): build %d failed: %v\n%s", i, delay, opts, k+1, errs[k], logs[k].String())
			} else if got := treeSum(t, out); got != want {
				t.Errorf("pair %d (%v apart, %v): build %d reported success, but the output is not a clean build:\n%s\n%s",
					i, delay, opts, k+1, firstDiff(got, want), logs[k].String())
			}
		}
		if got := treeSum(t, out); got != want {
			t.Errorf("pair %d: after both builds the output is not a clean build:\n%s", i, firstDiff(got, want))
		}
	}
	left, _ := filepath.Glob(filepath.Join(work, ".public.building-*"))
	if len(left) > 0 {
		t.Errorf("staging folders left behind: %v", left)
	}
}

// TestBuildWaitsOrRefusesWhileOutputLocked: while another build holds the
// output, build says it waits and finishes once the lock is free; with
// --no-wait it fails at once with a clear message and leaves the output.
func TestBuildWaitsOrRefusesWhileOutputLocked(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	args := []string{"build", "--content", testutil.ContentDir(), "--out", out, "--pdf=false"}
	held, err := publish.Lock(context.Background(), out, nil)
	if err != nil {
		t.Fatal(err)
	}
	var o, e bytes.Buffer
	if code := run(append(args, "--no-wait"), &o, &e); code != 1 || !strings.Contains(e.String(), "另一个构建正在写入输出目录") || !strings.Contains(e.String(), "--no-wait") {
		t.Errorf("--no-wait: exit %d\n%s", code, e.String())
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("a refused build touched the output")
	}
	e.Reset()
	if code := run(append(args, "--lock-timeout", "100ms"), &o, &e); code != 1 || !strings.Contains(e.String(), "已等待 100ms") {
		t.Errorf("--lock-timeout: exit %d\n%s", code, e.String())
	}
	log := &syncBuffer{}
	exit := make(chan int, 1)
	go func() { exit <- run(args, io.Discard, log) }()
	deadline := time.After(20 * time.Second)
	for !strings.Contains(log.String(), "另一个构建正在写入 "+out) {
		select {
		case code := <-exit:
			t.Fatalf("build did not wait (exit %d):\n%s", code, log.String())
		case <-deadline:
			t.Fatal("build did not say it waits")
		case <-time.After(20 * time.Millisecond):
		}
	}
	held.Release()
	select {
	case code := <-exit:
		if code != 0 {
			t.Fatalf("exit %d after waiting:\n%s", code, log.String())
		}
	case <-time.After(60 * time.Second):
		t.Fatal("build did not finish once the lock was free")
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Error(err)
	}
	if _, err := os.Stat(filepath.Join(out, filepath.Base(publish.LockPath(out)))); !os.IsNotExist(err) {
		t.Error("the lock file is inside the output")
	}
}

// syncBuffer is a log several goroutines write.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

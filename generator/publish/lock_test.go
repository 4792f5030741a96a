package publish

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

func done() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return ctx
}

// TestLockOneHolderAtATime: while a build holds the output's lock another
// is refused (or waits), and gets it once the first lets go; the lock file
// is beside the output, never in it.
func TestLockOneHolderAtATime(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	first, err := Lock(done(), out, nil)
	if err != nil {
		t.Fatal(err)
	}
	told := ""
	if _, err := Lock(done(), out, func(h string) { told = h }); !errors.Is(err, ErrBusy) {
		t.Fatalf("a second holder: %v", err)
	}
	if told != "" {
		t.Error("told to wait when it would not wait")
	}
	got := make(chan error, 1)
	waited := make(chan string, 1)
	go func() {
		l, err := Lock(context.Background(), out, func(h string) { waited <- h })
		if err == nil {
			l.Release()
		}
		got <- err
	}()
	select {
	case h := <-waited:
		if h != "" && h != itoa(os.Getpid()) {
			t.Errorf("holder %q", h)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the waiting build was not told")
	}
	select {
	case err := <-got:
		t.Fatalf("the lock was taken while held: %v", err)
	case <-time.After(200 * time.Millisecond):
	}
	first.Release()
	select {
	case err := <-got:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the lock was not passed on")
	}
	if _, err := first.Begin(); err == nil {
		t.Error("a released lock began a staging folder")
	}
	if filepath.Dir(LockPath(out)) != filepath.Dir(out) {
		t.Errorf("lock file %s is not beside %s", LockPath(out), out)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestLockDiesWithItsHolder: a build killed with -9 while holding the lock
// does not block the next one.
func TestLockDiesWithItsHolder(t *testing.T) {
	if os.Getenv("DISCLOSE_LOCK_HOLDER") != "" {
		if _, err := Lock(context.Background(), os.Getenv("DISCLOSE_LOCK_HOLDER"), nil); err != nil {
			os.Exit(3)
		}
		os.Stdout.WriteString("held\n")
		time.Sleep(time.Minute)
		os.Exit(0)
	}
	out := filepath.Join(t.TempDir(), "public")
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockDiesWithItsHolder$")
	cmd.Env = append(os.Environ(), "DISCLOSE_LOCK_HOLDER="+out)
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 5)
	if _, err := stdout.Read(buf); err != nil || string(buf) != "held\n" {
		t.Fatalf("holder: %q %v", buf, err)
	}
	if _, err := Lock(done(), out, nil); !errors.Is(err, ErrBusy) {
		t.Fatalf("while the other process holds it: %v", err)
	}
	cmd.Process.Kill()
	cmd.Wait()
	l, err := Lock(done(), out, nil)
	if err != nil {
		t.Fatalf("after the holder was killed: %v", err)
	}
	l.Release()
}

// TestExclusiveFallback: the lock for systems without file locks.
func TestExclusiveFallback(t *testing.T) {
	path := filepath.Join(t.TempDir(), ".public.disclose-lock")
	release, err := acquireExclusive(path)
	if err != nil || release == nil {
		t.Fatalf("first: %v", err)
	}
	if r, err := acquireExclusive(path); r != nil || err != nil {
		t.Fatalf("second while held: %v", err)
	}
	release()
	release, err = acquireExclusive(path)
	if err != nil || release == nil {
		t.Fatalf("after release: %v", err)
	}
	// Left by a killed build: untouched for longer than staleAfter.
	old := time.Now().Add(-2 * staleAfter)
	os.Chtimes(path, old, old)
	if r, _ := acquireExclusive(path); r != nil {
		t.Fatal("a stale lock was taken in the same try")
	}
	r, err := acquireExclusive(path)
	if err != nil || r == nil {
		t.Fatalf("a stale lock was not broken: %v", err)
	}
	r()
}

// TestLockRefusesForeignFolder: no lock file beside a folder disclose did
// not make.
func TestLockRefusesForeignFolder(t *testing.T) {
	out := filepath.Join(t.TempDir(), "docs")
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, "thesis.tex"), []byte("x"), 0o644)
	if _, err := Lock(done(), out, nil); !errors.Is(err, ErrNotOurs) {
		t.Fatalf("got %v", err)
	}
	if _, err := os.Stat(LockPath(out)); !os.IsNotExist(err) {
		t.Error("a lock file was left beside a foreign folder")
	}
}

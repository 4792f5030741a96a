package publish

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// ErrBusy is returned by Lock when another build holds the output's lock
// and the caller would not wait (longer).
var ErrBusy = errors.New("另一个构建正在写入输出目录")

// OutputLock is one build's hold on an output folder: only its holder may
// tidy after a killed build, stage, swap and save the build's state. Two
// builds into the same folder (an author's make while serve rebuilds)
// otherwise remove each other's staging folder.
//
// The lock is a file beside the output, never inside it (the output is
// swapped whole), locked by the operating system (flock, LockFileEx), so
// the lock dies with its holder: a build killed with -9 leaves no stale
// lock. The file itself stays: removing a file others wait on would let
// two builds hold "the" lock at once.
type OutputLock struct {
	out     string
	release func()
	stages  []*Staging // (Release waits for their spares to be kept)
}

// LockPath is the lock file of the output folder out: a hidden sibling
// that the staging folders' pattern (see recover) does not match.
func LockPath(out string) string {
	if abs, err := filepath.Abs(out); err == nil {
		out = abs
	}
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".disclose-lock")
}

// pollEvery is how often a waiting build tries the lock again.
const pollEvery = 50 * time.Millisecond

// Lock takes out's lock. When another build holds it, waiting is called
// once with the holder's process id ("" when unknown) and Lock tries
// again until the lock is free or ctx is done (then ErrBusy): an already
// done ctx means "do not wait". A folder that disclose did not make is
// refused first, before any lock file is put beside it.
func Lock(ctx context.Context, out string, waiting func(holder string)) (*OutputLock, error) {
	out = filepath.Clean(out)
	if err := mayReplace(out); err != nil {
		return nil, err
	}
	path := LockPath(out)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	told := false
	for {
		release, err := acquire(path)
		if err != nil {
			return nil, fmt.Errorf("输出目录的锁文件 %s：%w", path, err)
		}
		if release != nil {
			return &OutputLock{out: out, release: release}, nil
		}
		holder := lockHolder(path)
		if !told && ctx.Err() == nil && waiting != nil {
			waiting(holder)
			told = true
		}
		select {
		case <-ctx.Done():
			if holder != "" {
				return nil, fmt.Errorf("%w（%s，进程 %s）", ErrBusy, out, holder)
			}
			return nil, fmt.Errorf("%w（%s）", ErrBusy, out)
		case <-time.After(pollEvery):
		}
	}
}

// Release lets the next build in. Releasing twice is harmless.
func (l *OutputLock) Release() {
	if l != nil && l.release != nil {
		for _, s := range l.stages {
			s.keeping.Wait() // (the next holder takes the spare)
		}
		l.release()
		l.release = nil
	}
}

// Begin checks that the locked output may be replaced, tidies after a
// killed build and creates the staging folder beside the output (same
// file system, so the final rename is atomic). Only a lock's holder may
// begin: the tidying removes any staging folder but its own.
func (l *OutputLock) Begin() (*Staging, error) {
	if l.release == nil {
		return nil, errors.New("publish: the output's lock was released")
	}
	s, err := begin(l.out)
	if err == nil {
		l.stages = append(l.stages, s)
	}
	return s, err
}

// lockHolder reads the process id the holder wrote into the lock file.
func lockHolder(path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	pid := strings.TrimSpace(string(data))
	if _, err := strconv.Atoi(pid); err != nil {
		return ""
	}
	return pid
}

// pidText is what a holder writes into the lock file.
func pidText() []byte { return []byte(strconv.Itoa(os.Getpid()) + "\n") }

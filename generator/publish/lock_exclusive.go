package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"
)

// The fallback where the system has no file lock that dies with its
// holder: the lock file is created exclusively, its holder touches it
// while it holds it, and a file untouched for staleAfter is a lock left by
// a build that was killed. (Compiled everywhere, so that it is tested.)
const (
	touchEvery = 2 * time.Second
	staleAfter = 30 * time.Second
)

func acquireExclusive(path string) (release func(), err error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		if st, serr := os.Stat(path); serr == nil && time.Since(st.ModTime()) > staleAfter {
			// Left by a killed build. Renamed aside first and looked at
			// again: another build may have broken it and taken a fresh
			// lock meanwhile, which is put back (best effort: this
			// fallback is for systems without a real file lock).
			aside := fmt.Sprintf("%s.stale-%d", path, os.Getpid())
			if os.Rename(path, aside) == nil {
				if st, serr := os.Stat(aside); serr == nil && time.Since(st.ModTime()) <= staleAfter {
					_ = os.Link(aside, path)
				}
				_ = os.Remove(aside)
			}
		}
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	_, err = f.Write(pidText())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(path)
		return nil, err
	}
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(touchEvery)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case now := <-tick.C:
				_ = os.Chtimes(path, now, now)
			}
		}
	}()
	return func() {
		close(done)
		<-stopped
		_ = os.Remove(path)
	}, nil
}

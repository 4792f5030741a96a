//go:build windows

package publish

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// acquire tries the lock once: LockFileEx, released by the system when
// the holder exits. The locked byte lies far past the process id the
// holder writes, so that a waiting build can still read it.
func acquire(path string) (release func(), err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	h := windows.Handle(f.Fd())
	ol := &windows.Overlapped{OffsetHigh: 0x7fffffff}
	err = windows.LockFileEx(h, windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol)
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) || errors.Is(err, windows.ERROR_IO_PENDING) {
		f.Close()
		return nil, nil
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	if f.Truncate(0) == nil {
		_, _ = f.WriteAt(pidText(), 0)
	}
	return func() {
		_ = windows.UnlockFileEx(h, 0, 1, 0, ol)
		f.Close()
	}, nil
}

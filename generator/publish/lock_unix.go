//go:build unix

package publish

import (
	"errors"
	"os"
	"syscall"
)

// acquire tries the lock once: flock(2), released by the kernel when the
// holder exits however it exits. nil, nil: another process holds it.
func acquire(path string) (release func(), err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	if errors.Is(err, syscall.EWOULDBLOCK) {
		f.Close()
		return nil, nil
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	// For the message of a build that waits.
	if f.Truncate(0) == nil {
		_, _ = f.WriteAt(pidText(), 0)
	}
	return func() { f.Close() }, nil
}

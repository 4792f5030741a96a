package fileio

import (
	"os"
	"path/filepath"
)

// WriteFileAtomic writes data to path through a temporary file (named by
// pattern, as os.CreateTemp takes it) in the same folder, renamed over it:
// a reader sees the old file or the new one, never part of one. The folder
// is made when missing.
func WriteFileAtomic(path, pattern string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), pattern)
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
	}
	return err
}

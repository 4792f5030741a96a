package buildcache

import (
	"bytes"
	"os"
	"path/filepath"

	"disclose/generator/fileio"
)

// A blob is a file the build keeps beside its state (a department's part
// of a combined report, say), named by what it was made from: the bytes,
// then the SHA-256 of them on a line of its own, so that a damaged blob is
// not used.

// SaveBlob writes data to path in one step (a temporary file renamed).
func SaveBlob(path string, data []byte) error {
	return writeAtomic(path, ".blob-*", append(append(data[:len(data):len(data)], '\n'), digest(data)+"\n"...))
}

// writeAtomic writes data to path through a temporary file (named by
// pattern) in the same folder, renamed over it: a reader sees the old file
// or the new one, never part of one.
func writeAtomic(path, pattern string, data []byte) error {
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

// LoadBlob reads what SaveBlob wrote; false when it is missing or damaged.
func LoadBlob(path string) ([]byte, bool) {
	data, err := fileio.ReadFile(path)
	if err != nil {
		return nil, false
	}
	data = bytes.TrimSuffix(data, []byte("\n"))
	i := bytes.LastIndexByte(data, '\n')
	if i < 0 || digest(data[:i]) != string(data[i+1:]) {
		return nil, false
	}
	return data[:i], true
}

// PruneBlobs removes the blobs in dir whose names keep does not hold.
func PruneBlobs(dir string, keep map[string]bool) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !keep[e.Name()] {
			_ = os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

//go:build !linux

package fileio

import (
	"errors"
	"io"
	"io/fs"
	"os"
)

// ReadFile returns the bytes of the file at path.
func ReadFile(path string) ([]byte, error) { return os.ReadFile(path) }

// ReadFileTo is ReadFile (buf is not reused here).
func ReadFileTo(path string, _ []byte) ([]byte, error) { return os.ReadFile(path) }

// ReadPrefixTo reads the first n bytes of the file at path (all of it
// when shorter); buf is not reused here.
func ReadPrefixTo(path string, _ []byte, n int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, int64(n)))
}

// WriteFile writes data to the file at path, creating or truncating it.
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	return os.WriteFile(path, data, perm)
}

var (
	errIsDir  = errors.New("is a directory")
	errNotDir = errors.New("not a directory")
)

// readRegular reads a file Guard.Resolve admitted, up to limit bytes.
func readRegular(path string, st fs.FileInfo, limit int64) ([]byte, error) {
	if !st.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "open", Path: path, Err: &SpecialError{Mode: st.Mode()}}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if limit >= 0 {
		r = io.LimitReader(f, limit+1)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if limit >= 0 && int64(len(data)) > limit {
		return nil, &fs.PathError{Op: "read", Path: path, Err: &TooLargeError{Size: int64(len(data)), Limit: limit}}
	}
	return data, nil
}

// readDir lists dir's entries in name order (listings are not kept: the
// folder's stamp is not known here).
func readDir(dir, _ string, _ dirStamp, _ *Listings) ([]dirEntry, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	out := make([]dirEntry, len(entries))
	for i, e := range entries {
		out[i].name = e.Name()
		out[i].dir = e.IsDir()
		if e.Type().IsRegular() {
			if st, err := e.Info(); err == nil && st.Mode().IsRegular() {
				out[i].file = st
			}
		}
	}
	return out, nil
}

// dirStampOf gives no stamp here.
func dirStampOf(fs.FileInfo) dirStamp { return dirStamp{} }

// Entries lists dir's files and folders by name; links and other special
// files are files.
func Entries(dir string) (files, dirs []string, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, e.Name())
		} else {
			files = append(files, e.Name())
		}
	}
	return files, dirs, nil
}

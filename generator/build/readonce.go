package build

import (
	"io/fs"
	"path/filepath"
	"sync"

	"disclose/generator/fileio"
)

// readOnce reads a department's files once, for load and for the
// fingerprint alike, keeping each file's bytes with what stat said just
// before they were read: what is hashed is what was loaded.
type readOnce struct {
	guard *fileio.Guard
	mu    sync.Mutex
	files map[string]readFile
}

type readFile struct {
	data []byte
	st   fs.FileInfo
}

func newReadOnce(g *fileio.Guard) *readOnce { return &readOnce{guard: g, files: map[string]readFile{}} }

// get returns the file's bytes, read once: stat, then read, so that a
// change made meanwhile shows at the next build.
func (r *readOnce) get(path string) (readFile, error) {
	path = filepath.Clean(path)
	r.mu.Lock()
	f, ok := r.files[path]
	r.mu.Unlock()
	if ok {
		return f, nil
	}
	var err error
	if f.data, f.st, err = r.guard.ReadFile(path); err != nil {
		return readFile{}, err
	}
	r.mu.Lock()
	r.files[path] = f
	r.mu.Unlock()
	return f, nil
}

// read serves load.
func (r *readOnce) read(path string) ([]byte, error) {
	f, err := r.get(path)
	return f.data, err
}

// kept serves the fingerprint (buildcache.Hasher.Read).
func (r *readOnce) kept(path string) ([]byte, fs.FileInfo, error) {
	f, err := r.get(path)
	return f.data, f.st, err
}

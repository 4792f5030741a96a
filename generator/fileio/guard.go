package fileio

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Guard reads the files of one folder tree (the content folder) and
// nothing else: a path, or a symbolic link on the way, that leads out of
// the tree (or of the other folders allowed) is refused, and so are
// special files (a FIFO would block a read for ever, a device never ends)
// and files larger than their kind's limit. Load, check and the build's
// fingerprints all read content through one Guard, so they refuse the
// same files.
type Guard struct {
	root    string   // absolute, symbolic links resolved
	allowed []string // likewise
	// Limit gives the byte limit of a file by its name; nil: no limit.
	Limit func(name string) int64

	mu   sync.Mutex
	dirs map[string]string // folder → folder with links resolved
}

// OutsideError is a path that leads out of the folders a Guard reads.
type OutsideError struct {
	Target string // where it leads, links resolved
	Link   bool   // a symbolic link leads there (else the path itself)
}

func (e *OutsideError) Error() string {
	if e.Link {
		return "symbolic link leads outside the content folder to " + e.Target
	}
	return "path leads outside the content folder to " + e.Target
}

// SpecialError is a file that is not a regular file or a folder.
type SpecialError struct{ Mode fs.FileMode }

func (e *SpecialError) Error() string { return "not a regular file: " + e.Mode.Type().String() }

// TooLargeError is a file over its limit.
type TooLargeError struct{ Size, Limit int64 }

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("file of %d bytes is over the limit of %d bytes", e.Size, e.Limit)
}

// ErrLoop is a folder link that leads back into a folder it is in.
var ErrLoop = errors.New("folder link leads back into itself")

// NewGuard reads inside root and the allowed folders.
func NewGuard(root string, allowed ...string) (*Guard, error) {
	g := &Guard{dirs: map[string]string{}}
	var err error
	if g.root, err = realDir(root); err != nil {
		return nil, err
	}
	for _, a := range allowed {
		if r, err := realDir(a); err == nil {
			g.allowed = append(g.allowed, r)
		}
	}
	return g, nil
}

func realDir(p string) (string, error) {
	a, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(a)
}

// Root is the folder read, links resolved.
func (g *Guard) Root() string { return g.root }

func within(dir, p string) bool {
	return p == dir || strings.HasPrefix(p, dir+string(filepath.Separator)) || dir == string(filepath.Separator)
}

func (g *Guard) permitted(real string) bool {
	if within(g.root, real) {
		return true
	}
	for _, a := range g.allowed {
		if within(a, real) {
			return true
		}
	}
	return false
}

// resolveDir resolves a folder's links, once per folder.
func (g *Guard) resolveDir(dir string) (string, error) {
	g.mu.Lock()
	r, ok := g.dirs[dir]
	g.mu.Unlock()
	if ok {
		return r, nil
	}
	// From its parent's, resolved once: filepath.EvalSymlinks would lstat
	// every folder of the path again for each department (at 1,000
	// departments, 7,000 lstats before the build could begin).
	var err error
	if parent := filepath.Dir(dir); parent == dir {
		r, err = filepath.EvalSymlinks(dir)
	} else if r, err = g.resolveDir(parent); err == nil {
		r = filepath.Join(r, filepath.Base(dir))
		var st fs.FileInfo
		switch st, err = os.Lstat(r); {
		case err != nil:
		case st.Mode()&fs.ModeSymlink != 0:
			r, err = filepath.EvalSymlinks(r)
		case !st.IsDir():
			err = &fs.PathError{Op: "lstat", Path: r, Err: errNotDir}
		}
	}
	if err != nil {
		return "", err
	}
	g.mu.Lock()
	g.dirs[dir] = r
	g.mu.Unlock()
	return r, nil
}

// Resolve returns where path really is, with what stat says of it; it
// fails with an *fs.PathError holding an *OutsideError, a *SpecialError
// or a *TooLargeError (for a file) when the Guard would not read it.
func (g *Guard) Resolve(path string) (string, fs.FileInfo, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	dir, err := g.resolveDir(filepath.Dir(abs))
	if err != nil {
		return "", nil, &fs.PathError{Op: "open", Path: path, Err: unwrapPath(err)}
	}
	real := filepath.Join(dir, filepath.Base(abs))
	st, err := os.Lstat(real)
	if err == nil && st.Mode()&fs.ModeSymlink != 0 {
		if real, err = filepath.EvalSymlinks(real); err == nil {
			st, err = os.Lstat(real)
		}
	}
	if err != nil {
		return "", nil, &fs.PathError{Op: "open", Path: path, Err: unwrapPath(err)}
	}
	if !g.permitted(real) {
		// A path inside that leads out passes through a link.
		return "", nil, &fs.PathError{Op: "open", Path: path, Err: &OutsideError{Target: real, Link: within(g.root, abs)}}
	}
	if err := g.admit(real, st); err != nil {
		return "", nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	return real, st, nil
}

// admit refuses special files and files over their limit.
func (g *Guard) admit(real string, st fs.FileInfo) error {
	switch {
	case st.IsDir():
		return nil
	case !st.Mode().IsRegular():
		return &SpecialError{Mode: st.Mode()}
	}
	if limit := g.limit(real); limit >= 0 && st.Size() > limit {
		return &TooLargeError{Size: st.Size(), Limit: limit}
	}
	return nil
}

func (g *Guard) limit(name string) int64 {
	if g.Limit == nil {
		return -1
	}
	return g.Limit(name)
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// ReadFile reads the file at path when the Guard admits it, returning its
// bytes and what stat said of it just before they were read. The read
// stops at the limit, so a file that grows meanwhile is refused too.
func (g *Guard) ReadFile(path string) ([]byte, fs.FileInfo, error) {
	real, st, err := g.Resolve(path)
	if err != nil {
		return nil, nil, err
	}
	if st.IsDir() {
		return nil, nil, &fs.PathError{Op: "read", Path: path, Err: errIsDir}
	}
	data, err := readRegular(real, st, g.limit(real))
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			pe.Path = path
		}
		return nil, nil, err
	}
	return data, st, nil
}

// Walk calls fn for every file under root in name order, following folder
// links the Guard admits, with the path through root (links not resolved)
// and the reason the Guard refuses it, if it does. A refused folder is
// reported once, and not entered.
func (g *Guard) Walk(root string, fn func(path string, err error)) error {
	return g.WalkInfo(root, func(p string, _ fs.FileInfo, err error) { fn(p, err) })
}

// WalkInfo is Walk, passing also what stat said of each file admitted (of
// where a link leads), so that a caller need not stat it again.
func (g *Guard) WalkInfo(root string, fn func(path string, st fs.FileInfo, err error)) error {
	return g.WalkListed(root, nil, fn)
}

// WalkListed is WalkInfo, taking a folder's entries from l when its
// listing there stands and recording every folder's listing in it (l may
// be nil).
func (g *Guard) WalkListed(root string, l *Listings, fn func(path string, st fs.FileInfo, err error)) error {
	real, st, err := g.Resolve(root)
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return &fs.PathError{Op: "readdir", Path: root, Err: errNotDir}
	}
	return g.walk(filepath.Clean(root), ".", dirStampOf(st), []string{real}, l, fn)
}

// walk walks the folder dir, rel from the walk's root, whose stamp is st;
// stack holds the real paths of the folders it is in.
func (g *Guard) walk(dir, rel string, st dirStamp, stack []string, l *Listings, fn func(string, fs.FileInfo, error)) error {
	entries, err := readDir(dir, rel, st, l)
	if err != nil {
		return err
	}
	paths := joinAll(dir, entries)
	for i, e := range entries {
		p := paths[i]
		if e.file != nil {
			if err := g.admit(p, e.file); err != nil {
				fn(p, nil, &fs.PathError{Op: "open", Path: p, Err: err})
			} else {
				fn(p, e.file, nil)
			}
			continue
		}
		var real string
		sub := e.stamp
		if e.dir {
			// A folder, not a link, in a folder the Guard reads: inside.
			real = join(stack[len(stack)-1], e.name)
		} else {
			var st fs.FileInfo
			if real, st, err = g.Resolve(p); err != nil {
				fn(p, nil, err)
				continue
			}
			if !st.IsDir() {
				fn(p, st, nil)
				continue
			}
			sub = dirStampOf(st)
		}
		for _, s := range stack {
			if within(real, s) {
				fn(p, nil, &fs.PathError{Op: "readdir", Path: p, Err: ErrLoop})
				real = ""
				break
			}
		}
		if real == "" {
			continue
		}
		subRel := e.name
		if rel != "." {
			subRel = rel + "/" + e.name
		}
		if err := g.walk(p, subRel, sub, append(stack, real), l, fn); err != nil {
			return err
		}
	}
	return nil
}

// dirEntry is a folder's entry: its name and, when lstat said it is a
// regular file, what lstat said of it (nil for anything else: a link or
// a special file is resolved through the Guard); dir when lstat said it
// is a folder, with its stamp.
type dirEntry struct {
	name  string
	file  fs.FileInfo
	dir   bool
	stamp dirStamp
}

// join is filepath.Join of a clean folder and an entry's name, without
// cleaning the result again (a walk joins one per file).
// joinAll is join of dir and each entry's name, the paths cut from one
// string (a rebuild at 10× the province joins 100,000: one allocation
// each was a tenth of its walk).
func joinAll(dir string, entries []dirEntry) []string {
	var b strings.Builder
	size := 0
	for _, e := range entries {
		size += len(dir) + 1 + len(e.name)
	}
	b.Grow(size)
	ends := make([]int, len(entries))
	for i, e := range entries {
		switch {
		case dir == ".":
		case strings.HasSuffix(dir, string(filepath.Separator)):
			b.WriteString(dir)
		default:
			b.WriteString(dir)
			b.WriteByte(filepath.Separator)
		}
		b.WriteString(e.name)
		ends[i] = b.Len()
	}
	all := b.String()
	paths := make([]string, len(entries))
	start := 0
	for i, end := range ends {
		paths[i], start = all[start:end], end
	}
	return paths
}

func join(dir, name string) string {
	if dir == "." {
		return name
	}
	if strings.HasSuffix(dir, string(filepath.Separator)) {
		return dir + name
	}
	return dir + string(filepath.Separator) + name
}

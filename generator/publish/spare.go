package publish

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sync"

	"disclose/generator/fileio"
	"disclose/generator/workers"
)

// The spare is the previous output, kept after the swap and brought up to
// date with the new one (hard links: no bytes are copied), so that the
// next build stages into it rather than linking every file of the site
// anew and removing the old tree: after one edit, publishing costs what
// changed, not the site. It is a hidden sibling of the output, and is
// trusted only while its marker is the output's marker file itself (a hard
// link), which anything else that replaces the output replaces.

// sparePath is out's spare: a hidden sibling that the staging folders'
// pattern (see recover) does not match.
func sparePath(out string) string {
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".spare")
}

// tracked is what a build put in its staging folder: every path of the
// new site, and those that are not the current output's file.
type tracked struct {
	mu       sync.Mutex
	produced map[string]struct{} // (a plain map: at 50,000 files sync.Map's stores cost more than the lock)
	changed  []string
	// present are the files the staging folder began with (a spare's),
	// listed once rather than stat'ed one by one; read only through
	// spareFiles, once listing is done.
	present map[string]bool
	listing sync.WaitGroup
}

// spareFiles are the files the staging folder began with.
func (t *tracked) spareFiles() map[string]bool {
	t.listing.Wait()
	return t.present
}

func (t *tracked) keep(rels ...string) {
	t.mu.Lock()
	if t.produced == nil {
		t.produced = map[string]struct{}{}
	}
	for _, rel := range rels {
		t.produced[rel] = struct{}{}
	}
	t.mu.Unlock()
}

func (t *tracked) isProduced(rel string) bool {
	t.mu.Lock()
	_, ok := t.produced[rel]
	t.mu.Unlock()
	return ok
}

func (t *tracked) change(rel string) {
	t.keep(rel)
	t.mu.Lock()
	t.changed = append(t.changed, rel)
	t.mu.Unlock()
}

func (t *tracked) unproduce(rel string) {
	t.mu.Lock()
	delete(t.produced, rel)
	t.mu.Unlock()
}

// takeSpare moves out's spare to dir (an empty folder, the staging
// folder's name, which the caller holds the lock for) when it mirrors
// out; a spare that does not is removed.
func takeSpare(out, dir string) bool {
	sp := sparePath(out)
	a, err := os.Stat(filepath.Join(sp, Marker))
	if err != nil {
		if _, err := os.Stat(sp); err == nil {
			_ = removeAll(sp)
		}
		return false
	}
	b, err := os.Stat(filepath.Join(out, Marker))
	if err != nil || !os.SameFile(a, b) {
		_ = removeAll(sp)
		return false
	}
	// (os.Rename refuses an existing folder, even an empty one.)
	if os.Remove(dir) != nil {
		return false
	}
	if os.Rename(sp, dir) != nil {
		_ = os.Mkdir(dir, 0o755)
		return false
	}
	return true
}

// list lists the files of the tree at dir (slash-separated, from dir):
// the top two levels (the site's own files, its years), then each folder
// below them (a department's) on every core: a province's output is
// thousands of folders, and reading them is most of a small rebuild's
// publishing.
func list(dir string) map[string]bool {
	var top, deep []string
	files, dirs, _ := fileio.Entries(dir)
	for _, d := range dirs {
		sub, subDirs, _ := fileio.Entries(filepath.Join(dir, d))
		for _, f := range sub {
			top = append(top, d+"/"+f)
		}
		for _, s := range subDirs {
			deep = append(deep, d+"/"+s)
		}
	}
	found := make([][]string, len(deep))
	n := len(files) + len(top)
	workers.Each(len(deep), func(i int) { found[i] = listUnder(dir, deep[i], nil) })
	for _, list := range found {
		n += len(list)
	}
	present := make(map[string]bool, n)
	for _, list := range append(found, files, top) {
		for _, rel := range list {
			present[rel] = true
		}
	}
	return present
}

// listUnder appends the files under the folder rel of dir.
func listUnder(dir, rel string, out []string) []string {
	files, dirs, _ := fileio.Entries(filepath.Join(dir, filepath.FromSlash(rel)))
	for _, f := range files {
		out = append(out, rel+"/"+f)
	}
	for _, d := range dirs {
		out = listUnder(dir, rel+"/"+d, out)
	}
	return out
}

// pruneSpare removes from the staging folder, which began as the spare,
// the files the new site does not have (see prune).
func (t *tracked) pruneSpare(dir string) []string {
	gone := []string{}
	present := t.spareFiles()
	t.mu.Lock()
	for rel := range present {
		if _, ok := t.produced[rel]; !ok && rel != Marker {
			gone = append(gone, rel)
		}
	}
	t.mu.Unlock()
	removeFiles(dir, gone)
	return gone
}

// prune removes from the tree at dir the files the new site does not
// have, and the folders that leaves empty; it returns those files.
func (t *tracked) prune(dir string) []string {
	gone := []string{}
	_ = filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return nil
		}
		if rel = filepath.ToSlash(rel); !t.isProduced(rel) && rel != Marker {
			gone = append(gone, rel)
		}
		return nil
	})
	removeFiles(dir, gone)
	return gone
}

// removeFiles removes rels from the tree at dir, then the folders left
// empty, deepest first.
func removeFiles(dir string, rels []string) {
	emptied := map[string]bool{}
	for _, rel := range rels {
		if os.Remove(filepath.Join(dir, filepath.FromSlash(rel))) != nil {
			continue
		}
		for d := path.Dir(rel); d != "." && d != "/"; d = path.Dir(d) {
			emptied[filepath.Join(dir, filepath.FromSlash(d))] = true
		}
	}
	dirs := make([]string, 0, len(emptied))
	for d := range emptied {
		dirs = append(dirs, d)
	}
	slices.SortFunc(dirs, func(a, b string) int { return len(b) - len(a) })
	for _, d := range dirs {
		_ = os.Remove(d) // fails, as it should, while it holds something
	}
}

// keepSpare turns old, the previous output after the swap, into the
// spare: the files the new site has not are removed, those it changed are
// linked from it. Without it the next build links every file again, so
// any failure just removes it.
func (s *Staging) keepSpare(old string, gone []string) error {
	if gone == nil { // not staged in the spare: found by walking old
		s.prune(old)
	} else {
		removeFiles(old, gone)
	}
	for _, rel := range append(s.changed, Marker) {
		p := filepath.Join(old, filepath.FromSlash(rel))
		_ = os.Remove(p)
		err := os.MkdirAll(filepath.Dir(p), 0o755)
		if err == nil {
			err = os.Link(filepath.Join(s.out, filepath.FromSlash(rel)), p)
		}
		if err != nil {
			return removeAll(old)
		}
	}
	if err := os.Rename(old, sparePath(s.out)); err != nil {
		return removeAll(old)
	}
	return nil
}

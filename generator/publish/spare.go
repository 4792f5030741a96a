package publish

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sync"
	"time"

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
	mu sync.Mutex
	// produced are the files written, and those kept that spare does not
	// list: in a rebuild that stages into the spare, a few. (A plain map:
	// at 50,000 files sync.Map's stores cost more than the lock.)
	produced map[string]struct{}
	changed  []string
	// listed are the files the staging folder began with (a spare's),
	// sorted, and kept says which of them the new site keeps: a kept
	// department marks its files here rather than adding 50 strings to a
	// map. Read only once listing is done (see spareFiles).
	listed  []string
	kept    []bool
	listing sync.WaitGroup
}

// spareFiles are the files the staging folder began with, sorted.
func (t *tracked) spareFiles() []string {
	t.listing.Wait()
	return t.listed
}

// spareIndex is where rel is in the spare's files (looked for first at
// hint: a department's files are sorted and side by side there).
func (t *tracked) spareIndex(rel string, hint int) (int, bool) {
	if hint >= 0 && hint < len(t.listed) && t.listed[hint] == rel {
		return hint, true
	}
	return slices.BinarySearch(t.listed, rel)
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

// keepListed keeps rels, all of which the spare holds; false, with none
// kept, when it does not hold one.
func (t *tracked) keepListed(rels ...string) bool {
	at := make([]int, len(rels))
	hint := -1
	for i, rel := range rels {
		j, ok := t.spareIndex(rel, hint)
		if !ok {
			return false
		}
		at[i], hint = j, j+1
	}
	t.mu.Lock()
	for _, j := range at {
		t.kept[j] = true
	}
	t.mu.Unlock()
	return true
}

func (t *tracked) isProduced(rel string) bool {
	t.listing.Wait()
	t.mu.Lock()
	defer t.mu.Unlock()
	if _, ok := t.produced[rel]; ok {
		return true
	}
	j, ok := t.spareIndex(rel, -1)
	return ok && t.kept[j]
}

func (t *tracked) change(rel string) {
	t.keep(rel)
	t.mu.Lock()
	t.changed = append(t.changed, rel)
	t.mu.Unlock()
}

func (t *tracked) unproduce(rel string) {
	t.listing.Wait()
	t.mu.Lock()
	delete(t.produced, rel)
	if j, ok := t.spareIndex(rel, -1); ok {
		t.kept[j] = false
	}
	t.mu.Unlock()
}

// siteFiles are the new site's files, sorted, with the marker.
func (t *tracked) siteFiles() []string {
	t.listing.Wait()
	t.mu.Lock()
	defer t.mu.Unlock()
	extra := make([]string, 0, len(t.produced)+1)
	for rel := range t.produced {
		extra = append(extra, rel)
	}
	extra = append(extra, Marker)
	slices.Sort(extra)
	n := len(extra)
	for _, k := range t.kept {
		if k {
			n++
		}
	}
	files := make([]string, 0, n)
	i := 0
	for j, rel := range t.listed {
		if !t.kept[j] {
			continue
		}
		for ; i < len(extra) && extra[i] < rel; i++ {
			files = append(files, extra[i])
		}
		if i < len(extra) && extra[i] == rel {
			i++
		}
		files = append(files, rel)
	}
	files = append(files, extra[i:]...)
	return slices.Compact(files)
}

// takeSpare moves out's spare to dir (an empty folder, the staging
// folder's name, which the caller holds the lock for) when it mirrors
// out, and gives what stat said of its marker; a spare that does not is
// removed (nil).
func takeSpare(out, dir string) fs.FileInfo {
	sp := sparePath(out)
	a, err := os.Stat(filepath.Join(sp, Marker))
	if err != nil {
		if _, err := os.Stat(sp); err == nil {
			_ = removeAll(sp)
		}
		return nil
	}
	b, err := os.Stat(filepath.Join(out, Marker))
	if err != nil || !os.SameFile(a, b) {
		_ = removeAll(sp)
		return nil
	}
	// (os.Rename refuses an existing folder, even an empty one.)
	if os.Remove(dir) != nil {
		return nil
	}
	if os.Rename(sp, dir) != nil {
		_ = os.Mkdir(dir, 0o755)
		return nil
	}
	return a
}

// spareListed gives the files of the spare now at dir, whose marker is
// marker: from its list where that stands (see manifest.go), else read
// from its folders.
func spareListed(dir string, marker fs.FileInfo) []string {
	if l, ok := readSpareList(dir, marker); ok {
		return l.walk(dir)
	}
	return list(dir)
}

// list lists the files of the tree at dir (slash-separated, from dir,
// sorted):
// the top two levels (the site's own files, its years), then each folder
// below them (a department's) on every core: a province's output is
// thousands of folders, and reading them is most of a small rebuild's
// publishing.
func list(dir string) []string {
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
	all := make([]string, 0, n)
	for _, list := range append(found, files, top) {
		all = append(all, list...)
	}
	slices.Sort(all)
	return all
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
	for j, rel := range present {
		if t.kept[j] || rel == Marker {
			continue
		}
		if _, ok := t.produced[rel]; !ok {
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
	// The list, once the marker is linked: it names the marker as it then
	// stats, so a spare killed before this point has none that fits.
	if marker, err := os.Stat(filepath.Join(old, Marker)); err == nil {
		writeSpareList(old, marker, s.siteFiles(), time.Now())
	}
	if err := os.Rename(old, sparePath(s.out)); err != nil {
		return removeAll(old)
	}
	return nil
}

// makeSpare makes the spare at dir (the staging folder's name, free once
// the new output took its place) when there was no previous output to
// keep as one: every file of the new site linked from it. It costs a link
// a file at the end of a first build instead of at the start of the next,
// the first edit after it (at 10× the province that edit's build took
// 0.84 s, the ones after it 0.3 s).
func (s *Staging) makeSpare(dir string) error {
	if err := os.Mkdir(dir, 0o755); err != nil {
		return err
	}
	files := s.siteFiles()
	made := ""
	for _, rel := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if d := filepath.Dir(p); d != made { // (sorted: mostly folder by folder)
			if err := os.MkdirAll(d, 0o755); err != nil {
				return removeAll(dir)
			}
			made = d
		}
		if err := os.Link(filepath.Join(s.out, filepath.FromSlash(rel)), p); err != nil {
			return removeAll(dir)
		}
	}
	if marker, err := os.Stat(filepath.Join(dir, Marker)); err == nil {
		writeSpareList(dir, marker, files, time.Now())
	}
	if err := os.Rename(dir, sparePath(s.out)); err != nil {
		return removeAll(dir)
	}
	return nil
}

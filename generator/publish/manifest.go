package publish

import (
	"bytes"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
	"unsafe"

	"disclose/generator/fileio"
)

// The spare's list: what the spare holds, written into it when it is made,
// so that the next build need not read every folder of it (at 10× the
// province 3,000 folders and 50,000 files: a third of a one-edit
// rebuild's CPU, with the bookkeeping that went with them). A folder is
// taken from the list only while nothing has been added to it or removed
// from it since the list was written: its modification and change times
// are more than a second older than the list (Git's untracked cache, and
// its racily-clean rule). Any other folder is read, so a page deleted
// from the spare by hand is still found missing.
//
// The list names the spare's marker by what stat says of it (inode,
// times, size): each build writes a new marker, so a list left by another
// build, or by one killed before it finished the spare, is not used. It
// ends with a CRC-32C line: a damaged list is not used either. It is
// removed from the staging folder when read, and never published.

// SpareList is the list's name in the spare.
const SpareList = ".disclose-spare-files"

const listHeader = "disclose spare files 3\n"

// writeSpareList writes into the spare at dir, whose marker is marker,
// the list of files (sorted, slash-separated, without the list), in one
// step, as things stand at made; on failure there is no list.
func writeSpareList(dir string, marker fs.FileInfo, files []string, made time.Time) {
	p := filepath.Join(dir, SpareList)
	stamp, ok := markerStamp(marker)
	if !ok {
		_ = os.Remove(p)
		return
	}
	size := len(listHeader) + len(stamp) + 64
	for _, f := range files {
		size += len(f) + 1
	}
	b := make([]byte, 0, size)
	b = append(append(append(b, listHeader...), stamp...), '\n')
	b = strconv.AppendInt(append(b, "time "...), made.UnixNano(), 10)
	b = append(b, '\n')
	// The files in order, each under a line naming its folder ("/" then
	// the folder) when that differs from the last file's, and a line for
	// each folder above it the first time (a folder of folders is listed
	// too).
	folder, named := "", map[string]bool{".": true}
	for _, f := range files {
		d := "."
		if i := strings.LastIndexByte(f, '/'); i >= 0 {
			d = f[:i]
		}
		if d != folder {
			folder = d
			var above []string
			for a := path.Dir(d); !named[a]; a = path.Dir(a) {
				named[a] = true
				above = append(above, a)
			}
			for _, a := range slices.Backward(above) {
				b = append(append(append(b, '/'), a...), '\n')
			}
			named[d] = true
			b = append(append(append(b, '/'), d...), '\n')
		}
		b = append(append(b, f...), '\n')
	}
	b = append(b, listCheck(b)...)
	if fileio.WriteFileAtomic(p, SpareList+".*", b) != nil {
		_ = os.Remove(p)
	}
}

// spareList is a list as read.
type spareList struct {
	blocks  []listBlock         // the files in order, by folder
	known   map[string]int      // folder ("." for the top) → how many blocks it has
	folders map[string][]string // folder → the folders in it (names)
	made    time.Time
}

// listBlock is files (sorted paths) side by side in one folder.
type listBlock struct {
	folder string
	files  []string
}

// readSpareList reads, and removes, the list in the spare at dir, whose
// marker is marker; false when there is none that names that marker and
// verifies.
func readSpareList(dir string, marker fs.FileInfo) (*spareList, bool) {
	p := filepath.Join(dir, SpareList)
	data, err := os.ReadFile(p)
	_ = os.Remove(p)
	stamp, ok := markerStamp(marker)
	if err != nil || !ok {
		return nil, false
	}
	body := bytes.TrimSuffix(data, []byte("\n"))
	i := bytes.LastIndexByte(body, '\n')
	if i < 0 || string(body[i+1:]) != strings.TrimSuffix(listCheck(body[:i+1]), "\n") {
		return nil, false
	}
	// (The bytes as a string without a copy of 2.5 MB at 10×: nothing
	// else holds them, and they are not changed.)
	text, ok := strings.CutPrefix(unsafe.String(unsafe.SliceData(body), i), listHeader+stamp+"\ntime ")
	if !ok {
		return nil, false
	}
	lines := strings.Split(text, "\n")
	made, err := strconv.ParseInt(lines[0], 10, 64)
	if err != nil {
		return nil, false
	}
	l := &spareList{known: map[string]int{}, folders: map[string][]string{}, made: time.Unix(0, made)}
	for i := 1; i < len(lines); {
		// Every path a clean one inside the spare (fs.ValidPath: UTF-8,
		// no "." or ".." element), each file in its folder: the files it
		// names that the site has not are removed.
		folder, ok := strings.CutPrefix(lines[i], "/")
		if !ok || !fs.ValidPath(folder) {
			return nil, false
		}
		prefix := folder + "/"
		if folder == "." {
			prefix = ""
		}
		if l.known[folder] == 0 && folder != "." {
			// (The writer names a folder's parent before it.)
			parent := path.Dir(folder)
			if l.known[parent] == 0 {
				return nil, false
			}
			l.folders[parent] = append(l.folders[parent], path.Base(folder))
		}
		l.known[folder]++
		j := i + 1
		for j < len(lines) && !strings.HasPrefix(lines[j], "/") {
			name, ok := strings.CutPrefix(lines[j], prefix)
			if !ok || name == "" || name == "." || name == ".." || strings.Contains(name, "/") || !utf8.ValidString(name) {
				return nil, false
			}
			j++
		}
		l.blocks = append(l.blocks, listBlock{folder, lines[i+1 : j]})
		i = j
	}
	return l, true
}

// walk gives the files of the tree at dir, sorted: each folder's from the
// list while it stands (see above), else read from the folder.
func (l *spareList) walk(dir string) []string {
	before := l.made.Add(-time.Second)
	stands := map[string]bool{}
	var read []string // files of the folders read
	var visit func(rel string)
	visit = func(rel string) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		subs := l.folders[rel]
		if t, ok := folderTime(p); l.known[rel] > 0 && ok && t.Before(before) {
			stands[rel] = true
		} else {
			files, dirs, err := fileio.Entries(p)
			if err != nil {
				return
			}
			for _, f := range files {
				read = append(read, path.Join(rel, f))
			}
			subs = dirs
		}
		for _, s := range subs {
			visit(path.Join(rel, s))
		}
	}
	visit(".")
	n := len(read)
	for _, b := range l.blocks {
		if stands[b.folder] {
			n += len(b.files)
		}
	}
	listed := make([]string, 0, n-len(read))
	for _, b := range l.blocks {
		if stands[b.folder] {
			listed = append(listed, b.files...) // (in order: the list is sorted)
		}
	}
	if !slices.IsSorted(listed) {
		slices.Sort(listed) // (a list not written by disclose)
	}
	// The files read merged in, not the whole sorted again: the top
	// folder is always read (the list is written into it), and sorting
	// 50,000 paths with a few out of place cost more than the walk.
	slices.Sort(read)
	out := make([]string, 0, n)
	for len(listed) > 0 && len(read) > 0 {
		if listed[0] < read[0] {
			out, listed = append(out, listed[0]), listed[1:]
		} else {
			out, read = append(out, read[0]), read[1:]
		}
	}
	return append(append(out, listed...), read...)
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// listCheck is the list's last line: the CRC-32C of what comes before it,
// with its length.
func listCheck(b []byte) string {
	return fmt.Sprintf("crc32c %08x %d\n", crc32.Checksum(b, castagnoli), len(b))
}

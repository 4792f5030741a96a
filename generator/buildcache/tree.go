package buildcache

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"disclose/generator/fileio"
)

// Tree adds every file under root, by path relative to root in sorted
// order, with the SHA-256 of its bytes (through Sums, a digest of them).
// Every file counts, hidden ones too: a file load reads must never be left
// out (an editor's swap file costs at worst one needless render).
func (h *Hasher) Tree(root string) error {
	// (Its lists are reused from one tree to the next: at 10× the
	// province a rebuild walks 1,000 trees of 100 files, and fresh memory
	// costs a page fault a page.)
	scratch := treeScratch.Get().(*treeLists)
	defer func() {
		clear(scratch.files)
		scratch.files, scratch.rels = scratch.files[:0], scratch.rels[:0]
		treeScratch.Put(scratch)
	}()
	files := scratch.files
	var err error
	if h.Files != nil {
		l := &fileio.Listings{Known: h.KnownDirs, Before: h.Since.Add(-time.Second), Seen: make([]fileio.Listing, 0, len(h.KnownDirs))}
		err = h.Files.WalkListed(root, l, func(p string, st fs.FileInfo, err error) {
			files = append(files, treeFile{p, st, err != nil})
		})
		h.SeenDirs = l.Seen
	} else {
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() {
				files = append(files, treeFile{path: p})
			}
			return nil
		})
	}
	scratch.files = files
	if err != nil {
		return err
	}
	slices.SortFunc(files, func(a, b treeFile) int { return strings.Compare(a.path, b.path) })
	prefix := filepath.Clean(root) + string(filepath.Separator)
	rels := slices.Grow(scratch.rels, len(files))[:len(files)]
	scratch.rels = rels
	for i, f := range files {
		rel, ok := strings.CutPrefix(f.path, prefix)
		if !ok {
			rel, _ = filepath.Rel(root, f.path)
		}
		rels[i] = filepath.ToSlash(rel)
	}
	// The stat of every file as the walk found it, when all have one and
	// there is a last tree to compare with, digested; and whether every
	// file changed long enough before the last state (see fileSum).
	if h.KnownTree.Sums != "" {
		whole, old := true, true
		limit := h.Since.Add(-time.Second)
		stats := &statsDigester{d: sha256.New(), b: scratch.stats[:0]}
		for i, f := range files {
			if f.refused || f.st == nil {
				whole = false
				break
			}
			st, ok := stampOf(f.st)
			if !ok {
				whole = false
				break
			}
			st.Path = rels[i]
			stats.add(st)
			old = old && time.Unix(0, max(st.ModNano, st.ChangeNano)).Before(limit)
		}
		sum := stats.sum()
		scratch.stats = stats.b
		if whole && old && h.KnownTree.Stats == sum {
			h.SeenTree, h.Reused = h.KnownTree, true
			h.String("tree", h.SeenTree.Sums)
			return nil
		}
	}
	if h.KnownFrom != nil {
		h.Known = h.KnownFrom()
	}
	sums := NewHasher()
	h.Seen = slices.Grow(h.Seen, len(files))
	for i, f := range files {
		if f.refused {
			sums.String(rels[i], "\x00refused")
			continue
		}
		sum, err := h.fileSum(rels[i], f.path, f.st)
		if err != nil {
			return err
		}
		sums.String(rels[i], sum)
	}
	// (Sorted already unless the separator sorts unlike '/'.)
	slices.SortFunc(h.Seen, func(a, b Stamp) int { return strings.Compare(a.Path, b.Path) })
	h.SeenTree = TreeStamp{Sums: sums.Sum()}
	if whole := !slices.ContainsFunc(files, func(f treeFile) bool { return f.refused || f.st == nil }); whole && len(h.Seen) == len(files) {
		// The stats the hashes were taken with (a file read by the build
		// was stat'ed just before, see Read): a file changed since the walk
		// is then found changed next time.
		h.SeenTree.Stats = statsDigest(h.Seen)
	}
	h.String("tree", h.SeenTree.Sums)
	return nil
}

// treeFile is a file a walk found.
type treeFile struct {
	path    string
	st      fs.FileInfo // from the walk: one stat a file
	refused bool
}

// treeLists are Tree's lists, kept for the next tree.
type treeLists struct {
	files []treeFile
	rels  []string
	stats []byte // (see statsDigester)
}

var treeScratch = sync.Pool{New: func() any { return new(treeLists) }}

// statsDigest digests what stat said of each file, in order.
func statsDigest(stamps []Stamp) string {
	d := newStatsDigest()
	for _, s := range stamps {
		d.add(s)
	}
	return d.sum()
}

// statsDigester digests stamps a few at a time: numbers in binary,
// written in pieces of a few kilobytes (at 10× the province a rebuild
// digests 100,000 stamps; formatting them in decimal was most of it).
type statsDigester struct {
	d hash.Hash
	b []byte
}

func newStatsDigest() *statsDigester {
	return &statsDigester{d: sha256.New(), b: make([]byte, 0, 8<<10)}
}

func (s *statsDigester) add(st Stamp) {
	b := binary.LittleEndian.AppendUint64(s.b, uint64(st.Size))
	b = binary.LittleEndian.AppendUint64(b, uint64(st.ModNano))
	b = binary.LittleEndian.AppendUint64(b, uint64(st.ChangeNano))
	b = binary.LittleEndian.AppendUint64(b, st.Inode)
	s.b = append(append(b, st.Path...), 0)
	if len(s.b) > 7<<10 {
		s.d.Write(s.b)
		s.b = s.b[:0]
	}
}

func (s *statsDigester) sum() string {
	s.d.Write(s.b)
	return hex.EncodeToString(s.d.Sum(nil))
}

// Package buildcache remembers between builds what each part of the site
// was made from and what it produced, so that a build renders only what
// depends on what changed. A part (a department, a year's combined report)
// has a fingerprint: a SHA-256 of every input it depends on, by content,
// never by modification time. The state lives outside the output folder and
// names the build whose output it describes; a state that does not match
// the output's build identity is ignored, so a build killed at any moment
// can only cost a full build, never a stale page.
package buildcache

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"disclose/generator/fileio"
)

// version changes whenever the state's format or meaning changes.
const version = 15 // 5: each part in a file of its own; 7: segments, details apart; 8: stamps as lines; 9: codes apart; 10: tree stamps; 11: folder listings; 12: stats digested in binary; 13: a part's stamps behind its front; 14: its head a line of text; 15: data behind

// State is what one build leaves for the next.
type State struct {
	Version int
	// Saved is when the state was written (see Hasher.Since).
	Saved time.Time
	// BuildID is the identity of the build whose output this describes
	// (publish writes it into the output's marker file).
	BuildID string
	// Global fingerprints what every part depends on: the program, the
	// site's settings, the templates, the build's options.
	Global string
	// Parts are the parts of a state being made (Save writes them); those
	// of a loaded state are read, each when first asked for, through Part.
	Parts map[string]*Part `json:"-"`
	// Index names each part's file, in a folder beside the state: the
	// digest of its bytes, so a part unchanged since the last build is
	// neither encoded nor written again, and a rebuild reads only the
	// parts it asks for.
	Index map[string]string

	dir    string               // the parts' folder
	loaded map[string]*partSlot // one per Index entry; the map is not changed after Load
}

// partBufs are the buffers parts are read into.
var partBufs = sync.Pool{New: func() any { return new([]byte) }}

type partSlot struct {
	once sync.Once
	p    *Part
}

// Part is one part of the site: its inputs' fingerprint, the files it
// wrote (slash-separated, from the site root) and what the build keeps of
// it (opaque here: the caller's JSON). Its file's format is in part.go.
type Part struct {
	Fingerprint string
	Outputs     []string
	Data        json.RawMessage
	// Inputs are the content hashes of the part's input files with what
	// the file system said of them, sorted by path, so that a file whose
	// size, times and inode are unchanged is not read again (as Git's
	// index does).
	Inputs []Stamp
	// Tree sums up Inputs (see TreeStamp).
	Tree TreeStamp
	// Dirs are the input folders' listings (see fileio.Listing).
	Dirs []fileio.Listing
	// DataBehind keeps Data behind the part's front: a part read from its
	// file then has none until LoadData reads it. For large data a
	// rebuild seldom needs: a segment's piece of the catalog, 2 MB, read
	// for each of 16 segments at 10× the province to be kept as it was.
	DataBehind bool

	file       string // the file it was read from, "" when made by this build
	path       string // that file's path
	stampLines string // Inputs as read (stampCount lines), parsed by Stamps; "": read the file again
	stampCount int
	stampsOnce sync.Once
	dataRead   bool // Data is all there is (not behind, unread)
	dataOnce   sync.Once
	data       []byte // Data behind, once read
	dataOK     bool
}

// LoadData returns Data; when it was behind the front of the part's file
// it is read from the file the first time. false when the file no longer
// verifies.
func (p *Part) LoadData() ([]byte, bool) {
	if !p.DataBehind || p.dataRead || p.path == "" {
		return p.Data, true
	}
	p.dataOnce.Do(func() {
		data, ok := LoadBlob(p.path)
		if !ok {
			return
		}
		if again, err := decodePart(data, true); err == nil && again.DataBehind {
			p.data, p.dataOK = again.Data, true
		}
	})
	return p.data, p.dataOK
}

// Stamps returns Inputs; a part read from its file parses them the first
// time (a rebuild reads every department's part but needs the stamps of
// only those whose files changed), so read them through Stamps. Stamps
// that do not parse are none: every file is then read again.
func (p *Part) Stamps() []Stamp {
	p.stampsOnce.Do(func() {
		if p.stampCount == 0 {
			return
		}
		lines := p.stampLines
		if lines == "" && p.path != "" {
			// Not kept when the part was read (see State.Part). Its file's
			// name is the digest of its bytes: the same file.
			data, ok := LoadBlob(p.path)
			if !ok {
				return
			}
			again, err := decodePart(data, true)
			if err != nil || again.stampCount != p.stampCount {
				return
			}
			lines = again.stampLines
		}
		p.Inputs, _ = parseStamps(lines, p.stampCount)
	})
	return p.Inputs
}

// Stamp is a file's content hash and what stat said of it when hashed.
type Stamp struct {
	Path                      string // slash-separated, from the tree's root
	Sum                       string
	Size, ModNano, ChangeNano int64
	Inode                     uint64
}

// Load reads the state at path. A missing, unreadable or outdated state is
// an empty one: the build is then a full build.
func Load(path string) *State {
	s := &State{Version: version, Parts: map[string]*Part{}}
	data, err := os.ReadFile(path)
	if err != nil {
		return s
	}
	// The JSON, then the SHA-256 of it on a line of its own: a state
	// edited by hand (or damaged) but still valid JSON does not verify and
	// is not used, since it would publish wrong pages. (The sum is of the
	// bytes as written: verifying costs no second encoding.)
	body, sum, ok := bytes.Cut(bytes.TrimSuffix(data, []byte("\n")), []byte("\n"))
	if !ok || digest(body) != string(sum) {
		return s
	}
	var old State
	if json.Unmarshal(body, &old) != nil || old.Version != version || old.Index == nil {
		return s
	}
	old.Parts, old.dir = map[string]*Part{}, partsDir(path)
	old.loaded = make(map[string]*partSlot, len(old.Index))
	for key := range old.Index {
		old.loaded[key] = &partSlot{}
	}
	return &old
}

func partsDir(path string) string { return filepath.Join(filepath.Dir(path), "state-parts") }

// Has says whether the state names a part key (without reading it).
func (s *State) Has(key string) bool {
	_, ok := s.Parts[key]
	return ok || s.loaded[key] != nil
}

// Ref is the part key as the next state keeps it unchanged, without
// reading it: only its file's name (nil when there is none).
func (s *State) Ref(key string) *Part {
	if p, ok := s.Parts[key]; ok {
		return p
	}
	if s.loaded[key] == nil {
		return nil
	}
	return &Part{file: s.Index[key]}
}

// Part returns the part key, read from its file the first time (safe
// from several goroutines); false when there is none or its file is
// missing or does not verify (that part is then made afresh).
func (s *State) Part(key string) (*Part, bool) {
	if p, ok := s.Parts[key]; ok {
		return p, true
	}
	slot := s.loaded[key]
	if slot == nil {
		return nil, false
	}
	slot.once.Do(func() {
		name := s.Index[key]
		path := filepath.Join(s.dir, name)
		// The front alone, into a buffer used again, keeping copies of
		// what it needs: at 10× the province a rebuild reads 1,000
		// departments' parts of 20 KB, three quarters of it stamps it
		// does not need, and memory not touched before costs a page fault
		// a page.
		bp := partBufs.Get().(*[]byte)
		data, whole, ok := loadFront(path, *bp)
		if ok {
			if p, err := decodePart(data, false); err == nil {
				p.file, p.path = name, path
				slot.p = p
			}
		}
		*bp = whole[:0]
		partBufs.Put(bp)
	})
	return slot.p, slot.p != nil
}

// Usable says whether the state describes the output that holds buildID,
// made with the same global fingerprint: only then can parts be kept.
func (s *State) Usable(buildID, global string) bool {
	return s != nil && s.BuildID != "" && s.BuildID == buildID && s.Global == global
}

// Lookup returns the part key with fingerprint fp, when the state is
// usable (see Usable).
func (s *State) Lookup(buildID, global, key, fp string) (*Part, bool) {
	if !s.Usable(buildID, global) {
		return nil, false
	}
	p, ok := s.Part(key)
	if !ok || p.Fingerprint != fp {
		return nil, false
	}
	return p, true
}

func digest(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// Save writes the state to path in one step (a temporary file renamed over
// the old one), so that a kill leaves the old state or the new one: the
// parts' files first (only those not there already), then the index; the
// files no part names any more are removed last.
func (s *State) Save(path string) error {
	s.Version = version
	s.Saved = time.Now()
	dir := partsDir(path)
	s.Index = make(map[string]string, len(s.Parts))
	keep := map[string]bool{}
	var made []string // the parts made by this build, written on every core
	for key, p := range s.Parts {
		if p.file == "" {
			made = append(made, key)
			continue
		}
		s.Index[key], keep[p.file] = p.file, true
	}
	names := make([]string, len(made))
	errs := make([]error, len(made))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(made)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(made); i = int(next.Add(1) - 1) {
				names[i], errs[i] = savePart(dir, s.Parts[made[i]])
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for i, key := range made {
		s.Index[key], keep[names[i]] = names[i], true
	}
	if err := s.saveIndex(path); err != nil {
		return err
	}
	PruneBlobs(dir, keep)
	return nil
}

// savePart writes a part made by this build into dir, unless a file of
// the same bytes is there, and returns the file's name.
func savePart(dir string, p *Part) (string, error) {
	data, err := encodePart(p)
	if err != nil {
		return "", err
	}
	name := digest(data)[:32] + ".part"
	if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
		if err := SaveBlob(filepath.Join(dir, name), data); err != nil {
			return "", err
		}
	}
	return name, nil
}

func (s *State) saveIndex(path string) error {
	data, err := json.Marshal(s) // one line: the sum's line follows it
	if err != nil {
		return err
	}
	data = append(append(append(data, '\n'), digest(data)...), '\n')
	return fileio.WriteFileAtomic(path, ".state-*", data)
}

// Prune removes the states under cache that no build has saved for the
// given time (tests and one-off builds leave a state per output folder),
// and the values remembered (see Remembered) as long ago.
func Prune(cache string, unused time.Duration) {
	memos, _ := filepath.Glob(filepath.Join(cache, "build", "remembered", "*"))
	for _, m := range memos {
		if st, err := os.Stat(m); err == nil && time.Since(st.ModTime()) > unused {
			_ = os.Remove(m)
		}
	}
	dirs, _ := filepath.Glob(filepath.Join(cache, "build", "*"))
	for _, d := range dirs {
		st, err := os.Stat(filepath.Join(d, "state.json"))
		if err == nil && time.Since(st.ModTime()) > unused {
			_ = os.RemoveAll(d)
		}
	}
}

// Path is where the state of building content into out is kept under the
// cache folder: one state per pair of folders.
func Path(cache, content, out string) string {
	abs := func(p string) string {
		if a, err := filepath.Abs(p); err == nil {
			return a
		}
		return p
	}
	sum := sha256.Sum256([]byte(abs(content) + "\x00" + abs(out)))
	return filepath.Join(cache, "build", hex.EncodeToString(sum[:8]), "state.json")
}

// Hasher builds a fingerprint.
type Hasher struct {
	h   hash.Hash
	buf []byte
	// Known are stamps from the last build, sorted by path: a file whose
	// stat matches its stamp adds the stamp's hash without being read.
	// Seen collects the stamps of the files hashed now, sorted likewise.
	Known, Seen []Stamp
	// KnownFrom, when set, gives Known the first time Tree needs it (the
	// last build's stamps, parsed only then).
	KnownFrom func() []Stamp
	// KnownTree is the last build's TreeStamp of the tree: when every
	// file's stat is as it was then, and old enough (see Since), Tree adds
	// its hashes' digest without looking up any file's stamp; Reused is
	// then set and Seen left empty (the last build's stamps stand).
	KnownTree TreeStamp
	// SeenTree is the tree's TreeStamp after Tree (Stats is empty when a
	// file had no stamp).
	SeenTree TreeStamp
	Reused   bool
	// KnownDirs are the listings of the tree's folders from the last
	// build: a folder that stats as it did is not read again (see
	// fileio.Listing). SeenDirs are the listings after Tree.
	KnownDirs, SeenDirs []fileio.Listing
	// Since is when the last state was saved: a file changed less than a
	// second before it may have changed again within the file system's
	// time resolution, and is read (Git's "racily clean" rule).
	Since time.Time
	// Read, when set, gives a file's bytes and what stat said of it just
	// before they were read (a build passes the bytes it already read to
	// load the department); nil means the file is stat'ed and read here.
	Read func(path string) ([]byte, fs.FileInfo, error)
	// Files, when set, is the content's guard: Tree lists and reads
	// through it, following the links load follows, and adds a file it
	// refuses by name only (load reports it; the build stops there).
	Files *fileio.Guard
}

// NewHasher starts a fingerprint.
func NewHasher() *Hasher { return &Hasher{h: sha256.New()} }

// String adds a labelled value.
func (h *Hasher) String(label, value string) {
	b := append(h.buf[:0], label...)
	b = strconv.AppendInt(append(b, 0), int64(len(value)), 10)
	b = append(append(append(b, 0), value...), 0)
	h.h.Write(b)
	h.buf = b
}

// File adds a file's name and bytes; a missing file is added as missing.
func (h *Hasher) File(label, path string) error {
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		h.String(label, "\x00missing")
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	fmt.Fprintf(h.h, "%s\x00file\x00%d\x00", label, st.Size())
	_, err = io.Copy(h.h, f)
	return err
}

// TreeStamp sums up a tree's stamps: Stats digests what stat said of each
// file (path, size, times, inode), Sums the files' hashes by path. A
// rebuild at 10× the province checks 100,000 stamps; with this it looks
// up none of them in a department whose files all stat as they did.
type TreeStamp struct {
	Stats, Sums string
}

// known is the stamp of the file at rel from the last build.
func (h *Hasher) known(rel string) (Stamp, bool) {
	i, ok := slices.BinarySearchFunc(h.Known, rel, func(s Stamp, rel string) int { return strings.Compare(s.Path, rel) })
	if !ok {
		return Stamp{}, false
	}
	return h.Known[i], true
}

// fileSum is the SHA-256 of the file at p, from its stamp when the file
// system says it has not changed since; st is what stat said of it (nil:
// stat it here).
func (h *Hasher) fileSum(rel, p string, st fs.FileInfo) (string, error) {
	var err error
	if st == nil {
		if st, err = os.Stat(p); err != nil {
			return "", err
		}
	}
	stamp, stamped := stampOf(st)
	stamp.Path = rel
	if old, ok := h.known(rel); ok && stamped && old.Sum != "" &&
		old.Size == stamp.Size && old.ModNano == stamp.ModNano && old.ChangeNano == stamp.ChangeNano && old.Inode == stamp.Inode &&
		time.Unix(0, max(stamp.ModNano, stamp.ChangeNano)).Before(h.Since.Add(-time.Second)) {
		h.see(old)
		return old.Sum, nil
	}
	var data []byte
	if h.Read != nil {
		// The bytes were read before; the stamp must be of the file as it
		// was then (stat taken before that read), or an edit made since
		// would be recorded with the old bytes' hash.
		var before fs.FileInfo
		if data, before, err = h.Read(p); err != nil {
			return "", err
		}
		stamp, stamped = stampOf(before)
		stamp.Path = rel
	} else if h.Files != nil {
		if data, _, err = h.Files.ReadFile(p); err != nil {
			return "", err
		}
	} else if data, err = fileio.ReadFile(p); err != nil {
		return "", err
	}
	sum := sha256.Sum256(data)
	stamp.Sum = hex.EncodeToString(sum[:])
	if stamped {
		h.see(stamp)
	}
	return stamp.Sum, nil
}

func (h *Hasher) see(s Stamp) { h.Seen = append(h.Seen, s) }

// Sum returns the fingerprint as hex.
func (h *Hasher) Sum() string { return hex.EncodeToString(h.h.Sum(nil)) }

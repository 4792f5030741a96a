package buildcache

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"disclose/generator/fileio"
)

func TestStateRoundTripAndUsable(t *testing.T) {
	dir := t.TempDir()
	path := Path(dir, "content", "public")
	s := Load(path)
	if s.Usable("", "g") || s.Usable("id", "g") {
		t.Fatal("an empty state must not be usable")
	}
	s.BuildID, s.Global = "id", "g"
	stamps := []Stamp{{Path: "a.yaml", Sum: "00ff", Size: 3, ModNano: 1, ChangeNano: 2, Inode: 3}, {Path: "b.md", Sum: "ab"}}
	dirs := []fileio.Listing{{Dir: ".", Inode: 4, ModNano: 5, ChangeNano: 6, Names: []string{"a.yaml", "b.md"}}}
	s.Parts["dept:2021/a"] = &Part{Fingerprint: "fp", Outputs: []string{"2021/a/index.html"}, Data: []byte(`{"x":1}`), Inputs: stamps, Dirs: dirs}
	s.Parts["dept:2021/b"] = &Part{Fingerprint: "fp", Inputs: stamps[1:], Data: []byte(`{"x":2}`)}
	if err := s.Save(path); err != nil {
		t.Fatal(err)
	}
	back := Load(path)
	if !back.Usable("id", "g") || back.Usable("other", "g") || back.Usable("id", "other") {
		t.Error("usable only for the same build and global fingerprint")
	}
	if p, ok := back.Lookup("id", "g", "dept:2021/a", "fp"); !ok || string(p.Data) != `{"x":1}` ||
		!slices.EqualFunc(p.Dirs, dirs, fileio.Listing.Equal) || !slices.Equal(p.Outputs, []string{"2021/a/index.html"}) {
		t.Errorf("lookup: %+v %v", p, ok)
	}
	// Stamps are not kept when a part is read, but read again when asked
	// for (each part from its own file, while others are read meanwhile).
	b, _ := back.Part("dept:2021/b")
	a, _ := back.Part("dept:2021/a")
	if got := a.Stamps(); !slices.Equal(got, stamps) {
		t.Errorf("stamps read again: %+v", got)
	}
	if got := b.Stamps(); !slices.Equal(got, stamps[1:]) || string(b.Data) != `{"x":2}` || string(a.Data) != `{"x":1}` {
		t.Errorf("second part: stamps %+v, data %s", got, b.Data)
	}
	if _, ok := back.Lookup("id", "g", "dept:2021/a", "other"); ok {
		t.Error("a changed fingerprint must miss")
	}
	os.WriteFile(path, []byte("{not json"), 0o644)
	if Load(path).Usable("id", "g") {
		t.Error("a broken state must be ignored")
	}
}

// TestStampsSkipOnlyOldUnchangedFiles: a file whose stat is unchanged and
// older than the last state by more than a second is not read again; a
// recently changed one, or one whose stat changed, is.
func TestStampsSkipOnlyOldUnchangedFiles(t *testing.T) {
	root := t.TempDir()
	p := filepath.Join(root, "a.yaml")
	os.WriteFile(p, []byte("one"), 0o644)
	old := time.Now().Add(-time.Hour)
	os.Chtimes(p, old, old)
	first := NewHasher()
	if err := first.Tree(root); err != nil {
		t.Fatal(err)
	}
	// Same stat, but the stamp claims other bytes: trusted, so the lie shows.
	var known []Stamp
	for _, v := range first.Seen {
		v.Sum = "trusted"
		known = append(known, v)
	}
	h := NewHasher()
	h.Known, h.Since = known, time.Now().Add(2*time.Second) // (Chtimes set the change time to now)
	h.Tree(root)
	if sumOf(h.Seen, "a.yaml") != "trusted" {
		t.Error("an unchanged old file was read again")
	}
	// Changed within the second before the state: read again.
	h = NewHasher()
	h.Known, h.Since = known, time.Now().Add(500*time.Millisecond)
	h.Tree(root)
	if sumOf(h.Seen, "a.yaml") == "trusted" {
		t.Error("a file changed just before the state was trusted")
	}
	// Rewritten (size and times change): read again.
	os.WriteFile(p, []byte("two!"), 0o644)
	h = NewHasher()
	h.Known, h.Since = known, time.Now().Add(time.Hour)
	h.Tree(root)
	if sumOf(h.Seen, "a.yaml") == "trusted" {
		t.Error("a rewritten file was trusted")
	}
}

func sumOf(stamps []Stamp, path string) string {
	for _, s := range stamps {
		if s.Path == path {
			return s.Sum
		}
	}
	return ""
}

func TestPrune(t *testing.T) {
	cache := t.TempDir()
	for _, name := range []string{"old", "new"} {
		d := filepath.Join(cache, "build", name)
		os.MkdirAll(d, 0o755)
		os.WriteFile(filepath.Join(d, "state.json"), []byte("{}"), 0o644)
	}
	for _, name := range []string{"old", "new"} {
		SaveBlob(rememberedPath(cache, name), []byte(name))
	}
	long := time.Now().Add(-40 * 24 * time.Hour)
	os.Chtimes(filepath.Join(cache, "build", "old", "state.json"), long, long)
	os.Chtimes(rememberedPath(cache, "old"), long, long)
	Prune(cache, 30*24*time.Hour)
	if _, err := os.Stat(rememberedPath(cache, "old")); !os.IsNotExist(err) {
		t.Error("an unused remembered value was kept")
	}
	if _, err := os.Stat(rememberedPath(cache, "new")); err != nil {
		t.Error("a recent remembered value was removed")
	}
	if _, err := os.Stat(filepath.Join(cache, "build", "old")); !os.IsNotExist(err) {
		t.Error("an unused state was kept")
	}
	if _, err := os.Stat(filepath.Join(cache, "build", "new")); err != nil {
		t.Error("a recent state was removed")
	}
}

// TestEditedStateIsIgnored: a state changed after it was saved, still valid
// JSON, does not verify and is an empty state, so the build is a full one;
// a part's file changed (a figure of a department's summary, an output
// dropped) does not verify and that part is not found, so it is made
// afresh.
func TestEditedStateIsIgnored(t *testing.T) {
	path := Path(t.TempDir(), "content", "public")
	s := Load(path)
	s.BuildID, s.Global = "id", "g"
	s.Parts["dept:2021/a"] = &Part{Fingerprint: "fp", Outputs: []string{"2021/a/index.html", "2021/a/a.pdf"}, Data: []byte(`{"budget":2100000}`)}
	if err := s.Save(path); err != nil {
		t.Fatal(err)
	}
	saved, _ := os.ReadFile(path)
	edited := strings.Replace(string(saved), "}\n", "}\n0", 1)
	os.WriteFile(path, []byte(edited), 0o644)
	if Load(path).Usable("id", "g") {
		t.Error("digest edited: the state is still used")
	}
	os.WriteFile(path, saved, 0o644)
	if !Load(path).Usable("id", "g") {
		t.Error("the state as saved must verify")
	}
	part := filepath.Join(partsDir(path), s.Index["dept:2021/a"])
	kept, _ := os.ReadFile(part)
	for name, edit := range map[string][2]string{
		"figure":  {`2100000`, `9100000`},
		"outputs": {"2021/a/a.pdf\n", ``},
	} {
		edited := strings.Replace(string(kept), edit[0], edit[1], 1)
		if edited == string(kept) {
			t.Fatalf("%s: the edit did not apply", name)
		}
		os.WriteFile(part, []byte(edited), 0o644)
		if _, ok := Load(path).Lookup("id", "g", "dept:2021/a", "fp"); ok {
			t.Errorf("%s edited: the part is still used", name)
		}
	}
	os.WriteFile(part, kept, 0o644)
	if _, ok := Load(path).Lookup("id", "g", "dept:2021/a", "fp"); !ok {
		t.Error("the part as saved must verify")
	}
}

// TestUnchangedPartNotWrittenAgain: a part read from the last state and
// kept as it was is saved by the name it had (its file not written
// again), and the file of a part no longer there is removed.
func TestUnchangedPartNotWrittenAgain(t *testing.T) {
	path := Path(t.TempDir(), "content", "public")
	s := Load(path)
	s.BuildID, s.Global = "id", "g"
	s.Parts["dept:2021/a"] = &Part{Fingerprint: "a", Data: []byte(`1`)}
	s.Parts["dept:2021/b"] = &Part{Fingerprint: "b", Data: []byte(`2`)}
	if err := s.Save(path); err != nil {
		t.Fatal(err)
	}
	back := Load(path)
	b, ok := back.Part("dept:2021/b")
	if !ok {
		t.Fatal("part b not read")
	}
	os.Remove(filepath.Join(partsDir(path), s.Index["dept:2021/b"])) // were it written again, it would be back
	next := &State{BuildID: "id2", Global: "g", Parts: map[string]*Part{"dept:2021/b": b}}
	if err := next.Save(path); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(partsDir(path))
	if len(entries) != 0 || next.Index["dept:2021/b"] != s.Index["dept:2021/b"] {
		t.Errorf("parts' folder holds %v (a's file not removed, or b's written again), index %v", entries, next.Index)
	}
}

// TestTreeStampSkipsUnchangedTrees: a tree whose files all stat as they
// did, long enough before the last state, adds the last build's digest of
// its hashes without looking up a stamp; an edit, a new file or a recent
// change makes Tree hash the files again.
func TestTreeStampSkipsUnchangedTrees(t *testing.T) {
	root := t.TempDir()
	old := time.Now().Add(-time.Hour)
	for _, name := range []string{"a.yaml", "b.md"} {
		p := filepath.Join(root, name)
		os.WriteFile(p, []byte(name), 0o644)
		os.Chtimes(p, old, old)
	}
	guard, err := fileio.NewGuard(root)
	if err != nil {
		t.Fatal(err)
	}
	first := NewHasher()
	first.Files = guard // as a build walks a department
	if err := first.Tree(root); err != nil {
		t.Fatal(err)
	}
	if first.SeenTree.Stats == "" || first.SeenTree.Sums == "" || first.Reused {
		t.Fatalf("first tree stamp %+v, reused %t", first.SeenTree, first.Reused)
	}
	if runtime.GOOS == "linux" && (len(first.SeenDirs) != 1 || len(first.SeenDirs[0].Names) != 2) {
		t.Fatalf("listings %+v", first.SeenDirs)
	}
	// The last build's digest claims other hashes: reused, so the lie shows.
	known := TreeStamp{Stats: first.SeenTree.Stats, Sums: "trusted"}
	again := func(since time.Duration) *Hasher {
		h := NewHasher()
		h.Files = guard
		h.KnownTree, h.Since = known, time.Now().Add(since) // (Chtimes set the change time to now)
		h.KnownFrom = func() []Stamp { return first.Seen }
		h.KnownDirs = first.SeenDirs // (a file added is seen through the folder's listing)
		if err := h.Tree(root); err != nil {
			t.Fatal(err)
		}
		return h
	}
	if h := again(2 * time.Second); !h.Reused || h.SeenTree.Sums != "trusted" || len(h.Seen) != 0 {
		t.Errorf("an unchanged tree was hashed again: reused %t, %+v", h.Reused, h.SeenTree)
	}
	if h := again(500 * time.Millisecond); h.Reused || h.SeenTree != first.SeenTree {
		t.Errorf("a tree changed just before the state was trusted: %+v", h.SeenTree)
	}
	os.WriteFile(filepath.Join(root, "c.csv"), nil, 0o644)
	if h := again(time.Hour); h.Reused || h.SeenTree.Sums == first.SeenTree.Sums || len(h.Seen) != 3 {
		t.Errorf("a new file went unseen: %+v", h.SeenTree)
	}
	os.Remove(filepath.Join(root, "c.csv"))
	os.WriteFile(filepath.Join(root, "a.yaml"), []byte("A.yaml"), 0o644) // same size
	h := again(time.Hour)
	if h.Reused || h.SeenTree.Sums == first.SeenTree.Sums {
		t.Errorf("an edited file went unseen: %+v", h.SeenTree)
	}
	// b.md, unchanged, came from its stamp; a.yaml was read.
	if sumOf(h.Seen, "b.md") != sumOf(first.Seen, "b.md") || sumOf(h.Seen, "a.yaml") == sumOf(first.Seen, "a.yaml") {
		t.Errorf("stamps after the edit: %+v", h.Seen)
	}
}

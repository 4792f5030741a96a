package publish

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
)

// TestSpareBuilds: builds that stage into the spare publish exactly the
// files they wrote or kept (a file dropped is gone, its empty folder too),
// never change the live output's files through a link, and leave a spare
// that holds the output's own files (the first build, into no output,
// too); an output path relative to the working folder included.
func TestSpareBuilds(t *testing.T) { spareBuilds(t) }

// TestSpareBuildsWithoutExchange: the same on a system without an atomic
// exchange (Windows, macOS), where the old output is renamed aside.
func TestSpareBuildsWithoutExchange(t *testing.T) {
	defer func(f func(a, b string) error) { swapDirs = f }(swapDirs)
	swapDirs = func(a, b string) error { return errors.ErrUnsupported }
	spareBuilds(t)
}

func spareBuilds(t *testing.T) {
	t.Chdir(t.TempDir())
	out := "public"
	type step struct {
		write map[string]string
		keep  []string
		want  map[string]string
	}
	steps := []step{
		{write: map[string]string{"index.html": "1", "2021/a/index.html": "a1", "2021/b/index.html": "b1"},
			want: map[string]string{"index.html": "1", "2021/a/index.html": "a1", "2021/b/index.html": "b1"}},
		{write: map[string]string{"index.html": "2"}, keep: []string{"2021/a/index.html", "2021/b/index.html"},
			want: map[string]string{"index.html": "2", "2021/a/index.html": "a1", "2021/b/index.html": "b1"}},
		{write: map[string]string{"index.html": "3", "2021/a/index.html": "a3"}, keep: []string{"2021/b/index.html"},
			want: map[string]string{"index.html": "3", "2021/a/index.html": "a3", "2021/b/index.html": "b1"}},
		{write: map[string]string{"index.html": "3", "2021/a/index.html": "a3"},
			want: map[string]string{"index.html": "3", "2021/a/index.html": "a3"}},
		{write: map[string]string{"index.html": "5", "2021/b/index.html": "b5"}, keep: []string{"2021/a/index.html"},
			want: map[string]string{"index.html": "5", "2021/a/index.html": "a3", "2021/b/index.html": "b5"}},
	}
	for i, st := range steps {
		lock, s := lockAndBegin(t, out)
		if wantSpare := i >= 1; s.spare != wantSpare {
			t.Errorf("step %d: staged into the spare %t, want %t", i+1, s.spare, wantSpare)
		}
		before := tree(t, out)
		for rel, text := range st.write {
			if err := s.WriteFile(rel, []byte(text)); err != nil {
				t.Fatal(err)
			}
		}
		for _, rel := range st.keep {
			if err := s.Keep(rel); err != nil {
				t.Fatal(err)
			}
		}
		if got := tree(t, out); !same(got, before) {
			t.Errorf("step %d: staging changed the live output: %v, was %v", i+1, got, before)
		}
		if err := s.Commit("x"); err != nil {
			t.Fatal(err)
		}
		lock.Release()
		got := tree(t, out)
		delete(got, Marker)
		if !same(got, st.want) {
			t.Errorf("step %d: published %v, want %v", i+1, got, st.want)
		}
		if i == 3 {
			if _, err := os.Stat(filepath.Join(out, "2021/b")); err == nil {
				t.Errorf("step %d: the emptied folder stayed", i+1)
			}
		}
		for rel := range tree(t, out) {
			a, err1 := os.Stat(filepath.Join(out, rel))
			b, err2 := os.Stat(filepath.Join(sparePath(out), rel))
			if err1 != nil || err2 != nil || !os.SameFile(a, b) {
				t.Errorf("step %d: the spare's %s is not the output's", i+1, rel)
			}
		}
	}
}

// lockAndBegin locks out and begins a build of it.
func lockAndBegin(t *testing.T, out string) (*OutputLock, *Staging) {
	t.Helper()
	lock, err := Lock(done(), out, nil)
	if err != nil {
		t.Fatal(err)
	}
	s, err := lock.Begin()
	if err != nil {
		t.Fatal(err)
	}
	return lock, s
}

func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			data, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			m[filepath.ToSlash(rel)] = string(data)
		}
		return nil
	})
	return m
}

func same(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	var keys []string
	for k := range a {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if b[k] != a[k] && !strings.HasPrefix(k, Marker) {
			return false
		}
	}
	return true
}

// TestSpareList: each build leaves in the spare a list of its files, and
// the next build takes from it the files of each folder nobody has
// touched for a second (a forged entry there is believed); a folder
// changed since, the top folder, a damaged list and one that names
// another marker are read instead; and the site published is the one
// built.
func TestSpareList(t *testing.T) {
	t.Chdir(t.TempDir())
	out := "public"
	spare := sparePath(out)
	all := []string{"2021/a/index.html", "2021/a/p/1.html", "2021/b/index.html", "index.html"}
	begin := func() (*OutputLock, *Staging) { return lockAndBegin(t, out) }
	build := func(write map[string]string, keep ...string) {
		t.Helper()
		lock, s := begin()
		defer lock.Release()
		for rel, text := range write {
			if err := s.WriteFile(rel, []byte(text)); err != nil {
				t.Fatal(err)
			}
		}
		if len(keep) > 0 && !s.KeepAll(keep) {
			if s.spare {
				t.Fatalf("KeepAll(%v) refused", keep)
			}
			for _, rel := range keep { // (no spare: linked from the output)
				if err := s.Keep(rel); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := s.Commit("x"); err != nil {
			t.Fatal(err)
		}
	}
	// edit rewrites the spare's list with edit applied to its lines (its
	// check made again unless damage is set).
	edit := func(edit func([]string) []string, damage bool) {
		t.Helper()
		p := filepath.Join(spare, SpareList)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.SplitAfter(string(data), "\n")
		text := strings.Join(edit(lines[:len(lines)-2]), "")
		check := listCheck([]byte(text))
		if damage {
			check = lines[len(lines)-2]
		}
		if err := os.WriteFile(p, []byte(text+check), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ghosts := func(lines []string) []string { // a file more in the top folder and in 2021/a
		var out []string
		for _, l := range lines {
			out = append(out, l)
			if l == "/.\n" || l == "/2021/a\n" {
				out = append(out, path.Join(l[1:len(l)-1], "0-ghost.html")+"\n")
			}
		}
		return out
	}
	// believed says which ghosts the next build takes as there; it leaves
	// no spare.
	believed := func() (top, a bool) {
		t.Helper()
		lock, s := begin()
		defer lock.Release()
		defer s.Abort()
		if !s.spare {
			t.Fatal("not staged in the spare")
		}
		return s.KeepAll([]string{"0-ghost.html"}), s.KeepAll([]string{"2021/a/0-ghost.html"})
	}

	build(map[string]string{"index.html": "1", "2021/a/index.html": "a1", "2021/a/p/1.html": "p1", "2021/b/index.html": "b1"})
	build(map[string]string{"index.html": "2"}, all[:3]...)
	time.Sleep(1100 * time.Millisecond)
	build(map[string]string{"index.html": "3", "2021/b/index.html": "b3"}, all[:2]...)
	if got, want := tree(t, out), map[string]string{"index.html": "3", "2021/a/index.html": "a1", "2021/a/p/1.html": "p1", "2021/b/index.html": "b3"}; !same(got, withMarker(want, got)) {
		t.Errorf("published %v, want %v", got, want)
	}
	if got := list(spare); !slices.Equal(got, append([]string{Marker, SpareList}, all...)) {
		t.Errorf("the spare holds %v", got)
	}
	edit(ghosts, false)
	if top, a := believed(); top || !a {
		t.Errorf("ghost believed in the top folder %t (want false), in a folder untouched for a second %t (want true)", top, a)
	}
	if _, err := os.Stat(filepath.Join(out, "0-ghost.html")); err == nil {
		t.Error("a ghost was published")
	}

	// A file deleted from the spare by hand is found missing, even after
	// a second.
	build(map[string]string{"index.html": "4", "2021/a/index.html": "a1", "2021/a/p/1.html": "p1", "2021/b/index.html": "b3"})
	build(map[string]string{"index.html": "5"}, all[:3]...)
	time.Sleep(1100 * time.Millisecond)
	if err := os.Remove(filepath.Join(spare, "2021/a/p/1.html")); err != nil {
		t.Fatal(err)
	}
	lock, s := begin()
	if !s.spare || s.KeepAll([]string{"2021/a/p/1.html"}) || !s.KeepAll(all[:1]) {
		t.Error("a file deleted from the spare was kept, or another one was not")
	}
	s.Abort()
	lock.Release()

	// A damaged list, and one naming another marker, are not used.
	for _, spoil := range []func(){
		func() { edit(ghosts, true) },
		func() {
			edit(func(lines []string) []string {
				lines[1] = strings.Replace(lines[1], "marker ", "marker 1", 1)
				return ghosts(lines)
			}, false)
		},
	} {
		build(map[string]string{"index.html": "6", "2021/a/index.html": "a1", "2021/a/p/1.html": "p1", "2021/b/index.html": "b3"})
		build(map[string]string{"index.html": "7"}, all[:3]...)
		spoil()
		if top, a := believed(); top || a {
			t.Error("a spoilt list was used")
		}
	}
}

// withMarker adds got's marker to want.
func withMarker(want, got map[string]string) map[string]string {
	want[Marker] = got[Marker]
	return want
}

// FuzzReadSpareList: a spare's list that verifies, whatever else it
// holds, never panics the reader, and what the reader accepts names only
// clean paths inside the spare, each in its folder, and walks to a sorted
// list of them.
func FuzzReadSpareList(f *testing.F) {
	dir := f.TempDir()
	for _, d := range []string{"2021/a/p", "2021/b"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			f.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, Marker), []byte("m"), 0o644); err != nil {
		f.Fatal(err)
	}
	marker, err := os.Stat(filepath.Join(dir, Marker))
	if err != nil {
		f.Fatal(err)
	}
	stamp, ok := markerStamp(marker)
	if !ok {
		f.Skip("no marker stamps here")
	}
	f.Add("1\n/.\n" + Marker + "\n/2021\n/2021/a\n2021/a/index.html\n/2021/a/p\n2021/a/p/1.html\n/.\nindex.html\n")
	f.Add("1\n/.\n../x\n")
	f.Add("1\n/..\n")
	f.Add("1\n/2021/b\n2021/b/../../x\n")
	f.Fuzz(func(t *testing.T, body string) {
		text := listHeader + stamp + "\ntime " + body
		if err := os.WriteFile(filepath.Join(dir, SpareList), []byte(text+listCheck([]byte(text))), 0o644); err != nil {
			t.Fatal(err)
		}
		l, ok := readSpareList(dir, marker)
		if !ok {
			return
		}
		for _, b := range l.blocks {
			for _, f := range b.files {
				if !fs.ValidPath(f) || path.Dir(f) != b.folder {
					t.Fatalf("%q accepted %q in folder %q", body, f, b.folder)
				}
			}
		}
		if files := l.walk(dir); !slices.IsSorted(files) {
			t.Fatalf("%q walked to %q", body, files)
		}
	})
}

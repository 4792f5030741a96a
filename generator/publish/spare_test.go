package publish

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestSpareBuilds: builds that stage into the spare publish exactly the
// files they wrote or kept (a file dropped is gone, its empty folder too),
// never change the live output's files through a link, and leave a spare
// that holds the output's own files; an output path relative to the
// working folder included.
func TestSpareBuilds(t *testing.T) {
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
		lock, err := Lock(done(), out, nil)
		if err != nil {
			t.Fatal(err)
		}
		s, err := lock.Begin()
		if err != nil {
			t.Fatal(err)
		}
		if wantSpare := i >= 2; s.spare != wantSpare {
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
		if i >= 1 {
			for rel := range tree(t, out) {
				a, err1 := os.Stat(filepath.Join(out, rel))
				b, err2 := os.Stat(filepath.Join(sparePath(out), rel))
				if err1 != nil || err2 != nil || !os.SameFile(a, b) {
					t.Errorf("step %d: the spare's %s is not the output's", i+1, rel)
				}
			}
		}
	}
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

package fileio

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"
)

// TestWalkListed checks that a folder's listing stands while the folder
// stats as it did, and only then: a file added, removed or renamed in it,
// or a listing taken too close to the folder's last change, is read again.
func TestWalkListed(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("folder stamps are read on Linux only")
	}
	root := t.TempDir()
	for _, p := range []string{"a.yaml", "projects/p1.yaml", "projects/p2.yaml", "spending/s.csv"} {
		if err := os.MkdirAll(filepath.Join(root, filepath.Dir(p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, p), []byte(p), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	g, err := NewGuard(root)
	if err != nil {
		t.Fatal(err)
	}
	walk := func(l *Listings) []string {
		t.Helper()
		var got []string
		err := g.WalkListed(root, l, func(p string, _ os.FileInfo, err error) {
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			rel, _ := filepath.Rel(root, p)
			got = append(got, filepath.ToSlash(rel))
		})
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	all := []string{"a.yaml", "projects/p1.yaml", "projects/p2.yaml", "spending/s.csv"}
	first := &Listings{}
	if got := walk(first); !slices.Equal(got, all) {
		t.Fatalf("first walk: %q", got)
	}
	if dirs := []string{first.Seen[0].Dir, first.Seen[1].Dir, first.Seen[2].Dir}; len(first.Seen) != 3 || !slices.Equal(dirs, []string{".", "projects", "spending"}) {
		t.Fatalf("listings: %+v", first.Seen)
	}
	later := time.Now().Add(time.Hour)

	// A listing that stands is trusted: one with a name taken out hides
	// that file (which shows that the folder was not read).
	doctored := slices.Clone(first.Seen)
	doctored[1].Names = []string{"p1.yaml"}
	l := &Listings{Known: doctored, Before: later}
	if got := walk(l); !slices.Equal(got, []string{"a.yaml", "projects/p1.yaml", "spending/s.csv"}) {
		t.Fatalf("a listing that stands was not used: %q", got)
	}
	// Too close to the folder's change: read again.
	if got := walk(&Listings{Known: doctored, Before: time.Unix(0, doctored[1].ModNano)}); !slices.Equal(got, all) {
		t.Fatalf("a racy listing was used: %q", got)
	}

	// Each change to a folder's entries is seen through the last listing.
	changes := []struct {
		name   string
		change func() error
		want   []string
	}{
		{"added", func() error { return os.WriteFile(filepath.Join(root, "projects/p3.yaml"), nil, 0o644) },
			[]string{"a.yaml", "projects/p1.yaml", "projects/p2.yaml", "projects/p3.yaml", "spending/s.csv"}},
		{"renamed", func() error {
			return os.Rename(filepath.Join(root, "projects/p3.yaml"), filepath.Join(root, "projects/p0.yaml"))
		}, []string{"a.yaml", "projects/p0.yaml", "projects/p1.yaml", "projects/p2.yaml", "spending/s.csv"}},
		{"removed", func() error { return os.Remove(filepath.Join(root, "projects/p0.yaml")) }, all},
		{"new folder", func() error { return os.MkdirAll(filepath.Join(root, "zz"), 0o755) }, all},
		{"file in the new folder", func() error { return os.WriteFile(filepath.Join(root, "zz/z.md"), nil, 0o644) },
			append(slices.Clone(all), "zz/z.md")},
	}
	last := first.Seen
	for _, c := range changes {
		if err := c.change(); err != nil {
			t.Fatal(err)
		}
		l := &Listings{Known: last, Before: later}
		if got := walk(l); !slices.Equal(got, c.want) {
			t.Fatalf("%s: %q, want %q", c.name, got, c.want)
		}
		last = l.Seen
	}
}

package publish

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestRemoveAllFallback(t *testing.T) {
	invalid := func(string) error { return errors.New("unlinkat x: Invalid function.") }
	cases := []struct {
		name  string
		first func(string) error
		files []string
	}{
		{"RemoveAll works", os.RemoveAll, []string{".disclose-output", "2021/dkb/index.html"}},
		{"RemoveAll fails (Wine 8)", invalid, []string{".disclose-output", "2021/dkb/index.html", "2021/dkb/报告 2021.pdf", "assets/a.css"}},
		{"first attempt fails and the folder cannot be read: its error", invalid, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), ".public.building-1.old")
			for _, f := range c.files {
				p := filepath.Join(dir, filepath.FromSlash(f))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			err := removeAllWith(dir, c.first)
			if c.files == nil {
				if err == nil {
					t.Fatal("no error for a folder the first attempt could not remove and that is not there")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(dir); !os.IsNotExist(err) {
				t.Fatalf("%s still there: %v", dir, err)
			}
		})
	}
}

// Package testutil gives tests a private copy of the sample content, so that
// they can break it without touching the repository.
package testutil

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Root is the repository's top folder.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..")
}

// ContentDir is the repository's sample content.
func ContentDir() string { return filepath.Join(Root(), "content") }

// CopyContent copies the sample content into a fresh temporary folder and
// returns its path.
func CopyContent(t testing.TB) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "content")
	if err := CopyDir(ContentDir(), dst); err != nil {
		t.Fatal(err)
	}
	return dst
}

// CopyDir copies the regular files of a tree.
func CopyDir(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

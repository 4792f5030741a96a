//go:build linux

package buildcache

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"disclose/generator/fileio"
)

// TestStampSameFromWalkAndLstat: the stamp a full build records (stat'ed
// through os.Lstat as load reads) is the one a rebuild's walk sees, or
// every rebuild would read every file again.
func TestStampSameFromWalkAndLstat(t *testing.T) {
	root := t.TempDir()
	p := filepath.Join(root, "a.yaml")
	os.WriteFile(p, []byte("one"), 0o644)
	g, err := fileio.NewGuard(root)
	if err != nil {
		t.Fatal(err)
	}
	var walked fs.FileInfo
	g.WalkInfo(root, func(_ string, st fs.FileInfo, _ error) { walked = st })
	_, read, err := g.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	a, okA := stampOf(walked)
	b, okB := stampOf(read)
	if !okA || !okB || a != b || a.Inode == 0 || a.ChangeNano == 0 || a.Size != 3 {
		t.Errorf("walk %+v %v, read %+v %v", a, okA, b, okB)
	}
}

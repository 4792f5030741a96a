package build

import (
	"bytes"
	"io"
	"os"
	"path/filepath"

	"disclose/generator/load"
)

// sameDepartment reports whether two department folders, with their
// years' rules, hold the same bytes.
func sameDepartment(a, b load.DeptDir) bool {
	if (a.RulesFile == "") != (b.RulesFile == "") {
		return false
	}
	if a.RulesFile != "" && !sameContent(a.RulesFile, b.RulesFile) {
		return false
	}
	return sameTree(a.Path, b.Path)
}

// sameTree reports whether two folders hold the same names and bytes. A
// symbolic link is never the same (what it may point at is load's
// question).
func sameTree(a, b string) bool {
	ea, err := os.ReadDir(a)
	if err != nil {
		return false
	}
	eb, err := os.ReadDir(b)
	if err != nil || len(ea) != len(eb) {
		return false
	}
	for i := range ea {
		x, y := ea[i], eb[i]
		if x.Name() != y.Name() || x.Type() != y.Type() || x.Type()&os.ModeSymlink != 0 {
			return false
		}
		pa, pb := filepath.Join(a, x.Name()), filepath.Join(b, y.Name())
		if x.IsDir() {
			if !sameTree(pa, pb) {
				return false
			}
		} else if !sameContent(pa, pb) {
			return false
		}
	}
	return true
}

// sameContent reports whether two files hold the same bytes: the same
// file (a copy made with hard links) is, without reading it.
func sameContent(a, b string) bool {
	fa, err := os.Open(a)
	if err != nil {
		return false
	}
	defer fa.Close()
	fb, err := os.Open(b)
	if err != nil {
		return false
	}
	defer fb.Close()
	sa, err := fa.Stat()
	if err != nil {
		return false
	}
	sb, err := fb.Stat()
	if err != nil || !sa.Mode().IsRegular() || !sb.Mode().IsRegular() {
		return false
	}
	if os.SameFile(sa, sb) {
		return true
	}
	if sa.Size() != sb.Size() {
		return false
	}
	ba, bb := make([]byte, 64<<10), make([]byte, 64<<10)
	for {
		na, ea := io.ReadFull(fa, ba)
		nb, eb := io.ReadFull(fb, bb)
		if na != nb || !bytes.Equal(ba[:na], bb[:nb]) {
			return false
		}
		if ea != nil || eb != nil {
			return ea == eb // the same size: both end together
		}
	}
}

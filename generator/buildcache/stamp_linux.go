//go:build linux

package buildcache

import (
	"io/fs"
	"syscall"
)

// stampOf takes size, modification and change times and inode from stat;
// the change time moves on every write and cannot be set back by tools.
func stampOf(st fs.FileInfo) (Stamp, bool) {
	sys, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return Stamp{}, false
	}
	return Stamp{Size: st.Size(), ModNano: st.ModTime().UnixNano(), ChangeNano: sys.Ctim.Nano(), Inode: sys.Ino}, true
}

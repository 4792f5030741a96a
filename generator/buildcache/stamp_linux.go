//go:build linux

package buildcache

import (
	"io/fs"
	"syscall"

	"golang.org/x/sys/unix"

	"disclose/generator/fileio"
)

// stampOf takes size, modification and change times and inode from stat;
// the change time moves on every write and cannot be set back by tools.
// (os.Lstat gives a *syscall.Stat_t, fileio's walk a *fileio.FileStamp.)
func stampOf(st fs.FileInfo) (Stamp, bool) {
	s := Stamp{Size: st.Size(), ModNano: st.ModTime().UnixNano()}
	switch sys := st.Sys().(type) {
	case *fileio.FileStamp:
		s.ChangeNano, s.Inode = sys.ChangeNano, sys.Inode
	case *syscall.Stat_t:
		s.ChangeNano, s.Inode = sys.Ctim.Nano(), sys.Ino
	case *unix.Stat_t:
		s.ChangeNano, s.Inode = sys.Ctim.Nano(), sys.Ino
	default:
		return Stamp{}, false
	}
	return s, true
}

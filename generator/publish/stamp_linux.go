//go:build linux

package publish

import (
	"fmt"
	"io/fs"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// markerStamp is what stat said of a marker file, as the spare's list
// names it: inode, modification and change times, size.
func markerStamp(st fs.FileInfo) (string, bool) {
	sys, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return "", false
	}
	return fmt.Sprintf("marker %d %d %d %d", sys.Ino, sys.Mtim.Nano(), sys.Ctim.Nano(), sys.Size), true
}

// folderTime is when the folder at p last changed: the later of its
// modification and change times (false when it is not a folder).
func folderTime(p string) (time.Time, bool) {
	var st unix.Stat_t
	if unix.Lstat(p, &st) != nil || st.Mode&unix.S_IFMT != unix.S_IFDIR {
		return time.Time{}, false
	}
	return time.Unix(0, max(st.Mtim.Nano(), st.Ctim.Nano())), true
}

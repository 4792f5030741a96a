//go:build linux

package fileio

import (
	"bytes"
	"encoding/binary"
	"io/fs"
	"slices"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// direntBufs are getdents buffers, reused: a rebuild lists thousands of
// folders.
var direntBufs = sync.Pool{New: func() any { b := make([]byte, 32<<10); return &b }}

// readDir lists dir's entries in name order, each regular file with what
// lstat said of it, each folder with its stamp: the folder is opened once
// and each entry stat'ed relative to it, so the kernel does not walk the
// folder's path again for every file (a rebuild stats every input; at
// 100,000 files that walk was most of the time). Its names come from l
// when its listing there stands (rel names it from the walk's root, st is
// its stamp), and are recorded in l.
func readDir(dir, rel string, st dirStamp, l *Listings) ([]dirEntry, error) {
	fd, err := openDir(dir)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: dir, Err: err}
	}
	defer unix.Close(fd)
	names, ok := l.known(rel, st)
	if !ok {
		if err := eachEntry(fd, dir, func(name string, _ byte) { names = append(names, name) }); err != nil {
			return nil, err
		}
		slices.Sort(names)
	}
	l.see(rel, st, names)
	entries := make([]dirEntry, len(names))
	files := make([]fileStat, len(names)) // one allocation for the folder
	var sys unix.Stat_t
	for i, name := range names {
		entries[i].name = name
		for {
			err = unix.Fstatat(fd, name, &sys, unix.AT_SYMLINK_NOFOLLOW)
			if err != unix.EINTR {
				break
			}
		}
		switch {
		case err != nil:
		case sys.Mode&unix.S_IFMT == unix.S_IFREG:
			st := &files[i]
			st.name, st.size, st.mode = name, sys.Size, sys.Mode
			st.stamp = FileStamp{Inode: sys.Ino, ModNano: sys.Mtim.Nano(), ChangeNano: sys.Ctim.Nano()}
			entries[i].file = st
		case sys.Mode&unix.S_IFMT == unix.S_IFDIR:
			entries[i].dir = true
			entries[i].stamp = dirStamp{inode: sys.Ino, mod: sys.Mtim.Nano(), change: sys.Ctim.Nano(), ok: true}
		}
	}
	return entries, nil
}

// dirStampOf is a folder's stamp from what stat said of it.
func dirStampOf(st fs.FileInfo) dirStamp {
	switch sys := st.Sys().(type) {
	case *syscall.Stat_t:
		return dirStamp{inode: sys.Ino, mod: sys.Mtim.Nano(), change: sys.Ctim.Nano(), ok: true}
	case *unix.Stat_t:
		return dirStamp{inode: sys.Ino, mod: sys.Mtim.Nano(), change: sys.Ctim.Nano(), ok: true}
	}
	return dirStamp{}
}

func openDir(dir string) (int, error) {
	for {
		fd, err := unix.Open(dir, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
		if err != unix.EINTR {
			return fd, err
		}
	}
}

// fileStat is what lstat said of a regular file, as os.Lstat's FileInfo
// says it, but only what a build uses (a rebuild at 10× the province
// holds 100,000 of them: the whole unix.Stat_t tripled that memory); Sys
// is a *FileStamp.
type fileStat struct {
	name  string
	size  int64
	stamp FileStamp
	mode  uint32
}

func (f *fileStat) Name() string       { return f.name }
func (f *fileStat) Size() int64        { return f.size }
func (f *fileStat) IsDir() bool        { return false }
func (f *fileStat) ModTime() time.Time { return time.Unix(0, f.stamp.ModNano) }
func (f *fileStat) Sys() any           { return &f.stamp }

func (f *fileStat) Mode() fs.FileMode {
	m := fs.FileMode(f.mode & 0o777)
	if f.mode&unix.S_ISUID != 0 {
		m |= fs.ModeSetuid
	}
	if f.mode&unix.S_ISGID != 0 {
		m |= fs.ModeSetgid
	}
	if f.mode&unix.S_ISVTX != 0 {
		m |= fs.ModeSticky
	}
	return m
}

// Entries lists dir's files and folders by name (unsorted) from the
// entries' types, stat'ing only an entry whose type the file system does
// not give; links and other special files are files. Publishing lists the
// whole previous output this way: 50,000 files at 10× the province.
func Entries(dir string) (files, dirs []string, err error) {
	fd, err := openDir(dir)
	if err != nil {
		return nil, nil, &fs.PathError{Op: "open", Path: dir, Err: err}
	}
	defer unix.Close(fd)
	err = eachEntry(fd, dir, func(name string, typ byte) {
		isDir := typ == unix.DT_DIR
		if typ == unix.DT_UNKNOWN {
			var st unix.Stat_t
			isDir = unix.Fstatat(fd, name, &st, unix.AT_SYMLINK_NOFOLLOW) == nil && st.Mode&unix.S_IFMT == unix.S_IFDIR
		}
		if isDir {
			dirs = append(dirs, name)
		} else {
			files = append(files, name)
		}
	})
	if err != nil {
		return nil, nil, err
	}
	return files, dirs, nil
}

// eachEntry calls fn with the name and type (DT_*) of each entry of the
// open folder fd (dir names it in errors) but . and .., in the order
// getdents gives them.
func eachEntry(fd int, dir string, fn func(name string, typ byte)) error {
	bp := direntBufs.Get().(*[]byte)
	defer direntBufs.Put(bp)
	for {
		n, err := unix.Getdents(fd, *bp)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return &fs.PathError{Op: "readdirent", Path: dir, Err: err}
		}
		if n <= 0 {
			return nil
		}
		buf := (*bp)[:n]
		for len(buf) > 0 {
			// struct linux_dirent64: ino, off, reclen, type, name.
			reclen := int(buf[16]) | int(buf[17])<<8
			if reclen < 20 || reclen > len(buf) {
				return &fs.PathError{Op: "readdirent", Path: dir, Err: unix.EIO}
			}
			typ, name := buf[18], buf[19:reclen]
			if i := bytes.IndexByte(name, 0); i >= 0 {
				name = name[:i]
			}
			ino := binary.NativeEndian.Uint64(buf[0:8])
			buf = buf[reclen:]
			if s := string(name); ino != 0 && s != "." && s != ".." { // (as unix.ParseDirent)
				fn(s, typ)
			}
		}
	}
}

//go:build linux

package fileio

import (
	"io"
	"io/fs"
	"syscall"
)

// ReadFile returns the bytes of the file at path.
func ReadFile(path string) ([]byte, error) { return ReadFileTo(path, nil) }

// ReadFileTo is ReadFile into buf's array when it holds the file (a
// caller that reads many files and keeps none of their bytes passes the
// last one back: memory the process has not touched yet costs a page
// fault a page, and at 10× the province a rebuild reads 1,000 parts).
func ReadFileTo(path string, buf []byte) ([]byte, error) {
	fd, err := open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	if st.Mode&syscall.S_IFMT == syscall.S_IFDIR {
		return nil, &fs.PathError{Op: "read", Path: path, Err: syscall.EISDIR}
	}
	if int64(cap(buf)) > st.Size {
		buf = buf[:0]
	} else {
		buf = make([]byte, 0, st.Size+1) // +1: see the end of the file in one read
	}
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := syscall.Read(fd, buf[len(buf):cap(buf)])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if n == 0 {
			return buf, nil
		}
		buf = buf[:len(buf)+n]
	}
}

// ReadPrefixTo reads the first n bytes of the file at path (all of it
// when shorter) into buf's array when it holds them (see ReadFileTo): a
// rebuild needs the front of each state part, not the stamps behind it.
func ReadPrefixTo(path string, buf []byte, n int) ([]byte, error) {
	fd, err := open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	if cap(buf) < n {
		buf = make([]byte, 0, n)
	}
	buf = buf[:0]
	for len(buf) < n {
		m, err := syscall.Read(fd, buf[len(buf):n])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if m == 0 {
			break
		}
		buf = buf[:len(buf)+m]
	}
	return buf, nil
}

// WriteFile writes data to the file at path, creating or truncating it.
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	fd, err := open(path, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC, uint32(perm.Perm()))
	if err != nil {
		return &fs.PathError{Op: "open", Path: path, Err: err}
	}
	for len(data) > 0 {
		n, err := syscall.Write(fd, data)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			syscall.Close(fd)
			return &fs.PathError{Op: "write", Path: path, Err: err}
		}
		if n == 0 {
			syscall.Close(fd)
			return &fs.PathError{Op: "write", Path: path, Err: io.ErrShortWrite}
		}
		data = data[n:]
	}
	if err := syscall.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: path, Err: err}
	}
	return nil
}

func open(path string, flags int, perm uint32) (int, error) {
	for {
		fd, err := syscall.Open(path, flags, perm)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}

var (
	errIsDir  error = syscall.EISDIR
	errNotDir error = syscall.ENOTDIR
)

// readRegular reads a file Guard.Resolve admitted: opened without
// following a link and without blocking (were it swapped for a FIFO
// meanwhile), checked again, and read up to limit bytes only.
func readRegular(path string, _ fs.FileInfo, limit int64) ([]byte, error) {
	fd, err := open(path, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK|syscall.O_NOFOLLOW, 0)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, &fs.PathError{Op: "open", Path: path, Err: &SpecialError{Mode: fs.ModeIrregular}}
	}
	if limit >= 0 && st.Size > limit {
		return nil, &fs.PathError{Op: "read", Path: path, Err: &TooLargeError{Size: st.Size, Limit: limit}}
	}
	buf := make([]byte, 0, st.Size+1) // +1: see the end of the file in one read
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		end := cap(buf)
		if limit >= 0 && int64(end) > limit+1 {
			end = int(limit + 1)
		}
		n, err := syscall.Read(fd, buf[len(buf):end])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if n == 0 {
			return buf, nil
		}
		buf = buf[:len(buf)+n]
		if limit >= 0 && int64(len(buf)) > limit {
			// It grew while being read.
			return nil, &fs.PathError{Op: "read", Path: path, Err: &TooLargeError{Size: int64(len(buf)), Limit: limit}}
		}
	}
}

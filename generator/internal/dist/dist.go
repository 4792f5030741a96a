// Package dist writes the release archives of make dist (scripts/dist) so
// that two runs give the same bytes: entries in sorted order, one fixed
// modification time, no owner names, fixed modes (0755 for the programs,
// 0644 for the rest), gzip without a name or time in its header.
package dist

import (
	"archive/tar"
	"archive/zip"
	"compress/flate"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Entry is one file or folder of an archive, by its slash-separated name.
type Entry struct {
	Name string
	Dir  bool
	Exec bool
	Data []byte
}

// Collect reads the tree at root into entries named under root's base name
// (so unpacking makes one folder), sorted by name. A file is executable in
// the archive when it is in the tree.
func Collect(root string) ([]Entry, error) {
	base := filepath.Base(root)
	var out []Entry
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		name := path.Join(base, filepath.ToSlash(rel))
		if d.IsDir() {
			out = append(out, Entry{Name: name + "/", Dir: true})
			return nil
		}
		if !d.Type().IsRegular() {
			return fmt.Errorf("%s: only files and folders go into an archive", p)
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out = append(out, Entry{Name: name, Exec: info.Mode()&0o111 != 0, Data: data})
		return nil
	})
	slices.SortFunc(out, func(a, b Entry) int { return strings.Compare(a.Name, b.Name) })
	return out, err
}

func mode(e Entry) fs.FileMode {
	switch {
	case e.Dir:
		return fs.ModeDir | 0o755
	case e.Exec:
		return 0o755
	}
	return 0o644
}

// Write writes entries as a "zip" or "tar.gz" archive, every entry dated
// mtime.
func Write(w io.Writer, format string, entries []Entry, mtime time.Time) error {
	mtime = mtime.UTC().Truncate(time.Second)
	switch format {
	case "zip":
		zw := zip.NewWriter(w)
		zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
			return flate.NewWriter(out, flate.BestCompression)
		})
		for _, e := range entries {
			h := &zip.FileHeader{Name: e.Name, Method: zip.Deflate, Modified: mtime}
			if e.Dir {
				h.Method = zip.Store
			}
			h.SetMode(mode(e))
			f, err := zw.CreateHeader(h)
			if err != nil {
				return err
			}
			if _, err := f.Write(e.Data); err != nil {
				return err
			}
		}
		return zw.Close()
	case "tar.gz":
		gz, err := gzip.NewWriterLevel(w, gzip.BestCompression)
		if err != nil {
			return err
		}
		tw := tar.NewWriter(gz)
		for _, e := range entries {
			h := &tar.Header{Name: e.Name, Mode: int64(mode(e).Perm()), ModTime: mtime, Typeflag: tar.TypeReg, Size: int64(len(e.Data)), Format: tar.FormatPAX}
			if e.Dir {
				h.Typeflag = tar.TypeDir
			}
			if err := tw.WriteHeader(h); err != nil {
				return err
			}
			if _, err := tw.Write(e.Data); err != nil {
				return err
			}
		}
		if err := tw.Close(); err != nil {
			return err
		}
		return gz.Close()
	}
	return fmt.Errorf("unknown archive format %q (zip or tar.gz)", format)
}

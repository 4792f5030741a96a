package fileio

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
)

func TestReadWrite(t *testing.T) {
	dir := t.TempDir()
	for _, size := range []int{0, 1, 4095, 4096, 4097, 1 << 20} {
		p := filepath.Join(dir, "f")
		data := bytes.Repeat([]byte("数据"), size/6+1)[:size]
		if err := WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := ReadFile(p)
		if err != nil || !bytes.Equal(got, data) {
			t.Fatalf("size %d: %v, %d bytes back", size, err, len(got))
		}
		if st, _ := os.Stat(p); st.Mode().Perm() != 0o644 {
			t.Errorf("mode %v", st.Mode())
		}
	}
	if _, err := ReadFile(filepath.Join(dir, "missing")); !os.IsNotExist(err) {
		t.Errorf("missing file: %v", err)
	}
	if _, err := ReadFile(dir); err == nil {
		t.Error("reading a folder must fail")
	}
	if err := WriteFile(filepath.Join(dir, "no", "such"), nil, 0o644); !os.IsNotExist(err) {
		t.Errorf("write into a missing folder: %v", err)
	}
}

// TestEntriesAgreeWithReadDir: Entries sorts a folder's entries into files
// and folders as os.ReadDir's types do (a link, even to a folder, is a
// file), past one getdents buffer.
func TestEntriesAgreeWithReadDir(t *testing.T) {
	dir := t.TempDir()
	for i := range 600 {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("文件-%03d.html", i)), nil, 0o644)
	}
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	os.Symlink("sub", filepath.Join(dir, "link"))
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo"), 0o644); err != nil {
		t.Fatal(err)
	}
	files, dirs, err := Entries(dir)
	if err != nil {
		t.Fatal(err)
	}
	var wantFiles, wantDirs []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.IsDir() {
			wantDirs = append(wantDirs, e.Name())
		} else {
			wantFiles = append(wantFiles, e.Name())
		}
	}
	slices.Sort(files)
	slices.Sort(dirs)
	if !slices.Equal(files, wantFiles) || !slices.Equal(dirs, wantDirs) {
		t.Errorf("Entries gave %d files %v, %v; os.ReadDir %d files, %v", len(files), dirs, files[:3], len(wantFiles), wantDirs)
	}
	if _, _, err := Entries(filepath.Join(dir, "missing")); err == nil {
		t.Error("a missing folder listed")
	}
}

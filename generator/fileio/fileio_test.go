package fileio

import (
	"bytes"
	"os"
	"path/filepath"
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

package dist

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// tree writes a small release folder; order of creation differs from the
// sorted order on purpose.
func tree(t *testing.T, order []string) string {
	t.Helper()
	root := filepath.Join(t.TempDir(), "disclose-v1-linux-amd64")
	files := map[string]string{"disclose": "#!bin", "使用说明.txt": "说明", "licenses/ECharts-LICENSE": "Apache"}
	for _, name := range order {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		perm := os.FileMode(0o600)
		if name == "disclose" {
			perm = 0o700
		}
		if err := os.WriteFile(p, []byte(files[name]), perm); err != nil {
			t.Fatal(err)
		}
		// The file's own time must not reach the archive.
		when := time.Now().Add(time.Duration(len(name)) * time.Hour)
		if err := os.Chtimes(p, when, when); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func pack(t *testing.T, root, format string) []byte {
	t.Helper()
	entries, err := Collect(root)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, format, entries, time.Unix(1700000000, 0)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

type member struct {
	name string
	mode os.FileMode
	time time.Time
}

func members(t *testing.T, format string, data []byte) []member {
	t.Helper()
	var out []member
	switch format {
	case "zip":
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			out = append(out, member{f.Name, f.Mode().Perm(), f.Modified.UTC()})
		}
	case "tar.gz":
		gz, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if !gz.ModTime.IsZero() || gz.Name != "" {
			t.Errorf("gzip header carries %v %q", gz.ModTime, gz.Name)
		}
		tr := tar.NewReader(gz)
		for {
			h, err := tr.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			if h.Uname != "" || h.Uid != 0 {
				t.Errorf("%s: owner %q %d", h.Name, h.Uname, h.Uid)
			}
			out = append(out, member{h.Name, os.FileMode(h.Mode).Perm(), h.ModTime.UTC()})
		}
	}
	return out
}

func TestWriteReproducible(t *testing.T) {
	want := []member{
		{"disclose-v1-linux-amd64/", 0o755, time.Unix(1700000000, 0).UTC()},
		{"disclose-v1-linux-amd64/disclose", 0o755, time.Unix(1700000000, 0).UTC()},
		{"disclose-v1-linux-amd64/licenses/", 0o755, time.Unix(1700000000, 0).UTC()},
		{"disclose-v1-linux-amd64/licenses/ECharts-LICENSE", 0o644, time.Unix(1700000000, 0).UTC()},
		{"disclose-v1-linux-amd64/使用说明.txt", 0o644, time.Unix(1700000000, 0).UTC()},
	}
	for _, format := range []string{"zip", "tar.gz"} {
		t.Run(format, func(t *testing.T) {
			a := pack(t, tree(t, []string{"disclose", "使用说明.txt", "licenses/ECharts-LICENSE"}), format)
			b := pack(t, tree(t, []string{"licenses/ECharts-LICENSE", "使用说明.txt", "disclose"}), format)
			if !bytes.Equal(a, b) {
				t.Fatal("two archives of the same files differ")
			}
			got := members(t, format, a)
			if len(got) != len(want) {
				t.Fatalf("members %v, want %v", got, want)
			}
			for i := range want {
				if got[i] != want[i] {
					t.Errorf("member %d = %v, want %v", i, got[i], want[i])
				}
			}
		})
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	if err := Write(io.Discard, "rar", nil, time.Unix(0, 0)); err == nil {
		t.Fatal("rar accepted")
	}
}

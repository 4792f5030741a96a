package fileio

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestGuard(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "content")
	outside := filepath.Join(base, "elsewhere")
	for _, d := range []string{filepath.Join(root, "sub"), outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p, s string) {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, p string) {
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(root, "a.md"), "inside")
	write(filepath.Join(root, "big.md"), strings.Repeat("x", 11))
	write(filepath.Join(outside, "secret.md"), "secret")
	link(filepath.Join(root, "a.md"), filepath.Join(root, "sub", "inside.md"))
	link("../a.md", filepath.Join(root, "sub", "up.md"))
	link(filepath.Join(outside, "secret.md"), filepath.Join(root, "out.md"))
	link("/etc/passwd", filepath.Join(root, "passwd.md"))
	link("/dev/zero", filepath.Join(root, "zero.csv"))
	link(outside, filepath.Join(root, "outdir"))
	link("sub", filepath.Join(root, "subdir"))
	link("subdir", filepath.Join(root, "subdir2"))
	if err := syscall.Mkfifo(filepath.Join(root, "fifo.csv"), 0o644); err != nil {
		t.Fatal(err)
	}
	limit := func(name string) int64 { return 10 }

	for _, tc := range []struct {
		name, path string
		allowed    []string
		want       string // "" reads; else the error's type
		data       string
	}{
		{"regular file", "a.md", nil, "", "inside"},
		{"link inside", "sub/inside.md", nil, "", "inside"},
		{"link up, still inside", "sub/up.md", nil, "", "inside"},
		{"../ out of the folder", "../elsewhere/secret.md", nil, "outside", ""},
		{"link out of the folder", "out.md", nil, "link", ""},
		{"link to /etc/passwd", "passwd.md", nil, "link", ""},
		{"through a folder link out", "outdir/secret.md", nil, "link", ""},
		{"allowed folder", "out.md", []string{outside}, "", "secret"},
		{"/dev/zero, even when /dev is allowed", "zero.csv", []string{"/dev"}, "special", ""},
		{"FIFO", "fifo.csv", nil, "special", ""},
		{"over the limit", "big.md", nil, "large", ""},
		{"missing", "none.md", nil, "missing", ""},
		{"through folder links inside", "subdir2/inside.md", nil, "", "inside"},
		{"in a missing folder", "none/a.md", nil, "missing", ""},
		{"in a file, as if a folder", "a.md/a.md", nil, "not a folder", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := NewGuard(root, tc.allowed...)
			if err != nil {
				t.Fatal(err)
			}
			g.Limit = limit
			done := make(chan struct{})
			var data []byte
			go func() {
				data, _, err = g.ReadFile(filepath.Join(root, tc.path))
				close(done)
			}()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("the read blocks")
			}
			var out *OutsideError
			var special *SpecialError
			var large *TooLargeError
			got := ""
			switch {
			case err == nil:
			case errors.As(err, &out) && out.Link:
				got = "link"
			case errors.As(err, &out):
				got = "outside"
			case errors.As(err, &special):
				got = "special"
			case errors.As(err, &large):
				got = "large"
				if large.Size != 11 || large.Limit != 10 {
					t.Errorf("size %d limit %d", large.Size, large.Limit)
				}
			case errors.Is(err, fs.ErrNotExist):
				got = "missing"
			case errors.Is(err, syscall.ENOTDIR):
				got = "not a folder"
			default:
				got = err.Error()
			}
			if got != tc.want || string(data) != tc.data {
				t.Errorf("got %q %q (%v), want %q %q", got, data, err, tc.want, tc.data)
			}
			if err != nil && strings.Contains(err.Error(), "secret") && !strings.Contains(err.Error(), "secret.md") {
				t.Errorf("the error echoes the file: %v", err)
			}
		})
	}
}

func TestGuardWalk(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "content")
	os.MkdirAll(filepath.Join(root, "dept", "spending"), 0o755)
	os.MkdirAll(filepath.Join(base, "elsewhere"), 0o755)
	os.MkdirAll(filepath.Join(root, "shared"), 0o755)
	os.WriteFile(filepath.Join(root, "dept", "a.yaml"), nil, 0o644)
	os.WriteFile(filepath.Join(root, "shared", "s.csv"), nil, 0o644)
	os.WriteFile(filepath.Join(base, "elsewhere", "x.csv"), nil, 0o644)
	os.Symlink("../../shared", filepath.Join(root, "dept", "spending", "linked"))
	os.Symlink("../../elsewhere", filepath.Join(root, "dept", "out"))
	os.Symlink("..", filepath.Join(root, "dept", "spending", "loop"))
	os.WriteFile(filepath.Join(root, "dept", "big.md"), []byte("12345678901"), 0o644)
	os.Symlink("../shared/s.csv", filepath.Join(root, "dept", "ln.csv"))
	os.Symlink("/dev/zero", filepath.Join(root, "dept", "zero.csv"))
	if err := syscall.Mkfifo(filepath.Join(root, "dept", "fifo.csv"), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := NewGuard(root)
	if err != nil {
		t.Fatal(err)
	}
	g.Limit = func(string) int64 { return 10 }
	var got []string
	err = g.Walk(filepath.Join(root, "dept"), func(p string, err error) {
		rel, _ := filepath.Rel(root, p)
		var out *OutsideError
		var special *SpecialError
		var large *TooLargeError
		switch {
		case err == nil:
			got = append(got, rel)
		case errors.As(err, &out):
			got = append(got, rel+" outside")
		case errors.Is(err, ErrLoop):
			got = append(got, rel+" loop")
		case errors.As(err, &special):
			got = append(got, rel+" special")
		case errors.As(err, &large):
			got = append(got, rel+" large")
		default:
			got = append(got, rel+" "+err.Error())
		}
	})
	want := "dept/a.yaml|dept/big.md large|dept/fifo.csv special|dept/ln.csv|dept/out outside|dept/spending/linked/s.csv|dept/spending/loop loop|dept/zero.csv outside"
	if err != nil || strings.Join(got, "|") != want {
		t.Errorf("%v\n got %s\nwant %s", err, strings.Join(got, "|"), want)
	}
}

// TestWalkInfoIsLstat: what the walk says of a file is what os.Lstat says
// (of where a link leads), and its paths are filepath.Join's, however the
// root is written.
func TestWalkInfoIsLstat(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "d", "projects"), 0o755)
	os.WriteFile(filepath.Join(root, "d", "a b.yaml"), []byte("数据"), 0o640)
	os.WriteFile(filepath.Join(root, "d", "projects", "p.yaml"), []byte("x"), 0o4755)
	os.Chmod(filepath.Join(root, "d", "projects", "p.yaml"), 0o4755|fs.ModeSetuid)
	os.Symlink("a b.yaml", filepath.Join(root, "d", "link.yaml"))
	old := time.Date(2020, 1, 2, 3, 4, 5, 6789, time.UTC)
	os.Chtimes(filepath.Join(root, "d", "a b.yaml"), old, old)
	g, err := NewGuard(root)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	for _, top := range []string{filepath.Join(root, "d"), filepath.Join(root, "d") + "/", "d", "./d/", "d/../d"} {
		var got []string
		err := g.WalkInfo(top, func(p string, st fs.FileInfo, err error) {
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			want, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			if l, _ := os.Lstat(p); l.Mode().IsRegular() && st.Name() != want.Name() {
				t.Errorf("%s: named %s", p, st.Name())
			}
			if st.Size() != want.Size() || st.Mode() != want.Mode() ||
				!st.ModTime().Equal(want.ModTime()) || st.IsDir() || inode(st) != inode(want) {
				t.Errorf("%s: walk says %s %d %v %v, lstat %s %d %v %v", p, st.Name(), st.Size(), st.Mode(), st.ModTime(), want.Name(), want.Size(), want.Mode(), want.ModTime())
			}
			got = append(got, p)
		})
		joined := filepath.Join(top, "a b.yaml") + "|" + filepath.Join(top, "link.yaml") + "|" + filepath.Join(top, "projects", "p.yaml")
		if err != nil || strings.Join(got, "|") != joined {
			t.Errorf("root %q: %v\n got %s\nwant %s", top, err, strings.Join(got, "|"), joined)
		}
	}
}

// inode is the inode number in what stat said (os's and fileio's Sys).
func inode(st fs.FileInfo) uint64 {
	if s, ok := st.Sys().(*FileStamp); ok {
		return s.Inode
	}
	return reflect.ValueOf(st.Sys()).Elem().FieldByName("Ino").Uint()
}

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"disclose/generator/internal/testutil"
)

// runFor runs the command with a bound on its time: a file that blocks a
// read (a FIFO) must not hang check or build.
func runFor(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var out bytes.Buffer
	code := make(chan int, 1)
	go func() { code <- run(args, &out, &out) }()
	select {
	case c := <-code:
		return c, out.String()
	case <-time.After(60 * time.Second):
		t.Fatalf("%v does not finish", args)
		return 0, ""
	}
}

// Content that check refuses, build refuses with the same message, on a
// full build and on an incremental one (whose fingerprints list and read
// the department first); content check accepts, build accepts.
func TestCheckAndBuildAgreeOnFiles(t *testing.T) {
	const (
		dept = "2021/dkb"
		csv  = dept + "/spending/2021-illustrative.csv"
		goal = dept + "/overall-goal.md"
	)
	mustDo := func(t *testing.T, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	edit := func(file string, f func([]byte) []byte) func(*testing.T, string) {
		return func(t *testing.T, dir string) {
			p := filepath.Join(dir, file)
			data, err := os.ReadFile(p)
			mustDo(t, err)
			mustDo(t, os.WriteFile(p, f(data), 0o644))
		}
	}
	link := func(target, file string) func(*testing.T, string) {
		return func(t *testing.T, dir string) {
			p := filepath.Join(dir, file)
			_ = os.Remove(p)
			mustDo(t, os.Symlink(target, p))
		}
	}
	move := func(from, to string) func(*testing.T, string) {
		return func(t *testing.T, dir string) {
			mustDo(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, to)), 0o755))
			mustDo(t, os.Rename(filepath.Join(dir, from), filepath.Join(dir, to)))
		}
	}
	fifo := func(file string) func(*testing.T, string) {
		return func(t *testing.T, dir string) {
			p := filepath.Join(dir, file)
			_ = os.Remove(p)
			mustDo(t, syscall.Mkfifo(p, 0o644))
		}
	}
	outside := func(t *testing.T, dir string) string {
		o := filepath.Join(filepath.Dir(dir), "outside")
		mustDo(t, os.MkdirAll(o, 0o755))
		mustDo(t, os.WriteFile(filepath.Join(o, "a.csv"), []byte("SECRET-OUTSIDE\n"), 0o644))
		return o
	}
	for _, tc := range []struct {
		name  string
		edits []func(*testing.T, string)
		want  string // a substring of the message; "" for content both accept
	}{
		{"spending file with ../", []func(*testing.T, string){edit(dept+"/department.yaml", func(b []byte) []byte {
			return bytes.Replace(b, []byte("file: spending/2021-illustrative.csv"), []byte("file: ../../../../../../etc/passwd"), 1)
		})}, "不在部门目录之内"},
		{"narrative linked to /etc/passwd", []func(*testing.T, string){link("/etc/passwd", goal)}, "指向内容目录之外（/etc/passwd）的符号链接"},
		{"spending file a FIFO", []func(*testing.T, string){fifo(csv)}, "命名管道"},
		{"unlisted FIFO in the department", []func(*testing.T, string){fifo(dept + "/notes.txt")}, "命名管道"},
		{"/dev/zero as the spending file", []func(*testing.T, string){link("/dev/zero", csv)}, "（/dev/zero）的符号链接"},
		{"/dev/zero as a font", []func(*testing.T, string){edit("site.yaml", func(b []byte) []byte { return append(b, "pdf:\n  serif: /dev/zero\n"...) })}, "不能读取字体文件 /dev/zero"},
		{"narrative over 4 MB", []func(*testing.T, string){edit(goal, func(b []byte) []byte { return bytes.Repeat([]byte("目标。\n"), 500_000) })}, "超过上限 4.0 MB"},
		{"department folder linked from outside", []func(*testing.T, string){func(t *testing.T, dir string) {
			o := outside(t, dir)
			mustDo(t, testutil.CopyDir(filepath.Join(dir, dept), filepath.Join(o, "ext")))
			link(filepath.Join(o, "ext"), "2021/ext")(t, dir)
		}}, "部门目录是符号链接，不能读取"},
		{"folder link in the department leads outside", []func(*testing.T, string){func(t *testing.T, dir string) {
			link(outside(t, dir), dept+"/spending/old")(t, dir)
		}}, "不能读取此文件：它是指向内容目录之外"},
		{"UTF-16 spending file", []func(*testing.T, string){edit(csv, func([]byte) []byte { return []byte{0xFF, 0xFE, '1', 0} })}, "文件是 UTF-16 编码，请另存为 UTF-8"},
		{"base_path javascript:", []func(*testing.T, string){edit("site.yaml", func(b []byte) []byte {
			return bytes.Replace(b, []byte("base_path: https://www.example.gov.cn/jxgk/"), []byte("base_path: javascript:alert(1)"), 1)
		})}, "不能是 javascript: 地址"},
		{"spending lines ended by CR alone", []func(*testing.T, string){edit(csv, func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\n"), []byte("\r")) })}, ""},
		{"department folder linked inside the content", []func(*testing.T, string){move(dept, "shared/dkb"), link("../shared/dkb", dept)}, ""},
		{"spending folder linked inside the content", []func(*testing.T, string){move(dept+"/spending", "shared/spending"), link("../../shared/spending", dept+"/spending")}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			content := testutil.CopyContent(t)
			out := filepath.Join(t.TempDir(), "public")
			if code, msg := runFor(t, "build", "--pdf=false", "--content", content, "--out", out); code != 0 {
				t.Fatalf("first build: exit %d\n%s", code, msg)
			}
			before := snapshot(t, out)
			for _, e := range tc.edits {
				e(t, content)
			}
			checkCode, checkOut := runFor(t, "check", "--content", content)
			var line string
			for l := range strings.Lines(checkOut) {
				if tc.want != "" && strings.Contains(l, tc.want) {
					line = l
				}
			}
			if strings.Contains(checkOut, "SECRET-OUTSIDE") || strings.Contains(checkOut, "root:") {
				t.Errorf("check echoes a file from outside the content folder:\n%s", checkOut)
			}
			switch {
			case tc.want == "" && checkCode != 0:
				t.Fatalf("check: exit %d\n%s", checkCode, checkOut)
			case tc.want != "" && (checkCode != 1 || line == ""):
				t.Fatalf("check: exit %d, no %q:\n%s", checkCode, tc.want, checkOut)
			}
			for _, mode := range []string{"--clean=false", "--clean"} {
				code, msg := runFor(t, "build", "--pdf=false", mode, "--content", content, "--out", out)
				if tc.want == "" {
					if code != 0 || !strings.Contains(msg, "（3 个部门") {
						t.Errorf("build %s: exit %d, check accepted it; or the department was skipped\n%s", mode, code, msg)
					}
					continue
				}
				if code != 1 || !strings.Contains(msg, line) {
					t.Errorf("build %s: exit %d, want 1 with check's message\n%s\ngot:\n%s", mode, code, line, msg)
				}
				if strings.Contains(msg, "SECRET-OUTSIDE") {
					t.Errorf("build echoes a file from outside the content folder:\n%s", msg)
				}
				same(t, "output after a refused build", before, snapshot(t, out))
			}
		})
	}
}

func TestBuildRefusesOutput(t *testing.T) {
	for _, tc := range []struct {
		name string
		out  func(t *testing.T, content string) string
		want string
	}{
		{"--out a symbolic link", func(t *testing.T, content string) string {
			target := filepath.Join(t.TempDir(), "site")
			if err := os.Mkdir(target, 0o755); err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(t.TempDir(), "public")
			if err := os.Symlink(target, p); err != nil {
				t.Fatal(err)
			}
			return p
		}, "是符号链接"},
		{"--out inside the content folder", func(t *testing.T, content string) string { return filepath.Join(content, "public") }, "在内容目录"},
		{"--out the content folder", func(t *testing.T, content string) string { return content }, "在内容目录"},
		{"content inside --out", func(t *testing.T, content string) string { return filepath.Dir(content) }, "构建会把它整体替换"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			content := testutil.CopyContent(t)
			out := tc.out(t, content)
			before := snapshot(t, filepath.Dir(content))
			code, msg := runFor(t, "build", "--pdf=false", "--content", content, "--out", out)
			if code != 2 || !strings.Contains(msg, tc.want) {
				t.Errorf("exit %d, want 2 with %q:\n%s", code, tc.want, msg)
			}
			same(t, "content", before, snapshot(t, filepath.Dir(content)))
			if st, err := os.Lstat(out); err == nil && tc.want == "是符号链接" && st.Mode()&os.ModeSymlink == 0 {
				t.Error("the link was replaced")
			}
		})
	}
}

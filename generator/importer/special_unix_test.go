//go:build unix

package importer_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"disclose/generator/importer"
)

// TestSpecialFilesRefused: a FIFO or a device given as the form is refused
// by name before it is opened: reading would hang (a FIFO with no writer)
// or never end (/dev/zero).
func TestSpecialFilesRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFO here:", err)
	}
	zero := filepath.Join(dir, "zero.xlsx")
	os.Symlink("/dev/zero", zero)
	null := filepath.Join(dir, "null.csv")
	os.Symlink("/dev/null", null)
	for _, tc := range []struct{ name, path, want string }{
		{"FIFO", fifo, "pipe.csv 不是普通文件（命名管道）"},
		{"/dev/zero", zero, "zero.xlsx 不是普通文件（设备）"},
		{"/dev/null", null, "null.csv 不是普通文件（设备）"},
		{"a folder", dir, "不是普通文件（目录）"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			within(t, 10*time.Second, func() {
				_, err = importer.Import([]string{tc.path}, importer.Options{Out: filepath.Join(t.TempDir(), "content"), Year: 2021, Code: "x"})
			})
			if err == nil || !strings.Contains(err.Error(), tc.want) || !errors.Is(err, importer.ErrNotForm) {
				t.Errorf("got %v, want %q", err, tc.want)
			}
		})
	}
}

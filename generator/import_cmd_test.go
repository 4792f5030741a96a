package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"disclose/generator/internal/testutil"
)

// TestImportExportCommands: export the sample department, import it into
// a new content folder (checked at once), and refuse to import over it.
func TestImportExportCommands(t *testing.T) {
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "dkb.xlsx")
	var out, errOut bytes.Buffer
	if code := run([]string{"export", "--content", testutil.ContentDir(), "--xlsx", xlsx, "--department", "2021/dkb"}, &out, &errOut); code != 0 {
		t.Fatalf("export: %d %s", code, errOut.String())
	}
	content := filepath.Join(dir, "content")
	out.Reset()
	if code := run([]string{"import", "--year", "2021", "--department", "dkb", "--out", content, xlsx}, &out, &errOut); code != 0 {
		t.Fatalf("import: %d\n%s%s", code, out.String(), errOut.String())
	}
	for _, w := range []string{"写入 " + filepath.Join(content, "2021/dkb/department.yaml"), "0 个错误"} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("import output lacks %q:\n%s", w, out.String())
		}
	}
	before, _ := os.ReadFile(filepath.Join(content, "2021/dkb/department.yaml"))
	errOut.Reset()
	if code := run([]string{"import", "--year", "2021", "--department", "dkb", "--out", content, xlsx}, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "不会覆盖") {
		t.Errorf("a second import over the same department: exit %d: %s", code, errOut.String())
	}
	after, _ := os.ReadFile(filepath.Join(content, "2021/dkb/department.yaml"))
	if !bytes.Equal(before, after) {
		t.Error("the refused import changed a file")
	}
	if code := run([]string{"import", "--year", "2021"}, &out, &errOut); code != 2 {
		t.Errorf("missing arguments: exit %d", code)
	}
}

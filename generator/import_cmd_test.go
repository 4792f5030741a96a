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
	// export names the department as import does.
	if code := run([]string{"export", "--content", testutil.ContentDir(), "--xlsx", xlsx, "--year", "2021", "--department", "dkb"}, &out, &errOut); code != 0 {
		t.Fatalf("export: %d %s", code, errOut.String())
	}
	errOut.Reset()
	if code := run([]string{"export", "--content", testutil.ContentDir(), "--xlsx", xlsx, "--year", "2021", "--department", "nope"}, &out, &errOut); code != 2 ||
		!strings.Contains(errOut.String(), "部门用 --year 年度 --department 部门编码") || !strings.Contains(errOut.String(), "已有：--year 2021 --department dkb") {
		t.Errorf("export of an unknown department: %d %s", code, errOut.String())
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

// TestImportDepartmentOutsideOut: --department is a folder name inside
// --out; one that climbs out is refused and nothing is written anywhere.
func TestImportDepartmentOutsideOut(t *testing.T) {
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "dkb.xlsx")
	var out, errOut bytes.Buffer
	if code := run([]string{"export", "--content", testutil.ContentDir(), "--xlsx", xlsx, "--department", "2021/dkb"}, &out, &errOut); code != 0 {
		t.Fatalf("export: %d %s", code, errOut.String())
	}
	for _, dept := range []string{"../x", "../../x", "a/../../../x"} {
		root := filepath.Join(dir, "root")
		content := filepath.Join(root, "site", "content")
		out.Reset()
		errOut.Reset()
		code := run([]string{"import", "--year", "2021", "--department", dept, "--out", content, xlsx}, &out, &errOut)
		if code == 0 || !strings.Contains(errOut.String(), `部门编码 "`+dept+`" 不能用作目录名`) {
			t.Errorf("--department %s: exit %d\n%s%s", dept, code, out.String(), errOut.String())
		}
		var written []string
		filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				written = append(written, p)
			}
			return nil
		})
		if len(written) > 0 {
			t.Errorf("--department %s wrote %v", dept, written)
		}
		os.RemoveAll(root)
	}
}

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"disclose/generator/internal/testutil"
)

func TestCheckCommand(t *testing.T) {
	content := testutil.ContentDir()
	broken := testutil.CopyContent(t)
	csv := filepath.Join(broken, "2021/dkb/spending/2021-illustrative.csv")
	data, _ := os.ReadFile(csv)
	os.WriteFile(csv, bytes.Replace(data, []byte("1260.00"), []byte("abc"), 1), 0o644)

	for _, tc := range []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"sample passes with its warnings", []string{"check", "--content", content}, 0,
			[]string{"资金支出计划到最后节点 12月底 只有 90.00%", "[plan-below-100]", "[target-lowered-after-miss]", "0 个错误，3 个警告"}},
		{"strict turns warnings into errors", []string{"check", "--content", content, "--strict"}, 1,
			[]string{"错误: plan[4].percent", "3 个错误，0 个警告"}},
		{"bad amount fails", []string{"check", "--content", broken}, 1,
			[]string{"2021-illustrative.csv:4:39: 错误: 金额（元）: \"abc\" 不是金额", "1 个错误"}},
		{"json", []string{"check", "--content", content, "--format", "json"}, 0,
			[]string{`"code": "plan-below-100"`, `"line": 32`, `"column": 14`, `"severity": "warning"`}},
		{"bad format", []string{"check", "--format", "xml"}, 2, nil},
		{"unknown command", []string{"publish"}, 2, nil},
		{"missing content folder", []string{"check", "--content", filepath.Join(t.TempDir(), "none")}, 1, []string{"读不到网站设置文件"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(tc.args, &out, &errOut)
			if code != tc.code {
				t.Errorf("exit %d, want %d\n%s%s", code, tc.code, out.String(), errOut.String())
			}
			for _, w := range tc.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
			if tc.name == "json" {
				var v struct{ Errors, Warnings int }
				if err := json.Unmarshal(out.Bytes(), &v); err != nil || v.Warnings != 3 {
					t.Errorf("json %v %+v", err, v)
				}
			}
		})
	}
}

func TestSchemaCommand(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	if code := run([]string{"schema", "--out", dir}, &out, &out); code != 0 {
		t.Fatalf("exit %d: %s", code, out.String())
	}
	for _, f := range []string{"site.schema.json", "department.schema.json", "project.schema.json", "results.schema.json", "rules.schema.json"} {
		committed, _ := os.ReadFile(filepath.Join(testutil.Root(), "schema", f))
		written, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil || !bytes.Equal(committed, written) {
			t.Errorf("%s differs from the committed schema", f)
		}
	}
}

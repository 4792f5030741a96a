package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestInit(t *testing.T) {
	cases := []struct {
		name     string
		prepare  func(dir string) // what is in DIR before init
		wantCode int
		wantErr  string
	}{
		{"new folder with a Chinese name and a space", func(string) {}, 0, ""},
		{"existing empty folder", func(dir string) { os.MkdirAll(dir, 0o755) }, 0, ""},
		{"content already there", func(dir string) { os.MkdirAll(filepath.Join(dir, "content"), 0o755) }, 2, "不会覆盖"},
		{"schema already there", func(dir string) { os.MkdirAll(filepath.Join(dir, "schema"), 0o755) }, 2, "不会覆盖"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "绩效 公开")
			c.prepare(dir)
			var out, errb bytes.Buffer
			code := run([]string{"init", dir}, &out, &errb)
			if code != c.wantCode || !strings.Contains(errb.String(), c.wantErr) {
				t.Fatalf("init = %d, stderr %q; want %d with %q", code, errb.String(), c.wantCode, c.wantErr)
			}
			if code != 0 {
				return
			}
			// What init writes is the sample, byte for byte, and it checks
			// clean.
			for _, f := range []string{"site.yaml", "2021/dkb/department.yaml", "2021/dkb/spending/2021-illustrative.csv"} {
				want, _ := os.ReadFile(filepath.Join("..", "content", filepath.FromSlash(f)))
				got, err := os.ReadFile(filepath.Join(dir, "content", filepath.FromSlash(f)))
				if err != nil || !bytes.Equal(got, want) {
					t.Errorf("%s differs from the sample (%v)", f, err)
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "schema", "site.schema.json")); err != nil {
				t.Error(err)
			}
			out.Reset()
			errb.Reset()
			if code := run([]string{"check", "--content", filepath.Join(dir, "content")}, &out, &errb); code != 0 {
				t.Fatalf("check of the new site = %d: %s%s", code, out.String(), errb.String())
			}
		})
	}
}

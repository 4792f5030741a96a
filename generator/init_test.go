package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestInit(t *testing.T) {
	none := func(string) {}
	cases := []struct {
		name     string
		flags    []string
		prepare  func(dir string) // what is in DIR before init
		wantCode int
		wantErr  string
		wantFile string // for --empty, a file it writes
	}{
		{"new folder with a Chinese name and a space", nil, none, 0, "", ""},
		{"existing empty folder", nil, func(dir string) { os.MkdirAll(dir, 0o755) }, 0, "", ""},
		{"content already there", nil, func(dir string) { os.MkdirAll(filepath.Join(dir, "content"), 0o755) }, 2, "不会覆盖", ""},
		{"schema already there", []string{"--empty"}, func(dir string) { os.MkdirAll(filepath.Join(dir, "schema"), 0o755) }, 2, "不会覆盖", ""},
		{"empty department", []string{"--empty", "--year", "2027"}, none, 0, "", "2027/bm/department.yaml"},
		{"year not four digits", []string{"--empty", "--year", "27"}, none, 2, "不是四位数的年度", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "绩效 公开")
			c.prepare(dir)
			var out, errb bytes.Buffer
			args := append(append([]string{"init"}, c.flags...), dir)
			code := run(args, &out, &errb)
			if code != c.wantCode || !strings.Contains(errb.String(), c.wantErr) {
				t.Fatalf("init = %d, stderr %q; want %d with %q", code, errb.String(), c.wantCode, c.wantErr)
			}
			if code != 0 {
				return
			}
			// What init writes checks clean: the sample, byte for byte, or
			// the empty department, its year filled in.
			if c.wantFile != "" {
				data, err := os.ReadFile(filepath.Join(dir, "content", filepath.FromSlash(c.wantFile)))
				if err != nil || bytes.Contains(data, []byte("YEAR")) || !bytes.Contains(data, []byte("year: 2027")) {
					t.Errorf("%s: %v\n%s", c.wantFile, err, data)
				}
			}
			sample := []string{"site.yaml", "2021/dkb/department.yaml", "2021/dkb/spending/2021-illustrative.csv"}
			if c.wantFile != "" {
				sample = nil
			}
			for _, f := range sample {
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
			if code := run([]string{"check", "--strict", "--content", filepath.Join(dir, "content")}, &out, &errb); code != 0 && c.wantFile != "" {
				t.Fatalf("check --strict of the empty department = %d: %s%s", code, out.String(), errb.String())
			}
			out.Reset()
			errb.Reset()
			if code := run([]string{"check", "--content", filepath.Join(dir, "content")}, &out, &errb); code != 0 {
				t.Fatalf("check of the new site = %d: %s%s", code, out.String(), errb.String())
			}
		})
	}
}

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"disclose/generator/internal/pdfcheck"
	"disclose/generator/internal/testutil"
)

// TestRealFormsBuild: the real published forms written as content (the
// realforms test data and examples/real-forms) check and build with their
// PDFs, every PDF reads clean, and what the forms print is on the pages:
// published scores beside computed ones, the department's own evaluation.
func TestRealFormsBuild(t *testing.T) {
	root := testutil.Root()
	cases := []struct {
		content string
		pages   map[string][]string // page → strings it must hold
		pdfs    map[string][]string
	}{
		{filepath.Join(root, "generator/internal/realforms/testdata/content"), map[string][]string{
			"2022/f01/projects/F01-1.html": {"公布 7", "按规则 10.00", "公布 9", "按规则 9.80"},
			"2022/f01/index.html":          {"自评得分复核", "资金到位及时率", "永德县人民政府网站"},
		}, map[string][]string{"2022/f01/f01-2022.pdf": {"自评得分复核", "资金到位及时率"}}},
		{filepath.Join(root, "generator/internal/realforms/testdata/targets"), map[string][]string{
			"2017/f18/index.html": {"部门整体支出绩效自评表：绩效指标", "不评等级（分值合计 33.00", "资金结余"},
			// The department's own evaluation in the open data too.
			"2017/f18/data/department.json":       {`"evaluation":{`, `"total":32.00`},
			"2017/f18/data/evaluation.csv":        {",过 程 (40分),过程,预算执行 (15分),资金结余,,定性,,,,,3.00,2.00,2,否,否,"},
			"2017/f18/data/evaluation-groups.csv": {",过程,18.00,17.00"},
		}, map[string][]string{"2017/f18/f18-2017.pdf": {"部门整体支出绩效自评表：绩效指标", "不评等级"}}},
		{filepath.Join(root, "examples/real-forms"), map[string][]string{"2021/f05/index.html": {"自评得分复核"}}, nil},
	}
	for _, tc := range cases {
		t.Run(filepath.Base(tc.content), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			var o, e bytes.Buffer
			if code := run([]string{"check", "--content", tc.content}, &o, &e); code != 0 {
				t.Fatalf("check: exit %d\n%s", code, e.String())
			}
			if code := run([]string{"build", "--content", tc.content, "--out", out}, &o, &e); code != 0 {
				t.Fatalf("build: exit %d\n%s", code, e.String())
			}
			for page, wants := range tc.pages {
				data, err := os.ReadFile(filepath.Join(out, page))
				if err != nil {
					t.Fatal(err)
				}
				for _, w := range wants {
					if !strings.Contains(string(data), w) {
						t.Errorf("%s lacks %q", page, w)
					}
				}
			}
			err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
				if err != nil || filepath.Ext(p) != ".pdf" {
					return err
				}
				data, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				r, err := pdfcheck.Check(data)
				if err != nil || len(r.Problems) > 0 {
					t.Errorf("%s: %v %v", p, err, r.Problems)
					return nil
				}
				rel, _ := filepath.Rel(out, p)
				text := strings.Join(strings.Fields(r.Text), "")
				for _, w := range tc.pdfs[filepath.ToSlash(rel)] {
					if !strings.Contains(text, strings.Join(strings.Fields(w), "")) {
						t.Errorf("%s lacks %q", rel, w)
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"disclose/generator/internal/pdfcheck"
	"disclose/generator/internal/testutil"
)

// TestOneExecutionRate: a project whose published 全年执行数 differs from its
// spending records shows one execution rate, 全年执行数 ÷ 全年预算数, in every
// place of every output that shows it.
func TestOneExecutionRate(t *testing.T) {
	content := testutil.PublishedForm(t, testutil.FormPublished)
	out := filepath.Join(t.TempDir(), "public")
	var o, e bytes.Buffer
	if code := run([]string{"build", "--content", content, "--out", out}, &o, &e); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, e.String())
	}
	read := func(rel string) string {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	const code = "110-0303-JBN-1VKY"
	dept, project := read("2021/dkb/index.html"), read("2021/dkb/projects/"+code+".html")
	report, err := pdfcheck.Check([]byte(read("2021/dkb/dkb-2021.pdf")))
	if err != nil {
		t.Fatal(err)
	}
	pdfText := strings.Join(strings.Fields(report.Text), "")
	rate := `(\d+\.\d\d%)`
	places := []struct {
		where string
		text  string
		re    string
	}{
		{"department page, project list", dept, `href="projects/` + code + `\.html">[^<]*</a></th><td class="num">[^<]*</td><td class="num">[^<]*</td><td class="num">` + rate},
		{"department page, rates chart table", dept, `<th scope="row">督查考核专项经费</th><td class="num">` + rate + `</td></tr>`},
		{"project page, budget sentence", project, `执行率 <strong>` + rate + `</strong>`},
		{"project page, self-evaluation form", project, `<td class="num">10\.00</td><td class="num">` + rate},
		{"PDF, project list", pdfText, code + `督查考核专项经费25\.50019\.375` + rate},
		{"PDF, budget sentence", pdfText, `执行率` + rate + `（全年执行数÷全年预算数）`},
		{"PDF, self-evaluation form", pdfText, `年度资金总额[^%]*元10\.00` + rate},
		// TODO(open data): department.json and the CSVs of the project, once
		// they carry the published 全年执行数 (another change).
	}
	want := testutil.PublishedRate
	for _, p := range places {
		m := regexp.MustCompile(p.re).FindStringSubmatch(p.text)
		if m == nil {
			t.Errorf("%s: no execution rate found", p.where)
			continue
		}
		if m[1] != want {
			t.Errorf("%s: execution rate %s, want %s (全年执行数 ÷ 全年预算数)", p.where, m[1], want)
		}
	}
}

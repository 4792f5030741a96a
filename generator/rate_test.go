package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
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
	places := []struct{ where, text, re string }{
		{"department page, project list", dept, `href="projects/` + code + `\.html">[^<]*</a></th><td class="num">[^<]*</td><td class="num">[^<]*</td><td class="num">` + rate},
		{"department page, rates chart table", dept, `<th scope="row" class="name">督查考核专项经费</th><td class="num">` + rate + `</td></tr>`},
		{"project page, budget sentence", project, `执行率 <strong>` + rate + `</strong>`},
		{"project page, self-evaluation form", project, `<td class="num">10\.00</td><td class="num">` + rate},
		{"PDF, project list", pdfText, code + `督查考核专项经费25\.50019\.375` + rate},
		{"PDF, budget sentence", pdfText, `执行率` + rate + `（全年执行数÷全年预算数）`},
		{"PDF, self-evaluation form", pdfText, `年度资金总额[^%]*元10\.00` + rate},
	}
	// Open data: department.json and projects.csv carry the same figure.
	var doc struct {
		Projects []struct {
			Code string      `json:"code"`
			Rate json.Number `json:"execution_rate_percent"`
		} `json:"projects"`
	}
	if err := json.Unmarshal([]byte(read("2021/dkb/data/department.json")), &doc); err != nil {
		t.Fatal(err)
	}
	for _, p := range doc.Projects {
		if p.Code == code {
			places = append(places, struct{ where, text, re string }{"department.json", string(p.Rate) + "%", `^` + rate + `$`})
		}
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(read("2021/dkb/data/projects.csv"), "\ufeff"))).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("projects.csv: %v", err)
	}
	for i, h := range rows[0] {
		if h == "执行率（%）" {
			for _, r := range rows[1:] {
				if r[0] == code {
					places = append(places, struct{ where, text, re string }{"projects.csv", r[i] + "%", `^` + rate + `$`})
				}
			}
		}
	}
	if len(places) != 9 {
		t.Fatalf("found the rate in %d places, want 9 (7 in the pages and PDF, 2 in the open data)", len(places))
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

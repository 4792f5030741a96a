package web_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"disclose/generator/assets"
	"disclose/generator/check"
	"disclose/generator/corpus"
	"disclose/generator/derive"
	"disclose/generator/internal/testutil"
	"disclose/generator/load"
	"disclose/generator/present"
	"disclose/generator/web"
)

// build renders content into a fresh folder with the real templates and
// the real ECharts from the asset cache (make assets).
func build(t testing.TB, content string) string {
	t.Helper()
	site, diags := load.Site(content)
	check.Site(site, diags)
	if diags.HasErrors() {
		t.Fatalf("content has errors: %v", diags.Sorted())
	}
	out := t.TempDir()
	if err := web.Build(site, derive.Site(site), out, web.Options{Cache: assets.CacheDir()}); err != nil {
		t.Fatalf("build: %v (run make assets first)", err)
	}
	return out
}

func tree(t testing.TB, dir string) map[string][]byte {
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestTwoBuildsAreByteIdentical(t *testing.T) {
	a, b := tree(t, build(t, testutil.ContentDir())), tree(t, build(t, testutil.ContentDir()))
	if len(a) != len(b) || len(a) < 15 {
		t.Fatalf("%d files vs %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

var hrefs = regexp.MustCompile(`(?:href|src)="([^"#]+)"`)

// TestEveryPageReachableFromIndex follows the relative links of the site as
// a reader with file:// would: every page can be reached from index.html,
// and no link or script points at a missing file or outside the site.
func TestEveryPageReachableFromIndex(t *testing.T) {
	out := build(t, testutil.ContentDir())
	files := tree(t, out)
	seen := map[string]bool{}
	queue := []string{"index.html"}
	for len(queue) > 0 {
		page := queue[0]
		queue = queue[1:]
		if seen[page] {
			continue
		}
		seen[page] = true
		for _, m := range hrefs.FindAllStringSubmatch(string(files[page]), -1) {
			link := strings.ReplaceAll(m[1], "&amp;", "&")
			if strings.Contains(link, "://") || strings.HasPrefix(link, "/") {
				t.Errorf("%s links outside the site or by an absolute path: %s", page, link)
				continue
			}
			target := path.Clean(path.Join(path.Dir(page), link))
			if _, ok := files[target]; !ok {
				t.Errorf("%s links to missing %s", page, target)
				continue
			}
			if strings.HasSuffix(target, ".html") {
				queue = append(queue, target)
			}
		}
	}
	for name := range files {
		if strings.HasSuffix(name, ".html") && name != "404.html" && !seen[name] {
			t.Errorf("%s cannot be reached from index.html", name)
		}
	}
}

// TestHostileLabelIsText puts a label that tries to close the script element
// and run code (and go-echarts' __f__ function marker) into a project name
// and a budget line: it must appear as text and in escaped JSON only.
func TestHostileLabelIsText(t *testing.T) {
	const evil = "</script><script>alert(1)</script>__f__"
	dir := testutil.CopyContent(t)
	proj := filepath.Join(dir, "2021/dkb/projects/110-0303-JBN-1VKY.yaml")
	data, _ := os.ReadFile(proj)
	data = bytes.Replace(data, []byte("name: 督查考核专项经费"), []byte(`name: "`+evil+`"`), 1)
	data = bytes.Replace(data, []byte("  - name: 软件维护"), []byte(`  - name: "软件维护`+evil+`"`), 1)
	os.WriteFile(proj, data, 0o644)
	csv := filepath.Join(dir, "2021/dkb/spending/2021-illustrative.csv")
	data, _ = os.ReadFile(csv)
	os.WriteFile(csv, bytes.ReplaceAll(data, []byte(",软件维护,"), []byte(`,"软件维护`+evil+`",`)), 0o644)

	out := build(t, dir)
	scriptTag := regexp.MustCompile(`<script[^>]*>`)
	for name, body := range tree(t, out) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		if bytes.Contains(body, []byte("<script>alert(1)")) {
			t.Errorf("%s contains the hostile script unescaped", name)
		}
		for _, tag := range scriptTag.FindAll(body, -1) {
			s := string(tag)
			if s != `<script type="application/json" data-chart="`+chartID(s)+`">` && !strings.Contains(s, `src="`) {
				t.Errorf("%s has an unexpected script element %s", name, s)
			}
		}
		if strings.HasPrefix(name, "2021/dkb/projects/") { // the label was put in 2021
			if !bytes.Contains(body, []byte("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;__f__")) {
				t.Errorf("%s does not show the label as text", name)
			}
			if !bytes.Contains(body, []byte(`\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e__f__`)) {
				t.Errorf("%s does not carry the label, escaped and whole, in the chart JSON", name)
			}
		}
	}
}

func chartID(tag string) string {
	m := regexp.MustCompile(`data-chart="([A-Za-z_][A-Za-z0-9_]*)"`).FindStringSubmatch(tag)
	if m == nil {
		return "\x00"
	}
	return m[1]
}

// TestOpenData checks the CSVs open in Excel (BOM), defuse formulas in text
// and keep numbers as numbers, and that datapackage.json lists every CSV.
func TestOpenData(t *testing.T) {
	dir := testutil.CopyContent(t)
	csv := filepath.Join(dir, "2021/dkb/spending/2021-illustrative.csv")
	data, _ := os.ReadFile(csv)
	os.WriteFile(csv, bytes.Replace(data, []byte("年度考核材料印刷"), []byte(`"=HYPERLINK(""http://x"")"`), 1), 0o644)
	files := tree(t, build(t, dir))
	spending := string(files["2021/dkb/data/spending.csv"])
	if !strings.HasPrefix(spending, "\uFEFF日期,项目编码,资金用途,金额（元）") {
		t.Errorf("spending.csv does not start with a BOM and its header: %q", spending[:40])
	}
	if !strings.Contains(spending, `"'=HYPERLINK(""http://x"")"`) {
		t.Errorf("formula not neutralised:\n%s", spending)
	}
	if !strings.Contains(spending, ",-120.00,") {
		t.Errorf("a refund must stay a number:\n%s", spending)
	}
	pkg := string(files["datapackage.json"])
	for name := range files {
		if strings.HasSuffix(name, ".csv") && !strings.Contains(pkg, `"path": "`+name+`"`) {
			t.Errorf("datapackage.json does not describe %s", name)
		}
	}
	var dept struct {
		Projects []struct {
			Code  string      `json:"code"`
			Spent json.Number `json:"spent_yuan"`
			Plan  []any       `json:"plan"`
		} `json:"projects"`
	}
	if err := json.Unmarshal(files["2021/dkb/data/department.json"], &dept); err != nil {
		t.Fatal(err)
	}
	if len(dept.Projects) != 1 || dept.Projects[0].Code != "110-0303-JBN-1VKY" || dept.Projects[0].Spent != "191610.70" || len(dept.Projects[0].Plan) != 4 {
		t.Errorf("department.json does not carry the project in full with its exact spending: %+v", dept.Projects)
	}
}

// TestEvaluationFiguresOnPage: every figure of the self-evaluation and the
// monitoring that derive computed stands on the project page, in its table.
func TestEvaluationFiguresOnPage(t *testing.T) {
	site, diags := load.Site(testutil.ContentDir())
	check.Site(site, diags)
	depts := derive.Site(site)
	p := depts[0].Projects[0]
	e := p.Evaluation
	out := t.TempDir()
	if err := web.Build(site, depts, out, web.Options{Cache: assets.CacheDir()}); err != nil {
		t.Fatal(err)
	}
	page, _ := os.ReadFile(filepath.Join(out, "2021/dkb/projects/110-0303-JBN-1VKY.html"))
	text := string(page)
	want := []string{
		`<td class="num">` + present.Score(e.ExecutionScore) + `</td></tr>`,
		`<td class="num">` + present.Score(e.Total) + `</td><td>评价等级：` + e.Grade + `</td>`,
		e.ExecutionFormula,
	}
	for _, is := range e.Indicators {
		want = append(want, `<td class="num">`+present.Score(is.Weight)+`</td><td class="num">`+present.Score(is.Score)+`</td>`)
	}
	for _, g := range e.Groups {
		want = append(want, present.GroupLabels(e)[g.Name]+`小计</th><td class="num">`+present.Score(g.Weight)+`</td><td class="num">`+present.Score(g.Score)+`</td>`)
	}
	m := p.Monitoring[0]
	want = append(want, present.Pct(m.Progress), present.Light(m.Status), "示例数据")
	for _, w := range want {
		if !strings.Contains(text, strings.ReplaceAll(w, "+", "&#43;")) {
			t.Errorf("the project page lacks %q", w)
		}
	}
	dept, _ := os.ReadFile(filepath.Join(out, "2021/dkb/index.html"))
	if !strings.Contains(string(dept), `<td class="num">`+present.Score(e.Total)+`</td><td>`+e.Grade+`</td>`) {
		t.Error("the department page lacks the project's score and grade")
	}
}

// TestLargeDepartmentListsProjects: past InlineProjectForms projects the
// department page lists them with links instead of repeating their forms.
func TestLargeDepartmentListsProjects(t *testing.T) {
	content := t.TempDir()
	if err := corpus.Write(content, corpus.Options{Departments: 1, Projects: web.InlineProjectForms + 3, Records: 300, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	out := build(t, content)
	page, _ := os.ReadFile(filepath.Join(out, "2021/d001/index.html"))
	if strings.Contains(string(page), "项目支出绩效目标表</caption>") || !strings.Contains(string(page), fmt.Sprintf("本部门有 %d 个预算项目", web.InlineProjectForms+3)) {
		t.Error("a large department page should list its projects, not repeat their forms")
	}
	if n := strings.Count(string(page), `href="projects/`); n != web.InlineProjectForms+3 {
		t.Errorf("%d project links", n)
	}
}

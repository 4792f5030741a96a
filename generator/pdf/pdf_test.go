package pdf_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"disclose/generator/assets"
	"disclose/generator/check"
	"disclose/generator/corpus"
	"disclose/generator/derive"
	"disclose/generator/internal/pdfcheck"
	"disclose/generator/internal/testutil"
	"disclose/generator/load"
	"disclose/generator/pdf"
	"disclose/generator/present"
)

var (
	fontsOnce sync.Once
	fonts     *pdf.Fonts
	fontsErr  error
)

func loadFonts(t testing.TB) *pdf.Fonts {
	t.Helper()
	fontsOnce.Do(func() { fonts, fontsErr = pdf.LoadFonts(assets.CacheDir(), pdf.FontFiles{}) })
	if fontsErr != nil {
		t.Fatalf("fonts (run make assets): %v", fontsErr)
	}
	return fonts
}

func loadDepts(t testing.TB, dir string) []*derive.Department {
	t.Helper()
	site, diags := load.Site(dir)
	check.Site(site, diags)
	if diags.HasErrors() {
		t.Fatalf("content has errors: %v", diags.Sorted())
	}
	return derive.Site(site)
}

var opts = pdf.Options{SiteTitle: "测试网站", Publisher: "测试财政局", MaxRecords: pdf.DefaultMaxRecords, AnnualProjects: pdf.DefaultAnnualProjects}

// tool runs a poppler or qpdf command; CI installs them (make validate), a
// developer's machine may not have them.
func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed", name)
		}
		t.Skipf("%s is not installed (apt-get install poppler-utils qpdf)", name)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

func writeTemp(t *testing.T, data []byte) string {
	p := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

var footer = regexp.MustCompile(`第\d+页共\d+页`)

// squeeze drops the spaces and line ends that text extraction puts in, and
// the page footers that interrupt text running across pages.
func squeeze(s string) string {
	s = strings.ReplaceAll(footer.ReplaceAllString(squeezeSpace(s), ""), squeezeSpace(pdf.IllustrativeFooter), "")
	return strings.ReplaceAll(s, squeezeSpace(pdf.IllustrativeYearFooter), "")
}

func squeezeSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\r' || r == '\f' || r == '\u3000' {
			return -1
		}
		return r
	}, s)
}

func TestSampleReportIsDeterministicAndComplete(t *testing.T) {
	f := loadFonts(t)
	d := loadDepts(t, testutil.ContentDir())[0]
	a, err := pdf.Department(f, d, opts)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := pdf.Department(f, loadDepts(t, testutil.ContentDir())[0], opts)
	if !bytes.Equal(a, b) {
		t.Fatal("two renderings of the same content differ")
	}
	if os.Getenv("PDF_OUT") != "" {
		os.WriteFile(os.Getenv("PDF_OUT"), a, 0o644)
	}
	r, err := pdfcheck.Check(a)
	if err != nil || len(r.Problems) > 0 || r.Fonts != 2 {
		t.Fatalf("pdfcheck: %v %v (%d fonts)", err, r.Problems, r.Fonts)
	}

	// Everything the model holds that a reader must find in print.
	var want []string
	for _, in := range d.Indicators {
		want = append(want, in.Name)
	}
	for _, p := range d.Projects {
		want = append(want, p.Code, p.Name, present.Wan(p.Total))
		for _, in := range p.Indicators {
			want = append(want, in.Name, in.Value)
		}
		for _, fd := range p.Funds {
			want = append(want, present.Wan(fd.Amount))
		}
		for _, l := range p.Lines {
			want = append(want, l.Name, present.Wan(l.Amount), l.Spent.Yuan(), present.Pct(l.ExecutionRate))
		}
		for _, c := range p.Checkpoints {
			want = append(want, c.Label, c.Percent.String(), c.Planned.Yuan(), c.Actual.Yuan(), present.Pct(c.ActualPercent), present.Deviation(c.Deviation))
		}
		want = append(want, p.Spent.Yuan(), present.Pct(p.ExecutionRate))
		if e := p.Evaluation; e != nil {
			want = append(want, "总分"+present.Score(e.Weight)+present.Score(e.Total)+"评价等级："+e.Grade, "预算执行率"+present.Score(e.ExecutionWeight)+present.Score(e.ExecutionScore))
			for _, g := range e.Groups {
				want = append(want, present.GroupLabels(e)[g.Name]+"小计"+present.Score(g.Weight)+present.Score(g.Score))
			}
			for _, is := range e.Indicators {
				want = append(want, present.Score(is.Weight)+present.Score(is.Score))
			}
		}
		for _, m := range p.Monitoring {
			want = append(want, present.Pct(m.Progress)+present.Light(m.Status))
		}
	}
	for _, rec := range d.Records {
		want = append(want, rec.Amount.Yuan(), rec.Voucher)
	}
	want = append(want, d.SpecialFunds.Explanation, "第一部分", "第二部分", "第三部分", "四、工作保障措施", "第1页共")
	check := func(source, text string) {
		text = squeezeSpace(text)
		for _, w := range want {
			if !strings.Contains(text, squeeze(w)) {
				t.Errorf("%s does not recover %q", source, w)
			}
		}
	}
	check("the text layer", r.Text)

	file := writeTemp(t, a)
	// -raw keeps the drawing order: a cell's wrapped lines stay together.
	check("pdftotext", tool(t, "pdftotext", "-raw", "-enc", "UTF-8", file, "-"))
	if out := tool(t, "qpdf", "--check", file); !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check:\n%s", out)
	}
	info := tool(t, "pdfinfo", file)
	for _, w := range []string{"Title:           2021年部门整体绩效目标（督查考核办公室）", "Author:          承德高新技术产业开发区督查考核办公室", "Keywords:", "Subject:"} {
		if !strings.Contains(info, w) {
			t.Errorf("pdfinfo lacks %q:\n%s", w, info)
		}
	}
	fontsOut := tool(t, "pdffonts", file)
	for _, line := range strings.Split(strings.TrimSpace(fontsOut), "\n")[2:] {
		if !regexp.MustCompile(`^[A-Z]{6}\+\S+\s.*\byes\s+yes\s+yes\b`).MatchString(line) {
			t.Errorf("font not embedded as a subset: %s", line)
		}
	}
	var outline struct{ Outlines []bookmark }
	if err := json.Unmarshal([]byte(tool(t, "qpdf", "--json", "--json-key=outlines", file)), &outline); err != nil {
		t.Fatal(err)
	}
	want2 := "第一部分　部门整体绩效目标[总体绩效目标 分项绩效目标 部门整体绩效指标 四、工作保障措施] 第二部分　专项资金绩效目标 " +
		"第三部分　预算项目绩效目标[自评得分复核 督查考核专项经费[项目说明 预算执行情况 绩效运行监控 绩效自评[得分是怎样算出的]]]"
	if got := tree(outline.Outlines); got != want2 {
		t.Errorf("bookmarks\n got %s\nwant %s", got, want2)
	}
}

type bookmark struct {
	Title string
	Kids  []bookmark
}

func tree(bs []bookmark) string {
	var parts []string
	for _, b := range bs {
		s := b.Title
		if len(b.Kids) > 0 {
			s += "[" + tree(b.Kids) + "]"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// longContent writes a department whose one project has 60 indicators and
// a 3,000-character 项目说明, to see a long table and long prose paginate.
func longContent(t *testing.T) string {
	dir := testutil.CopyContent(t)
	proj := filepath.Join(dir, "2021/dkb/projects/110-0303-JBN-1VKY.yaml")
	data, _ := os.ReadFile(proj)
	head := string(data[:bytes.Index(data, []byte("indicators:"))])
	var b strings.Builder
	b.WriteString(head + "indicators:\n")
	cats := [][2]string{{"产出指标", "数量指标"}, {"产出指标", "质量指标"}, {"产出指标", "时效指标"}, {"效益指标", "社会效益指标"}, {"满意度指标", "服务对象满意度指标"}}
	for i := range 60 {
		c := cats[i*len(cats)/60]
		fmt.Fprintf(&b, "  - level1: %s\n    level2: %s\n    name: 第%d项测试指标\n    description: 第%d项指标的描述文字，用来检查表格跨页时的表头重复和单元格内的换行是否完整\n"+
			"    operator: \">=\"\n    value: %d\n    unit: \"%%\"\n    basis: 《测试依据第%d号》及相关的年度工作计划和专家评审意见\n", c[0], c[1], i+1, i+1, 50+i%50, i+1)
	}
	os.WriteFile(proj, []byte(b.String()), 0o644)
	os.Remove(filepath.Join(dir, "2021/dkb/projects/110-0303-JBN-1VKY.results.yaml")) // its names are gone
	para := "本项目围绕年度重点工作，按照“节约开支、先批后支”的原则推进实施，完成率100%，资金21万元，确保各项任务按期完成并取得实效。"
	var desc strings.Builder
	for desc.Len() < 3000*3 {
		desc.WriteString(para)
		if desc.Len()%5 == 0 {
			desc.WriteString("\n\n")
		}
	}
	os.WriteFile(filepath.Join(dir, "2021/dkb/projects/110-0303-JBN-1VKY.md"), []byte(desc.String()+"\n"), 0o644)
	return dir
}

func TestLongProjectPaginates(t *testing.T) {
	f := loadFonts(t)
	d := loadDepts(t, longContent(t))[0]
	data, err := pdf.Department(f, d, opts)
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("PDF_OUT") != "" {
		os.WriteFile(strings.TrimSuffix(os.Getenv("PDF_OUT"), ".pdf")+"-long.pdf", data, 0o644)
	}
	r, err := pdfcheck.Check(data)
	if err != nil || len(r.Problems) > 0 {
		t.Fatalf("pdfcheck: %v %v", err, r.Problems)
	}
	if r.Pages < 14 {
		t.Errorf("%d pages: 60 indicators and 3,000 characters should take more", r.Pages)
	}
	text := squeeze(r.Text)
	for i := range 60 {
		if name := fmt.Sprintf("第%d项测试指标", i+1); !strings.Contains(text, name) {
			t.Errorf("indicator %s is missing", name)
		}
		if basis := fmt.Sprintf("《测试依据第%d号》及相关的年度工作计划和专家评审意见", i+1); !strings.Contains(text, basis) {
			t.Errorf("the basis of indicator %d is cut", i+1)
		}
	}
	if !strings.Contains(text, squeeze(d.Projects[0].Description.Text)) {
		t.Error("the 3,000-character 项目说明 is not printed whole and in order")
	}
	continued := strings.Count(text, "项目支出绩效目标表（续）")
	headers := strings.Count(text, "一级指标二级指标三级指标绩效指标描述")
	// + the department table, + the form's first page when its column heads
	// fit there (else they open the first continuation page).
	if continued < 2 || (headers != continued+2 && headers != continued+1) {
		t.Errorf("header repeated %d times for %d continuation pages", headers, continued)
	}
}

// TestAnnualReport: the combined report of a year nests each department's
// parts under its name in the contents and the bookmarks.
func TestAnnualReport(t *testing.T) {
	f := loadFonts(t)
	depts := loadDepts(t, testutil.ContentDir())
	a, err := pdf.Year(f, 2021, depts, opts)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := pdf.Year(f, 2021, depts, opts)
	if !bytes.Equal(a, b) {
		t.Fatal("two renderings differ")
	}
	r, err := pdfcheck.Check(a)
	if err != nil || len(r.Problems) > 0 {
		t.Fatalf("%v %v", err, r.Problems)
	}
	text := squeezeSpace(r.Text)
	for _, w := range []string{"2021年度预算绩效目标公开", "各部门合订本", "目录", "督查考核办公室", "第三部分预算项目绩效目标", "110-0303-JBN-1VKY"} {
		if !strings.Contains(text, w) {
			t.Errorf("annual report lacks %q", w)
		}
	}
	file := writeTemp(t, a)
	var outline struct{ Outlines []bookmark }
	if err := json.Unmarshal([]byte(tool(t, "qpdf", "--json", "--json-key=outlines", file)), &outline); err != nil {
		t.Fatal(err)
	}
	if got := tree(outline.Outlines); !strings.HasPrefix(got, "督查考核办公室[第一部分　部门整体绩效目标[总体绩效目标") {
		t.Errorf("bookmarks %s", got)
	}
}

// TestAnnualReportSummary: past the project limit the combined report
// lists each department's projects and leaves their forms to the
// department reports.
func TestAnnualReportSummary(t *testing.T) {
	o := opts
	o.AnnualProjects = 0
	data, err := pdf.Year(loadFonts(t), 2021, loadDepts(t, testutil.ContentDir()), o)
	if err != nil {
		t.Fatal(err)
	}
	r, err := pdfcheck.Check(data)
	if err != nil || len(r.Problems) > 0 {
		t.Fatalf("%v %v", err, r.Problems)
	}
	text := squeezeSpace(r.Text)
	if !strings.Contains(text, "本合订本只列各部门的项目一览") || !strings.Contains(text, "预算项目一览") || strings.Contains(text, "项目支出绩效目标表") {
		t.Error("the summary edition does not read as one")
	}
}

// TestSectionKeepsTheSummary: the summary edition made from Sections, after
// the JSON round trip a build cache puts them through, is byte for byte the
// one made from the departments (the sample site, and a corpus with
// special funds, weights and results).
func TestSectionKeepsTheSummary(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Write(dir, corpus.Options{Departments: 2, Projects: 6, Records: 200, Seed: 9}); err != nil {
		t.Fatal(err)
	}
	o := opts
	o.AnnualProjects = 0
	for _, content := range []string{testutil.ContentDir(), dir} {
		depts := loadDepts(t, content)
		want, err := pdf.Year(loadFonts(t), 2021, depts, o)
		if err != nil {
			t.Fatal(err)
		}
		var sections []*pdf.Section
		for _, d := range depts {
			data, err := json.Marshal(pdf.SectionOf(d))
			if err != nil {
				t.Fatal(err)
			}
			var s pdf.Section
			if err := json.Unmarshal(data, &s); err != nil {
				t.Fatalf("%s: %v", content, err)
			}
			sections = append(sections, &s)
		}
		got, err := pdf.YearOfSections(loadFonts(t), 2021, sections, o)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: the summary edition from sections differs from the one from the departments", content)
		}
	}
}

// Package web renders the transparency website: an index, one page per
// department and year with the whole disclosure in the source document's
// order, one page per project with its execution against plan, charts
// (go-echarts options as JSON, drawn by a static script), open data in JSON
// and CSV with a datapackage.json, a 404 page and a sitemap. It only formats
// what derive computed; every link is relative.
package web

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"disclose/generator/assets"
	"disclose/generator/derive"
	"disclose/generator/markdown"
	"disclose/generator/model"
	"disclose/generator/money"
	"disclose/generator/num"
	"disclose/generator/present"
	"disclose/generator/rules"
)

// CSP is the Content-Security-Policy of every page: nothing from outside the
// site, no inline script or style. Loosen only with a reason here.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:"

// Options controls a build.
type Options struct {
	// Templates is the site's own templates folder; its files replace the
	// embedded defaults of the same name. Empty: defaults only.
	Templates string
	// Cache holds the fetched third-party assets (ECharts).
	Cache string
	// CSP replaces the default policy.
	CSP string
	// Reports are the PDF reports already written into the output, by
	// path, with their sizes, for the download links.
	Reports map[string]int64
	// History is each department's revision history (修订记录), by
	// "YEAR/CODE"; absent outside Git.
	History map[string][]Revision
}

// Revision is one entry of a department's revision history: what changed
// in the published content, in the domain's terms, and the correction note
// its author wrote for the public (never the commit subject).
type Revision struct {
	Date, Note string
	// First marks the first publication: Changes summarize it.
	First   bool
	Changes []string
}

// Download is a link to a PDF report with its size.
type Download struct {
	Href, Size string
}

// InlineProjectForms is the most projects a department page repeats in
// full (the source document's 第三部分); a larger department's page lists
// them, each linking to its own page, where the forms are. A page with fifty
// projects' forms serves no reader and costs the build half its time.
const InlineProjectForms = 12

// Page is what every page template receives.
type Page struct {
	Site      *model.Site
	Root      string // relative path from the page to the site root, "" or "../../"
	Title     string
	CSP       string
	Crumbs    []Crumb
	Publisher string
	Published string
	Notes     []string // notices about illustrative data
	HasCharts bool
	Home      string // the 404 page's link to the index
	Index     *IndexView
	Dept      *DeptView
	Project   *ProjectView
}

// Crumb is one step of the breadcrumbs; the current page has no Href.
type Crumb struct{ Name, Href string }

// Link is a download link.
type Link struct{ Name, Href, Format string }

// IndexView lists the departments by year.
type IndexView struct{ Years []*YearView }

// YearView sums one year.
type YearView struct {
	Year          int
	Report        *Download // the combined annual report
	Departments   []IndexRow
	Projects      int
	Budget, Spent money.Fen
	ExecutionRate *big.Rat
}

// BudgetWan and SpentWan format the year's totals.
func (y *YearView) BudgetWan() string { return y.Budget.Wan(2) }

// SpentWan formats the year's spending.
func (y *YearView) SpentWan() string { return y.Spent.Wan(2) }

// DeptView is a department page's data.
type DeptView struct {
	*derive.Department
	Href             string // from the site root
	OverallGoalHTML  template.HTML
	MeasuresHTML     template.HTML
	MeasuresHeading  string
	IndicatorTable   IndicatorTable
	SpecialFundViews []SpecialFundView
	ProjectViews     []*ProjectView
	Charts           []Chart
	Overview         []Chart // projects by grade and by progress light
	Data             []Link
	Notes            []string
	// ReportFromDept links the department's PDF from its own pages.
	ReportFromDept *Download
	History        []Revision
	// Findings are the 自评得分复核: every printed figure of the projects'
	// self-evaluation forms that the rules do not give; NoFindings says so
	// when there is none.
	Findings   []present.FindingRow
	NoFindings string
	// DeptForm is the department's own self-evaluation, nil without one.
	DeptForm *present.EvalForm
}

// DeptEvaluationView gives the department's own self-evaluation, nil when
// it has none.
func (d *DeptView) DeptEvaluationView() *EvaluationView {
	if d.DeptForm == nil {
		return nil
	}
	return &EvaluationView{Evaluation: d.Evaluation, Form: d.DeptForm, Rules: d.Rules}
}

// FormsInline says whether the department page repeats each project's forms.
func (d *DeptView) FormsInline() bool { return len(d.ProjectViews) <= InlineProjectForms }

// BudgetWan formats the department's project budgets.
func (d *DeptView) BudgetWan() string { return wanFen(d.Budget) }

// SpentWan formats the department's 全年执行数.
func (d *DeptView) SpentWan() string { return wanFen(d.Spent) }

// DeptBudget is the department's own initial and adjusted budget, when its
// department.yaml gives them.
func (d *DeptView) DeptBudget() *struct{ Initial, Adjusted string } {
	b := d.Department.Department.Budget
	if b.Initial == nil && b.Adjusted == nil {
		return nil
	}
	out := &struct{ Initial, Adjusted string }{"—", "—"}
	if b.Initial != nil {
		out.Initial = wan(*b.Initial)
	}
	if b.Adjusted != nil {
		out.Adjusted = wan(*b.Adjusted)
	}
	return out
}

// Light is the project's latest monitoring status (derive.Project.Light).
func (p *ProjectView) Light() string {
	if st, ok := p.Project.Light(); ok {
		return present.Light(st)
	}
	return "—"
}

// LightClass names the latest light for the stylesheet.
func (p *ProjectView) LightClass() string {
	if st, ok := p.Project.Light(); ok {
		return st.Class()
	}
	return ""
}

// SpecialFundView is one special fund.
type SpecialFundView struct {
	*model.SpecialFund
	IndicatorTable IndicatorTable
}

// ProjectView is a project's data, on its own page and in its department's.
type ProjectView struct {
	*derive.Project
	Dept            *DeptView
	Href            string // from the department page
	DescriptionHTML template.HTML
	IndicatorTable  IndicatorTable
	Charts          []Chart
	Data            []Link
	LineRows        []LineRow
	CheckpointRows  []CheckpointRow
	PlanRule        string // what the plan table's 对照计划 column measures
	// TotalWan and SpentYuan are the totals row of the budget lines (the
	// records); AdjustedWan, ExecutedWan and RatePct the project's one
	// execution rate with what it is computed from. Published says the
	// 全年预算数 or 全年执行数 is the results' rather than total and records.
	TotalWan, SpentYuan      string
	AdjustedWan, ExecutedWan string
	RatePct                  string
	Published                bool
	Form                     *present.EvalForm
}

// SpentWan formats the project's 全年执行数 (as published, else the records)
// in 万元, at the source's precision.
func (p *ProjectView) SpentWan() string { return executedWan(p.Project) }

// AdjustedBudget is the 全年预算数 in 万元, at the source's precision.
func (p *ProjectView) AdjustedBudget() string { return adjustedWan(p.Project) }

func adjustedWan(p *derive.Project) string {
	if p.Results != nil && p.Results.Budget.Adjusted != nil {
		return present.WanOf(p.Results.Budget.Adjusted, 0)
	}
	return wan(p.Total)
}

func executedWan(p *derive.Project) string {
	if p.Results != nil && p.Results.Budget.Executed != nil {
		return present.WanOf(p.Results.Budget.Executed, 0)
	}
	return wanFen(p.Executed)
}

// Header are the header fields of the form that the project gives.
func (p *ProjectView) Header() []Field {
	return headerFields(p.Project.Project)
}

// LineRow is a budget line as the project page's table shows it: the
// figures formatted once here, not by a function call per cell in the
// template (a province has twenty thousand such rows).
type LineRow struct {
	Name, Budget, Spent, Rate string
}

// The plan table's id and caption: the plan chart's data is that table.
const (
	planTableID      = "plan-table"
	planTableCaption = "资金支出计划执行情况（累计）"
)

// CheckpointRow is a checkpoint of the spending plan as the project
// page's table shows it; the actual figures are set only when Reached.
type CheckpointRow struct {
	Label, Date, PlannedPercent, Planned string
	Reached                              bool
	Actual, ActualPercent, Deviation     string
	LightClass, Light                    string // of the deviation
}

func lineRows(p *derive.Project) []LineRow {
	rows := make([]LineRow, len(p.Lines))
	for i, l := range p.Lines {
		rows[i] = LineRow{Name: l.Name, Budget: wan(l.Amount), Spent: l.Spent.Yuan(), Rate: pct(l.ExecutionRate)}
	}
	return rows
}

func checkpointRows(p *derive.Project) []CheckpointRow {
	rows := make([]CheckpointRow, len(p.Checkpoints))
	for i, c := range p.Checkpoints {
		r := CheckpointRow{Label: c.Label, Date: c.Date.String(), PlannedPercent: pct(c.PlannedPercent), Planned: c.Planned.Yuan(), Reached: c.Reached}
		if c.Reached {
			r.Actual, r.ActualPercent, r.Deviation = c.Actual.Yuan(), pct(c.ActualPercent), deviation(c.Deviation)
			r.LightClass, r.Light = c.PlanStatus.Class(), present.Light(c.PlanStatus)
		}
		rows[i] = r
	}
	return rows
}

// MonitoringView is what the monitoring template needs.
type MonitoringView struct {
	Items []derive.Monitoring
	Rules *rules.Settings
}

// EvaluationView is what the evaluation template needs.
type EvaluationView struct {
	Evaluation *derive.Evaluation
	Form       *present.EvalForm
	Rules      *rules.Settings
}

// MonitoringView gives the monitoring with the rules that judged it.
func (p *ProjectView) MonitoringView() MonitoringView {
	return MonitoringView{Items: p.Monitoring, Rules: p.Dept.Rules}
}

// EvaluationView gives the evaluation with the rules that scored it.
func (p *ProjectView) EvaluationView() EvaluationView {
	return EvaluationView{Evaluation: p.Evaluation, Form: p.Form, Rules: p.Dept.Rules}
}

// Field is a labelled header field.
type Field struct{ Name, Value string }

// headerFields are the form's header fields that are given, in the order
// the forms print them.
func headerFields(p *model.Project) []Field {
	var out []Field
	for _, f := range []Field{{"项目类别", p.Category}, {"主管部门", p.Supervisor}, {"实施单位", p.Implementer}, {"归口科室", p.Office}, {"项目负责人", p.Manager}} {
		if strings.TrimSpace(f.Value) != "" {
			out = append(out, f)
		}
	}
	return out
}

// ResultNotes are the notices of illustrative monitoring and evaluation.
func (p *ProjectView) ResultNotes() []string {
	if p.Results == nil || !p.Results.Illustrative {
		return nil
	}
	return []string{cmp.Or(p.Results.Note, "本项目的监控和自评结果为示例数据。")}
}

// Output receives the files of the site, by slash-separated path from the
// site root (publish.Staging in a build; a plain folder in tests).
type Output interface {
	WriteFile(rel string, data []byte) error
}

// Dir is an Output that writes into a folder.
type Dir string

// WriteFile writes data at rel under the folder.
func (d Dir) WriteFile(rel string, data []byte) error {
	p := filepath.Join(string(d), filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

// Renderer holds what every page of a build shares: the parsed templates,
// the static files, the Markdown converter. Make one per build with New;
// its methods may run concurrently.
type Renderer struct {
	site   *model.Site
	o      Options
	sets   map[string]*template.Template
	static map[string][]byte
}

// New parses the templates (the site's own copies over the defaults).
func New(site *model.Site, o Options) (*Renderer, error) {
	src := source{dir: o.Templates}
	sets, err := src.parse()
	if err != nil {
		return nil, err
	}
	static, err := src.static()
	if err != nil {
		return nil, err
	}
	if o.CSP == "" {
		o.CSP = CSP
	}
	return &Renderer{site: site, o: o, sets: sets, static: static}, nil
}

// DeptSummary is what the site-wide pages need of a department: the index
// row, the sitemap entries and the open-data resources. A build cache keeps
// it (it encodes as JSON), so an unchanged department is not rendered again.
type DeptSummary struct {
	Year          int
	Code          string
	Name          string
	Title         string
	Href          string // the department page, from the site root
	Published     string
	Projects      int
	Budget, Spent money.Fen
	ExecutionRate *big.Rat
	Notes         []string   // notices about illustrative data
	Pages         []string   // every page of the department, from the site root
	Resources     []Resource // its open-data tables
}

// BudgetWan formats the department's project budgets.
func (d *DeptSummary) BudgetWan() string { return wanFen(d.Budget) }

// SpentWan formats the department's spending.
func (d *DeptSummary) SpentWan() string { return wanFen(d.Spent) }

// IndexRow is a department on the index: its summary and its report.
type IndexRow struct {
	*DeptSummary
	Report *Download
}

// Department renders one department's page, its projects' pages and its
// open data into out, and returns its summary. history is its revision
// history (nil outside Git); reports holds the sizes of the PDF reports
// already written, by path.
func (r *Renderer) Department(d *derive.Department, out Output, history []Revision, reports map[string]int64) (*DeptSummary, error) {
	w := &writer{out: out}
	md := markdown.New()
	render := func(m model.Markdown) template.HTML {
		var b bytes.Buffer
		if err := md.Convert([]byte(m.Text), &b); err != nil {
			w.fail(fmt.Errorf("%s：%w", m.File, err))
		}
		return template.HTML(b.String())
	}
	v := deptView(d, render)
	v.History = history
	v.ReportFromDept = download(reports, present.DeptReport(v.Year, v.Code), deptDir(v.Department))
	page := func(root, title string, crumbs []Crumb) Page {
		return Page{Site: r.site, Root: root, Title: title, CSP: r.o.CSP, Crumbs: crumbs, Publisher: v.Publisher, Published: v.Published.String(), Notes: v.Notes}
	}
	sum := &DeptSummary{Year: d.Year, Code: d.Code, Name: d.Name, Title: d.Title, Href: v.Href, Published: d.Published.String(),
		Projects: len(d.Projects), Budget: d.Budget, Spent: d.Spent, ExecutionRate: d.ExecutionRate, Notes: v.Notes}
	jobs := []func(){func() {
		p := page("../../", v.Title, []Crumb{{Name: "首页", Href: "../../index.html"}, {Name: fmt.Sprintf("%d年 %s", v.Year, v.Name)}})
		p.Dept, p.HasCharts = v, len(v.Charts)+len(v.Overview) > 0
		w.page(r.sets["department.html"], v.Href, p)
		writeDeptData(w, v)
	}}
	sum.Pages = append(sum.Pages, v.Href)
	for _, pv := range v.ProjectViews {
		sum.Pages = append(sum.Pages, deptDir(d)+pv.Href)
		jobs = append(jobs, func() {
			p := page("../../../", pv.Name, []Crumb{{Name: "首页", Href: "../../../index.html"},
				{Name: fmt.Sprintf("%d年 %s", v.Year, v.Name), Href: "../index.html"}, {Name: pv.Name}})
			p.Project, p.HasCharts = pv, len(pv.Charts) > 0
			w.page(r.sets["project.html"], deptDir(d)+pv.Href, p)
		})
	}
	run(jobs)
	if w.err != nil {
		return nil, w.err
	}
	slices.SortFunc(w.resources, func(a, b Resource) int { return cmp.Compare(a.Path, b.Path) })
	sum.Resources = w.resources
	return sum, nil
}

// Site renders the pages that belong to no department from the
// departments' summaries: the index, the 404 page, the static files,
// datapackage.json and the sitemap. reports holds the sizes of the PDF
// reports written, by path.
func (r *Renderer) Site(depts []*DeptSummary, out Output, reports map[string]int64) error {
	w := &writer{out: out}
	names := make([]string, 0, len(r.static))
	for name := range r.static {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		w.file("assets/"+name, r.static[name])
	}
	if err := assets.Copy(r.o.Cache, assets.ECharts, out.WriteFile); err != nil {
		return err
	}
	index := &IndexView{}
	years := map[int]*YearView{}
	for _, d := range depts {
		y := years[d.Year]
		if y == nil {
			y = &YearView{Year: d.Year}
			years[d.Year] = y
			index.Years = append(index.Years, y)
		}
		y.Departments = append(y.Departments, IndexRow{DeptSummary: d, Report: download(reports, present.DeptReport(d.Year, d.Code), "")})
		y.Projects += d.Projects
		y.Budget += d.Budget
		y.Spent += d.Spent
	}
	for _, y := range index.Years {
		y.ExecutionRate = num.Percent(int64(y.Spent), int64(y.Budget))
		y.Report = download(reports, present.YearReport(y.Year), "")
	}
	// Newest year first, as transparency sites list them.
	slices.SortFunc(index.Years, func(a, b *YearView) int { return cmp.Compare(b.Year, a.Year) })

	// Pages that belong to no department carry the latest publication date.
	latest := ""
	for _, d := range depts {
		latest = max(latest, d.Published)
	}
	page := func(title string, crumbs []Crumb) Page {
		return Page{Site: r.site, Title: title, CSP: r.o.CSP, Crumbs: crumbs, Publisher: r.site.Publisher, Published: latest}
	}
	p := page("首页", []Crumb{{Name: "首页"}})
	p.Index = index
	for _, d := range depts {
		p.Notes = appendUnique(p.Notes, d.Notes...)
	}
	w.page(r.sets["index.html"], "index.html", p)
	home := notFoundHome(r.site)
	p = page("页面不存在", []Crumb{{Name: "首页", Href: home}, {Name: "页面不存在"}})
	p.Home = home
	w.page(r.sets["404.html"], "404.html", p)
	if w.err != nil {
		return w.err
	}
	writeDatapackage(w, r.site, depts)
	writeSitemap(w, r.site, depts)
	return w.err
}

// Build renders the whole site into the folder out: every department, then
// the site-wide pages. (disclose build runs the same steps department by
// department, with a cache; Build is for tests and benchmarks.)
func Build(site *model.Site, depts []*derive.Department, out string, o Options) error {
	r, err := New(site, o)
	if err != nil {
		return err
	}
	sums := make([]*DeptSummary, len(depts))
	for i, d := range depts {
		if sums[i], err = r.Department(d, Dir(out), o.History[fmt.Sprintf("%d/%s", d.Year, d.Code)], o.Reports); err != nil {
			return err
		}
	}
	return r.Site(sums, Dir(out), o.Reports)
}

// download is the link to a report from a page in dir, or nil when the
// report was not made.
func download(reports map[string]int64, path, dir string) *Download {
	size, ok := reports[path]
	if !ok {
		return nil
	}
	return &Download{Href: strings.TrimPrefix(path, dir), Size: present.Size(size)}
}

// notFoundHome is the 404 page's way back: a web server shows the page at
// any depth, where a relative link may not reach the index, but the site's
// published address always does. (Its stylesheet stays relative: a page
// must load nothing from outside the site it is served from.)
func notFoundHome(site *model.Site) string {
	if site.BasePath != "" {
		return strings.TrimSuffix(site.BasePath, "/") + "/index.html"
	}
	return "index.html"
}

func deptDir(d *derive.Department) string { return present.DeptDir(d.Year, d.Code) }

func deptView(d *derive.Department, render func(model.Markdown) template.HTML) *DeptView {
	v := &DeptView{
		Department:      d,
		Href:            deptDir(d) + "index.html",
		OverallGoalHTML: render(d.OverallGoal),
		MeasuresHTML:    render(d.Measures),
		MeasuresHeading: cmp.Or(d.MeasuresTitle, "工作保障措施"),
		IndicatorTable:  deptIndicators(d),
	}
	illustrative := false
	for _, f := range d.Spending {
		if f.Illustrative {
			illustrative = true
			v.Notes = appendUnique(v.Notes, cmp.Or(f.Note, "本页的支出数据为示例数据，不是实际支出。"))
		}
	}
	for i := range d.SpecialFunds.Funds {
		f := &d.SpecialFunds.Funds[i]
		v.SpecialFundViews = append(v.SpecialFundViews, SpecialFundView{SpecialFund: f, IndicatorTable: indicatorTable(f.Name+" 绩效指标", f.Indicators, nil, d.Rules)})
	}
	through := 12
	if !d.Through.IsZero() {
		through = d.Through.Month()
	}
	for _, p := range d.Projects {
		pv := &ProjectView{
			Project:         p,
			Dept:            v,
			Href:            "projects/" + p.Code + ".html",
			DescriptionHTML: render(p.Description),
			IndicatorTable:  indicatorTable(p.Name+" 绩效指标", p.Indicators, p.Levels, d.Rules),
		}
		// Charts of what was published: a self-evaluation form has no plan,
		// no budget lines and no spending records.
		if len(p.Plan) > 0 {
			pv.Charts = append(pv.Charts, planChart(p, illustrative, planTableID, planTableCaption))
		}
		if p.Records > 0 {
			pv.Charts = append(pv.Charts, monthlyChart(p, through, illustrative))
		}
		if len(p.BudgetLines) > 0 {
			pv.Charts = append(pv.Charts, linesChart(p, illustrative))
		}
		pv.LineRows, pv.CheckpointRows = lineRows(p), checkpointRows(p)
		if d.Rules != nil {
			pv.PlanRule = present.PlanRule(&d.Rules.Monitoring)
		}
		_, adjusted := p.Budgets()
		pv.TotalWan, pv.SpentYuan, pv.RatePct = wan(p.Total), p.Spent.Yuan(), pct(p.ExecutionRate)
		pv.AdjustedWan, pv.ExecutedWan = adjustedWan(p), executedWan(p)
		pv.Published = adjusted != p.Total.Fen || p.Executed != p.Spent
		if p.Evaluation != nil {
			pv.Form = present.Evaluation(p.Evaluation, p.Results.Budget, p.Indicators, p.Levels, d.Rules)
			v.Findings = append(v.Findings, present.Findings(p.Code, p.Name, p.Evaluation)...)
		}
		pv.Data = projectLinks(p)
		v.ProjectViews = append(v.ProjectViews, pv)
	}
	if len(d.Projects) > 0 {
		v.Charts = []Chart{budgetsChart(d, illustrative), ratesChart(d, illustrative)}
	}
	if d.Evaluation != nil {
		v.DeptForm = present.DeptEvaluation(d.Evaluation, d.Department.Budget, d.Indicators, d.Levels, d.Rules)
		v.Findings = append(present.Findings("", present.DeptName, d.Evaluation), v.Findings...)
	}
	evaluated, resultsIllustrative, count := false, false, 0
	for _, p := range d.Projects {
		if p.Evaluation != nil {
			count++
		}
		evaluated = evaluated || p.Evaluation != nil
		resultsIllustrative = resultsIllustrative || (p.Results != nil && p.Results.Illustrative)
	}
	if d.Evaluation != nil {
		count++
	}
	v.NoFindings = present.NoFindings(count)
	if evaluated {
		v.Overview = append(v.Overview, countChart("chart_grades", "各项目绩效自评等级", "等级", d.Grades, resultsIllustrative))
	}
	if len(d.Projects) > 0 {
		v.Overview = append(v.Overview, countChart("chart_lights", "各项目执行进度（最近一次监控或已到期的时间节点）", "执行进度", d.Lights, illustrative))
	}
	v.Data = deptLinks()
	return v
}

func appendUnique(list []string, items ...string) []string {
	for _, s := range items {
		if !slices.Contains(list, s) {
			list = append(list, s)
		}
	}
	return list
}

// writer writes output files and keeps the first error.
type writer struct {
	out       Output
	mu        sync.Mutex
	resources []Resource
	err       error
}

func (w *writer) fail(err error) {
	w.mu.Lock()
	if w.err == nil {
		w.err = err
	}
	w.mu.Unlock()
}

func (w *writer) file(rel string, data []byte) {
	if err := w.out.WriteFile(rel, data); err != nil {
		w.fail(err)
	}
}

// pageBuffers are reused between pages: a page grows its buffer through a
// dozen sizes to its twenty-odd kilobytes, and a province has thousands.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func (w *writer) page(t *template.Template, rel string, p Page) {
	b := pageBuffers.Get().(*bytes.Buffer)
	defer pageBuffers.Put(b)
	b.Reset()
	if err := t.ExecuteTemplate(b, "layout", p); err != nil {
		w.fail(fmt.Errorf("生成 %s：%w", rel, err))
		return
	}
	w.file(rel, b.Bytes()) // written before it returns: the buffer is free again
}

// run executes independent jobs on all cores.
func run(jobs []func()) {
	next := make(chan func())
	var wg sync.WaitGroup
	for range max(1, min(len(jobs), runtimeCPU())) {
		wg.Go(func() {
			for j := range next {
				j()
			}
		})
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
}

// deptIndicators is the 部门整体绩效指标 table, under its own heading.
func deptIndicators(d *derive.Department) IndicatorTable {
	t := indicatorTable("部门整体绩效指标", d.Indicators, d.Levels, d.Rules)
	t.HideCaption = true
	return t
}

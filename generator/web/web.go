// Package web renders the transparency website: an index, one page per
// department and year with the whole disclosure in the source document's
// order, one page per project with its execution against plan, charts
// (go-echarts options as JSON, drawn by a static script), open data in JSON
// and CSV with a datapackage.json, a 404 page and a sitemap. It only formats
// what derive computed; every link is relative.
package web

import (
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
	"disclose/generator/model"
	"disclose/generator/money"
	"disclose/generator/num"
	"disclose/generator/present"
	"disclose/generator/workers"
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
	Explorer  *ExplorerView // the search and explorer pages
}

// Crumb is one step of the breadcrumbs; the current page has no Href.
type Crumb struct{ Name, Href string }

// Link is a download link.
type Link struct{ Name, Href, Format string }

// Output receives the files of the site, by slash-separated path from the
// site root (publish.Staging in a build; a plain folder in tests). It must
// not keep data after WriteFile returns: pages and data files are written
// from reused buffers.
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

// Renderer holds what every page of a build shares: the parsed templates
// and the static files. Make one per build with New;
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

// DeptSummary is what the site-wide pages need of a department: its row
// on the index and the figures of the site's totals and search statistics.
// It is small, so a rebuild reads every department's from the build cache
// (it encodes as JSON) while it renders only the changed ones; what only
// the site-wide data of its segment needs is in Detail.
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
	Notes         []string    // notices about illustrative data
	Grades        []string    // its projects' grades, each once, in order (the explorer's filter)
	Search        SearchStats // its pages' share of the search index's statistics
	// Detail is what its segment's files need (segment.go): read from
	// the build cache only when the segment is written again.
	Detail *DeptDetail `json:"-"`
}

// DeptDetail is what the site-wide files of a department's segment need:
// its pages for the sitemap, its open-data tables for datapackage.json, its
// projects for the explorer and search, its own page for search.
type DeptDetail struct {
	Pages     []string     // every page of the department, from the site root
	Resources []Resource   // its open-data tables
	Rows      []ProjectRow // its projects, for the explorer and search
	Search    SearchDoc    // its own page, for search
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
	render := func(m model.Markdown) template.HTML {
		html, err := m.Doc.HTML() // the document load parsed
		if err != nil {
			w.fail(fmt.Errorf("%s：%w", m.File, err))
		}
		return template.HTML(html)
	}
	v := deptView(d, render)
	v.History = history
	v.ReportFromDept = download(reports, present.DeptReport(v.Year, v.Code), deptDir(v.Department))
	page := func(root, title string, crumbs []Crumb) Page {
		return Page{Site: r.site, Root: root, Title: title, CSP: r.o.CSP, Crumbs: crumbs, Publisher: v.Publisher, Published: v.Published.String(), Notes: v.Notes}
	}
	sum := &DeptSummary{Year: d.Year, Code: d.Code, Name: d.Name, Title: d.Title, Href: v.Href, Published: d.Published.String(),
		Projects: len(d.Projects), Budget: d.Budget, Spent: d.Spent, ExecutionRate: d.ExecutionRate, Notes: v.Notes}
	det := &DeptDetail{Rows: projectRows(d, func(p *derive.Project) string { return deptDir(d) + "projects/" + p.Code + ".html" }), Search: deptSearch(d)}
	sum.Detail = det
	jobs := []func(){func() {
		p := page("../../", v.Title, []Crumb{{Name: "首页", Href: "../../index.html"}, {Name: fmt.Sprintf("%d年 %s", v.Year, v.Name)}})
		p.Dept, p.HasCharts = v, len(v.Charts)+len(v.Overview) > 0 || v.Years != nil
		w.page(r.sets["department.html"], v.Href, p)
		writeDeptData(w, v)
	}}
	det.Pages = append(det.Pages, v.Href)
	for _, pv := range v.ProjectViews {
		det.Pages = append(det.Pages, deptDir(d)+pv.Href)
		jobs = append(jobs, func() {
			p := page("../../../", pv.Name, []Crumb{{Name: "首页", Href: "../../../index.html"},
				{Name: fmt.Sprintf("%d年 %s", v.Year, v.Name), Href: "../index.html"}, {Name: pv.Name}})
			p.Project, p.HasCharts = pv, len(pv.Charts) > 0
			w.page(r.sets["project.html"], deptDir(d)+pv.Href, p)
		})
	}
	workers.Each(len(jobs), func(i int) { jobs[i]() })
	if w.err != nil {
		return nil, w.err
	}
	slices.SortFunc(w.resources, func(a, b Resource) int { return cmp.Compare(a.Path, b.Path) })
	det.Resources = w.resources
	sum.Grades = grades(det.Rows)
	sum.Search = searchStats(det)
	writeSearchDocs(w, sum, det)
	if w.err != nil {
		return nil, w.err
	}
	return sum, nil
}

// Site renders the pages that belong to no department from the
// departments' summaries (heads only, never their Detail): the index, the
// 404 page, the static files, the search and explorer pages and
// search/meta.json. reports holds the sizes of the PDF reports written, by
// path. It needs no segment: a build writes them meanwhile (see Catalog).
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
	if err := assets.Copy(r.o.Cache, slices.Concat(assets.ECharts, assets.MiniSearch), out.WriteFile); err != nil {
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
		y.Volumes = volumeLinks(y, reports, present.AnnualVolume(r.site))
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
	p.Index, p.HasCharts = index, len(index.Years) > 1 // the years side by side
	for _, d := range depts {
		p.Notes = appendUnique(p.Notes, d.Notes...)
	}
	w.page(r.sets["index.html"], "index.html", p)
	home := notFoundHome(r.site)
	p = page("页面不存在", []Crumb{{Name: "首页", Href: home}, {Name: "页面不存在"}})
	p.Home = home
	w.page(r.sets["404.html"], "404.html", p)
	r.writeFinders(w, index, depts, page)
	if w.err != nil {
		return w.err
	}
	writeSearchMeta(w, depts)
	return w.err
}

// Build renders the whole site into the folder out: every department, its
// segments, then the site-wide pages. (disclose build runs the same steps
// department by department, with a cache; Build is for tests and
// benchmarks.)
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
	var segs []SegmentPiece
	for n, s := range Segments(len(sums)) {
		piece, err := r.Segment(n, sums[s[0]:s[1]], Dir(out))
		if err != nil {
			return err
		}
		segs = append(segs, piece)
	}
	if err := r.Site(sums, Dir(out), o.Reports); err != nil {
		return err
	}
	return r.Catalog(segs, Dir(out))
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
var pageBuffers = sync.Pool{New: func() any { return new(pageWriter) }}

// page executes a set of parse (its "layout", with p) into rel; a set is
// executed only here, into a pageWriter (escapetypes.go).
func (w *writer) page(t *template.Template, rel string, p Page) {
	b := pageBuffers.Get().(*pageWriter)
	defer pageBuffers.Put(b)
	b.buf.Reset()
	b.escape = false
	if err := t.ExecuteTemplate(b, "layout", p); err != nil {
		w.fail(fmt.Errorf("生成 %s：%w", rel, err))
		return
	}
	w.file(rel, b.buf.Bytes()) // written before it returns: the buffer is free again
}

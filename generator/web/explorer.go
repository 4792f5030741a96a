package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"strings"

	"disclose/generator/derive"
	"disclose/generator/money"
)

// The project explorer (项目查询): every project of every year in one
// table, filtered and sorted in the browser (templates/static/explorer.js).
// Its data is one file a year and segment (explorer/YEAR-N.json, a
// segment's departments of that year, segment.go), so a filter on a year
// loads that year only and no file grows with the site: the page lists
// the files it loads.

// ProjectRow is a project as the explorer and the search results show it.
// Amounts travel as fen (exact integers) for filters and sorting, with the
// 万元 text the project page shows; Band and Light are codes, their words
// are in the page.
type ProjectRow struct {
	Code, Name, Href       string // Href from the site root
	Budget, Executed       money.Fen
	BudgetWan, ExecutedWan string
	Rate                   *big.Rat
	Grade                  string // the evaluation's grade, or why there is none
	Light                  string // latest monitoring light: green, yellow, red; "" none
	// Illustrative: its year, its spending or its results are 示例数据,
	// which every list that shows it says.
	Illustrative bool `json:",omitempty"`
	Search       SearchDoc
}

func projectRows(d *derive.Department, href func(*derive.Project) string) []ProjectRow {
	rows := make([]ProjectRow, len(d.Projects))
	illustrative := d.Illustrative
	for _, f := range d.Spending {
		illustrative = illustrative || f.Illustrative
	}
	for i, p := range d.Projects {
		budget := p.Total.Fen
		if p.Results != nil && p.Results.Budget.Adjusted != nil {
			budget = p.Results.Budget.Adjusted.Fen
		}
		r := ProjectRow{Code: p.Code, Name: p.Name, Href: href(p), Budget: budget, Executed: p.Executed,
			BudgetWan: adjustedWan(p), ExecutedWan: executedWan(p), Rate: p.ExecutionRate, Search: projectSearch(p),
			Illustrative: illustrative || (p.Results != nil && p.Results.Illustrative)}
		switch e := p.Evaluation; {
		case e == nil:
			r.Grade = "未自评"
		case !e.Complete:
			r.Grade = "未完成自评"
		case e.Grade == "":
			r.Grade = "不评等级"
		default:
			r.Grade = e.Grade
		}
		if st, ok := p.Light(); ok {
			r.Light = st.Class()
		}
		rows[i] = r
	}
	return rows
}

// grades lists the projects' grades, each once, in order.
func grades(rows []ProjectRow) []string {
	var out []string
	for _, r := range rows {
		out = appendUnique(out, r.Grade)
	}
	return out
}

// RateBand is an execution-rate band of the explorer's filter.
type RateBand struct{ Code, Label string }

// rateBands are the explorer's bands: the monitoring lights' default
// thresholds (60%, 80%), the 90% under which a rate must be explained, and
// full execution.
var rateBands = []RateBand{{"lt60", "低于 60%"}, {"60-80", "60% 至 80%"}, {"80-90", "80% 至 90%"},
	{"90-100", "90% 至 100%"}, {"ge100", "100% 及以上"}, {"none", "无执行率"}}

func bandOf(rate *big.Rat) string {
	if rate == nil {
		return "none"
	}
	for i, limit := range []int64{60, 80, 90, 100} {
		if rate.Cmp(big.NewRat(limit, 1)) < 0 {
			return rateBands[i].Code
		}
	}
	return "ge100"
}

// basisPoints is the rate in hundredths of a percent, rounded down: a
// sort key exact enough for two decimals.
func basisPoints(rate *big.Rat) *big.Int {
	n := new(big.Int).Mul(rate.Num(), big.NewInt(100))
	return n.Quo(n, rate.Denom())
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// explorerFile is the explorer's data of one year: per row the department
// code, project code, name, link, budget in fen and 万元, executed in fen
// and 万元, the rate in basis points (null: none) and as shown, its band,
// grade and light.
func explorerFile(year int, depts []*DeptSummary) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `{"year":%d,"columns":["dept","code","name","href","budget","budgetWan","executed","executedWan","rate","rateText","band","grade","light","illustrative"],"rows":[`, year)
	first := true
	for _, d := range depts {
		if d.Year != year {
			continue
		}
		for _, r := range d.Detail.Rows {
			if !first {
				b.WriteString(",")
			}
			first = false
			rate := "null"
			if r.Rate != nil {
				rate = basisPoints(r.Rate).String()
			}
			fmt.Fprintf(&b, "\n[%s,%s,%s,%s,%d,%s,%d,%s,%s,%s,%s,%s,%s,%t]", jsonString(d.Code), jsonString(r.Code), jsonString(r.Name),
				jsonString(r.Href), int64(r.Budget), jsonString(r.BudgetWan), int64(r.Executed), jsonString(r.ExecutedWan),
				rate, jsonString(pct(r.Rate)), jsonString(bandOf(r.Rate)), jsonString(r.Grade), jsonString(r.Light), r.Illustrative)
		}
	}
	b.WriteString("]}\n")
	return b.Bytes()
}

// ExplorerView is what the explorer and search pages show without script:
// the departments by year (the filters' choices and the fallback links),
// the grades found, the bands, and the data files.
type ExplorerView struct {
	Years  []*YearView
	Grades []string
	Bands  []RateBand
	Files  string // the explorer's data files, space-separated, from the root
}

func explorerView(index *IndexView, depts []*DeptSummary) *ExplorerView {
	v := &ExplorerView{Years: index.Years, Bands: rateBands}
	for _, d := range depts {
		v.Grades = appendUnique(v.Grades, d.Grades...)
	}
	var files []string
	segs := Segments(len(depts))
	for _, y := range index.Years {
		for n, s := range segs {
			if slices.Contains(segmentYears(depts[s[0]:s[1]]), y.Year) {
				files = append(files, explorerPath(y.Year, n))
			}
		}
	}
	v.Files = strings.Join(files, " ")
	return v
}

// writeFinders writes the search and explorer pages and their data.
func (r *Renderer) writeFinders(w *writer, index *IndexView, depts []*DeptSummary, page func(string, []Crumb) Page) {
	v := explorerView(index, depts)
	p := page("项目查询", []Crumb{{Name: "首页", Href: "index.html"}, {Name: "项目查询"}})
	p.Explorer, p.CSP = v, r.fetchCSP()
	w.page(r.sets["projects.html"], "projects.html", p)
	p = page("搜索", []Crumb{{Name: "首页", Href: "index.html"}, {Name: "搜索"}})
	p.Explorer, p.CSP = v, r.fetchCSP()
	w.page(r.sets["search.html"], "search.html", p)
}

// fetchCSP is the policy of the pages that fetch their data (search and
// explorer): the default one and connect-src 'self', nothing else. A
// site's own policy is used as it is.
func (r *Renderer) fetchCSP() string {
	if r.o.CSP == CSP {
		return CSP + "; connect-src 'self'"
	}
	return r.o.CSP
}

package web

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"disclose/generator/derive"
	"disclose/generator/model"
	"disclose/generator/present"
)

// Column is one column of an open-data table, described for the
// datapackage.json (Frictionless Table Schema).
type Column struct {
	Name        string `json:"name"`
	Type        string `json:"type"` // string, number, date
	Description string `json:"description,omitempty"`
}

// Table is an open-data table written as CSV.
type Table struct {
	Title   string
	Columns []Column
	Rows    [][]string
	// AppendRows, when set, writes the rows instead of Rows, each field
	// through appendCSVField (the spending table: a million rows).
	AppendRows func(b []byte) []byte
}

// Resource is a datapackage.json entry.
type Resource struct {
	Name        string `json:"name"`
	Path        string `json:"path"`
	Title       string `json:"title"`
	Profile     string `json:"profile"`
	Format      string `json:"format"`
	Mediatype   string `json:"mediatype"`
	Encoding    string `json:"encoding"`
	Description string `json:"description,omitempty"`
	Schema      struct {
		Fields []Column `json:"fields"`
	} `json:"schema"`
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// neutralize keeps spreadsheet programs from running a text cell as a
// formula (CSV injection): a cell that begins with = + - @ or a control
// character gets a leading apostrophe. Number and date columns are written
// by disclose itself and are left alone.
func neutralize(s string) string {
	if s != "" {
		switch s[0] {
		case '=', '+', '-', '@', '\t', '\r':
			return "'" + s
		}
	}
	return s
}

// csvBuffers are reused between CSV files, as pageBuffers between pages:
// a department's spending.csv alone is most of a megabyte.
var csvBuffers = sync.Pool{New: func() any { return new([]byte) }}

// appendCSV appends t to b as UTF-8 with a BOM, so that Excel shows
// Chinese.
func appendCSV(b []byte, t Table) []byte {
	b = append(b, utf8BOM...)
	for i, c := range t.Columns {
		b = appendCSVField(b, i, c.Name)
	}
	b = append(b, '\n')
	if t.AppendRows != nil {
		return t.AppendRows(b)
	}
	for _, r := range t.Rows {
		for i, c := range t.Columns {
			cell := r[i]
			if c.Type == "string" {
				cell = neutralize(cell)
			}
			b = appendCSVField(b, i, cell)
		}
		b = append(b, '\n')
	}
	return b
}

// appendCSVField writes one field as encoding/csv's Writer does (quoted
// when it holds a comma, quote or line break, starts with a space, or is
// \.), a few times faster for the million cells of a province.
func appendCSVField(b []byte, i int, field string) []byte {
	if i > 0 {
		b = append(b, ',')
	}
	if !csvNeedsQuotes(field) {
		return append(b, field...)
	}
	b = append(b, '"')
	for {
		j := strings.IndexByte(field, '"')
		if j < 0 {
			break
		}
		b = append(b, field[:j+1]...)
		b = append(b, '"')
		field = field[j+1:]
	}
	b = append(b, field...)
	return append(b, '"')
}

func csvNeedsQuotes(field string) bool {
	if field == "" {
		return false
	}
	if field == `\.` {
		return true
	}
	for i := 0; i < len(field); i++ { // strings.ContainsAny, without its rune decoding
		switch field[i] {
		case ',', '"', '\r', '\n':
			return true
		}
	}
	r, _ := utf8.DecodeRuneInString(field)
	return unicode.IsSpace(r)
}

func (w *writer) csv(rel, name, description string, t Table) {
	buf := csvBuffers.Get().(*[]byte)
	*buf = appendCSV((*buf)[:0], t)
	w.file(rel, *buf) // written before it returns: the buffer is free again
	csvBuffers.Put(buf)
	r := Resource{Name: name, Path: rel, Title: t.Title, Profile: "tabular-data-resource", Format: "csv",
		Mediatype: "text/csv", Encoding: "utf-8", Description: description}
	r.Schema.Fields = t.Columns
	w.mu.Lock()
	w.resources = append(w.resources, r)
	w.mu.Unlock()
}

// json writes v as JSON: indented for the datapackage.json people read,
// compact for the data files programs read (browsers indent it for a
// reader, and a province has thousands of them).
func (w *writer) json(rel string, v any, indent bool) {
	pw := pageBuffers.Get().(*pageWriter)
	defer pageBuffers.Put(pw)
	b := &pw.buf
	b.Reset()
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(v); err != nil {
		w.fail(err)
		return
	}
	w.file(rel, b.Bytes()) // written before it returns: the buffer is free again
}

func deptLinks() []Link {
	return []Link{
		{"部门整体绩效目标与预算执行", "data/department.json", "JSON"},
		{"部门整体绩效指标", "data/indicators.csv", "CSV"},
		{"预算项目一览", "data/projects.csv", "CSV"},
		{"各项目预算明细与执行数", "data/budget-lines.csv", "CSV"},
		{"各项目资金支出计划执行情况", "data/plan.csv", "CSV"},
		{"各项目绩效指标", "data/project-indicators.csv", "CSV"},
		{"绩效指标的“其中”分项", "data/indicator-parts.csv", "CSV"},
		{"各项目绩效自评：各指标分值与得分", "data/evaluation.csv", "CSV"},
		{"各项目绩效自评：一级指标小计", "data/evaluation-groups.csv", "CSV"},
		{"自评得分复核：公布数与计算数的差异", "data/findings.csv", "CSV"},
		{"各项目绩效运行监控", "data/monitoring.csv", "CSV"},
		{"绩效运行监控：各指标完成预判", "data/monitoring-indicators.csv", "CSV"},
		{"支出记录", "data/spending.csv", "CSV"},
	}
}

// projectLinks are the project's own JSON and the department's tables,
// where each row carries the project code: one table per kind for the
// whole department is what analysts load (and what keeps a province's
// site to a few files per project).
func projectLinks(p *derive.Project) []Link {
	return []Link{
		{"项目绩效目标与执行情况（本部门各项目，JSON，按项目编码查找）", "../data/department.json", "JSON"},
		{"预算明细与执行数（本部门各项目，按项目编码筛选）", "../data/budget-lines.csv", "CSV"},
		{"资金支出计划执行情况（本部门各项目）", "../data/plan.csv", "CSV"},
		{"绩效指标（本部门各项目）", "../data/project-indicators.csv", "CSV"},
		{"绩效自评各指标得分（本部门各项目）", "../data/evaluation.csv", "CSV"},
		{"绩效运行监控（本部门各项目）", "../data/monitoring.csv", "CSV"},
		{"支出记录（本部门各项目）", "../data/spending.csv", "CSV"},
	}
}

func resourceName(parts ...string) string {
	return strings.ToLower(strings.Join(parts, "-"))
}

func writeDeptData(w *writer, v *DeptView) {
	d := v.Department
	dir := deptDir(d) + "data/"
	name := func(s string) string { return resourceName(fmt.Sprint(d.Year), d.Code, s) }
	title := func(s string) string { return fmt.Sprintf("%d年 %s %s", d.Year, d.Name, s) }
	note := strings.Join(v.Notes, " ")
	results := strings.Join(resultNotes(v), " ")
	// department.json's rows are the tables' rows.
	doc := departmentJSON(v)
	var (
		lines      []coded[lineJSON]
		plan       []coded[checkpointJSON]
		indicators []coded[indicatorJSON]
	)
	for i := range doc.Projects {
		p := &doc.Projects[i]
		for j := range p.BudgetLines {
			lines = append(lines, coded[lineJSON]{p.Code, &p.BudgetLines[j]})
		}
		for j := range p.Plan {
			plan = append(plan, coded[checkpointJSON]{p.Code, &p.Plan[j]})
		}
		for j := range p.Indicators {
			indicators = append(indicators, coded[indicatorJSON]{p.Code, &p.Indicators[j]})
		}
	}
	w.csv(dir+"indicators.csv", name("indicators"), "", tableOf(title("部门整体绩效指标"), indicatorCols, doc.Indicators))
	w.csv(dir+"projects.csv", name("projects"), strings.TrimSpace(note+" "+results), tableOf(title("预算项目一览"), projectCols, doc.Projects))
	w.csv(dir+"budget-lines.csv", name("budget-lines"), note, tableOf(title("各项目预算明细与执行数"), withCode(codeProject, lineCols), lines))
	w.csv(dir+"plan.csv", name("plan"), note, tableOf(title("各项目资金支出计划执行情况"), withCode(codeProject, planCols), plan))
	w.csv(dir+"project-indicators.csv", name("project-indicators"), "",
		tableOf(title("各项目绩效指标"), withCode(codeProject, indicatorCols), indicators))
	for _, t := range resultTables(&doc, d, results) {
		w.csv(dir+t.file, name(strings.TrimSuffix(t.file, ".csv")), t.description, t.Table)
	}
	w.csv(dir+"spending.csv", name("spending"), note, spendingTable(d, title("支出记录")))
	w.json(dir+"department.json", doc, false)
	writeLongData(w, d, note) // years_data.go
}

// spendingTable is the spending records, a million rows in a province:
// written straight from the records, the text columns neutralized as
// tableOf does, the rest written by us.
func spendingTable(d *derive.Department, title string) Table {
	t := Table{Title: title, Columns: []Column{
		date("日期", "date"), str("项目编码", codeProject), str("资金用途", "budget_line"), numc("金额（元）", "amount_yuan"),
		str("凭证号", "voucher"), str("摘要", "memo"), str("示例数据", "illustrative"),
	}}
	t.AppendRows = func(b []byte) []byte {
		// The file's size, near enough that it is made once, not grown
		// through a dozen sizes: a department has tens of thousands of rows.
		size := 0
		for _, p := range d.Projects {
			for _, r := range p.Recs {
				size += len(r.Project) + len(r.BudgetLine) + len(r.Voucher) + len(r.Memo) + 36
			}
		}
		b = slices.Grow(b, size)
		var cell, project []byte
		lastProject := ""
		for _, p := range d.Projects {
			for _, r := range p.Recs {
				b = r.Date.AppendString(b)
				if project == nil || r.Project != lastProject { // a project's records are together
					project, lastProject = appendCSVField(project[:0], 1, neutralize(r.Project)), r.Project
				}
				b = append(b, project...)
				b = appendCSVField(b, 2, neutralize(r.BudgetLine))
				b = append(b, ',')
				cell = r.Amount.AppendPlain(cell[:0])
				if csvNeedsQuotes(string(cell)) {
					b = appendCSVField(b, 0, string(cell))
				} else {
					b = append(b, cell...)
				}
				b = appendCSVField(b, 4, neutralize(r.Voucher))
				b = appendCSVField(b, 5, neutralize(r.Memo))
				ill := "否"
				if int(r.File) < len(d.Spending) && d.Spending[r.File].Illustrative {
					ill = "是"
				}
				b = append(append(b, ','), ill...)
				b = append(b, '\n')
			}
		}
		return b
	}
	return t
}

// resultNotes are the notices of the department's illustrative monitoring
// and self-evaluation results, once each.
func resultNotes(v *DeptView) []string {
	var notes []string
	for _, pv := range v.ProjectViews {
		notes = appendUnique(notes, pv.ResultNotes()...)
	}
	return notes
}

// The sitemap is an index (sitemap.xml) of sitemaps: one of the pages that
// belong to no department (sitemaps/site.xml) and one a segment
// (sitemaps/N.xml), so none nears the protocol's 50,000 addresses and a
// rebuild writes its segment's again, not every page's address.

func sitemapBase(site *model.Site) string {
	return strings.TrimSuffix(site.BasePath, "/") + "/"
}

// urlset writes a sitemap of pages, each with its last change ("" none).
func urlset(base string, pages func(url func(rel, lastmod string))) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	pages(func(rel, lastmod string) {
		fmt.Fprintf(&b, "<url><loc>%s</loc>", xmlEscape(base+rel))
		if lastmod != "" {
			fmt.Fprintf(&b, "<lastmod>%s</lastmod>", lastmod)
		}
		b.WriteString("</url>\n")
	})
	b.WriteString("</urlset>\n")
	return []byte(b.String())
}

// writeSitemap writes segment n's sitemap: its departments' pages.
func writeSitemap(w *writer, site *model.Site, n int, depts []*DeptSummary) {
	if site.BasePath == "" {
		return
	}
	w.file(fmt.Sprintf("sitemaps/%d.xml", n), urlset(sitemapBase(site), func(url func(rel, lastmod string)) {
		for _, d := range depts {
			for _, p := range d.Detail.Pages {
				url(p, d.Published)
			}
		}
	}))
}

// writeSitemapIndex writes sitemap.xml, the index, and the sitemap of the
// pages reachable without a department (the explorer and search).
func writeSitemapIndex(w *writer, site *model.Site, segs int) {
	if site.BasePath == "" {
		return
	}
	base := sitemapBase(site)
	w.file("sitemaps/site.xml", urlset(base, func(url func(rel, lastmod string)) {
		url("index.html", "")
		url("projects.html", "")
		url("search.html", "")
	}))
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	loc := func(rel string) { fmt.Fprintf(&b, "<sitemap><loc>%s</loc></sitemap>\n", xmlEscape(base+rel)) }
	loc("sitemaps/site.xml")
	for n := range segs {
		loc(fmt.Sprintf("sitemaps/%d.xml", n))
	}
	b.WriteString("</sitemapindex>\n")
	w.file("sitemap.xml", []byte(b.String()))
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;").Replace(s)
}

// rateText writes an exact rate as a plain decimal for open data.
var rateText = present.Decimal

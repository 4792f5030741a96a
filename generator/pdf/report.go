// Package pdf writes the printable reports: per department and year a PDF
// that reads like the official forms (cover, contents, the three parts in
// the source document's order, tables with merged cells and repeated
// headers, each project's execution chart as vector graphics), and per year
// one combined report. It uses gopdf with TrueType fonts parsed once per
// build, its own Chinese line breaker, and GB/T 9704 page geometry. Output
// is byte-identical for the same content: dates come from the content.
package pdf

import (
	"fmt"
	"path"
	"strings"
	"time"

	"disclose/generator/derive"
	"disclose/generator/model"
	"disclose/generator/present"
	"disclose/generator/rules"
	"disclose/generator/score"
)

// Options controls the reports.
type Options struct {
	// SiteTitle and Publisher appear on the annual report's cover.
	SiteTitle, Publisher string
	// MaxRecords is the most spending records listed per project; a project
	// with more lists none and points to the open data instead.
	MaxRecords int
	// AnnualProjects is the most projects a year may have for the combined
	// annual report to print every project's forms; past it the combined
	// report prints each department's first two parts and its project list,
	// and the department reports carry the forms. (A province's 5,000
	// projects would make a 20,000-page book no reader could use.)
	AnnualProjects int
	Lang           string
	// summary is set while laying out a department inside a summary-mode
	// annual report.
	summary bool
}

// The body text sizes (pt): 小四 for prose, 五号 for tables.
const (
	bodySize    = 12.0
	bodyLeading = 21.0
	tableSize   = 9.5
)

// Department renders the report of one department and year.
func Department(f *Fonts, d *derive.Department, o Options) ([]byte, error) {
	l := newLayout(f)
	writeDepartment(l, d, 0, o)
	cover := []string{d.Title, d.Name}
	return assemble(f, l, cover, d.Publisher, d.Published, Info{
		Title:    fmt.Sprintf("%s（%s）", d.Title, d.Name),
		Author:   d.Publisher,
		Subject:  fmt.Sprintf("%s %d年度预算绩效目标公开", d.Name, d.Year),
		Keywords: fmt.Sprintf("绩效目标, 预算绩效, %d, %s", d.Year, d.Name),
		Created:  created(d.Published),
		Lang:     o.Lang,
	})
}

// Year renders the combined annual report of the departments of one year.
func Year(f *Fonts, year int, depts []*derive.Department, o Options) ([]byte, error) {
	projects := 0
	for _, d := range depts {
		projects += len(d.Projects)
	}
	summary := projects > o.AnnualProjects
	parts := make([]*YearPart, len(depts))
	for i, d := range depts {
		parts[i] = yearPart(f, d, summary, o)
	}
	return yearFromParts(f, year, parts, o)
}

// YearPart is one department laid out for a combined report: parts are
// laid out independently (each starts a page), so a build lays out those
// of unchanged departments while it renders the changed ones.
type YearPart struct {
	l         *layout
	published model.Date
}

func yearPart(f *Fonts, d *derive.Department, summary bool, o Options) *YearPart {
	o.summary = summary
	l := newLayout(f)
	l.newPage()
	l.heading(1, d.Name, 60)
	writeDepartment(l, d, 1, o)
	return &YearPart{l: l, published: d.Published}
}

// yearFromParts puts the parts one after the other, behind a cover and the
// contents.
func yearFromParts(f *Fonts, year int, parts []*YearPart, o Options) ([]byte, error) {
	l := newLayout(f)
	latest := model.Date{}
	for _, p := range parts {
		offset := len(l.pages)
		l.pages = append(l.pages, p.l.pages...)
		for _, h := range p.l.headings {
			h.page += offset
			l.headings = append(l.headings, h)
		}
		if p.published.After(latest) {
			latest = p.published
		}
	}
	title := fmt.Sprintf("%d年度预算绩效目标公开", year)
	return assemble(f, l, []string{title, "各部门合订本"}, o.Publisher, latest, Info{
		Title:    fmt.Sprintf("%s（%s）", title, o.SiteTitle),
		Author:   o.Publisher,
		Subject:  fmt.Sprintf("%d年度各部门预算绩效目标合订本，共 %d 个部门", year, len(parts)),
		Keywords: fmt.Sprintf("绩效目标, 预算绩效, %d, 合订本", year),
		Created:  created(latest),
		Lang:     o.Lang,
	})
}

// created is the publication date at midnight, China Standard Time.
func created(d model.Date) time.Time {
	if d.IsZero() {
		return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	t := d.Time()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.FixedZone("CST", 8*3600))
}

// assemble puts the cover and the contents in front of the laid-out body
// and writes the PDF.
func assemble(f *Fonts, body *layout, cover []string, publisher string, published model.Date, info Info) ([]byte, error) {
	coverPage := coverLayout(f, cover, publisher, published)
	// The contents need the page count of the contents: lay them out once
	// to count, then again with the final numbers (their width cannot
	// change the count: the numbers are right-aligned in a fixed column).
	toc := contentsLayout(f, body.headings, 0)
	toc = contentsLayout(f, body.headings, len(toc.pages))
	pages := append(append(coverPage.pages, toc.pages...), body.pages...)
	data, err := write(f, pages, 1, info)
	if err != nil {
		return nil, err
	}
	return finish(data, body.headings, 1+len(toc.pages), info)
}

func coverLayout(f *Fonts, lines []string, publisher string, published model.Date) *layout {
	l := newLayout(f)
	l.newPage()
	center := func(y float64, face Face, size float64, s string, c rgb) {
		for _, ln := range l.breakText(face, size, s, bodyW) {
			l.add(op{kind: opText, x: (pageW - ln.Width) / 2, y: y, face: face, size: size, text: ln.Text(), color: c})
			y += size * 1.5
		}
	}
	l.add(op{kind: opLine, x: marginLeft, y: 92 * mm, w: bodyW, color: accent, width: 1.5})
	center(105*mm, Sans, 26, lines[0], black)
	for i, s := range lines[1:] {
		center(125*mm+float64(i)*12*mm, Sans, 18, s, black)
	}
	l.add(op{kind: opLine, x: marginLeft, y: 150 * mm, w: bodyW, color: accent, width: 1.5})
	center(215*mm, Serif, 14, publisher, black)
	center(225*mm, Serif, 14, present.ChineseDate(published), black)
	return l
}

// contentsLayout lists the headings down to level 3 with their page
// numbers; tocPages is the number of contents pages (page 1 is the first
// page after the cover).
func contentsLayout(f *Fonts, heads []heading, tocPages int) *layout {
	l := newLayout(f)
	l.newPage()
	l.add(op{kind: opText, x: marginLeft + bodyW/2 - l.measure(Sans, 16, "目　录")/2, y: l.y, face: Sans, size: 16, text: "目　录", color: black})
	l.y += 36
	const size, leading = 11.0, 20.0
	numW := l.measure(Serif, size, "0000")
	for _, h := range heads {
		if h.level > 3 {
			continue
		}
		face := Serif
		if h.level == 1 {
			face = Sans
		}
		indent := float64(h.level-1) * 2 * size
		pageNo := fmt.Sprint(tocPages + h.page + 1)
		avail := bodyW - indent - numW - size
		lines := l.breakText(face, size, h.text, avail)
		for i, ln := range lines {
			l.room(leading)
			l.add(op{kind: opText, x: marginLeft + indent, y: l.y + (leading-size)/2, face: face, size: size, text: ln.Text(), color: black})
			if i == len(lines)-1 {
				// Dotted leader to the right-aligned page number.
				start := marginLeft + indent + ln.Width + 4
				end := marginLeft + bodyW - l.measure(Serif, size, pageNo) - 4
				if end > start {
					dots := strings.Repeat("·", int((end-start)/l.measure(Serif, size, "·")))
					l.add(op{kind: opText, x: end - l.measure(Serif, size, dots), y: l.y + (leading-size)/2, face: Serif, size: size, text: dots, color: gray})
				}
				l.add(op{kind: opText, x: marginLeft + bodyW - l.measure(Serif, size, pageNo), y: l.y + (leading-size)/2, face: Serif, size: size, text: pageNo, color: black})
			}
			l.y += leading
		}
	}
	return l
}

// writeDepartment lays out one department's disclosure; base shifts the
// heading levels (1 inside the annual report, where the department is a
// level-1 heading).
func writeDepartment(l *layout, d *derive.Department, base int, o Options) {
	if base == 0 {
		l.newPage()
	}
	if base == 0 {
		l.add(op{kind: opText, x: marginLeft, y: l.y, face: Sans, size: 20, text: d.Title, color: black})
		l.y += 32
		l.add(op{kind: opText, x: marginLeft, y: l.y, face: Serif, size: 11, text: fmt.Sprintf("%s　%d年度　发布日期：%s", d.Name, d.Year, present.ChineseDate(d.Published)), color: gray})
		l.y += 24
	}
	if d.Origin != "" {
		l.paragraph("公开来源："+d.Origin, Serif, 10.5, 18, false, false, gray)
	}
	notes := illustrativeNotes(d.Department)
	for _, n := range notes {
		l.note("示例数据", n)
	}
	// Pages with execution, monitoring or self-evaluation figures are
	// marked when any of them is illustrative (the footer says so).
	illustrative := len(notes) > 0
	for _, p := range d.Projects {
		illustrative = illustrative || (p.Results != nil && p.Results.Illustrative)
	}
	defer func() { l.illustrative = false }()

	l.heading(base+1, "第一部分　部门整体绩效目标", 60)
	l.heading(base+2, "总体绩效目标", 40)
	if strings.TrimSpace(d.OverallGoal.Text) == "" {
		unpublished(l, "本部门未公开总体绩效目标。")
	}
	narrative(l, d.OverallGoal.Text, base+3)
	l.heading(base+2, "分项绩效目标", 40)
	for i, s := range d.SubTargets {
		l.paragraph(fmt.Sprintf("%d、%s", i+1, s), Serif, bodySize, bodyLeading, true, true, black)
	}
	if len(d.SubTargets) == 0 {
		unpublished(l, "本部门未公开分项绩效目标。")
	}
	l.heading(base+2, "部门整体绩效指标", 80)
	it := indicatorTable("部门整体绩效指标", d.Indicators, d.Levels, d.Rules)
	it.noCaption = true // the heading above is its caption
	l.table(it)
	if len(d.Indicators) == 0 {
		unpublished(l, "本部门未公开部门整体绩效指标（公开文件只有项目表），上表为空表。")
	}
	if d.Evaluation != nil {
		l.illustrative = illustrative
		l.heading(base+2, "部门整体支出绩效自评", 80)
		writeForm(l, present.DeptEvaluation(d.Evaluation, d.Department.Budget, d.Indicators, d.Levels, d.Rules))
		l.illustrative = false
	}
	heading := d.MeasuresTitle
	if heading == "" {
		heading = "工作保障措施"
	}
	l.heading(base+2, heading, 40)
	if strings.TrimSpace(d.Measures.Text) == "" {
		unpublished(l, "本部门未公开"+heading+"。")
	}
	narrative(l, d.Measures.Text, base+3)

	l.heading(base+1, "第二部分　专项资金绩效目标", 60)
	if len(d.SpecialFunds.Funds) == 0 {
		l.table(table{caption: "专项资金绩效目标表", widths: []float64{3, 2, 3, 3}, size: tableSize,
			header: [][]*cell{headerRow("专项资金名称", "金额（万元）", "绩效目标", "绩效指标")},
			rows:   [][]*cell{{{text: "（无）", face: Serif, align: alignCenter, colSpan: 4}, nil, nil, nil}}})
		if d.SpecialFunds.Explanation != "" {
			l.paragraph(d.SpecialFunds.Explanation, Serif, bodySize, bodyLeading, true, true, black)
		} else {
			unpublished(l, "本部门未公开专项资金绩效目标，上表为空表。")
		}
	}
	for _, sf := range d.SpecialFunds.Funds {
		l.heading(base+2, sf.Name, 40)
		l.paragraph(fmt.Sprintf("金额：%s万元", present.Wan(sf.Amount)), Serif, bodySize, bodyLeading, false, false, black)
		if len(sf.Targets) > 0 {
			l.table(targetsTable(sf.Targets))
		}
		l.table(indicatorTable(sf.Name+" 绩效指标", sf.Indicators, nil, d.Rules))
	}

	l.heading(base+1, "第三部分　预算项目绩效目标", 60)
	l.illustrative = illustrative
	overview := table{caption: "预算项目一览", widths: []float64{4, 5, 3, 3, 2.4}, size: tableSize,
		header: [][]*cell{headerRow("项目编码", "项目名称", "全年预算数（万元）", "全年执行数（万元）", "执行率")}}
	for _, p := range d.Projects {
		overview.rows = append(overview.rows, []*cell{txt(p.Code), txt(p.Name), right(adjustedWan(p)), right(executedWan(p)), right(present.Pct(p.ExecutionRate))})
	}
	overview.rows = append(overview.rows, []*cell{{text: "合计", face: Sans, colSpan: 2, fill: true}, nil, right(present.WanFen(d.Budget)), right(present.WanFen(d.Spent)), right(present.Pct(d.ExecutionRate))})
	l.table(overview)
	if len(d.Projects) > 0 && d.Rules != nil {
		// Two tables, not one with an empty spacer column between them.
		grades := table{caption: "绩效自评等级概览（项目数）", widths: []float64{3, 2}, size: tableSize,
			header: [][]*cell{headerRow("自评等级", "项目数")}}
		for _, g := range d.Grades {
			grades.rows = append(grades.rows, []*cell{txt(g.Name), right(fmt.Sprint(g.Count))})
		}
		lights := table{caption: "执行进度概览（项目数）", widths: []float64{3, 2}, size: tableSize,
			header: [][]*cell{headerRow("执行进度", "项目数")}}
		for _, g := range d.Lights {
			lights.rows = append(lights.rows, []*cell{txt(lightName(g.Name)), right(fmt.Sprint(g.Count))})
		}
		if len(grades.rows) > 0 {
			l.table(grades)
		}
		if len(lights.rows) > 0 {
			l.table(lights)
		}
	}
	if o.summary {
		l.paragraph(fmt.Sprintf("本合订本只列各部门的项目一览；各项目的绩效目标表、执行情况和图表见该部门的报告 %s。", path.Base(present.DeptReport(d.Year, d.Code))),
			Serif, 10.5, 18, false, false, gray)
		return
	}
	writeFindings(l, d, base+2)
	for _, p := range d.Projects {
		l.illustrative = false
		writeProject(l, d, p, base+2, notes, o)
	}
}

func writeProject(l *layout, d *derive.Department, p *derive.Project, level int, notes []string, o Options) {
	l.heading(level, p.Name, 120)
	funds := make([]string, len(p.Funds))
	for i, f := range p.Funds {
		funds[i] = f.Kind + " " + present.Wan(f.Amount)
	}
	total := present.Wan(p.Total)
	if len(funds) > 0 {
		total += "（" + strings.Join(funds, "，") + "）"
	}
	// One table, as the official form: the project's rows, the spending
	// plan and the targets above the indicator rows, on their columns.
	form := indicatorTable(p.Name+"　项目支出绩效目标表", p.Indicators, p.Levels, d.Rules)
	n := len(form.widths)
	wide := func(name, value string) []*cell {
		row := make([]*cell, n)
		row[0], row[1] = label(name), &cell{text: value, face: Serif, colSpan: n - 1}
		return row
	}
	first := make([]*cell, n)
	first[0], first[1], first[4], first[6] = label("项目编码"), &cell{text: p.Code, face: Serif, colSpan: 3}, &cell{text: "项目名称", face: Sans, fill: true, colSpan: 2}, &cell{text: p.Name, face: Serif, colSpan: n - 6}
	head := [][]*cell{first}
	for _, f := range []struct{ name, value string }{{"项目类别", p.Category}, {"主管部门", p.Supervisor}, {"实施单位", p.Implementer}, {"归口科室", p.Office}, {"项目负责人", p.Manager}} {
		if strings.TrimSpace(f.value) != "" {
			head = append(head, wide(f.name, f.value))
		}
	}
	head = append(head, wide("项目绩效模板", p.Template), wide("资金用途", p.Purpose), wide("资金总额（万元）", total))
	if p.Origin != "" {
		head = append(head, wide("公开来源", p.Origin))
	}
	if k := len(p.Plan); k > 0 && k <= n-1 {
		heads, vals := make([]*cell, n), make([]*cell, n)
		heads[0] = &cell{text: "资金支出计划（累计进度%）", face: Sans, fill: true, rowSpan: 2}
		col := 1
		for i, c := range p.Plan {
			span := (n - 1) / k
			if i < (n-1)%k {
				span++
			}
			heads[col] = &cell{text: c.Label, face: Sans, align: alignCenter, fill: true, colSpan: span}
			vals[col] = &cell{text: c.Percent.String(), face: Serif, align: alignCenter, colSpan: span}
			col += span
		}
		head = append(head, heads, vals)
	} else {
		head = append(head, wide("资金支出计划（累计进度%）", "本项目未公开资金支出计划。"))
	}
	for i, x := range p.Targets {
		row := make([]*cell, n)
		if i == 0 {
			row[0] = &cell{text: "绩效目标", face: Sans, fill: true, rowSpan: len(p.Targets)}
		}
		row[1], row[2] = label(x.Label), &cell{text: x.Text, face: Serif, colSpan: n - 2}
		head = append(head, row)
	}
	if len(p.Targets) == 0 {
		head = append(head, wide("绩效目标", "本项目未公开绩效目标。"))
	}
	form.headerAt = len(head)
	form.rows = append(head, form.rows...)
	l.table(form)
	if strings.TrimSpace(p.Description.Text) != "" {
		l.heading(level+1, "项目说明", 40)
		narrative(l, p.Description.Text, level+2)
	}

	l.illustrative = len(notes) > 0
	l.heading(level+1, "预算执行情况", 100)
	for _, n := range notes {
		l.note("示例数据", n)
	}
	lines := table{caption: fmt.Sprintf("预算明细与执行数（支出记录截至 %s）", d.Through), widths: []float64{5, 3, 3.4, 2.4}, size: tableSize,
		header: [][]*cell{headerRow("资金用途", "预算数（万元）", "执行数（元）", "执行率")}}
	for _, ln := range p.Lines {
		lines.rows = append(lines.rows, []*cell{txt(ln.Name), right(present.Wan(ln.Amount)), right(ln.Spent.Yuan()), right(present.Pct(ln.ExecutionRate))})
	}
	_, adjusted := p.Budgets()
	published := adjusted != p.Total.Fen || p.Executed != p.Spent
	if published {
		lines.rows = append(lines.rows, []*cell{label("合计（支出记录）"), right(present.Wan(p.Total)), right(p.Spent.Yuan()), right("")})
	} else {
		lines.rows = append(lines.rows, []*cell{label("合计"), right(present.Wan(p.Total)), right(p.Spent.Yuan()), right(present.Pct(p.ExecutionRate))})
	}
	// A self-evaluation form has no budget lines and no plan: what is not
	// published is said, not drawn as empty tables and charts.
	if len(p.Lines) > 0 {
		l.table(lines)
	} else {
		unpublished(l, "本项目未公开预算明细。")
	}
	source := ""
	if published {
		source = "（按自评表公布的数字）"
	}
	l.paragraph(fmt.Sprintf("全年预算数 %s 万元，全年执行数 %s 万元%s，执行率 %s（全年执行数 ÷ 全年预算数）。", adjustedWan(p), executedWan(p), source, present.Pct(p.ExecutionRate)),
		Serif, 10.5, 18, false, false, black)
	exec := table{caption: "资金支出计划执行情况（累计）", widths: []float64{2, 2.6, 2, 2.8, 2.8, 2, 2.4, 2}, size: tableSize,
		header: [][]*cell{headerRow("时间节点", "日期", "计划进度", "计划金额（元）", "实际金额（元）", "实际进度", "偏差（百分点）", "对照计划")}}
	for _, c := range p.Checkpoints {
		row := []*cell{txt(c.Label), txt(c.Date.String()), right(present.Pct(c.PlannedPercent)), right(c.Planned.Yuan())}
		if c.Reached {
			row = append(row, right(c.Actual.Yuan()), right(present.Pct(c.ActualPercent)), right(present.Deviation(c.Deviation)), txt(present.Light(c.PlanStatus)))
		} else {
			row = append(row, &cell{text: "尚未到期", face: Serif, align: alignCenter, colSpan: 4}, nil, nil, nil)
		}
		exec.rows = append(exec.rows, row)
	}
	if len(p.Checkpoints) > 0 {
		l.table(exec)
		if d.Rules != nil {
			l.paragraph(present.PlanRule(&d.Rules.Monitoring), Serif, 9.5, 15, false, false, gray)
		}
		caption := "资金支出计划与实际执行（累计进度）"
		if len(notes) > 0 {
			caption += "（示例数据）"
		}
		l.planChart(p, caption)
	}
	records(l, p, o)
	l.illustrative = l.illustrative || (p.Results != nil && p.Results.Illustrative)
	if len(p.Monitoring) > 0 {
		l.heading(level+1, "绩效运行监控", 100)
		resultNotes(l, p)
		writeMonitoring(l, d, p)
	}
	if p.Evaluation != nil {
		l.heading(level+1, "绩效自评", 100)
		resultNotes(l, p)
		writeEvaluation(l, d, p)
	}
}

func resultNotes(l *layout, p *derive.Project) {
	if p.Results != nil && p.Results.Illustrative {
		n := p.Results.Note
		if n == "" {
			n = "本项目的监控和自评结果为示例数据。"
		}
		l.note("示例数据", n)
	}
}

func writeMonitoring(l *layout, d *derive.Department, p *derive.Project) {
	for _, m := range p.Monitoring {
		label := m.Label
		if label == "" {
			label = "绩效运行监控"
		}
		behind := ""
		if m.Behind {
			behind = "（落后于计划）"
		}
		executed := fmt.Sprintf("1–%d月执行数", m.Date.Month())
		if m.Executed == nil {
			executed += "（支出记录）"
		}
		money := table{caption: fmt.Sprintf("%s（截至 %s）：预算执行", label, m.Date), widths: []float64{2.6, 3.2, 2.2, 2.2, 2.4, 2.2, 2.6}, size: tableSize,
			header: [][]*cell{headerRow("截至日期", executed, "执行率", "进度比", "执行进度", "计划进度", "偏差（百分点）")},
			rows: [][]*cell{{txt(m.Date.String()), right(present.Figure(m.Executed, m.Spent)), right(present.Pct(m.ExecutionRate)), right(present.Pct(m.Progress)),
				{text: present.Light(m.Status), face: Sans, align: alignCenter}, right(present.Pct(m.Planned)), right(present.Deviation(m.Deviation) + behind)}}}
		if m.Projected != nil {
			money.widths = append(money.widths[:2:2], append([]float64{3.2}, money.widths[2:]...)...)
			money.header[0] = append(money.header[0][:2:2], append([]*cell{{text: "全年预计执行数", face: Sans, align: alignCenter}}, money.header[0][2:]...)...)
			money.rows[0] = append(money.rows[0][:2:2], append([]*cell{right(m.Projected.Published())}, money.rows[0][2:]...)...)
		}
		l.table(money)
		t := table{caption: fmt.Sprintf("%s（截至 %s）：绩效目标完成预判", label, m.Date), widths: []float64{2.6, 2.6, 3.4, 1.8, 3.4, 3.8}, size: tableSize,
			header: [][]*cell{headerRow("三级指标", "年度指标值", "当前完成情况", "能否完成", "原因分析", "改进措施")}}
		for _, o := range m.Outlooks {
			target := ""
			if o.Indicator != nil {
				target = present.Target(o.Indicator) + "（" + present.Direction(o.Indicator) + "）"
			}
			progress := o.Progress
			if o.Actual != "" {
				unit := ""
				if o.Indicator != nil && o.Indicator.Operator.Kind != model.OpText {
					unit = o.Indicator.Unit
				}
				progress = "当前值 " + o.Actual + unit + "；" + progress
			}
			t.rows = append(t.rows, []*cell{{text: o.Name, face: Sans}, txt(target), txt(progress), {text: o.Outlook.Outlook, face: Serif, align: alignCenter}, txt(o.Cause), txt(o.Remedy)})
		}
		l.table(t)
		if m.Cause != "" {
			l.paragraph("偏差原因分析："+m.Cause, Serif, bodySize, bodyLeading, true, true, black)
		}
		if m.Remedy != "" {
			l.paragraph("完成目标可能性及改进措施："+m.Remedy, Serif, bodySize, bodyLeading, true, true, black)
		}
	}
	mr := d.Rules.Monitoring
	l.paragraph(fmt.Sprintf("进度比 =（累计执行数 ÷ 全年预算数）÷（月份 ÷ 12）。低于 %s%% 为“■ 滞后”，%s%%–%s%% 为“▲ 关注”，不低于 %s%% 为“● 正常”。",
		mr.RedBelow, mr.RedBelow, mr.YellowBelow, mr.YellowBelow), Serif, 9.5, 15, false, false, gray)
}

// writeEvaluation sets the 项目支出绩效自评表, laid out by present.Evaluation
// as the page does, and how each score came about.
func writeEvaluation(l *layout, d *derive.Department, p *derive.Project) {
	writeForm(l, present.Evaluation(p.Evaluation, p.Results.Budget, p.Indicators, p.Levels, d.Rules))
}

// writeForm sets a self-evaluation form, a project's or the department's
// own, as present laid it out.
func writeForm(l *layout, f *present.EvalForm) {
	money := table{caption: f.Title + "：预算执行情况", widths: []float64{3, 2.8, 2.8, 2.8, 1.4, 2.2, 2}, size: tableSize,
		header: [][]*cell{headerRow("资金", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")}}
	for i, m := range f.Money {
		name := m.Name
		if m.Sub {
			name = "其中：" + name
		}
		row := []*cell{{text: name, face: Sans, fill: !m.Sub}, right(m.Initial), right(m.Adjusted), right(m.Executed)}
		if i == 0 {
			row = append(row, right(f.ExecWeight), right(joinLines(f.ExecRate, f.ExecRatePublished)), right(joinLines(f.ExecScore, f.ExecScorePublished)))
		} else {
			row = append(row, &cell{face: Serif, colSpan: 3}, nil, nil)
		}
		money.rows = append(money.rows, row)
	}
	if len(money.rows) > 0 {
		l.table(money)
	}
	if ex := f.Sheet.Evaluation.Explanation; ex != "" {
		l.paragraph("预算执行说明："+ex, Serif, bodySize, bodyLeading, true, true, black)
	}
	t := table{caption: f.Title + "：绩效指标", widths: []float64{1.9, 2, 2.5, 1.2, 2.2, 2.5, 1.9, 2.8, 3.4}, size: tableSize,
		header: [][]*cell{headerRow("一级指标", "二级指标", "三级指标", "指标方向", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")}}
	for _, r := range f.Rows {
		row := make([]*cell, len(t.widths))
		if r.Span.Level1 > 0 {
			row[0] = &cell{text: r.Level1, face: Sans, rowSpan: r.Span.Level1}
		}
		if r.Span.Level2 > 0 {
			row[1] = &cell{text: r.Level2, face: Serif, rowSpan: r.Span.Level2}
		}
		switch r.Kind {
		case present.RowEmpty:
			row[2] = &cell{text: r.Name, face: Serif, colSpan: 4}
			row[6], row[7], row[8] = right(r.Weight), right("—"), txt("")
		case present.RowPart:
			row[2], row[3], row[4], row[5], row[6], row[7], row[8] = txt(r.Name), txt(""), txt(r.Target), txt(r.Actual), txt(""), txt(""), txt("")
		default:
			dev := r.Deviation
			sc := r.Score
			if r.Differs {
				sc = joinLines(r.Score, r.Compare)
				dev = joinLines(dev, "按规则："+r.Formula)
			}
			if r.NotApplicable != "" {
				sc = "不适用：" + r.NotApplicable
			}
			row[2], row[3], row[4], row[5], row[6], row[7], row[8] = &cell{text: r.Name, face: Sans}, &cell{text: r.Direction, face: Serif, align: alignCenter},
				txt(r.Target), txt(r.Actual), right(r.Weight), right(sc), txt(dev)
		}
		t.rows = append(t.rows, row)
	}
	foot := func(name, weight, score, last string) {
		t.rows = append(t.rows, []*cell{{text: name, face: Sans, colSpan: 6, fill: true}, nil, nil, nil, nil, nil, right(weight), right(score), {text: last, face: Sans}})
	}
	for _, g := range f.Groups {
		foot(g.Name+"小计", g.Weight, joinLines(g.Score, g.Compare), "")
	}
	if len(f.Money) > 0 {
		foot("预算执行率", f.ExecWeight, f.ExecScore, "")
	}
	if f.Complete {
		foot(f.TotalLabel, f.Full, joinLines(f.Total, f.TotalPublished), joinLines("评价等级："+f.Grade, f.GradePublished))
	} else {
		t.rows = append(t.rows, []*cell{{text: "总分", face: Sans, colSpan: 6, fill: true}, nil, nil, nil, nil, nil, right(f.Full), {text: "未完成自评：不计总分、不评等级", face: Sans, colSpan: 2}, nil})
	}
	l.table(t)
	if !f.Complete {
		l.note("未完成自评", f.Incomplete)
	}
	if f.Differs {
		l.paragraph(present.Mark+" 表上公布的数字与按规则计算的不同：“公布”是自评表印出的，“按规则”是按评分规则计算的；公式见本行和下文。", Serif, 9.5, 15, false, false, gray)
	}
	for _, tx := range f.Texts {
		l.paragraph(tx.Title+"："+tx.Text, Serif, bodySize, bodyLeading, true, true, black)
	}
	l.heading(min(l.lastLevel()+1, 4), "得分是怎样算出的", 40)
	for i, s := range append(f.Formulas, f.TotalFormula) {
		l.paragraph(fmt.Sprintf("%d、%s", i+1, s), Serif, 10, 17, false, false, black)
	}
}

// writeFindings sets the department's 自评得分复核: every printed figure of
// its projects' self-evaluation forms that the rules do not give.
func writeFindings(l *layout, d *derive.Department, level int) {
	l.heading(level, "自评得分复核", 60)
	var rows [][]*cell
	evaluated := 0
	if d.Evaluation != nil {
		evaluated++
		for _, f := range present.Findings("", present.DeptName, d.Evaluation) {
			rows = append(rows, []*cell{txt(f.Project), {text: f.Item, face: Sans}, right(present.Mark + " " + f.Published), right(f.Computed), txt(f.Formula)})
		}
	}
	for _, p := range d.Projects {
		if p.Evaluation != nil {
			evaluated++
		}
		for _, f := range present.Findings(p.Code, p.Name, p.Evaluation) {
			rows = append(rows, []*cell{txt(f.Project), {text: f.Item, face: Sans}, right(present.Mark + " " + f.Published), right(f.Computed), txt(f.Formula)})
		}
	}
	if len(rows) == 0 {
		l.paragraph(present.NoFindings(evaluated), Serif, bodySize, bodyLeading, true, true, black)
		return
	}
	l.table(table{caption: "自评得分复核：自评表公布的与按规则计算的不同之处", widths: []float64{3.2, 2.6, 1.8, 1.8, 7}, size: tableSize,
		header: [][]*cell{headerRow("项目", "复核项", "公布", "按规则", "计算方法")}, rows: rows})
}

// unpublished says that a part of the form was not published (没有数据的
// 表格列出空表并说明).
func unpublished(l *layout, text string) {
	l.paragraph(text, Serif, bodySize, bodyLeading, true, true, gray)
}

// adjustedWan is a project's 全年预算数 in 万元 at the source's precision.
func adjustedWan(p *derive.Project) string {
	if p.Results != nil && p.Results.Budget.Adjusted != nil {
		return present.WanOf(p.Results.Budget.Adjusted, 0)
	}
	return present.Wan(p.Total)
}

// executedWan is a project's 全年执行数 in 万元 at the source's precision.
func executedWan(p *derive.Project) string {
	if p.Results != nil && p.Results.Budget.Executed != nil {
		return present.WanOf(p.Results.Budget.Executed, 0)
	}
	return present.WanFen(p.Executed)
}

// joinLines puts a second line under a cell's text when there is one.
func joinLines(a, b string) string {
	if b == "" {
		return a
	}
	if a == "" {
		return b
	}
	return a + "\n" + b
}

// records lists a project's spending records, when there are few enough to
// print; the open data always has them all.
func records(l *layout, p *derive.Project, o Options) {
	if p.Records == 0 {
		return
	}
	if p.Records > o.MaxRecords {
		l.paragraph(fmt.Sprintf("本项目共有支出记录 %d 条，见网站上本部门的开放数据 spending.csv（按项目编码筛选）。", p.Records), Serif, 10.5, 18, false, false, gray)
		return
	}
	t := table{caption: "支出记录", widths: []float64{2.6, 4, 2.8, 3, 5}, size: 8.5,
		header: [][]*cell{headerRow("日期", "资金用途", "金额（元）", "凭证号", "摘要")}}
	for _, r := range p.Recs {
		t.rows = append(t.rows, []*cell{txt(r.Date.String()), txt(r.BudgetLine), right(r.Amount.Yuan()), txt(r.Voucher), txt(memoText(r.Memo))})
	}
	l.table(t)
}

// MaxMemoChars is the most characters of a spending record's memo (摘要)
// the records table prints; a longer memo is cut there and ends with
// memoCut, and the open data (spending.csv) keeps it whole. A memo is a
// line or two in real ledgers; 2,000 characters is about three pages of
// the memo column. Without a cap a 10-million-character memo alone would
// print 15,000 pages (and hold them in memory while the PDF is written),
// which no reader of a report could use.
const MaxMemoChars = 2000

// memoCut ends a memo cut at MaxMemoChars.
const memoCut = "…（全文见网站上本部门的开放数据 spending.csv）"

// memoText is a memo as the records table prints it: whole up to
// MaxMemoChars characters, else its first MaxMemoChars and memoCut.
func memoText(s string) string {
	n := 0
	for i := range s {
		if n == MaxMemoChars {
			return s[:i] + memoCut
		}
		n++
	}
	return s
}

// narrative lays out a Markdown narrative: paragraphs indented two
// characters and justified, its own headings below level.
func narrative(l *layout, src string, level int) {
	for _, b := range blocks(src) {
		switch {
		case b.heading > 0:
			l.heading(min(level+b.heading-1, 4), b.text, 40)
		case b.item != "":
			l.paragraph(b.item+b.text, Serif, bodySize, bodyLeading, true, true, black)
		default:
			l.paragraph(b.text, Serif, bodySize, bodyLeading, true, true, black)
		}
	}
}

func illustrativeNotes(d *model.Department) []string {
	var notes []string
	for _, f := range d.Spending {
		if f.Illustrative {
			n := f.Note
			if n == "" {
				n = "本部分的支出数据为示例数据，不是实际支出。"
			}
			notes = append(notes, n)
		}
	}
	return notes
}

func txt(s string) *cell   { return &cell{text: s, face: Serif} }
func right(s string) *cell { return &cell{text: s, face: Serif, align: alignRight} }
func label(s string) *cell { return &cell{text: s, face: Sans, fill: true} }

func headerRow(names ...string) []*cell {
	row := make([]*cell, len(names))
	for i, n := range names {
		row[i] = &cell{text: n, face: Sans, align: alignCenter}
	}
	return row
}

func targetsTable(ts []model.Target) table {
	t := table{caption: "绩效目标", widths: []float64{1.6, 10}, size: tableSize}
	for _, x := range ts {
		t.rows = append(t.rows, []*cell{label(x.Label), txt(x.Text)})
	}
	return t
}

// indicatorTable is the official indicator form: 一级 and 二级 cells merged
// down the rows that share them, 指标值 spread over 符号, 值 and 单位, the
// polarity of each row, "其中" rows under their indicator and the empty
// 二级 groups of levels (present.IndicatorLayout, as the page has them).
func indicatorTable(caption string, rows []model.Indicator, levels []model.Level, rs *rules.Settings) table {
	layout := present.IndicatorLayout(rows, levels, rs)
	weights := false
	for _, r := range layout {
		weights = weights || (r.Kind == present.RowIndicator && rows[r.Index].Weight != nil) || (r.Kind == present.RowEmpty && r.Level.Weight != nil)
	}
	t := table{caption: caption, widths: []float64{2.3, 2.1, 2.5, 3.1, 1.3, 1.6, 1.7, 2.3, 4.1}, size: tableSize}
	top := []*cell{
		{text: "一级指标", face: Sans, align: alignCenter, rowSpan: 2}, {text: "二级指标", face: Sans, align: alignCenter, rowSpan: 2},
		{text: "三级指标", face: Sans, align: alignCenter, rowSpan: 2}, {text: "绩效指标描述", face: Sans, align: alignCenter, rowSpan: 2},
		{text: "指标方向", face: Sans, align: alignCenter, rowSpan: 2},
		{text: "指标值", face: Sans, align: alignCenter, colSpan: 3}, nil, nil,
		{text: "指标值确定依据", face: Sans, align: alignCenter, rowSpan: 2},
	}
	second := []*cell{nil, nil, nil, nil, nil, {text: "符号", face: Sans, align: alignCenter}, {text: "值", face: Sans, align: alignCenter},
		{text: "单位（文字描述）", face: Sans, align: alignCenter}, nil}
	if weights {
		t.widths = append(t.widths, 1.4)
		top = append(top, &cell{text: "分值", face: Sans, align: alignCenter, rowSpan: 2})
		second = append(second, nil)
	}
	t.header = [][]*cell{top, second}
	for _, lr := range layout {
		row := make([]*cell, len(t.widths))
		if lr.Span.Level1 > 0 {
			row[0] = &cell{text: lr.Level1, face: Sans, rowSpan: lr.Span.Level1}
		}
		if lr.Span.Level2 > 0 {
			row[1] = &cell{text: lr.Level2, face: Serif, rowSpan: lr.Span.Level2}
		}
		w := ""
		switch lr.Kind {
		case present.RowEmpty:
			row[2] = &cell{text: "（本组未列三级指标）", face: Serif, colSpan: 7}
			if lr.Level.Weight != nil {
				w = lr.Level.Weight.String()
			}
		case present.RowPart:
			row[2], row[3], row[4], row[5] = txt(lr.Part.Name), txt(""), txt(""), txt("")
			row[6] = &cell{text: lr.Part.Value, face: Serif, align: alignCenter}
			row[7], row[8] = txt(lr.Part.Unit), txt("")
		default:
			r := &rows[lr.Index]
			row[2] = &cell{text: r.Name, face: Sans}
			row[3] = txt(r.Description)
			row[4] = &cell{text: present.Direction(r), face: Serif, align: alignCenter}
			row[5] = &cell{text: r.Operator.Raw, face: Serif, align: alignCenter}
			row[6] = &cell{text: r.Value, face: Serif, align: alignCenter}
			row[7] = txt(r.Unit)
			row[8] = txt(r.Basis)
			if r.Weight != nil {
				w = r.Weight.String()
			}
		}
		if weights {
			row[9] = &cell{text: w, face: Serif, align: alignCenter}
		}
		t.rows = append(t.rows, row)
	}
	if len(layout) == 0 {
		row := make([]*cell, len(t.widths))
		row[0] = &cell{text: "（无）", face: Serif, align: alignCenter, colSpan: len(t.widths)}
		t.rows = append(t.rows, row)
	}
	return t
}

// lightName puts the status symbol before its word.
func lightName(word string) string {
	for s := score.Green; s <= score.Red; s++ {
		if s.Word() == word {
			return present.Light(s)
		}
	}
	return word
}

package pdf

import (
	"fmt"
	"strings"

	"disclose/generator/derive"
	"disclose/generator/money"
	"disclose/generator/present"
)

func writeProject(l *layout, d *derive.Department, p *derive.Project, level int, o Options) {
	notes := illustrativeNotes(d.Department)
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
		head = append(head, wide("资金支出计划（累计进度%）", present.Unpublished{}.Plan()))
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
		head = append(head, wide("绩效目标", present.Unpublished{}.Targets()))
	}
	form.headerAt = len(head)
	form.rows = append(head, form.rows...)
	l.table(form)
	if strings.TrimSpace(p.Description.Text) != "" {
		l.heading(level+1, "项目说明", 40)
		narrative(l, p.Description, level+2)
	}

	writeProjectYears(l, p, level+1)
	l.illustrative = len(notes) > 0
	l.heading(level+1, "预算执行情况", 100)
	for _, n := range notes {
		l.note(present.IllustrativeLabel, n)
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
		unpublished(l, present.Unpublished{}.BudgetLines())
	}
	source := ""
	if published {
		source = "（按自评表公布的数字）"
	}
	l.paragraph(fmt.Sprintf("全年预算数 %s 万元，全年执行数 %s 万元%s，执行率 %s（全年执行数 ÷ 全年预算数）。", adjustedWan(p), executedWan(p), source, present.Pct(p.ExecutionRate)), textStyle{face: Serif, size: 10.5, leading: 18, color: black})

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
			l.paragraph(present.PlanRule(&d.Rules.Monitoring), smallGrayNote)
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
		l.note(present.IllustrativeLabel, present.ResultsNote(p.Results.Note))
	}
}

// unpublished says that a part of the form was not published (没有数据的
// 表格列出空表并说明).
func unpublished(l *layout, text string) {
	l.paragraph(text, textStyle{face: Serif, size: bodySize, leading: bodyLeading, indent: true, justify: true, color: gray})
}

// adjustedWan is a project's 全年预算数 in 万元 at the source's precision.
func adjustedWan(p *derive.Project) string {
	if p.Results != nil {
		return wanAdjusted(p.Results.Budget.Adjusted, p.Total)
	}
	return present.Wan(p.Total)
}

// wanAdjusted is the 全年预算数 the results publish, else the total.
func wanAdjusted(published *money.Amount, total money.Amount) string {
	if published != nil {
		return present.WanOf(published, 0)
	}
	return present.Wan(total)
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
		l.paragraph(fmt.Sprintf("本项目共有支出记录 %d 条，见网站上本部门的开放数据 spending.csv（按项目编码筛选）。", p.Records), grayNote)
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

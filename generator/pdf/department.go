package pdf

import (
	"cmp"
	"fmt"
	"path"
	"strings"

	"disclose/generator/derive"
	"disclose/generator/model"
	"disclose/generator/present"
)

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
		l.paragraph("公开来源："+d.Origin, grayNote)
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
	l.whole = d.Illustrative // an illustrative year: every page is marked
	defer func() { l.illustrative, l.whole = false, false }()

	l.heading(base+1, "第一部分　部门整体绩效目标", 60)
	l.heading(base+2, "总体绩效目标", 40)
	if strings.TrimSpace(d.OverallGoal.Text) == "" {
		unpublished(l, "本部门未公开总体绩效目标。")
	}
	narrative(l, d.OverallGoal.Text, base+3)
	l.heading(base+2, "分项绩效目标", 40)
	for i, s := range d.SubTargets {
		l.paragraph(fmt.Sprintf("%d、%s", i+1, s), bodyText)
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
			l.paragraph(d.SpecialFunds.Explanation, bodyText)
		} else {
			unpublished(l, "本部门未公开专项资金绩效目标，上表为空表。")
		}
	}
	for _, sf := range d.SpecialFunds.Funds {
		l.heading(base+2, sf.Name, 40)
		l.paragraph(fmt.Sprintf("金额：%s万元", present.Wan(sf.Amount)), textStyle{face: Serif, size: bodySize, leading: bodyLeading, color: black})
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
		l.paragraph(fmt.Sprintf("本合订本只列各部门的项目一览；各项目的绩效目标表、执行情况和图表见该部门的报告 %s。", path.Base(present.DeptReport(d.Year, d.Code))), grayNote)

		return
	}
	writeDeptYears(l, d, base+2)
	writeFindings(l, d, base+2)
	for _, p := range d.Projects {
		l.illustrative = false
		writeProject(l, d, p, base+2, o)
	}
}

// narrative lays out a Markdown narrative: paragraphs indented two
// characters and justified, its own headings below level.
func narrative(l *layout, src string, level int) {
	for _, b := range blocks(src) {
		switch {
		case b.heading > 0:
			l.heading(min(level+b.heading-1, 4), b.text, 40)
		case b.item != "":
			l.paragraph(b.item+b.text, bodyText)
		default:
			l.paragraph(b.text, bodyText)
		}
	}
}

func illustrativeNotes(d *model.Department) []string {
	var notes []string
	if d.Illustrative {
		notes = append(notes, cmp.Or(d.Note, present.IllustrativeYearNote))
	}
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

package pdf

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"disclose/generator/derive"
	"disclose/generator/money"
	"disclose/generator/present"
	"disclose/generator/score"
)

// writeProjectYears lays out a project's comparison with last year (与上年
// 对比): the sentence, budget, targets, execution and self-evaluation.
func writeProjectYears(l *layout, p *derive.Project, level int) {
	c := p.LastYear
	if c == nil {
		return
	}
	prev := strconv.Itoa(c.Year) + "年"
	l.heading(level, present.YearsHeading, 100)
	text := "与" + prev + "相比：" + present.YearSentence(c.Budget.Prev, c.Budget.Cur, c.Counts[:], c.Flagged) + "。"
	if c.Prev.Code != p.Code {
		text += fmt.Sprintf("本项目%s的编码为 %s。", prev, c.Prev.Code)
	}
	l.paragraph(text, bodyText)
	budget := table{caption: "预算与上年对比（万元）", widths: []float64{5, 2.4, 2.4, 2.4, 2.4}, size: tableSize,
		header: [][]*cell{headerRow("项目", prev, "本年", "增减", "增减率")}}
	rows := []present.AmountRow{present.Amounts("全年预算数", c.Budget.Prev, c.Budget.Cur, true, true)}
	for _, ln := range c.Lines {
		rows = append(rows, present.Amounts(ln.Name, ln.Prev, ln.Cur, ln.HasPrev, ln.HasCur))
	}
	for _, r := range rows {
		budget.rows = append(budget.rows, []*cell{txt(r.Name), right(r.Prev), right(r.Cur), right(r.Diff), right(r.Change)})
	}
	l.table(budget)
	targets := table{caption: "绩效指标与上年对比", widths: []float64{4, 3.5, 3.5, 3}, size: tableSize,
		header: [][]*cell{headerRow("三级指标", prev+"目标", "本年目标", "变化")}}
	for _, r := range present.TargetRows(c.Targets) {
		change := r.Change
		if r.Flag != "" {
			change += "（" + r.Flag + "）"
		}
		targets.rows = append(targets.rows, []*cell{txt(r.Name), txt(r.Prev), txt(r.Cur), txt(change)})
	}
	l.table(targets)
	results := table{caption: "执行与自评与上年对比", widths: []float64{5, 3, 3}, size: tableSize,
		header: [][]*cell{headerRow("项目", prev, "本年")}}
	results.rows = append(results.rows, []*cell{txt("预算执行率"), right(present.Pct(c.Prev.ExecutionRate)), right(present.Pct(p.ExecutionRate))})
	if e := p.Evaluation; c.Prev.Total != nil || e != nil {
		total, grade := "—", "—"
		if e != nil {
			total, grade = present.Score(e.Total), orDash(e.Grade)
		}
		results.rows = append(results.rows,
			[]*cell{txt("自评得分"), right(present.Score(c.Prev.Total)), right(total)},
			[]*cell{txt("自评等级"), right(orDash(c.Prev.Grade)), right(grade)})
	}
	l.table(results)
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// writeDeptYears lays out a department over its years (多年对比) and the
// projects new this year and ended last year.
func writeDeptYears(l *layout, d *derive.Department, level int) {
	y := d.Years
	if y == nil {
		return
	}
	l.heading(level, present.MultiYearHeading, 100)
	head := []string{"年度", "项目数", "项目预算（万元）", "执行数（万元）", "执行率"}
	widths := []float64{2, 1.4, 2.6, 2.6, 2.6}
	var grades []string
	var lights []score.Status
	for _, t := range y.Totals {
		for _, g := range t.Grades {
			grades = appendNew(grades, g.Name)
		}
		for _, g := range t.Lights {
			if !slices.Contains(lights, g.Status) {
				lights = append(lights, g.Status)
			}
		}
	}
	for _, g := range grades {
		head, widths = append(head, g), append(widths, 1.3)
	}
	for _, g := range lights {
		head, widths = append(head, "进度"+g.Word()), append(widths, 1.3)
	}
	t := table{caption: present.MultiYearHeading + "（项目数按自评等级和执行进度）", widths: widths, size: tableSize, header: [][]*cell{headerRow(head...)}}
	for _, yt := range y.Totals {
		row := []*cell{txt(fmt.Sprintf("%d年", yt.Year)), right(strconv.Itoa(yt.Projects)), right(present.WanFen(yt.Budget)), right(present.WanFen(yt.Spent)), right(present.Pct(yt.ExecutionRate))}
		for _, g := range grades {
			row = append(row, right(strconv.Itoa(countOf(yt.Grades, g))))
		}
		for _, g := range lights {
			row = append(row, right(strconv.Itoa(derive.CountIn(yt.Lights, g))))
		}
		t.rows = append(t.rows, row)
	}
	l.table(t)
	caption := present.YearsChartCaption
	if len(illustrativeNotes(d.Department)) > 0 {
		caption += "（示例数据）"
	}
	l.yearsChart(y.Totals, caption)
	var names []string
	for _, p := range y.New {
		names = append(names, p.Name+"（"+p.Code+"）")
	}
	text := "本年没有新增项目。"
	if len(names) > 0 {
		text = "本年新增项目：" + strings.Join(names, "、") + "。"
	}
	names = names[:0]
	for _, p := range y.Ended {
		names = append(names, fmt.Sprintf("%s（%s，%s万元）", p.Name, p.Code, present.WanFen(p.Budget)))
	}
	if len(names) > 0 {
		text += fmt.Sprintf("%d年有、本年不再安排的项目：%s。", y.Previous, strings.Join(names, "、"))
	} else {
		text += fmt.Sprintf("%d年的项目本年都在继续。", y.Previous)
	}
	l.paragraph(text, bodyText)
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func countOf(cs []derive.Count, name string) int {
	for _, c := range cs {
		if c.Name == name {
			return c.Count
		}
	}
	return 0
}

// yearsChart draws the department's budget and spending of each year as
// pairs of bars, each with its figure above it, as the page's chart does.
func (l *layout) yearsChart(ts []derive.YearTotals, caption string) {
	f := l.chartHead(caption, []legendItem{{present.YearsBudgetSeries, planC, false, true}, {present.YearsSpentSeries, actualC, false, true}})
	top := money.Fen(1)
	labels := make([]string, len(ts))
	for i, t := range ts {
		top = max(top, t.Budget, t.Spent)
		labels[i] = strconv.Itoa(t.Year) + "年"
	}
	const steps = 5
	step := niceStep(top, steps)
	places := 0
	if step%wan != 0 {
		places = 2
	}
	l.valueAxis(f, steps, func(s int) string { return (step * money.Fen(s)).Wan(places) })
	l.add(op{kind: opText, x: f.left - 4 - l.measure(Serif, chartSize, "万元"), y: f.top - 2*chartSize - 4, face: Serif, size: chartSize, text: "万元", color: gray})
	xOf := l.categories(f, labels)
	slot := (f.right - f.left) / float64(len(ts))
	barW := min(slot*0.3, 36)
	for i, t := range ts {
		for j, v := range []struct {
			fen money.Fen
			c   rgb
		}{{t.Budget, planC}, {t.Spent, actualC}} {
			h := float64(v.fen) / float64(step*steps) * f.height() // position only: the printed figure is exact
			x := xOf(i) - barW + float64(j)*barW
			l.add(op{kind: opRect, x: x + 1, y: f.bottom - h, w: barW - 2, h: h, color: v.c, fill: true})
			label := present.WanFen(v.fen)
			size := chartSize
			if w := l.measure(Serif, size, label); w > barW {
				size *= barW / w
			}
			w := l.measure(Serif, size, label)
			l.add(op{kind: opText, x: x + barW/2 - w/2, y: f.bottom - h - size - 2, face: Serif, size: size, text: label, color: v.c})
		}
	}
	l.y = f.bottom + 30
}

// wan is 1 万元 in fen.
const wan = money.Fen(1_000_000)

// niceStep is the smallest of 1, 2 and 5 times a power of ten (in fen)
// whose steps multiples reach top.
func niceStep(top money.Fen, steps int) money.Fen {
	for p := money.Fen(1); ; p *= 10 {
		for _, m := range []money.Fen{1, 2, 5} {
			if m*p*money.Fen(steps) >= top {
				return m * p
			}
		}
	}
}

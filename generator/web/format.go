package web

import (
	"html/template"

	"disclose/generator/money"
	"disclose/generator/present"
)

// funcs are the formatting helpers templates may call. Amounts and rates
// are formatted here, from exact values, never in the loader.
var funcs = template.FuncMap{
	"wan":       wan,
	"yuan":      func(f money.Fen) string { return f.Yuan() },
	"pct":       pct,
	"dev":       deviation,
	"add":       func(a, b int) int { return a + b },
	"cnum":      chineseOrdinal,
	"form":      func(p *ProjectView, level int) projectForm { return projectForm{p, level} },
	"score":     present.Score,
	"wanf":      present.WanFen,
	"light":     present.Light,
	"target":    present.Target,
	"figure":    present.Figure,
	"direction": present.Direction,
	"mark":      func() string { return present.Mark },
	// {{(unpublished).OverallGoal}} and the like: the PDF prints the same words.
	"unpublished":  func() present.Unpublished { return present.Unpublished{} },
	"illustrative": func() string { return present.IllustrativeLabel },
}

// projectForm is a project with the heading level its 项目说明 takes where
// the form is placed. The 项目支出绩效目标表 is one table, as the official
// form is: its rows share the indicator table's columns.
type projectForm struct {
	Project *ProjectView
	Level   int
}

// Cols is the form's column count: the indicator table's.
func (f projectForm) Cols() int {
	if f.Project.IndicatorTable.HasWeights {
		return 10
	}
	return 9
}

// Less is Cols less n, for a cell that fills the rest of a row.
func (f projectForm) Less(n int) int { return f.Cols() - n }

// planCell is one checkpoint of the spending plan in the form's row.
type planCell struct {
	Label, Percent string
	Span           int
}

// PlanCells spread the spending plan's checkpoints over the columns right
// of its label, the first ones one column wider when they do not divide.
func (f projectForm) PlanCells() []planCell {
	plan := f.Project.Plan
	cols := f.Cols() - 1
	if len(plan) == 0 || len(plan) > cols {
		return nil
	}
	out := make([]planCell, len(plan))
	for i, c := range plan {
		out[i] = planCell{Label: c.Label, Percent: c.Percent.String(), Span: cols / len(plan)}
		if i < cols%len(plan) {
			out[i].Span++
		}
	}
	return out
}

// The formats are present's, shared with the PDF reports.
var (
	wan       = present.Wan
	wanFen    = present.WanFen
	pct       = present.Pct
	deviation = present.Deviation
)

// chineseOrdinal writes 1 → 一 … 10 → 十, for 第一部分.
func chineseOrdinal(n int) string {
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
	if n >= 0 && n <= 10 {
		return digits[n]
	}
	return ""
}

package web

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"disclose/generator/derive"
	"disclose/generator/present"
	"disclose/generator/score"
)

// ProjectYearsView is a project compared with last year (与上年对比).
type ProjectYearsView struct {
	Heading  string
	Year     int // last year
	PrevCode string
	Renamed  bool // the code changed (previous:)
	Sentence string
	Budget   []present.AmountRow // 全年预算数, then each budget line
	Targets  []present.TargetRow
	Results  []present.AmountRow // execution rate, score, grade: Prev and Cur only
}

// Years is the project's comparison with last year, nil when it has none.
func (p *ProjectView) Years() *ProjectYearsView {
	c := p.LastYear
	if c == nil {
		return nil
	}
	v := &ProjectYearsView{Heading: present.YearsHeading, Year: c.Year, PrevCode: c.Prev.Code, Renamed: c.Prev.Code != p.Code,
		Sentence: present.YearSentence(c.Budget.Prev, c.Budget.Cur, c.Counts[:], c.Flagged),
		Targets:  present.TargetRows(c.Targets)}
	v.Budget = append(v.Budget, present.Amounts("全年预算数", c.Budget.Prev, c.Budget.Cur, true, true))
	for _, l := range c.Lines {
		v.Budget = append(v.Budget, present.Amounts(l.Name, l.Prev, l.Cur, l.HasPrev, l.HasCur))
	}
	cur := present.AmountRow{Name: "预算执行率", Prev: pct(c.Prev.ExecutionRate), Cur: pct(p.ExecutionRate)}
	v.Results = append(v.Results, cur)
	var total *string
	grade := "—"
	if e := p.Evaluation; e != nil {
		s := present.Score(e.Total)
		total = &s
		if e.Grade != "" {
			grade = e.Grade
		}
	}
	if c.Prev.Total != nil || total != nil {
		r := present.AmountRow{Name: "自评得分", Prev: present.Score(c.Prev.Total), Cur: "—"}
		if total != nil {
			r.Cur = *total
		}
		v.Results = append(v.Results, r)
		prevGrade := "—"
		if c.Prev.Grade != "" {
			prevGrade = c.Prev.Grade
		}
		v.Results = append(v.Results, present.AmountRow{Name: "自评等级", Prev: prevGrade, Cur: grade})
	}
	return v
}

// MultiYearView is a department over its years (多年对比), with the
// projects new this year and those that ended last year.
type MultiYearView struct {
	Heading    string
	Year, Prev int
	GradeNames []string
	LightNames []string
	Rows       []MultiYearRow
	Chart      Chart
	New        []Link
	Ended      []EndedProject
}

// MultiYearRow is one year of a department.
type MultiYearRow struct {
	Year                int
	Projects            int
	Budget, Spent, Rate string
	Grades, Lights      []int
	Current             bool
}

// EndedProject is a project of last year that did not continue.
type EndedProject struct{ Code, Name, Budget string }

// YearsTable is the department over its years, nil in its first year.
func (d *DeptView) YearsTable() *MultiYearView {
	y := d.Years
	if y == nil {
		return nil
	}
	v := &MultiYearView{Heading: present.MultiYearHeading, Year: d.Year, Prev: y.Previous}
	var lights []score.Status
	for _, t := range y.Totals {
		for _, g := range t.Grades {
			if !slices.Contains(v.GradeNames, g.Name) {
				v.GradeNames = append(v.GradeNames, g.Name)
			}
		}
		for _, l := range t.Lights {
			if !slices.Contains(lights, l.Status) {
				lights = append(lights, l.Status)
				v.LightNames = append(v.LightNames, l.Status.Word())
			}
		}
	}
	count := func(cs []derive.Count, name string) int {
		for _, c := range cs {
			if c.Name == name {
				return c.Count
			}
		}
		return 0
	}
	for _, t := range y.Totals {
		r := MultiYearRow{Year: t.Year, Projects: t.Projects, Budget: wanFen(t.Budget), Spent: wanFen(t.Spent), Rate: pct(t.ExecutionRate), Current: t.Year == d.Year}
		for _, g := range v.GradeNames {
			r.Grades = append(r.Grades, count(t.Grades, g))
		}
		for _, l := range lights {
			r.Lights = append(r.Lights, derive.CountIn(t.Lights, l))
		}
		v.Rows = append(v.Rows, r)
	}
	for _, p := range y.New {
		v.New = append(v.New, Link{Name: p.Name + "（" + p.Code + "）", Href: "projects/" + p.Code + ".html"})
	}
	for _, p := range y.Ended {
		v.Ended = append(v.Ended, EndedProject{Code: p.Code, Name: p.Name, Budget: wanFen(p.Budget)})
	}
	v.Chart = yearsChart(y.Totals, len(d.Notes) > 0)
	return v
}

// yearsTableID is the multi-year table's id: the chart's data is there.
const yearsTableID = "years-table"

// yearsChart shows the budget and spending of each year.
func yearsChart(ts []derive.YearTotals, illustrative bool) Chart {
	var years []string
	var budget, spent []opts.BarData
	for _, t := range ts {
		years = append(years, strconv.Itoa(t.Year)+"年")
		budget = append(budget, opts.BarData{Value: numberWan(t.Budget)})
		spent = append(spent, opts.BarData{Value: numberWan(t.Spent)})
	}
	b := charts.NewBar()
	b.SetGlobalOptions(initOpts("chart_years"), legend(), charts.WithYAxisOpts(opts.YAxis{Name: "万元"}))
	b.SetXAxis(years).AddSeries(present.YearsBudgetSeries, budget, narrow()).AddSeries(present.YearsSpentSeries, spent, narrow())
	first, last := ts[0], ts[len(ts)-1]
	return Chart{ID: "chart_years", Caption: present.YearsChartCaption, Options: finish(b, nil), Illustrative: illustrative,
		TableRef: [2]string{"#" + yearsTableID, present.MultiYearHeading},
		Summary: fmt.Sprintf("柱状图：%d 个年度的项目预算与全年执行数，%d年预算%s万元，%d年预算%s万元。",
			len(ts), first.Year, wanFen(first.Budget), last.Year, wanFen(last.Budget))}
}

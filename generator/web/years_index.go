package web

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"disclose/generator/money"
)

// AcrossYearsView is the index's years side by side: each department's
// project budgets per year, with the years' totals.
type AcrossYearsView struct {
	Years  []int // oldest first
	Rows   []DataRow
	Totals []string
	Chart  Chart
}

// acrossTableID is the table's id: the chart's data is there.
const acrossTableID = "years-across"

// AcrossYears is the years side by side, nil with fewer than two years.
func (v *IndexView) AcrossYears() *AcrossYearsView {
	if len(v.Years) < 2 {
		return nil
	}
	a := &AcrossYearsView{}
	ys := slices.Clone(v.Years)
	slices.Reverse(ys) // the index lists the newest first
	type dept struct {
		name   string
		budget map[int]money.Fen
	}
	var codes []string
	depts := map[string]*dept{}
	for _, y := range ys {
		a.Years = append(a.Years, y.Year)
		for _, d := range y.Departments {
			dd := depts[d.Code]
			if dd == nil {
				dd = &dept{budget: map[int]money.Fen{}}
				depts[d.Code] = dd
				codes = append(codes, d.Code)
			}
			dd.name = d.Name // the latest year's name
			dd.budget[y.Year] = d.Budget
		}
	}
	for _, c := range codes {
		dd := depts[c]
		r := DataRow{Head: dd.name}
		for _, y := range a.Years {
			if b, ok := dd.budget[y]; ok {
				r.Cells = append(r.Cells, wanFen(b))
			} else {
				r.Cells = append(r.Cells, "—")
			}
		}
		a.Rows = append(a.Rows, r)
	}
	var names []string
	var bars []opts.BarData
	for _, y := range ys {
		a.Totals = append(a.Totals, y.BudgetWan())
		names = append(names, strconv.Itoa(y.Year)+"年")
		bars = append(bars, opts.BarData{Value: numberWan(y.Budget)})
	}
	b := charts.NewBar()
	b.SetGlobalOptions(initOpts("chart_across"), charts.WithYAxisOpts(opts.YAxis{Name: "万元"}))
	b.SetXAxis(names).AddSeries("项目预算", bars, narrow())
	first, last := ys[0], ys[len(ys)-1]
	a.Chart = Chart{ID: "chart_across", Caption: "各年度项目预算合计", Options: finish(b, nil),
		TableRef: [2]string{"#" + acrossTableID, "各年度各部门项目预算"},
		Summary:  fmt.Sprintf("柱状图：%d 个年度的项目预算合计，%d年%s万元，%d年%s万元。", len(ys), first.Year, first.BudgetWan(), last.Year, last.BudgetWan())}
	return a
}

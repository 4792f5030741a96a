package web

import (
	"encoding/json"
	"fmt"
	"html/template"
	"math/big"
	"strings"
	"sync"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"disclose/generator/derive"
	"disclose/generator/money"
	"disclose/generator/num"
)

// Chart is one chart: its ECharts options as JSON (read by the static
// start-up script, never inlined as code), a summary written from the same
// data for screen readers, and the data again as a table.
type Chart struct {
	ID      string // a JavaScript identifier, unique on its page
	Caption string
	Summary string
	Options template.JS
	Table   DataTable
	// TableRef, when set, names a table of the page ("#id", caption) that
	// holds the chart's data, which then has no table of its own.
	TableRef     [2]string
	Illustrative bool
}

// DataTable is a chart's data as a table.
type DataTable struct {
	Caption string
	Head    []string
	Rows    []DataRow
}

// DataRow is a row of a DataTable: the cell that heads it, then the rest.
type DataRow struct {
	Head  string
	Cells []string
}

func row(head string, cells ...string) DataRow { return DataRow{Head: head, Cells: cells} }

// missing marks a point with no data in ECharts.
const missing = "-"

func numberRat(r *big.Rat) any {
	if r == nil {
		return missing
	}
	return json.Number(num.Format(r, 2))
}

func numberWan(f money.Fen) any { return json.Number(f.Wan(2)) }

// finish validates a go-echarts chart, sets what go-echarts has no field for,
// and marshals it. json.Marshal escapes <, > and &, so a label can never
// close the script element it sits in.
func finish(c interface {
	Validate()
	JSON() map[string]any
}, extra map[string]any) template.JS {
	c.Validate()
	m := c.JSON()
	m["animation"] = false // the same picture on every load and in print
	// Dark blue and dark orange keep 3:1 against white (WCAG 1.4.11) and
	// stay apart for red-green colour blindness; plans are also dashed.
	m["color"] = []string{"#1f5fa8", "#b35900", "#5b3a8c", "#2e7d32"}
	m["tooltip"] = map[string]any{"trigger": "axis", "renderMode": "richText"}
	m["grid"] = map[string]any{"containLabel": true, "left": 8, "right": 16, "bottom": 8, "top": 48}
	// The axis name starts at the axis and runs right: centred on it, as
	// ECharts puts it, its first characters fall off the chart's left edge
	// (containLabel does not count the name).
	if y, ok := m["yAxis"]; ok {
		var axes []map[string]any
		if b, err := json.Marshal(y); err == nil && json.Unmarshal(b, &axes) == nil {
			for _, a := range axes {
				a["nameTextStyle"] = map[string]any{"align": "left"}
			}
			m["yAxis"] = axes
		}
	}
	delete(m, "toolbox")

	for k, v := range extra {
		m[k] = v
	}
	b, err := json.Marshal(m)
	if err != nil {
		panic(err) // maps of strings, numbers and slices: cannot fail
	}
	return template.JS(b)
}

func initOpts(id string) charts.GlobalOpts {
	return charts.WithInitializationOpts(opts.Initialization{ChartID: id})
}

// dashed draws a planned series with a dashed line, so that plan and actual
// differ in shape as well as colour.
func dashed() charts.SeriesOpts {
	return charts.WithLineStyleOpts(opts.LineStyle{Type: "dashed", Width: 2})
}

// narrow keeps one bar from filling the width when there are few.
// (go-echarts' BarChart options have no field for it; the series has.)
func narrow() charts.SeriesOpts {
	return func(s *charts.SingleSeries) { s.BarMaxWidth = "56" }
}

func legend() charts.GlobalOpts {
	return charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0"})
}

// The three charts of every project page share their global options. A
// go-echarts chart costs more to set up (defaults filled in by
// reflection) than to fill, and a province has 15,000 of them: each
// worker takes a configured chart from a pool and replaces its series and
// axis data, which is all the JSON is made of besides the options.
var (
	planLines = sync.Pool{New: func() any {
		l := charts.NewLine()
		l.SetGlobalOptions(initOpts("chart_plan"), legend(),
			charts.WithYAxisOpts(opts.YAxis{Name: "累计进度（%）", Min: 0}))
		return l
	}}
	monthlyLines = sync.Pool{New: func() any {
		l := charts.NewLine()
		l.SetGlobalOptions(initOpts("chart_monthly"), legend(),
			charts.WithYAxisOpts(opts.YAxis{Name: "累计进度（%）", Min: 0}))
		return l
	}}
	lineBars = sync.Pool{New: func() any {
		b := charts.NewBar()
		b.SetGlobalOptions(initOpts("chart_lines"), legend(),
			charts.WithYAxisOpts(opts.YAxis{Name: "万元"}))
		return b
	}}
)

// planChart compares planned and actual cumulative execution at each
// checkpoint of the spending plan. Its data is the page's plan table
// (tableID, caption): one table serves both.
func planChart(p *derive.Project, illustrative bool, tableID, caption string) Chart {
	labels := make([]string, len(p.Checkpoints))
	planned := make([]any, len(p.Checkpoints))
	actual := make([]any, len(p.Checkpoints))
	var parts []string
	for i, c := range p.Checkpoints {
		labels[i] = c.Label
		planned[i] = numberRat(c.PlannedPercent)
		actual[i] = numberRat(c.ActualPercent)
		if c.Reached {
			parts = append(parts, fmt.Sprintf("%s计划%s、实际%s", c.Label, pct(c.PlannedPercent), pct(c.ActualPercent)))
		} else {
			parts = append(parts, fmt.Sprintf("%s计划%s、尚无实际数", c.Label, pct(c.PlannedPercent)))
		}
	}
	return Chart{ID: "chart_plan", Caption: "资金支出计划与实际执行（按时间节点）", Options: planShape.options(labels, planned, actual),
		TableRef: [2]string{"#" + tableID, caption}, Illustrative: illustrative,
		Summary: "折线图：累计支出进度，" + strings.Join(parts, "；") + "。"}
}

func planOptions(labels []string, planned, actual []any) template.JS {
	l := planLines.Get().(*charts.Line)
	defer planLines.Put(l)
	l.MultiSeries = nil
	l.SetXAxis(labels).
		AddSeries("计划累计进度", lineData(planned), dashed()).
		AddSeries("实际累计进度", lineData(actual))
	return finish(l, nil)
}

// monthlyChart shows actual cumulative execution month by month, with the
// plan at the months of its checkpoints.
func monthlyChart(p *derive.Project, through int, illustrative bool) Chart {
	labels := make([]string, 12)
	planned := make([]any, 12)
	actual := make([]any, 12)
	for m := range 12 {
		labels[m] = monthLabels[m]
		planned[m] = missing
		actual[m] = missing
	}
	for _, c := range p.Checkpoints {
		if !c.Date.IsZero() {
			planned[c.Date.Month()-1] = numberRat(c.PlannedPercent)
		}
	}
	table := DataTable{Caption: "按月支出与累计执行进度", Head: []string{"月份", "当月支出（元）", "累计支出（元）", "累计执行进度"}}
	last := ""
	for m := range through {
		rate := num.Percent(int64(p.Cumulative[m]), int64(p.Total.Fen))
		actual[m] = numberRat(rate)
		table.Rows = append(table.Rows, row(labels[m], p.Monthly[m].Yuan(), p.Cumulative[m].Yuan(), pct(rate)))
		last = "到" + labels[m] + "底累计执行" + pct(rate)
	}
	summary := "折线图：按月累计执行进度，" + last + "；计划见各时间节点。"
	if last == "" {
		summary = "折线图：按月累计执行进度，尚无支出记录。"
	}
	return Chart{ID: "chart_monthly", Caption: "按月累计执行进度", Options: monthlyShape.options(labels, planned, actual), Table: table, Illustrative: illustrative, Summary: summary}
}

var monthLabels = [12]string{"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"}

func monthlyOptions(labels []string, planned, actual []any) template.JS {
	l := monthlyLines.Get().(*charts.Line)
	defer monthlyLines.Put(l)
	l.MultiSeries = nil
	l.SetXAxis(labels).
		AddSeries("计划累计进度", lineData(planned), dashed(), charts.WithLineChartOpts(opts.LineChart{ConnectNulls: opts.Bool(true)})).
		AddSeries("实际累计进度", lineData(actual))
	return finish(l, nil)
}

// linesChart compares each budget line's amount with its spending.
func linesChart(p *derive.Project, illustrative bool) Chart {
	var names []string
	var budget, spent []any
	table := DataTable{Caption: "预算明细与执行数", Head: []string{"资金用途", "预算数（万元）", "执行数（万元）", "执行率"}}
	var parts []string
	for _, l := range p.Lines {
		names = append(names, l.Name)
		budget = append(budget, numberWan(l.Amount.Fen))
		spent = append(spent, numberWan(l.Spent))
		table.Rows = append(table.Rows, row(l.Name, wan(l.Amount), wanFen(l.Spent), pct(l.ExecutionRate)))
		parts = append(parts, fmt.Sprintf("%s预算%s万元、执行%s万元", l.Name, wan(l.Amount), wanFen(l.Spent)))
	}
	return Chart{ID: "chart_lines", Caption: "预算明细与执行数", Options: linesShape.options(names, budget, spent), Table: table, Illustrative: illustrative,
		Summary: "柱状图：" + strings.Join(parts, "；") + "。"}
}

func linesOptions(names []string, budget, spent []any) template.JS {
	b := lineBars.Get().(*charts.Bar)
	defer lineBars.Put(b)
	b.MultiSeries = nil
	b.SetXAxis(names).AddSeries("预算数", barData(budget), narrow()).AddSeries("执行数", barData(spent), narrow())
	return finish(b, nil)
}

func lineData(values []any) []opts.LineData {
	out := make([]opts.LineData, len(values))
	for i, v := range values {
		out[i] = opts.LineData{Value: v}
	}
	return out
}

func barData(values []any) []opts.BarData {
	out := make([]opts.BarData, len(values))
	for i, v := range values {
		out[i] = opts.BarData{Value: v}
	}
	return out
}

// zoom lets a reader page through many projects on a narrow screen.
func zoom(n int) map[string]any {
	if n <= 12 {
		return nil
	}
	return map[string]any{"dataZoom": []any{map[string]any{"type": "slider", "startValue": 0, "endValue": 11}}}
}

// budgetsChart shows each project's budget and spending.
func budgetsChart(d *derive.Department, illustrative bool) Chart {
	var names []string
	var budget, spent []opts.BarData
	table := DataTable{Caption: "各项目全年预算数与全年执行数", Head: []string{"项目", "全年预算数（万元）", "全年执行数（万元）"}}
	for _, p := range d.Projects {
		_, adjusted := p.Budgets()
		names = append(names, p.Name)
		budget = append(budget, opts.BarData{Value: numberWan(adjusted)})
		spent = append(spent, opts.BarData{Value: numberWan(p.Executed)})
		table.Rows = append(table.Rows, row(p.Name, adjustedWan(p), executedWan(p)))
	}
	b := charts.NewBar()
	b.SetGlobalOptions(initOpts("chart_budgets"), legend(), charts.WithYAxisOpts(opts.YAxis{Name: "万元"}))
	b.SetXAxis(names).AddSeries("全年预算数", budget, narrow()).AddSeries("全年执行数", spent, narrow())
	return Chart{ID: "chart_budgets", Caption: "各项目全年预算数与全年执行数", Options: finish(b, zoom(len(names))), Table: table, Illustrative: illustrative,
		Summary: fmt.Sprintf("柱状图：%d 个项目的全年预算数与全年执行数，预算合计%s万元，执行合计%s万元。", len(d.Projects), wanFen(d.Budget), wanFen(d.Spent))}
}

// ratesChart shows each project's execution rate.
func ratesChart(d *derive.Department, illustrative bool) Chart {
	var names []string
	var rates []opts.BarData
	table := DataTable{Caption: "各项目预算执行率", Head: []string{"项目", "执行率"}}
	for _, p := range d.Projects {
		names = append(names, p.Name)
		rates = append(rates, opts.BarData{Value: numberRat(p.ExecutionRate)})
		table.Rows = append(table.Rows, row(p.Name, pct(p.ExecutionRate)))
	}
	b := charts.NewBar()
	b.SetGlobalOptions(initOpts("chart_rates"), charts.WithYAxisOpts(opts.YAxis{Name: "执行率（%）", Min: 0}))
	b.SetXAxis(names).AddSeries("执行率", rates, narrow())
	return Chart{ID: "chart_rates", Caption: "各项目预算执行率", Options: finish(b, zoom(len(names))), Table: table, Illustrative: illustrative,
		Summary: fmt.Sprintf("柱状图：%d 个项目的预算执行率，部门合计执行率%s。", len(d.Projects), pct(d.ExecutionRate))}
}

// lightCounts names each monitoring status by its word, as the chart's
// axis and table show it.
func lightCounts(lights []derive.LightCount) []derive.Count {
	out := make([]derive.Count, len(lights))
	for i, c := range lights {
		out[i] = derive.Count{Name: c.Status.Word(), Count: c.Count}
	}
	return out
}

// countChart is a bar chart of projects per class (grade or light).
func countChart(id, caption, unit string, counts []derive.Count, illustrative bool) Chart {
	var names []string
	var bars []opts.BarData
	table := DataTable{Caption: caption, Head: []string{unit, "项目数"}}
	var parts []string
	for _, c := range counts {
		names = append(names, c.Name)
		bars = append(bars, opts.BarData{Value: c.Count})
		table.Rows = append(table.Rows, row(c.Name, fmt.Sprint(c.Count)))
		parts = append(parts, fmt.Sprintf("%s %d 个", c.Name, c.Count))
	}
	b := charts.NewBar()
	b.SetGlobalOptions(initOpts(id), charts.WithYAxisOpts(opts.YAxis{Name: "项目数", Min: 0, MinInterval: 1}))
	b.SetXAxis(names).AddSeries("项目数", bars, narrow())
	return Chart{ID: id, Caption: caption, Options: finish(b, nil), Table: table, Illustrative: illustrative,
		Summary: "柱状图：" + caption + "，" + strings.Join(parts, "，") + "。"}
}

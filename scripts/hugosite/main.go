// Command hugosite writes, for a content folder of ours, a Hugo site that
// builds the same pages from Markdown: one page per department and per
// project carrying the same figures in its front matter and the same
// narrative as its body, with layouts that lay out the same tables. make
// bench builds it with Hugo beside our own build to compare the two.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"math/big"

	"disclose/generator/derive"
	"disclose/generator/load"
	"disclose/generator/money"
	"disclose/generator/num"
	"disclose/generator/present"
)

func main() {
	content := flag.String("content", "content", "our content folder")
	out := flag.String("out", "", "the Hugo site to write")
	withCharts := flag.Bool("charts", true, "give each project page its three charts, as ours have; false leaves them out (a lighter page, for comparison)")
	flag.Parse()
	site, diags := load.Site(*content)
	if diags.HasErrors() {
		fmt.Fprintln(os.Stderr, "hugosite: the content has errors")
		os.Exit(1)
	}
	depts := derive.Site(site)
	must(os.MkdirAll(filepath.Join(*out, "content"), 0o755))
	must(os.WriteFile(filepath.Join(*out, "config.toml"), []byte(fmt.Sprintf("baseURL = '/'\ntitle = %q\nlanguageCode = 'zh-CN'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT']\nuglyURLs = true\nrelativeURLs = true\n", site.Title)), 0o644))
	writeLayouts(*out, *withCharts)
	var index strings.Builder
	index.WriteString("---\ntitle: 首页\n---\n")
	must(os.WriteFile(filepath.Join(*out, "content", "_index.md"), []byte(index.String()), 0o644))
	for _, d := range depts {
		dir := filepath.Join(*out, "content", fmt.Sprint(d.Year), d.Code)
		must(os.MkdirAll(dir, 0o755))
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: %q\ndept: %q\npublished: %q\nsubtargets:\n", d.Title, d.Name, d.Published)
		for _, s := range d.SubTargets {
			fmt.Fprintf(&b, "  - %q\n", s)
		}
		b.WriteString("indicators:\n")
		for _, in := range d.Indicators {
			fmt.Fprintf(&b, "  - [%q, %q, %q, %q, %q, %q, %q, %q]\n", in.Level1, in.Level2, in.Name, in.Description, in.Operator.Raw, in.Value, in.Unit, in.Basis)
		}
		b.WriteString("projects:\n")
		for _, p := range d.Projects {
			fmt.Fprintf(&b, "  - [%q, %q, %q, %q, %q]\n", p.Code, p.Name, present.Wan(p.Total), present.WanFen(p.Spent), present.Pct(p.ExecutionRate))
		}
		fmt.Fprintf(&b, "---\n%s\n\n%s\n", d.OverallGoal.Text, d.Measures.Text)
		must(os.WriteFile(filepath.Join(dir, "_index.md"), []byte(b.String()), 0o644))
		for _, p := range d.Projects {
			var b strings.Builder
			fmt.Fprintf(&b, "---\ntitle: %q\ncode: %q\ndept: %q\nyear: %d\ntemplate: %q\npurpose: %q\ntotal: %q\nspent: %q\nrate: %q\nfunds:\n",
				p.Name, p.Code, d.Name, d.Year, p.Template, p.Purpose, present.Wan(p.Total), p.Spent.Yuan(), present.Pct(p.ExecutionRate))
			for _, f := range p.Funds {
				fmt.Fprintf(&b, "  - [%q, %q]\n", f.Kind, present.Wan(f.Amount))
			}
			b.WriteString("plan:\n")
			for _, c := range p.Plan {
				fmt.Fprintf(&b, "  - [%q, %q]\n", c.Label, c.Percent.String())
			}
			b.WriteString("lines:\n")
			for _, l := range p.Lines {
				fmt.Fprintf(&b, "  - [%q, %q, %q, %q]\n", l.Name, present.Wan(l.Amount), l.Spent.Yuan(), present.Pct(l.ExecutionRate))
			}
			b.WriteString("checkpoints:\n")
			for _, c := range p.Checkpoints {
				fmt.Fprintf(&b, "  - [%q, %q, %q, %q, %q, %q, %q, %q, %q]\n", c.Label, c.Date, present.Pct(c.PlannedPercent), c.Planned.Yuan(), c.Actual.Yuan(),
					present.Pct(c.ActualPercent), present.Deviation(c.Deviation), present.Pct(c.Progress), present.Light(c.Status))
			}
			b.WriteString("targets:\n")
			for _, t := range p.Targets {
				fmt.Fprintf(&b, "  - [%q, %q]\n", t.Label, t.Text)
			}
			b.WriteString("indicators:\n")
			for _, in := range p.Indicators {
				fmt.Fprintf(&b, "  - [%q, %q, %q, %q, %q, %q, %q, %q]\n", in.Level1, in.Level2, in.Name, in.Description, in.Operator.Raw, in.Value, in.Unit, in.Basis)
			}
			// The three charts of a project page, each with its options (as
			// data, written out as JSON by the template), a summary and its
			// data as a table, as ours have.
			if *withCharts {
				b.WriteString("charts:\n")
			}
			chart := func(id, caption, summary, kind, yname string, labels []string, series [][2]any, head []string, rows [][]string) {
				if !*withCharts {
					return
				}
				fmt.Fprintf(&b, "  - id: %q\n    caption: %q\n    summary: %q\n    options:\n      animation: false\n      legend: {show: true, top: \"0\"}\n", id, caption, summary)
				fmt.Fprintf(&b, "      tooltip: {trigger: axis, renderMode: richText}\n      yAxis: [{name: %q, min: 0}]\n      xAxis: [{data: [", yname)
				for i, l := range labels {
					if i > 0 {
						b.WriteString(", ")
					}
					fmt.Fprintf(&b, "%q", l)
				}
				b.WriteString("]}]\n      series:\n")
				for _, sr := range series {
					fmt.Fprintf(&b, "        - {name: %q, type: %s, data: [", sr[0], kind)
					for i, v := range sr[1].([]string) {
						if i > 0 {
							b.WriteString(", ")
						}
						b.WriteString(v)
					}
					b.WriteString("]}\n")
				}
				b.WriteString("    head: [")
				for i, h := range head {
					if i > 0 {
						b.WriteString(", ")
					}
					fmt.Fprintf(&b, "%q", h)
				}
				b.WriteString("]\n    rows:\n")
				for _, r := range rows {
					b.WriteString("      - [")
					for i, c := range r {
						if i > 0 {
							b.WriteString(", ")
						}
						fmt.Fprintf(&b, "%q", c)
					}
					b.WriteString("]\n")
				}
			}
			num := func(r string) string {
				if r == "—" || r == "" {
					return "\"-\""
				}
				return strings.TrimSuffix(r, "%")
			}
			var labels, planned, actual []string
			var rows [][]string
			for _, c := range p.Checkpoints {
				labels = append(labels, c.Label)
				planned = append(planned, num(present.Pct(c.PlannedPercent)))
				actual = append(actual, num(present.Pct(c.ActualPercent)))
				rows = append(rows, []string{c.Label, present.Pct(c.PlannedPercent), present.Pct(c.ActualPercent), present.Deviation(c.Deviation)})
			}
			chart("chart_plan", "资金支出计划与实际执行（按时间节点）", "折线图：累计支出进度。", "line", "累计进度（%）", labels,
				[][2]any{{"计划累计进度", planned}, {"实际累计进度", actual}}, []string{"时间节点", "计划累计进度", "实际累计进度", "偏差（百分点）"}, rows)
			labels, planned, actual, rows = nil, nil, nil, nil
			for m := range 12 {
				labels = append(labels, fmt.Sprintf("%d月", m+1))
				planned = append(planned, "\"-\"")
				rate := present.Pct(num2(p.Cumulative[m], p.Total.Fen))
				actual = append(actual, num(rate))
				rows = append(rows, []string{labels[m], p.Monthly[m].Yuan(), p.Cumulative[m].Yuan(), rate})
			}
			chart("chart_monthly", "按月累计执行进度", "折线图：按月累计执行进度。", "line", "累计进度（%）", labels,
				[][2]any{{"计划累计进度", planned}, {"实际累计进度", actual}}, []string{"月份", "当月支出（元）", "累计支出（元）", "累计执行进度"}, rows)
			labels, planned, actual, rows = nil, nil, nil, nil
			for _, l := range p.Lines {
				labels = append(labels, l.Name)
				planned = append(planned, present.Wan(l.Amount))
				actual = append(actual, l.Spent.Wan(2))
				rows = append(rows, []string{l.Name, present.Wan(l.Amount), present.WanFen(l.Spent), present.Pct(l.ExecutionRate)})
			}
			chart("chart_lines", "预算明细与执行数", "柱状图：预算明细与执行数。", "bar", "万元", labels,
				[][2]any{{"预算数", planned}, {"执行数", actual}}, []string{"资金用途", "预算数（万元）", "执行数（万元）", "执行率"}, rows)
			fmt.Fprintf(&b, "---\n%s\n", p.Description.Text)
			must(os.WriteFile(filepath.Join(dir, p.Code+".md"), []byte(b.String()), 0o644))
		}
	}
}

// num2 is part ÷ whole as a percentage, nil without a whole.
func num2(part, whole money.Fen) *big.Rat { return num.Percent(int64(part), int64(whole)) }

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "hugosite:", err)
		os.Exit(1)
	}
}

// writeLayouts writes templates that lay out what ours do: breadcrumbs,
// the project's form, its tables with captions and header cells, its three
// charts (options written out as JSON from the page's data, a summary, the
// data as a table), the narrative and the open-data links.
func writeLayouts(out string, withCharts bool) {
	base := `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} - {{ .Site.Title }}</title><link rel="stylesheet" href="{{ "style.css" | relURL }}"></head><body>
<header><a href="{{ "index.html" | relURL }}">{{ .Site.Title }}</a></header>
<nav aria-label="当前位置"><ol>{{ range .Ancestors.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}<li>{{ .Title }}</li></ol></nav>
<main>{{ block "main" . }}{{ end }}</main><footer>{{ .Params.published }}</footer></body></html>`
	table := func(caption, heads, rows string) string {
		var h strings.Builder
		for _, x := range strings.Split(heads, ",") {
			h.WriteString("<th scope=\"col\">" + x + "</th>")
		}
		return `<table><caption>` + caption + `</caption><thead><tr>` + h.String() + `</tr></thead><tbody>{{ range ` + rows + ` }}<tr><th scope="row">{{ index . 0 }}</th>{{ range after 1 . }}<td>{{ . }}</td>{{ end }}</tr>{{ end }}</tbody></table>`
	}
	section := `{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Params.dept }}</p><h2>第一部分</h2>{{ .Content }}<ol>{{ range .Params.subtargets }}<li>{{ . }}</li>{{ end }}</ol>` +
		table("部门整体绩效指标", "一级指标,二级指标,三级指标,绩效指标描述,符号,值,单位,指标值确定依据", ".Params.indicators") +
		table("预算项目一览", "项目编码,项目名称,资金总额,执行数,执行率", ".Params.projects") +
		`<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}`
	chartFig := `{{ range .Params.charts }}<figure class="chart"><figcaption>{{ .caption }}</figcaption>` +
		`<div id="{{ .id }}" class="chart-canvas" role="img" aria-label="{{ .summary }}"></div>` +
		`<script type="application/json" data-chart="{{ .id }}">{{ .options | jsonify | safeJS }}</script>` +
		`<div class="table-wrap" role="region" aria-label="{{ .caption }}" tabindex="0"><table><caption>{{ .caption }}</caption><thead><tr>{{ range .head }}<th scope="col">{{ . }}</th>{{ end }}</tr></thead>` +
		`<tbody>{{ range .rows }}<tr><th scope="row">{{ index . 0 }}</th>{{ range after 1 . }}<td class="num">{{ . }}</td>{{ end }}</tr>{{ end }}</tbody></table></div></figure>{{ end }}`
	single := `{{ define "main" }}<h1>{{ .Title }}</h1><p class="meta"><span>项目编码：{{ .Params.code }}</span><span>{{ .Params.dept }}</span><span>{{ .Params.year }}年度</span></p>` +
		`<h2>项目支出绩效目标</h2><div class="table-wrap" role="region" aria-label="{{ .Title }} 项目支出绩效目标表" tabindex="0"><table class="form"><caption>{{ .Title }}　项目支出绩效目标表</caption><tbody>` +
		`<tr><th scope="row">项目编码</th><td>{{ .Params.code }}</td><th scope="row">项目名称</th><td>{{ .Title }}</td></tr>` +
		`<tr><th scope="row">项目绩效模板</th><td colspan="3">{{ .Params.template }}</td></tr><tr><th scope="row">资金用途</th><td colspan="3">{{ .Params.purpose }}</td></tr>` +
		`<tr><th scope="row">资金总额（万元）</th><td colspan="3">{{ .Params.total }}（{{ range $i, $f := .Params.funds }}{{ if $i }}，{{ end }}{{ index $f 0 }} {{ index $f 1 }}{{ end }}）</td></tr></tbody></table></div>` +
		`<div class="table-wrap" role="region" aria-label="资金支出计划" tabindex="0"><table><caption>资金支出计划（累计进度%）</caption><thead><tr>{{ range .Params.plan }}<th scope="col">{{ index . 0 }}</th>{{ end }}</tr></thead><tbody><tr>{{ range .Params.plan }}<td class="num">{{ index . 1 }}</td>{{ end }}</tr></tbody></table></div>` +
		table("绩效目标", "目标,内容", ".Params.targets") +
		table("绩效指标", "一级指标,二级指标,三级指标,绩效指标描述,符号,值,单位,指标值确定依据", ".Params.indicators") +
		`<h3>项目说明</h3><div class="prose">{{ .Content }}</div>` +
		`<h2>预算明细与执行情况</h2>` +
		table("预算明细", "资金用途,预算数（万元）,执行数（元）,执行率", ".Params.lines") +
		table("资金支出计划执行情况（累计）", "时间节点,日期,计划进度,计划金额（元）,实际金额（元）,实际进度,偏差（百分点）,进度比,执行进度", ".Params.checkpoints") +
		map[bool]string{true: chartFig}[withCharts] +
		`<section class="data-links" aria-label="开放数据"><h2>开放数据下载</h2><ul>` +
		`<li><a href="../data/department.json">项目绩效目标与执行情况</a>（JSON）</li><li><a href="../data/budget-lines.csv">预算明细与执行数</a>（CSV）</li>` +
		`<li><a href="../data/plan.csv">资金支出计划执行情况</a>（CSV）</li><li><a href="../data/project-indicators.csv">绩效指标</a>（CSV）</li>` +
		`<li><a href="../data/evaluation.csv">绩效自评各指标得分</a>（CSV）</li><li><a href="../data/monitoring.csv">绩效运行监控</a>（CSV）</li><li><a href="../data/spending.csv">支出记录</a>（CSV）</li></ul></section>{{ end }}`
	home := `{{ define "main" }}<h1>{{ .Site.Title }}</h1><table><caption>各部门</caption><thead><tr><th scope="col">年度</th><th scope="col">部门</th></tr></thead><tbody>{{ range .Site.Sections }}{{ range .Sections }}<tr><th scope="row">{{ .Parent.Title }}</th><td><a href="{{ .RelPermalink }}">{{ .Title }}</a></td></tr>{{ end }}{{ end }}</tbody></table>{{ end }}`
	dir := filepath.Join(out, "layouts", "_default")
	must(os.MkdirAll(dir, 0o755))
	must(os.WriteFile(filepath.Join(dir, "baseof.html"), []byte(base), 0o644))
	must(os.WriteFile(filepath.Join(dir, "list.html"), []byte(section), 0o644))
	must(os.WriteFile(filepath.Join(dir, "single.html"), []byte(single), 0o644))
	must(os.WriteFile(filepath.Join(out, "layouts", "index.html"), []byte(home), 0o644))
	must(os.MkdirAll(filepath.Join(out, "static"), 0o755))
	must(os.WriteFile(filepath.Join(out, "static", "style.css"), []byte("body{font-family:serif}\n"), 0o644))
}

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

	"disclose/generator/derive"
	"disclose/generator/load"
	"disclose/generator/present"
)

func main() {
	content := flag.String("content", "content", "our content folder")
	out := flag.String("out", "", "the Hugo site to write")
	flag.Parse()
	site, diags := load.Site(*content)
	if diags.HasErrors() {
		fmt.Fprintln(os.Stderr, "hugosite: the content has errors")
		os.Exit(1)
	}
	depts := derive.Site(site)
	must(os.MkdirAll(filepath.Join(*out, "content"), 0o755))
	must(os.WriteFile(filepath.Join(*out, "config.toml"), []byte(fmt.Sprintf("baseURL = '/'\ntitle = %q\nlanguageCode = 'zh-CN'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT']\nuglyURLs = true\nrelativeURLs = true\n", site.Title)), 0o644))
	writeLayouts(*out)
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
			fmt.Fprintf(&b, "---\ntitle: %q\ncode: %q\npurpose: %q\nlines:\n", p.Name, p.Code, p.Purpose)
			for _, l := range p.Lines {
				fmt.Fprintf(&b, "  - [%q, %q, %q, %q]\n", l.Name, present.Wan(l.Amount), l.Spent.Yuan(), present.Pct(l.ExecutionRate))
			}
			b.WriteString("checkpoints:\n")
			for _, c := range p.Checkpoints {
				fmt.Fprintf(&b, "  - [%q, %q, %q, %q, %q, %q, %q]\n", c.Label, c.Date, present.Pct(c.PlannedPercent), c.Planned.Yuan(), c.Actual.Yuan(), present.Pct(c.ActualPercent), present.Deviation(c.Deviation))
			}
			b.WriteString("targets:\n")
			for _, t := range p.Targets {
				fmt.Fprintf(&b, "  - [%q, %q]\n", t.Label, t.Text)
			}
			b.WriteString("indicators:\n")
			for _, in := range p.Indicators {
				fmt.Fprintf(&b, "  - [%q, %q, %q, %q, %q, %q, %q, %q]\n", in.Level1, in.Level2, in.Name, in.Description, in.Operator.Raw, in.Value, in.Unit, in.Basis)
			}
			b.WriteString("monthly:\n")
			for m := range 12 {
				fmt.Fprintf(&b, "  - [\"%d月\", %q, %q]\n", m+1, p.Monthly[m].Yuan(), p.Cumulative[m].Yuan())
			}
			fmt.Fprintf(&b, "---\n%s\n", p.Description.Text)
			must(os.WriteFile(filepath.Join(dir, p.Code+".md"), []byte(b.String()), 0o644))
		}
	}
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "hugosite:", err)
		os.Exit(1)
	}
}

// writeLayouts writes templates that lay out what ours do: breadcrumbs,
// the figures as tables with captions and header cells, the narrative.
func writeLayouts(out string) {
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
		return `<table><caption>` + caption + `</caption><thead><tr>` + h.String() + `</tr></thead><tbody>{{ range ` + rows + ` }}<tr>{{ range $i, $c := . }}{{ if eq $i 0 }}<th scope="row">{{ $c }}</th>{{ else }}<td>{{ $c }}</td>{{ end }}{{ end }}</tr>{{ end }}</tbody></table>`
	}
	section := `{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Params.dept }}</p><h2>第一部分</h2>{{ .Content }}<ol>{{ range .Params.subtargets }}<li>{{ . }}</li>{{ end }}</ol>` +
		table("部门整体绩效指标", "一级指标,二级指标,三级指标,绩效指标描述,符号,值,单位,指标值确定依据", ".Params.indicators") +
		table("预算项目一览", "项目编码,项目名称,资金总额,执行数,执行率", ".Params.projects") +
		`<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}`
	single := `{{ define "main" }}<h1>{{ .Title }}</h1><p>项目编码：{{ .Params.code }}</p><p>{{ .Params.purpose }}</p>` +
		table("预算明细", "资金用途,预算数,执行数,执行率", ".Params.lines") +
		table("资金支出计划执行情况", "时间节点,日期,计划进度,计划金额,实际金额,实际进度,偏差", ".Params.checkpoints") +
		table("绩效目标", "目标,内容", ".Params.targets") +
		table("绩效指标", "一级指标,二级指标,三级指标,绩效指标描述,符号,值,单位,指标值确定依据", ".Params.indicators") +
		table("按月支出", "月份,当月支出,累计支出", ".Params.monthly") +
		`<h2>项目说明</h2>{{ .Content }}{{ end }}`
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

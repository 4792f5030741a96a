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
}

// projectForm is a project with the heading level its 项目说明 takes where
// the form is placed.
type projectForm struct {
	Project *ProjectView
	Level   int
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

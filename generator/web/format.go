package web

import (
	"html/template"
	"math/big"
	"strings"

	"disclose/generator/money"
	"disclose/generator/num"
)

// funcs are the formatting helpers templates may call. Amounts and rates
// are formatted here, from exact values, never in the loader.
var funcs = template.FuncMap{
	"wan":  wan,
	"yuan": func(f money.Fen) string { return f.Yuan() },
	"pct":  pct,
	"dev":  deviation,
	"add":  func(a, b int) int { return a + b },
	"cnum": chineseOrdinal,
	"form": func(p *ProjectView, level int) projectForm { return projectForm{p, level} },
}

// projectForm is a project with the heading level its 项目说明 takes where
// the form is placed.
type projectForm struct {
	Project *ProjectView
	Level   int
}

// wan shows a 万元 amount with at least two decimals, or the author's own
// precision when finer: 21 → 21.00, 0.355 → 0.355.
func wan(a money.Amount) string { return a.Fen.Wan(max(a.Places, 2)) }

// wanFen shows fen in 万元 with two decimals.
func wanFen(f money.Fen) string { return f.Wan(2) }

// pct shows a rate with two decimals and a percent sign, or "—" when it is
// undefined (no budget).
func pct(r *big.Rat) string {
	if r == nil {
		return "—"
	}
	return num.Format(r, 2) + "%"
}

// deviation shows percentage points with a sign: +1.24, -5.36, 0.00.
func deviation(r *big.Rat) string {
	if r == nil {
		return "—"
	}
	s := num.Format(r, 2)
	if !strings.HasPrefix(s, "-") && s != "0.00" {
		s = "+" + s
	}
	return strings.Replace(s, "-", "−", 1)
}

// chineseOrdinal writes 1 → 一 … 10 → 十, for 第一部分.
func chineseOrdinal(n int) string {
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
	if n >= 0 && n <= 10 {
		return digits[n]
	}
	return ""
}

// Package present holds the presentation decisions the website and the PDF
// reports share, so that a page and its printed report cannot disagree on
// them: how amounts and rates are written, which cells of an indicator
// table are merged, where each output file goes, and the texts both print
// that code chooses (texts.go). Fixed headings and column labels are still
// written in the templates and in pdf each.
package present

import (
	"cmp"
	"fmt"
	"math/big"
	"strings"

	"disclose/generator/model"
	"disclose/generator/money"
	"disclose/generator/num"
	"disclose/generator/rules"
	"disclose/generator/score"
)

// Wan writes a 万元 amount with at least two decimals, or the author's own
// finer precision: 21 → 21.00, 0.355 → 0.355.
func Wan(a money.Amount) string { return a.Fen.Wan(max(a.WanPlaces(), 2)) }

// WanFen writes fen in 万元 with two decimals.
func WanFen(f money.Fen) string { return f.Wan(2) }

// Pct writes a rate with two decimals and a percent sign, "—" when it is
// undefined (nothing budgeted).
func Pct(r *big.Rat) string {
	if r == nil {
		return "—"
	}
	return num.Format(r, 2) + "%"
}

// Deviation writes percentage points with a sign: +1.24, −5.36, 0.00.
func Deviation(r *big.Rat) string {
	if r == nil {
		return "—"
	}
	s := num.Format(r, 2)
	if !strings.HasPrefix(s, "-") && s != "0.00" {
		s = "+" + s
	}
	return strings.Replace(s, "-", "−", 1)
}

// Decimal writes a rate as a plain number with two places for open data,
// empty when undefined.
func Decimal(r *big.Rat) string {
	if r == nil {
		return ""
	}
	return num.Format(r, 2)
}

// ChineseDate writes 2021年3月1日.
func ChineseDate(d model.Date) string {
	if d.IsZero() {
		return ""
	}
	t := d.Time()
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// Span says how many rows a merged 一级 and 二级 cell covers from this row;
// 0 means the cell above covers this one.
type Span struct{ Level1, Level2 int }

// IndicatorSpans merges the 一级 cells of consecutive rows with the same
// label, and within them the 二级 cells, as the official forms do.
func IndicatorSpans(rows []model.Indicator) []Span {
	spans := make([]Span, len(rows))
	same1 := func(i, j int) bool { return rules.Normalize(rows[i].Level1) == rules.Normalize(rows[j].Level1) }
	same2 := func(i, j int) bool {
		return same1(i, j) && rules.Normalize(rows[i].Level2) == rules.Normalize(rows[j].Level2)
	}
	for i := 0; i < len(rows); {
		j := i + 1
		for j < len(rows) && same1(i, j) {
			j++
		}
		spans[i].Level1 = j - i
		for k := i; k < j; {
			m := k + 1
			for m < j && same2(k, m) {
				m++
			}
			spans[k].Level2 = m - k
			k = m
		}
		i = j
	}
	return spans
}

// DeptDir is a department's folder in the output, e.g. 2021/dkb/.
func DeptDir(year int, code string) string { return fmt.Sprintf("%d/%s/", year, code) }

// DeptReport is the department's PDF report, e.g. 2021/dkb/dkb-2021.pdf.
func DeptReport(year int, code string) string {
	return DeptDir(year, code) + fmt.Sprintf("%s-%d.pdf", code, year)
}

// YearReport is the combined annual report of a year, e.g. 2021/report-2021.pdf.
func YearReport(year int) string { return fmt.Sprintf("%d/report-%d.pdf", year, year) }

// Size writes a file size for a download link: 186 KB, 1.2 MB.
func Size(n int64) string {
	switch {
	case n < 1024*1024:
		return fmt.Sprintf("%d KB", (n+1023)/1024)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1024*1024))
}

// Score writes a score with two decimals, "—" when there is none.
func Score(r *big.Rat) string {
	if r == nil {
		return "—"
	}
	return num.Format(r, 2)
}

// Light writes a monitoring status as symbol and word, never colour alone.
func Light(s score.Status) string { return s.Symbol() + " " + s.Word() }

// PlanRule explains the plan table's deviation and its light
// (score.PlanStatusOf), for the line under the table.
func PlanRule(m *rules.Monitoring) string {
	return fmt.Sprintf("偏差 = 实际进度 − 计划进度（百分点）。对照计划：实际进度不低于计划为“● 正常”，落后计划不超过 %s 个百分点为“▲ 关注”，落后更多为“■ 滞后”。", m.Tolerance)
}

// Target writes an indicator's target as the forms do: operator, value and
// unit (文字描述 rows: the phrase). The operator is written as the source
// writes it (">=" stays ">="), as the indicator table's 符号 column does:
// one rule for every table.
func Target(in *model.Indicator) string {
	if in.Operator.Kind == model.OpText {
		return in.Target()
	}
	return cmp.Or(strings.TrimSpace(in.Operator.Raw), in.Operator.Kind.Symbol()) + in.Value + in.Unit
}

// WanOf writes a published amount in 万元 at its precision (one written in
// 元 with the fewest decimals, at least two, that keep it exact:
// 193750.00元 → 19.375), else the derived fen with two decimals.
func WanOf(a *money.Amount, derived money.Fen) string {
	if a == nil {
		return WanFen(derived)
	}
	if !a.Yuan {
		return Wan(*a)
	}
	return exactWan(a.Fen)
}

// exactWan writes fen in 万元 with the fewest places (at least two) that
// keep it exact: 1 fen is 0.000001 万元, and each trailing zero of the fen
// saves a place.
func exactWan(f money.Fen) string {
	places := 6
	for v := int64(f); places > 2 && v%10 == 0; v /= 10 {
		places--
	}
	return f.Wan(places)
}

package present

import (
	"fmt"
	"math/big"
	"strings"

	"disclose/generator/money"
	"disclose/generator/num"
	"disclose/generator/score"
)

// YearsHeading is the heading of a project's or department's comparison
// with last year, on the page and in the PDF.
const YearsHeading = "与上年对比"

// MultiYearHeading heads a department's table over its years.
const MultiYearHeading = "多年对比"

// YearsChartCaption and the series' names of a department's chart over
// its years (project budget and spending per year).
const (
	YearsChartCaption = "各年度项目预算与执行数"
	YearsBudgetSeries = "项目预算"
	YearsSpentSeries  = "全年执行数"
)

// ChangeWord names a kind of change of a target.
func ChangeWord(k score.ChangeKind) string {
	return [...]string{"未变", "新增", "取消", "提高", "下调", "调整"}[k]
}

// MissFlag marks a target lowered after last year's was missed.
const MissFlag = "上年未完成"

// SignedWan writes a difference of fen in 万元 with its sign: +4.00, −1.00.
func SignedWan(f money.Fen) string {
	switch {
	case f > 0:
		return "+" + f.Wan(2)
	case f < 0:
		return "−" + (-f).Wan(2)
	}
	return f.Wan(2)
}

// SignedPct writes a change in percent with one decimal and its sign,
// "—" when undefined (last year's was zero).
func SignedPct(r *big.Rat) string {
	if r == nil {
		return "—"
	}
	s := num.Format(r, 1)
	if !strings.HasPrefix(s, "-") && s != "0.0" {
		s = "+" + s
	}
	return strings.Replace(s, "-", "−", 1) + "%"
}

// AmountRow is an amount in both years, formatted: "—" for a year without it.
type AmountRow struct {
	Name, Prev, Cur, Diff, Change string
}

// Amounts formats an amount of last year and this year.
func Amounts(name string, prev, cur money.Fen, hasPrev, hasCur bool) AmountRow {
	r := AmountRow{Name: name, Prev: "—", Cur: "—", Diff: "—", Change: "—"}
	if hasPrev {
		r.Prev = WanFen(prev)
	}
	if hasCur {
		r.Cur = WanFen(cur)
	}
	if hasPrev && hasCur {
		r.Diff = SignedWan(cur - prev)
		r.Change = SignedPct(num.Percent(int64(cur-prev), int64(prev)))
	}
	return r
}

// TargetRow is an indicator's target in both years, formatted.
type TargetRow struct {
	Name, Prev, Cur, Change string
	// Flag is set when the target was lowered after last year's was
	// missed: MissFlag.
	Flag string
}

// TargetRows formats the indicators compared with last year.
func TargetRows(ts []score.TargetChange) []TargetRow {
	out := make([]TargetRow, 0, len(ts))
	for _, t := range ts {
		r := TargetRow{Prev: "—", Cur: "—", Change: ChangeWord(t.Kind)}
		if t.Prev != nil {
			r.Name, r.Prev = t.Prev.Name, t.Prev.Target()
		}
		if t.Cur != nil {
			r.Name, r.Cur = t.Cur.Name, score.TargetText(t.Cur)
		}
		if t.LoweredAfterMiss {
			r.Flag = MissFlag
		}
		out = append(out, r)
	}
	return out
}

// YearSentence sums a project's comparison in one sentence: "资金总额
// 21.00 → 25.00万元（+19.0%）；新增指标 2 项，下调指标 1 项（上年未完成 1 项）".
func YearSentence(prev, cur money.Fen, counts []int, flagged int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "资金总额 %s → %s万元（%s）", WanFen(prev), WanFen(cur), SignedPct(num.Percent(int64(cur-prev), int64(prev))))
	var parts []string
	for k := score.Added; k < score.NumChangeKinds; k++ {
		if n := counts[k]; n > 0 {
			p := fmt.Sprintf("%s指标 %d 项", ChangeWord(k), n)
			if k == score.Lowered && flagged > 0 {
				p += fmt.Sprintf("（其中%s %d 项）", MissFlag, flagged)
			}
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		parts = []string{"绩效指标未变"}
	}
	b.WriteString("；")
	b.WriteString(strings.Join(parts, "，"))
	return b.String()
}

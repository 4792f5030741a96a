// Package score computes the self-evaluation (绩效自评) score of one
// indicator and of budget execution, exactly, under the rules in force, and
// says in words which formula produced it and from which inputs, so that
// every score on a page can be traced. derive uses it to score projects;
// check uses it to tell a missed indicator that needs an explanation.
package score

import (
	"fmt"
	"math/big"
	"strings"

	"disclose/generator/model"
	"disclose/generator/money"
	"disclose/generator/num"
	"disclose/generator/rules"
)

// Kind is how an indicator is scored.
type Kind int

const (
	// Positive (正向): more is better; a miss scores actual ÷ target.
	Positive Kind = iota
	// Reverse (反向): less is better; a miss scores by the reverse formula.
	Reverse
	// Zero: the target is 0; scored by the zero-target rule.
	Zero
	// Qualitative (定性): scored by achievement band and share.
	Qualitative
	// Deadline: a date target (时效); met on or before it.
	Deadline
)

// Outcome is the score of one indicator.
type Outcome struct {
	Kind Kind
	// Score is exact; Round gives the published figure.
	Score *big.Rat
	// Met is true when the target was reached (or the band is the top one).
	Met bool
	// Completion is the share of the target achieved, in percent, for
	// numeric indicators (actual ÷ target, or target ÷ actual for 反向).
	Completion *big.Rat
	// Formula states how the score came about, with the inputs.
	Formula string
	// Problem is set, and Score is nil, when the actual value does not fit
	// the indicator (a word where a number is needed, say).
	Problem string
}

var hundred = big.NewRat(100, 1)

// Round rounds to two decimals, half away from zero (四舍五入): the figure
// published, and the one totals are summed from, so that a published
// table always adds up.
func Round(r *big.Rat) *big.Rat {
	if r == nil {
		return nil
	}
	v, _ := new(big.Rat).SetString(num.Format(r, 2))
	return v
}

func f2(r *big.Rat) string { return num.Format(r, 2) }

// fmtNum writes an exact number with the places it needs (up to six).
func fmtNum(r *big.Rat) string {
	s := num.Format(r, 6)
	for len(s) > 1 && s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	if s[len(s)-1] == '.' {
		s = s[:len(s)-1]
	}
	return s
}

// KindOf tells how an indicator is scored under the rules.
func KindOf(in *model.Indicator) Kind {
	// With no sign printed, a number is a target to reach (scored as =) and
	// a phrase is qualitative.
	if in.Operator.Kind == model.OpText {
		return Qualitative
	}
	target, err := num.Parse(in.Value)
	if err != nil {
		if _, derr := model.ParseDate(in.Value); derr == nil {
			return Deadline
		}
		return Qualitative
	}
	if target.IsZero() {
		return Zero
	}
	switch {
	case in.Polarity == model.Negative:
		return Reverse
	case in.Polarity == model.Positive:
		return Positive
	case in.Operator.Kind == model.OpLe || in.Operator.Kind == model.OpLt:
		return Reverse
	}
	return Positive
}

// Indicator scores one indicator with its result and weight.
func Indicator(in *model.Indicator, r *model.Result, weight *big.Rat, ev *rules.Evaluation) Outcome {
	o := Outcome{Kind: KindOf(in)}
	w := fmtNum(weight)
	switch o.Kind {
	case Qualitative:
		return qualitative(o, in, r, weight, ev)
	case Zero:
		if ev.ZeroTarget == "by_share" {
			return qualitative(o, in, r, weight, ev)
		}
		actual, err := ParseActual(r.Actual, in.Unit)
		if err != nil {
			o.Problem = fmt.Sprintf("目标值为 0 的指标，实际完成值应为数字，这里是 %q", r.Actual)
			return o
		}
		if actual.Rat().Sign() <= 0 {
			o.Score, o.Met = new(big.Rat).Set(weight), true
			o.Formula = fmt.Sprintf("目标值 0，实际值 %s 不大于 0，得满分 %s", actual, w)
		} else {
			o.Score = new(big.Rat)
			o.Formula = fmt.Sprintf("目标值 0，实际值 %s 大于 0，得 0 分", actual)
		}
		return o
	case Deadline:
		target, _ := model.ParseDate(in.Value)
		actual, err := model.ParseDate(r.Actual)
		if err != nil {
			o.Problem = fmt.Sprintf("时效指标的实际完成值应为日期，这里是 %q", r.Actual)
			return o
		}
		if !actual.After(target) {
			o.Score, o.Met = new(big.Rat).Set(weight), true
			o.Formula = fmt.Sprintf("于 %s 完成，不晚于目标 %s，得满分 %s", actual, target, w)
		} else {
			o.Score = new(big.Rat)
			o.Formula = fmt.Sprintf("于 %s 完成，晚于目标 %s，得 0 分", actual, target)
		}
		return o
	}
	target, _ := num.Parse(in.Value)
	actual, err := ParseActual(r.Actual, in.Unit)
	if err != nil {
		o.Problem = fmt.Sprintf("符号 %s 的指标，实际完成值应为数字（单位写在指标表），这里是 %q", in.Operator.Raw, r.Actual)
		return o
	}
	t, a := target.Rat(), actual.Rat()
	if o.Kind == Positive {
		o.Completion = new(big.Rat).Quo(new(big.Rat).Mul(a, hundred), t)
		if a.Cmp(t) >= 0 {
			o.Score, o.Met = new(big.Rat).Set(weight), true
			o.Formula = fmt.Sprintf("正向指标，实际值 %s 达到目标值 %s，得满分 %s", actual, target, w)
			return o
		}
		o.Score = new(big.Rat).Mul(new(big.Rat).Quo(a, t), weight)
		if o.Score.Sign() < 0 {
			o.Score = new(big.Rat)
		}
		o.Formula = fmt.Sprintf("正向指标，实际值 %s 未达到目标值 %s，得分 = %s ÷ %s × %s = %s", actual, target, actual, target, w, f2(o.Score))
		return o
	}
	// 反向: less is better.
	if a.Sign() > 0 {
		o.Completion = new(big.Rat).Quo(new(big.Rat).Mul(t, hundred), a)
	}
	if a.Cmp(t) <= 0 {
		o.Score, o.Met = new(big.Rat).Set(weight), true
		o.Formula = fmt.Sprintf("反向指标，实际值 %s 不超过目标值 %s，得满分 %s", actual, target, w)
		return o
	}
	if ev.ReverseFormula == "linear" {
		over := new(big.Rat).Quo(new(big.Rat).Sub(a, t), t)
		o.Score = new(big.Rat).Mul(new(big.Rat).Sub(big.NewRat(1, 1), over), weight)
		if o.Score.Sign() < 0 {
			o.Score = new(big.Rat)
		}
		o.Formula = fmt.Sprintf("反向指标，实际值 %s 超过目标值 %s，得分 = (1 − (%s − %s) ÷ %s) × %s = %s（最低 0）", actual, target, actual, target, target, w, f2(o.Score))
		return o
	}
	o.Score = new(big.Rat).Mul(new(big.Rat).Quo(t, a), weight)
	o.Formula = fmt.Sprintf("反向指标，实际值 %s 超过目标值 %s，得分 = %s ÷ %s × %s = %s", actual, target, target, actual, w, f2(o.Score))
	return o
}

// ParseActual reads an actual value as forms print it: a number, with the
// indicator's unit or a percent sign after it ("98%", "4604人", "29.5亩"),
// or thousands separators ("215,457.6").
func ParseActual(actual, unit string) (num.Decimal, error) {
	s := strings.TrimSpace(actual)
	if u := strings.TrimSpace(unit); u != "" {
		s = strings.TrimSpace(strings.TrimSuffix(s, u))
	}
	s = strings.TrimSpace(strings.TrimRight(s, "%％"))
	if strings.Contains(s, ",") {
		s = strings.ReplaceAll(s, ",", "")
	}
	return num.Parse(s)
}

func qualitative(o Outcome, in *model.Indicator, r *model.Result, weight *big.Rat, ev *rules.Evaluation) Outcome {
	if r.Achievement == "" {
		return judged(o, in, r, weight)
	}
	band := ev.BandOf(r.Achievement)
	if band == nil {
		names := ""
		for i, b := range ev.Bands {
			if i > 0 {
				names += "、"
			}
			names += b.Name
		}
		o.Problem = fmt.Sprintf("定性指标需要完成程度（%s），这里是 %q", names, r.Achievement)
		return o
	}
	if r.Share == nil {
		o.Problem = fmt.Sprintf("定性指标需要在“%s”的区间 %s–%s 内给出得分比例 share", band.Name, band.Min, band.Max)
		return o
	}
	s := r.Share.Rat()
	if s.Cmp(band.Min.Rat()) < 0 || s.Cmp(band.Max.Rat()) > 0 {
		o.Problem = fmt.Sprintf("得分比例 %s%% 不在“%s”的区间 %s–%s 内", r.Share, band.Name, band.Min, band.Max)
		return o
	}
	o.Score = new(big.Rat).Quo(new(big.Rat).Mul(s, weight), hundred)
	o.Met = band.Max.Rat().Cmp(hundred) == 0
	o.Completion = s
	o.Formula = fmt.Sprintf("定性指标，%s（%s–%s%%），评价比例 %s%%，得分 = %s × %s%% = %s", band.Name, band.Min, band.Max, r.Share, fmtNum(weight), r.Share, f2(o.Score))
	return o
}

// judged scores a qualitative indicator that has no achievement band, as
// most published forms give none: the score the evaluator printed counts
// (the rules cannot give another), if it is within the weight; with no
// printed score, an actual value that repeats the target is 达成 at full
// weight.
func judged(o Outcome, in *model.Indicator, r *model.Result, weight *big.Rat) Outcome {
	if r.Score != nil {
		p := r.Score.Rat()
		if p.Sign() < 0 || p.Cmp(weight) > 0 {
			o.Problem = fmt.Sprintf("公布得分 %s 超出分值 %s", r.Score, fmtNum(weight))
			return o
		}
		o.Score, o.Met = p, p.Cmp(weight) == 0
		o.Formula = fmt.Sprintf("定性指标，评价人按评分标准评分，公布得分 %s（分值 %s）", r.Score, fmtNum(weight))
		return o
	}
	if t := squash(in.Target()); t != "" && squash(r.Actual) == t {
		o.Score, o.Met = new(big.Rat).Set(weight), true
		o.Completion = new(big.Rat).Set(hundred)
		o.Formula = fmt.Sprintf("定性指标，实际完成情况“%s”与目标一致，视为达成，得满分 %s", r.Actual, fmtNum(weight))
		return o
	}
	o.Problem = fmt.Sprintf("定性指标的实际完成情况“%s”与目标“%s”不同，需要完成程度 achievement（达成、部分达成、未达成）和得分比例 share，或公布的得分 score", r.Actual, in.Target())
	return o
}

func squash(s string) string { return strings.Join(strings.Fields(s), "") }

// Execution scores budget execution: rate = spent ÷ budget; score =
// min(rate, 100%) × weight. rate is nil when nothing was budgeted.
func Execution(spent, budget money.Fen, weight *big.Rat) (rate, score *big.Rat, formula string) {
	rate = num.Percent(int64(spent), int64(budget))
	if rate == nil {
		return nil, new(big.Rat), "全年预算数为 0，预算执行率不计分"
	}
	capped := rate
	if capped.Cmp(hundred) > 0 {
		capped = hundred
	}
	score = new(big.Rat).Quo(new(big.Rat).Mul(capped, weight), hundred)
	formula = fmt.Sprintf("执行率 = 全年执行数 %s 元 ÷ 全年预算数 %s 元 = %s%%；得分 = min(%s%%, 100%%) × %s = %s",
		spent.Yuan(), budget.Yuan(), f2(rate), f2(rate), fmtNum(weight), f2(score))
	return rate, score, formula
}

// Progress is in-year progress at a date: (executed ÷ budget) ÷ (month ÷ 12)
// in percent; nil when nothing was budgeted.
func Progress(spent, budget money.Fen, month int) *big.Rat {
	rate := num.Percent(int64(spent), int64(budget))
	if rate == nil || month <= 0 {
		return nil
	}
	return new(big.Rat).Quo(new(big.Rat).Mul(rate, big.NewRat(12, 1)), big.NewRat(int64(month), 1))
}

// Status is a monitoring light: 正常 (green), 关注 (yellow), 滞后 (red).
type Status int

// The monitoring lights.
const (
	Green Status = iota
	Yellow
	Red
)

// StatusOf classifies a progress ratio under the monitoring rules.
func StatusOf(progress *big.Rat, m *rules.Monitoring) Status {
	switch {
	case progress == nil:
		return Green
	case progress.Cmp(m.RedBelow.Rat()) < 0:
		return Red
	case progress.Cmp(m.YellowBelow.Rat()) < 0:
		return Yellow
	}
	return Green
}

// PlanStatusOf classifies a checkpoint against its plan: on or ahead of
// the plan (deviation ≥ 0) is 正常, behind by at most the tolerance is 关注,
// further behind is 滞后. A plan that spends nothing yet cannot be behind.
func PlanStatusOf(deviation *big.Rat, m *rules.Monitoring) Status {
	switch {
	case deviation == nil || deviation.Sign() >= 0:
		return Green
	case new(big.Rat).Neg(deviation).Cmp(m.Tolerance.Rat()) > 0:
		return Red
	}
	return Yellow
}

// Word and Symbol show a status without relying on colour.
func (s Status) Word() string   { return [...]string{"正常", "关注", "滞后"}[s] }
func (s Status) Symbol() string { return [...]string{"●", "▲", "■"}[s] }

// Class names the status for a stylesheet.
func (s Status) Class() string { return [...]string{"green", "yellow", "red"}[s] }

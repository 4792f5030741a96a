package score_test

import (
	"math/big"
	"testing"

	"disclose/generator/load"
	"disclose/generator/model"
	"disclose/generator/money"
	"disclose/generator/num"
	"disclose/generator/rules"
	"disclose/generator/score"
)

func indicator(op, value string, polarity model.Polarity) *model.Indicator {
	in := &model.Indicator{Value: value, Polarity: polarity}
	if err := in.Operator.UnmarshalText([]byte(op)); err != nil {
		panic(err)
	}
	return in
}

func share(s string) *num.Decimal { d := num.MustParse(s); return &d }

// TestIndicatorScores holds scores worked out by hand.
func TestIndicatorScores(t *testing.T) {
	defaults := load.DefaultRules()
	linear := load.DefaultRules()
	linear.Evaluation.ReverseFormula = "linear"
	byShare := load.DefaultRules()
	byShare.Evaluation.ZeroTarget = "by_share"
	for _, tc := range []struct {
		name      string
		op, value string
		polarity  model.Polarity
		result    model.Result
		weight    int64
		rules     string // "", "linear", "by_share"
		want      string // rounded score, "" when the result does not fit
		met       bool
	}{
		{"≥ met exactly", ">=", "90", "", model.Result{Actual: "90"}, 10, "", "10.00", true},
		{"≥ exceeded: no more than full", ">=", "90", "", model.Result{Actual: "99.5"}, 10, "", "10.00", true},
		{"≥ missed: actual ÷ target × weight", ">=", "90", "", model.Result{Actual: "88.5"}, 10, "", "9.83", false},
		{"≥ missed badly", ">=", "2", "", model.Result{Actual: "1"}, 30, "", "15.00", false},
		{"> treated as ≥", ">", "50", "", model.Result{Actual: "40"}, 20, "", "16.00", false},
		{"= with a positive target is positive", "=", "100", "", model.Result{Actual: "98"}, 10, "", "9.80", false},
		{"≥ with a negative actual floors at 0", ">=", "10", "", model.Result{Actual: "-3"}, 10, "", "0.00", false},
		{"≤ met", "<=", "5", "", model.Result{Actual: "4"}, 10, "", "10.00", true},
		{"≤ missed, ratio: target ÷ actual", "<=", "5", "", model.Result{Actual: "8"}, 10, "", "6.25", false},
		{"≤ missed, linear: (1 − (8 − 5) ÷ 5) × 10", "<=", "5", "", model.Result{Actual: "8"}, 10, "linear", "4.00", false},
		{"≤ missed, linear floored at 0", "<=", "5", "", model.Result{Actual: "12"}, 10, "linear", "0.00", false},
		{"= with polarity 反向 is reverse", "=", "20", model.Negative, model.Result{Actual: "25"}, 10, "", "8.00", false},
		{"= 0 met", "=", "0", "", model.Result{Actual: "0"}, 10, "", "10.00", true},
		{"= 0 below", "=", "0", "", model.Result{Actual: "-1"}, 10, "", "10.00", true},
		{"= 0 missed: nothing", "=", "0", "", model.Result{Actual: "1"}, 10, "", "0.00", false},
		{"≤ 0 missed", "<=", "0", "", model.Result{Actual: "0.5"}, 10, "", "0.00", false},
		{"= 0 by share", "=", "0", "", model.Result{Actual: "1", Achievement: "部分达成", Share: share("70")}, 10, "by_share", "7.00", false},
		{"达成 at its lower edge", "文字描述", "", "", model.Result{Achievement: "达成", Share: share("80")}, 30, "", "24.00", true},
		{"达成 at its upper edge", "文字描述", "", "", model.Result{Achievement: "达成", Share: share("100")}, 30, "", "30.00", true},
		{"部分达成 at its upper edge", "定性", "", "", model.Result{Achievement: "部分达成", Share: share("80")}, 10, "", "8.00", false},
		{"部分达成 at its lower edge", "定性", "", "", model.Result{Achievement: "部分达成", Share: share("60")}, 10, "", "6.00", false},
		{"部分达成 below its band", "定性", "", "", model.Result{Achievement: "部分达成", Share: share("59.99")}, 10, "", "", false},
		{"未达成 at its upper edge", "定性", "", "", model.Result{Achievement: "未达成", Share: share("60")}, 10, "", "6.00", false},
		{"未达成 at zero", "定性", "", "", model.Result{Achievement: "未达成", Share: share("0")}, 10, "", "0.00", false},
		{"达成 above 100", "定性", "", "", model.Result{Achievement: "达成", Share: share("100.01")}, 10, "", "", false},
		{"qualitative without a band", "文字描述", "", "", model.Result{Actual: "满意"}, 10, "", "", false},
		{"qualitative without a share", "文字描述", "", "", model.Result{Achievement: "达成"}, 10, "", "", false},
		{"deadline met", "<=", "2021-12-31", "", model.Result{Actual: "2021-12-20"}, 10, "", "10.00", true},
		{"deadline missed", "<=", "2021-12-31", "", model.Result{Actual: "2022-01-05"}, 10, "", "0.00", false},
		{"a word where a number is due", ">=", "90", "", model.Result{Actual: "很好"}, 10, "", "", false},
		{"a third of a weight", ">=", "3", "", model.Result{Actual: "1"}, 10, "", "3.33", false},
		{"two thirds, rounded half up", ">=", "3", "", model.Result{Actual: "2"}, 10, "", "6.67", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rs := defaults
			switch tc.rules {
			case "linear":
				rs = linear
			case "by_share":
				rs = byShare
			}
			o := score.Indicator(indicator(tc.op, tc.value, tc.polarity), &tc.result, big.NewRat(tc.weight, 1), &rs.Evaluation)
			got := ""
			if o.Score != nil {
				got = num.Format(score.Round(o.Score), 2)
			}
			if got != tc.want || (o.Problem == "") != (tc.want != "") {
				t.Errorf("score %q (problem %q), want %q", got, o.Problem, tc.want)
			}
			if tc.want != "" && o.Met != tc.met {
				t.Errorf("met %v, want %v", o.Met, tc.met)
			}
			if tc.want != "" && o.Formula == "" {
				t.Error("no formula to trace the score")
			}
		})
	}
}

func TestExecution(t *testing.T) {
	w := big.NewRat(10, 1)
	for _, tc := range []struct {
		spent, budget money.Fen
		rate, score   string
	}{
		{191_610_70, 210_000_00, "91.24", "9.12"},
		{210_000_00, 210_000_00, "100.00", "10.00"},
		{231_000_00, 210_000_00, "110.00", "10.00"}, // capped
		{0, 210_000_00, "0.00", "0.00"},
		{-100, 210_000_00, "0.00", "-0.00"},
	} {
		rate, s, formula := score.Execution(tc.spent, tc.budget, w)
		if num.Format(rate, 2) != tc.rate || num.Format(score.Round(s), 2) != tc.score && !(tc.score == "-0.00" && num.Format(score.Round(s), 2) == "0.00") {
			t.Errorf("%s of %s: rate %s score %s, want %s %s", tc.spent, tc.budget, num.Format(rate, 2), num.Format(s, 2), tc.rate, tc.score)
		}
		if formula == "" {
			t.Error("no formula")
		}
	}
	if rate, s, _ := score.Execution(100, 0, w); rate != nil || s.Sign() != 0 {
		t.Error("nothing budgeted must not score")
	}
}

func TestGradeEdges(t *testing.T) {
	ev := &load.DefaultRules().Evaluation
	for _, tc := range []struct{ total, grade string }{
		{"100", "优"}, {"90.00", "优"}, {"89.99", "良"}, {"80", "良"}, {"79.99", "中"}, {"60", "中"}, {"59.99", "差"}, {"0", "差"},
	} {
		if g := ev.GradeOf(num.MustParse(tc.total).Rat()); g != tc.grade {
			t.Errorf("%s → %s, want %s", tc.total, g, tc.grade)
		}
	}
}

func TestMonitoringLightEdges(t *testing.T) {
	m := &load.DefaultRules().Monitoring
	for _, tc := range []struct {
		progress string
		want     score.Status
	}{
		{"0", score.Red}, {"59.99", score.Red}, {"60", score.Yellow}, {"79.99", score.Yellow}, {"80", score.Green}, {"150", score.Green},
	} {
		if s := score.StatusOf(num.MustParse(tc.progress).Rat(), m); s != tc.want {
			t.Errorf("%s%% → %s, want %s", tc.progress, s.Word(), tc.want.Word())
		}
	}
	// (executed ÷ budget) ÷ (month ÷ 12): 30% spent by June is 60%.
	if p := score.Progress(30, 100, 6); num.Format(p, 2) != "60.00" {
		t.Errorf("progress %s", num.Format(p, 2))
	}
	if p := score.Progress(2999, 10000, 6); score.StatusOf(p, m) != score.Red {
		t.Error("29.99% by June is 59.98%: red")
	}
}

// The plan table's status follows the deviation from the plan: ahead is
// never behind (3月底 of the sample: plan 0.00%, actual 0.60%).
func TestPlanStatusOf(t *testing.T) {
	m := &rules.Monitoring{Tolerance: num.MustParse("10")}
	for _, c := range []struct {
		dev  *big.Rat
		want score.Status
	}{
		{nil, score.Green},
		{big.NewRat(60, 100), score.Green},
		{big.NewRat(0, 1), score.Green},
		{big.NewRat(-111, 100), score.Yellow},
		{big.NewRat(-10, 1), score.Yellow},
		{big.NewRat(-1001, 100), score.Red},
	} {
		if got := score.PlanStatusOf(c.dev, m); got != c.want {
			t.Errorf("deviation %v: %s, want %s", c.dev, got.Word(), c.want.Word())
		}
	}
}

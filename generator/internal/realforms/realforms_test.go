package realforms

import (
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"disclose/generator/check"
	"disclose/generator/derive"
	"disclose/generator/diag"
	"disclose/generator/load"
	"disclose/generator/model"
	"disclose/generator/num"
	"disclose/generator/score"
)

// The content is loaded, checked and derived once for all tests.
var (
	once    sync.Once
	site    *model.Site
	loaded  *diag.List
	checked *diag.List
	depts   []*derive.Department
)

func content(t *testing.T) {
	t.Helper()
	once.Do(func() {
		site, loaded = load.Site(filepath.Join("testdata", "content"))
		checked = &diag.List{}
		if !loaded.HasErrors() {
			check.Site(site, checked)
			depts = derive.Site(site)
		}
	})
	for _, d := range loaded.Sorted() {
		t.Errorf("load: %s", d)
	}
	if loaded.HasErrors() {
		t.FailNow()
	}
}

// form returns the department folder of a form, e.g. "f01".
func form(t *testing.T, code string) *derive.Department {
	t.Helper()
	for _, d := range depts {
		if d.Code == code {
			return d
		}
	}
	t.Fatalf("no department %s in testdata/content", code)
	return nil
}

// diagsOf lists the check's diagnostics in a form's folder.
func diagsOf(code string) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range checked.Sorted() {
		if strings.Contains(filepath.ToSlash(d.File), "/"+code+"/") {
			out = append(out, d)
		}
	}
	return out
}

// want is a diagnostic expected by code and a part of its message.
type want struct{ code, text string }

func (w want) matches(d diag.Diagnostic) bool {
	return d.Code == w.code && strings.Contains(d.Message, w.text)
}

// deviations are the deviation-explained warnings for missed targets that
// the form gives no 偏差原因 for.
func deviations(names ...string) []want {
	var out []want
	for _, n := range names {
		out = append(out, want{"deviation-explained", `"` + n + `"`})
	}
	return out
}

// published are the published-score diagnostics the check is to give, one
// per printed figure that derive finds wrong (the lead's new check; its
// message is assumed to name the item).
func published(items ...string) []want {
	var out []want
	for _, n := range items {
		out = append(out, want{"published-score", n})
	}
	return out
}

func join(ws ...[]want) []want {
	var out []want
	for _, w := range ws {
		out = append(out, w...)
	}
	return out
}

func placeholders(names ...string) []want {
	var out []want
	for _, n := range names {
		out = append(out, want{"placeholder", `"` + n + `" 像是模板中的占位文字`})
	}
	return out
}

// Which diagnostics remain for each form: every one is a true problem of
// the published form (or, where said, of the stored text's cut), none is
// caused by the tool, and there are no others.
var diagCases = []struct {
	form string
	want []want
}{
	{
		form: "f01",
		// 政策知晓率 98% against ═100 % with an empty 偏差原因 column; the two
		// printed row scores the rules do not give, and the total they move.
		want: join(deviations("政策知晓率"), published("资金到位及时率", "政策知晓率", "总分")),
	},
	{
		form: "f02",
		// 215457.6 ÷ 250000.00 = 86.18% < 90% and no explanation printed;
		// 86.19% printed; project 2's 其中 rows print 0 under a total of
		// 20,000.00 元 (年初 and 全年).
		want: join([]want{{"execution-explained", "预算执行率 86.18% 低于 90%"},
			{"budget-rows-sum", "其中各行的年初预算数合计 0.00元，与总额 20,000.00元 不符"},
			{"budget-rows-sum", "其中各行的全年预算数合计 0.00元，与总额 20,000.00元 不符"}}, published("预算执行率")),
	},
	{
		form: "f03",
		// 37.24 ÷ 43.2 = 86.20% < 90%; the form explains the 工程资金金额 row only.
		want: join([]want{{"execution-explained", "预算执行率 86.20% 低于 90%"}}, published("指标1工程资金金额", "预算执行率得分")),
	},
	{
		form: "f04",
		// 5830元/户 over the ceiling <=5300元/户, full marks and no reason;
		// template text "(≥**人)" left in nine names; the 满意度 row is cut
		// from the stored text, so the points come to 90.
		want: join(deviations("扶贫临时救助标准(<**元/户·年)——一户年最高5300元"),
			published("★★★特困人员救助供养人数(按月平均)(≥**人)", "扶贫临时救助标准(<**元/户·年)——一户年最高5300元"),
			placeholders("★★★农村低保发放人数(按月平均)(≥**人)", "★★★其中:农村低保对象中建档立卡贫困人口数量(按月平均)(≥**人)",
				"★★★建档立卡贫困人口中接受临时救助的人次数(≥**人次)", "★★★特困人员救助供养人数(按月平均)(≥**人)",
				"扶贫临时救助人数(按月平均)(≥**人)", "★农村低保标准(≥**元/人·月)", "农村特困人员救助供养基本生活标准(≥**元/人·月)",
				"扶贫临时救助标准(<**元/户·年)——一户年最高5300元", "★★★受益建档立卡贫困人口数≥**人"),
			[]want{{"weight-total", "分值合计 90（预算执行率 10 + 指标 80）"}}),
	},
	{
		form: "f05",
		want: join(
			// Fourteen missed targets; the stored form has no 偏差原因 text.
			deviations("指标1:居民健康档案", "指标8:适龄儿童疫苗接种率", "指标12:孕产妇7天访视数", "指标13:孕产妇42天访视数",
				"指标14:早孕建册数", "指标15:老年人体检数", "指标16:高血压规范管理数", "指标17:高血压随访控制数",
				"指标18:糖尿病规范管理数", "指标19:糖尿病随访控制数", "指标20:严重精神障碍患者管理数",
				"指标22:老年人中医药规范管理数", "指标23:0-36月龄中医药规范管理数", "指标25:家庭医生签约率"),
			published("指标1:居民健康档案", "指标8:适龄儿童疫苗接种率", "指标12:孕产妇7天访视数", "指标13:孕产妇42天访视数",
				"指标14:早孕建册数", "指标15:老年人体检数", "指标16:高血压规范管理数", "指标17:高血压随访控制数",
				"指标18:糖尿病规范管理数", "指标19:糖尿病随访控制数", "指标20:严重精神障碍患者管理数",
				"指标22:老年人中医药规范管理数", "指标23:0-36月龄中医药规范管理数", "指标25:家庭医生签约率"),
			// Caused by the cut, not the form: rows 3 and 4 (no names) and the 质量 rows
			// are not in the stored text, so 产出 adds to 44 of its 50 and the whole to 54.
			[]want{{"weight-sum", "产出指标各行分值之和为 44"}, {"weight-total", "分值合计 54"}}),
	},
	{form: "f06"},
	{
		form: "f07",
		// 192只 = 180只 + 12头: two units added; the 满意度 block is cut from
		// the stored text, so the points come to 90.
		want: []want{{"parts-units", "单位不同（180只、12头）"}, {"weight-total", "分值合计 90（预算执行率 10 + 指标 80）"}},
	},
}

// match pairs each want with a distinct diagnostic; it returns the wants
// not found and the diagnostics not claimed.
func match(got []diag.Diagnostic, ws []want) (missing []want, extra []diag.Diagnostic) {
	used := make([]bool, len(got))
	for _, w := range ws {
		found := false
		for i, d := range got {
			if !used[i] && w.matches(d) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			missing = append(missing, w)
		}
	}
	for i, d := range got {
		if !used[i] {
			extra = append(extra, d)
		}
	}
	return missing, extra
}

func TestDiagnostics(t *testing.T) {
	content(t)
	for _, tc := range diagCases {
		t.Run(tc.form, func(t *testing.T) {
			missing, extra := match(diagsOf(tc.form), tc.want)
			for _, w := range missing {
				t.Errorf("missing diagnostic [%s] %q", w.code, w.text)
			}
			for _, d := range extra {
				t.Errorf("unexpected diagnostic: %s", d)
			}
		})
	}
}

// finding is a printed figure that derive finds wrong.
type finding struct {
	kind                      score.FindingKind
	item, published, computed string
}

// The published-vs-computed differences of every form that prints scores,
// in derive's order (rows in table order, then execution, subtotals,
// total, grade). The arithmetic is in the comments; a whole form's
// cascade to its total is a finding too.
var findingCases = []struct {
	form, project string
	findings      []finding
	// total and grade computed, for the forms printed whole ("" when cut).
	total, grade string
}{
	{
		form: "f01", project: "F01-1",
		findings: []finding{
			// ≧100 %, actual 100%: met, full 10; printed 7.
			{score.FindIndicator, "资金到位及时率", "7", "10.00"},
			// ═100 %, actual 98%: 98 ÷ 100 × 10 = 9.80; printed 9.
			{score.FindIndicator, "政策知晓率", "9", "9.80"},
			// 10 (执行率) + 40 (产出) + 10 + 9.80 + 10 (效益) + 20 (满意度) = 99.80;
			// printed 96 = 99.80 − (10 − 7) − (9.80 − 9).
			{score.FindTotal, "总分", "96", "99.80"},
		},
		total: "99.80", grade: "优",
	},
	{
		form: "f02", project: "F02-1",
		findings: []finding{
			// 215457.6 ÷ 250000.00 = 0.8618304 → 86.18%; printed 86.19%. Its
			// score 8.618304 → 8.62 is printed right, so the total 8.62 + 90 = 98.62 agrees.
			{score.FindExecutionRate, "预算执行率", "86.19%", "86.18%"},
		},
		total: "98.62", grade: "优",
	},
	{
		form: "f03", project: "F03-1",
		findings: []finding{
			// 37.24 ÷ 43.2 × 10 = 8.6204 → 8.62; printed 9.
			{score.FindIndicator, "指标1工程资金金额", "9", "8.62"},
			// 37.24 ÷ 43.2 = 86.2037% (printed "86%", right at 0 places);
			// min(86.2037%, 100%) × 10 = 8.62; printed 9.
			{score.FindExecutionScore, "预算执行率得分", "9", "8.62"},
		},
	},
	{
		form: "f04", project: "F04-1",
		findings: []finding{
			// >=4754人, actual 4604人: 4604 ÷ 4754 × 5 = 4.8422 → 4.84; printed 5.
			{score.FindIndicator, "★★★特困人员救助供养人数(按月平均)(≥**人)", "5", "4.84"},
			// <=5300元/户, actual 5830元/户 (反向, ratio rule): 5300 ÷ 5830 × 10 = 9.0909 → 9.09; printed 10.
			{score.FindIndicator, "扶贫临时救助标准(<**元/户·年)——一户年最高5300元", "10", "9.09"},
		},
	},
	{
		form: "f05", project: "F05-1",
		findings: []finding{
			// 37442 ÷ 38508 × 3 = 2.9170 → 2.92; printed 3 (pairing of rows 1–5 is the CSV's reading).
			{score.FindIndicator, "指标1:居民健康档案", "3", "2.92"},
			// 97.30 ÷ 100.00 × 2 = 1.946 → 1.95; printed 1.9 (one decimal, cut).
			{score.FindIndicator, "指标8:适龄儿童疫苗接种率", "1.9", "1.95"},
			// 203 ÷ 214 × 2 = 1.8972 → 1.90; printed 1.8 (cut, not rounded).
			{score.FindIndicator, "指标12:孕产妇7天访视数", "1.8", "1.90"},
			{score.FindIndicator, "指标13:孕产妇42天访视数", "1.8", "1.90"},
			// 69 ÷ 120 × 2 = 1.15; printed 1.
			{score.FindIndicator, "指标14:早孕建册数", "1", "1.15"},
			// 4044 ÷ 5662 × 2 = 1.4285 → 1.43; printed 1.4.
			{score.FindIndicator, "指标15:老年人体检数", "1.4", "1.43"},
			// 3224 ÷ 3807 × 2 = 1.6937 → 1.69; printed 1.9.
			{score.FindIndicator, "指标16:高血压规范管理数", "1.9", "1.69"},
			// 3220 ÷ 3807 × 2 = 1.6916 → 1.69; printed 1.8.
			{score.FindIndicator, "指标17:高血压随访控制数", "1.8", "1.69"},
			// 695 ÷ 863 × 2 = 1.6107 → 1.61; printed 1.8.
			{score.FindIndicator, "指标18:糖尿病规范管理数", "1.8", "1.61"},
			// 683 ÷ 863 × 2 = 1.5829 → 1.58; printed 1.7.
			{score.FindIndicator, "指标19:糖尿病随访控制数", "1.7", "1.58"},
			// 209 ÷ 212 × 2 = 1.9717 → 1.97; printed 1.8.
			{score.FindIndicator, "指标20:严重精神障碍患者管理数", "1.8", "1.97"},
			// 4044 ÷ 5662 × 2 = 1.4285 → 1.43; printed 1.4.
			{score.FindIndicator, "指标22:老年人中医药规范管理数", "1.4", "1.43"},
			// 770 ÷ 1228 × 2 = 1.2541 → 1.25; printed 1.8.
			{score.FindIndicator, "指标23:0-36月龄中医药规范管理数", "1.8", "1.25"},
			// 22584 ÷ 24694 × 2 = 1.8291 → 1.83; printed 1.7.
			{score.FindIndicator, "指标25:家庭医生签约率", "1.7", "1.83"},
		},
	},
	// 06: no per-row 分值 in the form, so no printed row score is compared
	// (see F06-1.results.yaml); 2.38 ÷ 2.38 = 100% × 20 = 20 as printed.
	{form: "f06", project: "F06-1"},
	// 07: every printed score agrees: all targets met, 100% × 10 = 10.
	{form: "f07", project: "F07-1"},
}

func TestFindings(t *testing.T) {
	content(t)
	for _, tc := range findingCases {
		t.Run(tc.form, func(t *testing.T) {
			p := project(t, tc.form, tc.project)
			ev := p.Evaluation
			if ev == nil {
				t.Fatal("no evaluation derived")
			}
			var got []finding
			for _, f := range ev.Findings {
				got = append(got, finding{f.Kind, f.Item, f.Published, f.Computed})
			}
			if len(got) != len(tc.findings) {
				t.Errorf("%d findings, want %d", len(got), len(tc.findings))
			}
			for i := range max(len(got), len(tc.findings)) {
				var g, w finding
				if i < len(got) {
					g = got[i]
				}
				if i < len(tc.findings) {
					w = tc.findings[i]
				}
				if g != w {
					t.Errorf("finding %d = %+v, want %+v", i+1, g, w)
				}
			}
			if tc.total != "" {
				if ev.Total == nil || num.Format(ev.Total, 2) != tc.total || ev.Grade != tc.grade {
					t.Errorf("total %v %s, want %s %s", ev.Total, ev.Grade, tc.total, tc.grade)
				}
			}
		})
	}
}

func project(t *testing.T, dept, code string) *derive.Project {
	t.Helper()
	for _, p := range form(t, dept).Projects {
		if p.Code == code {
			return p
		}
	}
	t.Fatalf("no project %s in %s", code, dept)
	return nil
}

// The money block as published: amounts keep their unit and places, and
// the one execution rate is 全年执行数 ÷ 全年预算数.
func TestBudgets(t *testing.T) {
	content(t)
	for _, tc := range []struct {
		form, project      string
		adjusted, executed string // as published
		rate               string // derive.Project.ExecutionRate, 4 places
	}{
		// 387664.62 ÷ 387664.62 = 100%.
		{"f01", "F01-1", "387,664.62元", "387,664.62元", "100.0000"},
		// 215457.6 ÷ 250000.00 = 0.8618304.
		{"f02", "F02-1", "250,000.00元", "215,457.6元", "86.1830"},
		// 9034 ÷ 20000.00 = 0.4517 (printed 45.17%, 得分 4.517 → 4.52).
		{"f02", "F02-2", "20,000.00元", "9,034元", "45.1700"},
		// 37.24 ÷ 43.2 = 0.862037….
		{"f03", "F03-1", "43.2万元", "37.24万元", "86.2037"},
		{"f04", "F04-1", "30万元", "30万元", "100.0000"},
		// 年初预算数 0; 207.4538 ÷ 207.4538 = 100%.
		{"f05", "F05-1", "207.4538万元", "207.4538万元", "100.0000"},
		{"f06", "F06-1", "2.38万元", "2.38万元", "100.0000"},
		{"f07", "F07-1", "9.48万元", "9.48万元", "100.0000"},
	} {
		t.Run(tc.project, func(t *testing.T) {
			p := project(t, tc.form, tc.project)
			b := p.Results.Budget
			if got := b.Adjusted.Published(); got != tc.adjusted {
				t.Errorf("全年预算数 %s, want %s", got, tc.adjusted)
			}
			if got := b.Executed.Published(); got != tc.executed {
				t.Errorf("全年执行数 %s, want %s", got, tc.executed)
			}
			if got := num.Format(p.ExecutionRate, 4); got != tc.rate {
				t.Errorf("执行率 %s%%, want %s%%", got, tc.rate)
			}
		})
	}
	if p := project(t, "f05", "F05-1"); p.Results.Budget.Initial == nil || p.Results.Budget.Initial.Fen != 0 {
		t.Errorf("f05 年初预算数 %v, want 0", p.Results.Budget.Initial)
	}
}

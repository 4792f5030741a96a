package derive_test

import (
	"strings"
	"testing"

	"disclose/generator/internal/testutil"
	"disclose/generator/num"
)

const project = "2021/dkb/projects/110-0303-JBN-1VKY.yaml"

// TestRealFormScoring: what published forms do, scored as the rules say and
// worked out by hand from the seed (execution 191,610.70 ÷ 210,000.00 =
// 91.24% → 9.12; 资金使用规范性 达成 100%; 平台升级 达成 95%; 使用者满意度
// 88.5 ÷ 90).
func TestRealFormScoring(t *testing.T) {
	type change struct{ file, old, new string }
	cases := []struct {
		name  string
		edits []change
		want  string // summary: execution, rows, total, grade
		check func(t *testing.T, dir string)
	}{
		{"weights summed as they are, not rescaled, not graded (50 + 30 + 5 = 85 + 10)", []change{
			{results, "      share: 100\n", "      share: 100\n      weight: 50\n"},
			{results, "      share: 95\n", "      share: 95\n      weight: 30\n"},
			// 88.5 ÷ 90 × 5 = 4.9166… → 4.92; 9.12 + 50 + 28.50 + 4.92 = 92.54
			{results, "      actual: 88.5\n", "      actual: 88.5\n      weight: 5\n"}},
			"9.12 50.00 28.50 4.92 = 92.54 ", nil}, // 95 points in all: summed, not graded
		{"points split 60 + 30 by levels, no 满意度 (9.12 + 60 + 28.50)", []change{
			{project, "  - level1: 满意度指标\n    level2: 服务对象满意度指标\n    name: 使用者满意度\n    description: 区直部门使用情况满意度\n    operator: \">=\"\n    value: 90.00\n    unit: \"%\"\n    basis: 督考平台使用情况及改进意见征集情况\n", ""},
			{project, "\nindicators:\n", "\nlevels:\n  - level1: 产出指标\n    weight: 60\n  - level1: 效益指标\n    weight: 30\n\nindicators:\n"},
			{results, "    - name: 使用者满意度\n      actual: 88.5\n      deviation: 个别区直部门反映移动端操作不便，满意度未达到90%；已安排承建单位于2022年一季度优化移动端界面，并对各单位操作人员开展培训。\n", ""},
			{results, "      - name: 使用者满意度\n        outlook: 确定能\n        actual: 91\n        progress: 试用单位阶段性问卷调查\n", ""}},
			"9.12 60.00 28.50 = 97.62 优", nil},
		{"weight in the label, spread over the cell", []change{
			{project, "  - level1: 产出指标\n", "  - level1: 产 出 指 标 (40分)\n"},
			{project, "  - level1: 效果指标\n", "  - level1: 效果指标（40分）\n"}},
			// 9.12 + 40 + 40 × 95% + 9.83 = 96.95
			"9.12 40.00 38.00 9.83 = 96.95 优", nil},
		{"a 完成值 missing: 未完成自评, no total, no grade", []change{{results, "      actual: 88.5\n", ""}},
			"9.12 50.00 28.50 — = — ", func(t *testing.T, dir string) {
				e := evaluationOf(t, dir)
				if e.Complete || e.Total != nil || e.Grade != "" || strings.Join(e.Missing, ",") != "使用者满意度" {
					t.Errorf("complete %v total %v grade %q missing %v", e.Complete, e.Total, e.Grade, e.Missing)
				}
				// Counted apart from projects with no evaluation at all.
				g := loadSite(t, dir)[0].Grades
				if last := g[len(g)-1]; last.Name != "未完成自评" || last.Count != 1 || g[len(g)-2].Count != 0 {
					t.Errorf("grade counts %v", g)
				}
			}},
		{"published 全年执行数 counts: 20.5 ÷ 21 = 97.62% → 9.76", []change{{results, "  adjusted: 21\n", "  adjusted: 21\n  executed: 20.5\n"}},
			"9.76 50.00 28.50 9.83 = 98.09 优", func(t *testing.T, dir string) {
				p := loadSite(t, dir)[0].Projects[0]
				if num.Format(p.ExecutionRate, 2) != "97.62" || p.ExecutionRate.Cmp(p.Evaluation.ExecutionRate) != 0 || p.Executed.Yuan() != "205,000.00" {
					t.Errorf("project rate %s, evaluation rate %s, executed %s", num.Format(p.ExecutionRate, 2), num.Format(p.Evaluation.ExecutionRate, 2), p.Executed.Yuan())
				}
			}},
		{"adjusted budget is the denominator everywhere: 191,610.70 ÷ 250,000 = 76.64%", []change{{results, "  adjusted: 21\n", "  adjusted: 25\n"}},
			"7.66 50.00 28.50 9.83 = 95.99 优", func(t *testing.T, dir string) {
				d := loadSite(t, dir)[0]
				p := d.Projects[0]
				if num.Format(p.ExecutionRate, 2) != "76.64" || num.Format(d.ExecutionRate, 2) != "76.64" {
					t.Errorf("project rate %s, department rate %s", num.Format(p.ExecutionRate, 2), num.Format(d.ExecutionRate, 2))
				}
			}},
		{"printed scores compared: 满意度 10 against 9.83, total 100 against 97.45", []change{
			{results, "      actual: 88.5\n", "      actual: 88.5\n      score: 10\n"},
			{results, "", "  published:\n    execution_rate: 91.24\n    execution_score: 9\n    subtotals:\n      - name: 产出指标(50分)\n        score: 50\n      - name: 满意度指标\n        score: 10\n    total: 100\n    grade: 优\n"}},
			"9.12 50.00 28.50 9.83 = 97.45 优", func(t *testing.T, dir string) {
				e := evaluationOf(t, dir)
				var got []string
				for _, f := range e.Findings {
					got = append(got, f.Item+" "+f.Published+"/"+f.Computed)
				}
				want := "使用者满意度 10/9.83; 预算执行率得分 9/9.12; 满意度指标小计 10/9.83; 总分 100/97.45"
				if strings.Join(got, "; ") != want {
					t.Errorf("findings %q, want %q", strings.Join(got, "; "), want)
				}
				if !e.Indicators[2].Differs || e.Indicators[0].Differs {
					t.Error("row marks wrong")
				}
			}},
		{"a monitoring snapshot after the last checkpoint sets the light: 15 of 21 by 31 Dec = 71.43% 关注", []change{
			{results, "  - date: 2021-06-30\n", "  - date: 2021-12-31\n    executed: 15\n"}},
			"9.12 50.00 28.50 9.83 = 97.45 优", func(t *testing.T, dir string) {
				d := loadSite(t, dir)[0]
				if st, ok := d.Projects[0].Light(); !ok || st.Word() != "关注" || d.Lights[1].Count != 1 {
					t.Errorf("light %v %v, counts %v", st.Word(), ok, d.Lights)
				}
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := testutil.CopyContent(t)
			for _, e := range tc.edits {
				edit(t, dir, e.file, e.old, e.new)
			}
			e := evaluationOf(t, dir)
			got := num.Format(e.ExecutionScore, 2)
			for _, is := range e.Indicators {
				switch {
				case is.NotApplicable:
					got += " n/a"
				case is.Score == nil:
					got += " —"
				default:
					got += " " + num.Format(is.Score, 2)
				}
			}
			total := "—"
			if e.Total != nil {
				total = num.Format(e.Total, 2)
			}
			got += " = " + total + " " + e.Grade
			if got != tc.want {
				t.Errorf("evaluation %s, want %s", got, tc.want)
			}
			if e.Rescaled {
				t.Error("rescaled without a not-applicable indicator")
			}
			if tc.check != nil {
				tc.check(t, dir)
			}
		})
	}
}

package derive_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"disclose/generator/derive"
	"disclose/generator/internal/testutil"
	"disclose/generator/num"
)

func evaluationOf(t *testing.T, dir string) *derive.Evaluation {
	t.Helper()
	p := loadSite(t, dir)[0].Projects[0]
	if p.Evaluation == nil {
		t.Fatal("no evaluation")
	}
	return p.Evaluation
}

func summary(e *derive.Evaluation) string {
	s := num.Format(e.ExecutionScore, 2)
	for _, is := range e.Indicators {
		if is.NotApplicable {
			s += " n/a"
		} else {
			s += " " + num.Format(is.Score, 2)
		}
	}
	return s + " = " + num.Format(e.Total, 2) + " " + e.Grade
}

// TestSeedEvaluation: the illustrative self-evaluation of the seed project,
// worked out by hand. Execution 191,610.70 ÷ 210,000.00 = 91.24%, × 10 =
// 9.12; 资金使用规范性 达成 100% of 50 = 50.00; 平台升级 达成 95% of 30 =
// 28.50; 使用者满意度 88.5 ÷ 90 × 10 = 9.83; total 97.45, 优.
func TestSeedEvaluation(t *testing.T) {
	e := evaluationOf(t, testutil.ContentDir())
	if got := summary(e); got != "9.12 50.00 28.50 9.83 = 97.45 优" {
		t.Errorf("evaluation %s", got)
	}
	if e.Rescaled || num.Format(e.Weight, 2) != "100.00" {
		t.Errorf("weights %s, rescaled %v", num.Format(e.Weight, 2), e.Rescaled)
	}
	want := map[string]string{"产出指标": "50.00/50", "效益指标": "28.50/30", "满意度指标": "9.83/10"}
	for _, g := range e.Groups {
		if got := num.Format(g.Score, 2) + "/" + g.Weight.RatString(); got != want[g.Name] {
			t.Errorf("%s subtotal %s, want %s", g.Name, got, want[g.Name])
		}
	}
	if !strings.Contains(e.ExecutionFormula, "191,610.70") || !strings.Contains(e.Indicators[2].Outcome.Formula, "88.5 ÷ 90.00 × 10 = 9.83") {
		t.Errorf("formulas do not show their inputs: %q / %q", e.ExecutionFormula, e.Indicators[2].Outcome.Formula)
	}
}

func edit(t *testing.T, dir, file, old, new string) {
	t.Helper()
	p := filepath.Join(dir, file)
	data, err := os.ReadFile(p)
	if err != nil && old != "" {
		t.Fatal(err)
	}
	if old == "" {
		data = append(data, new...)
	} else {
		if !strings.Contains(string(data), old) {
			t.Fatalf("%s lacks %q", file, old)
		}
		data = []byte(strings.Replace(string(data), old, new, 1))
	}
	os.WriteFile(p, data, 0o644)
}

const results = "2021/dkb/projects/110-0303-JBN-1VKY.results.yaml"

// TestNotApplicableRescales drops 平台升级 (weight 30): 9.12 + 50.00 + 9.83 =
// 68.95 of 70 weights, rescaled × 100 ÷ 70 = 98.50.
func TestNotApplicableRescales(t *testing.T) {
	dir := testutil.CopyContent(t)
	edit(t, dir, results, "      achievement: 达成\n      share: 95\n", "      not_applicable: 合同顺延至次年，本年度不考核\n")
	e := evaluationOf(t, dir)
	if got := summary(e); got != "9.12 50.00 n/a 9.83 = 98.50 优" || !e.Rescaled {
		t.Errorf("evaluation %s (rescaled %v)", got, e.Rescaled)
	}
}

// TestRuleChangesScore changes the rules for the year: execution weighs 20,
// 产出 40; a stricter grade scale; the linear reverse formula.
// Execution 91.24% × 20 = 18.25; 资金使用规范性 40; 平台 28.50; 满意度 9.83;
// total 96.58, which the stricter scale grades 良.
func TestRuleChangesScore(t *testing.T) {
	dir := testutil.CopyContent(t)
	before := summary(evaluationOf(t, dir))
	edit(t, dir, "2021/rules.yaml", "", `evaluation:
  execution_weight: 20
  grades:
    - {name: 优, min: 97}
    - {name: 良, min: 85}
    - {name: 中, min: 60}
    - {name: 差, min: 0}
framework:
  - name: 产出指标
    weight: 40
    level2: [{name: 数量指标}, {name: 质量指标}, {name: 时效指标}, {name: 成本指标}]
  - name: 效益指标
    aliases: [效果指标]
    weight: 30
    level2: [{name: 社会效益指标}, {name: 可持续影响指标, aliases: [可持续性影响]}]
  - name: 满意度指标
    weight: 10
    level2: [{name: 服务对象满意度指标}]
`)
	after := summary(evaluationOf(t, dir))
	if after != "18.25 40.00 28.50 9.83 = 96.58 良" {
		t.Errorf("after the rule change %s (before %s)", after, before)
	}
}

// TestMonitoringSnapshot: by 30 June 60,661.50 of 210,000.00 is 28.89%;
// progress 28.89% ÷ (6 ÷ 12) = 57.77%: red; against the plan's 30.00%
// the deviation is −1.11 points, within the tolerance.
func TestMonitoringSnapshot(t *testing.T) {
	p := loadSite(t, testutil.ContentDir())[0].Projects[0]
	if len(p.Monitoring) != 1 {
		t.Fatalf("%d monitorings", len(p.Monitoring))
	}
	m := p.Monitoring[0]
	got := []string{m.Spent.Yuan(), num.Format(m.ExecutionRate, 2), num.Format(m.Progress, 2), m.Status.Word(), num.Format(m.Deviation, 2)}
	want := []string{"60,661.50", "28.89", "57.77", "滞后", "-1.11"}
	if strings.Join(got, " ") != strings.Join(want, " ") || m.Behind {
		t.Errorf("monitoring %v (behind %v), want %v", got, m.Behind, want)
	}
	if m.Outlooks[1].Indicator == nil || m.Outlooks[1].Outlook.Outlook != "有可能" {
		t.Error("outlook not tied to its indicator")
	}
	// The checkpoints carry their lights too: 3月底 0.60% ÷ 3/12 = 2.40% red,
	// 10月底 54.64% ÷ 10/12 = 65.57% yellow, 12月底 91.24% green.
	lights := ""
	for _, c := range p.Checkpoints {
		lights += c.Status.Word() + " "
	}
	if lights != "滞后 滞后 关注 正常 " {
		t.Errorf("checkpoint lights %s", lights)
	}
	d := loadSite(t, testutil.ContentDir())[0]
	if d.Grades[0].Name != "优" || d.Grades[0].Count != 1 || d.Lights[0].Count != 1 {
		t.Errorf("department counts %v %v", d.Grades, d.Lights)
	}
}

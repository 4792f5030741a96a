package realforms_test

import (
	"math/big"
	"os"
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
	"disclose/generator/rules"
	"disclose/generator/score"
)

// targetsDir holds the target forms 08–16 and the department-wide
// self-evaluations 17, 18 of shared/forms, each as a department of its own,
// written as published (see each department.yaml for the form and its cut).
const targetsDir = "testdata/targets"

// diagWant is a diagnostic by its code and a piece of its message.
type diagWant struct{ code, text string }

// evalWant is a department's own self-evaluation as derive computes it.
type evalWant struct {
	sum, weight, total, grade string
	groups                    []string          // "name weight score"
	levels                    map[string]string // "一级" or "一级/二级" → weight the sheet reads
}

type targetCase struct {
	form, dir string
	// What load gives: projects, indicator rows (projects' or the
	// department's) and levels.
	projects, indicators, levels int
	// rows: indicator name → operator symbol + target, to show operators
	// split from glued values and kept as printed.
	rows map[string]string
	// budget is the derived department budget (sum of project totals) in
	// 万元 at the source's places.
	budget string
	// want are the diagnostics that remain: each a true problem of the
	// published form, or of the stored text being cut.
	want []diagWant
	// toolErrors are errors the tool reports on this legitimate form; while
	// any is reported the check part is skipped, naming fix.
	toolErrors []diagWant
	fix        string
	eval       *evalWant
}

var targetCases = []targetCase{
	{form: "08", dir: "2021/f08", projects: 1, indicators: 9, budget: "6.30",
		// 63人 × 1000元/人 = 63000元 = 6.30万元.
		rows: map[string]string{"对符合政策法规的独生子伤残、死亡家庭进行扶助": "=63人", "受益群众满意度": "≥90%", "实现社会稳定和谐发展": "文字描述长期"}},
	{form: "09", dir: "2023/f09", projects: 1, indicators: 7, levels: 4, budget: "250",
		rows: map[string]string{"雾炮车风炮射程": "≥80M", "服务周期": "文字描述2023.07-2024.01", "控制在预算成本内": "=250万"}},
	{form: "10", dir: "2025/f10", projects: 1, indicators: 8, budget: "438.768",
		// 438.768万元 vs 6962人 × 780元 × 20% = 108.6072万元: does not
		// reconcile, but no check can prove it (no warning expected).
		rows: map[string]string{"小学就读人数": "≤6962人", "义务教育小学生均公用经费": "=780元/生/年", "学生受益情况": "=100%"}},
	{form: "11", dir: "2022/f11", projects: 1, indicators: 12, budget: "854",
		// 400 + 295 + 159 = 854 (budget lines reconcile, no budget-sum).
		rows: map[string]string{"项目(工程)完成及时率": "≥100%", "财政资金补助": "=1600元/亩", "年增粮食": "=3500公斤"}},
	{form: "12", dir: "2018/f12", projects: 1, indicators: 16, budget: "10",
		// 60 × 475 + 4 × 2875 + 20 × 3000 = 100000元 = 10万元. The name
		// "…达标率100%" against ">=98%" is not reported (no such check).
		rows: map[string]string{"流转土地补助标准": "≤475元/亩", "乡村旅游带动增加贫困人口收入(≥**万元)": "≥2.61万元", "*贫困地区旅游基础设施建设质量达标率100%": "≥98%"},
		want: []diagWant{
			{"placeholder", "贫困地区旅游景点开发数量( ≥**个 )"},
			{"placeholder", "贫困地区基础设施建设按期完成率(≥**%)"},
			{"placeholder", "乡村旅游带动增加贫困村收入(≥**万元)"},
			{"placeholder", "乡村旅游带动增加贫困人口收入(≥**万元)"},
			{"placeholder", "贫困地区乡村旅游开发景点接待游客数量(≥**人)"},
			{"placeholder", "受益建档立卡贫困人口数≥**人"},
			{"placeholder", "旅游行业经营主体满意度(≥**%)"},
			{"placeholder", "参与旅游扶贫项目贫困群众满意度(≥**%)"},
			{"placeholder", "旅游区居民满意度(≥**%)"},
			{"placeholder", "游客满意度(≥**%)"},
		}},
	{form: "13", dir: "2023/f13", projects: 1, indicators: 1, levels: 4, budget: "65",
		rows: map[string]string{"项目建设成本": "≤65万元"}},
	{form: "14", dir: "2019/901001033", indicators: 6, budget: "0.00",
		// "1" for a lost 90% / 100% kept as 1; 基本支出 171.41 for 110.61 in
		// 年度履职目标 cannot be written (no key), so nothing reports it.
		rows: map[string]string{"调研、督促、指导志、鉴、地情编纂的县(市、区)的覆盖率": "=1", "按年度发放绩效奖、文明奖、综治平安奖、应休未休补贴": "≥60%"}},
	{form: "15", dir: "2026/316", indicators: 13, budget: "0.00",
		rows: map[string]string{"保障在职职工人数(人)": "=116人", "工资发放准确性(%)": "≥95%", "林业产业(万亩)": "=0.5万亩"}},
	{form: "16", dir: "2021/f16", budget: "0.00",
		// 7242318 + 243.96 = 7242561.96 ≠ 968.1918 (724.2318 was meant).
		want: []diagWant{{"budget-rows-sum", "7242561.9600万元，与总额 968.1918万元 不符（相差 7241593.7682万元）"}}},
	{form: "17", dir: "2023/f17", indicators: 5, levels: 4, budget: "0.00",
		// Rows 1–5 of a 100-point sheet (cut in row 6): 15 of 100.
		want: []diagWant{{"weight-total", "分值合计 15（预算执行率 0 + 指标 15），不是 100"}},
		eval: &evalWant{sum: "15.00", weight: "15.00", total: "15.00", grade: "", // cut at 15 of 100 points: not graded
			groups: []string{"规划 15.00 15.00"},
			levels: map[string]string{"规划": "15", "规划/基础信息": "3", "规划/工作计划": "6", "规划/绩效目标": "6"}}},
	{form: "18", dir: "2017/f18", indicators: 8, levels: 5, budget: "0.00",
		// Cut in row 9: 过程 40 shows 15 + 3, 预算管理 15 shows 3.
		want: []diagWant{
			{"weight-sum", "过程各行分值之和为 18，应为 40"},
			{"weight-sum", "过程／预算管理各行分值之和为 3，应为 15"},
			{"weight-total", "分值合计 33（预算执行率 0 + 指标 33），不是 100"},
		},
		eval: &evalWant{sum: "32.00", weight: "33.00", total: "32.00", grade: "", // cut at 33 of 100 points: not graded
			groups: []string{"投入 15.00 15.00", "过程 18.00 17.00"},
			levels: map[string]string{"投入": "15", "投入/预算配置": "15", "过程": "40", "过程/预算执行": "15", "过程/预算管理": "15"}}},
}

type loaded struct {
	site    *model.Site
	diags   []diag.Diagnostic
	derived []*derive.Department
}

var loadTargets = sync.OnceValue(func() loaded {
	site, diags := load.Site(targetsDir)
	check.Site(site, diags)
	return loaded{site: site, diags: diags.Sorted(), derived: derive.Site(site)}
})

func department(t *testing.T, l loaded, dir string) (*model.Department, *derive.Department) {
	t.Helper()
	for i, d := range l.site.Departments {
		if filepath.ToSlash(d.Dir) == targetsDir+"/"+dir {
			return d, l.derived[i]
		}
	}
	t.Fatalf("no department in %s", dir)
	return nil, nil
}

// diagsIn are the diagnostics about files in the department's folder.
func diagsIn(l loaded, dir string) []diag.Diagnostic {
	prefix := targetsDir + "/" + dir + "/"
	var out []diag.Diagnostic
	for _, d := range l.diags {
		if strings.HasPrefix(filepath.ToSlash(d.File), prefix) {
			out = append(out, d)
		}
	}
	return out
}

func matches(d diag.Diagnostic, w diagWant) bool {
	return d.Code == w.code && strings.Contains(d.Message, w.text)
}

func TestTargetForms(t *testing.T) {
	l := loadTargets()
	for _, d := range l.diags {
		if !strings.HasPrefix(filepath.ToSlash(d.File), targetsDir+"/20") {
			t.Errorf("diagnostic outside the departments: %s", d)
		}
	}
	for _, c := range targetCases {
		t.Run(c.form, func(t *testing.T) {
			d, dd := department(t, l, c.dir)
			t.Run("load", func(t *testing.T) { loadCase(t, c, d) })
			t.Run("check", func(t *testing.T) { checkCase(t, c, diagsIn(l, c.dir)) })
			t.Run("derive", func(t *testing.T) { deriveCase(t, c, d, dd) })
		})
	}
}

func loadCase(t *testing.T, c targetCase, d *model.Department) {
	rows, levels := d.Indicators, d.Levels
	if len(d.Projects) != c.projects {
		t.Fatalf("%d projects, want %d", len(d.Projects), c.projects)
	}
	if c.projects == 1 {
		rows, levels = d.Projects[0].Indicators, d.Projects[0].Levels
	}
	if len(rows) != c.indicators || len(levels) != c.levels {
		t.Errorf("%d indicator rows and %d levels, want %d and %d", len(rows), len(levels), c.indicators, c.levels)
	}
	found := 0
	for i := range rows {
		in := &rows[i]
		if want, ok := c.rows[in.Name]; ok {
			found++
			if got := in.Operator.Kind.Symbol() + in.Target(); got != want {
				t.Errorf("%s: %q, want %q", in.Name, got, want)
			}
		}
	}
	if found != len(c.rows) {
		t.Errorf("found %d of the %d rows named in the case", found, len(c.rows))
	}
}

func checkCase(t *testing.T, c targetCase, got []diag.Diagnostic) {
	for _, w := range c.toolErrors {
		for _, d := range got {
			if matches(d, w) {
				t.Skipf("form %s is legitimate but check reports %s; needs: %s", c.form, d, c.fix)
			}
		}
	}
	used := make([]bool, len(c.want))
next:
	for _, d := range got {
		for i, w := range c.want {
			if !used[i] && matches(d, w) {
				used[i] = true
				continue next
			}
		}
		t.Errorf("unexpected: %s", d)
	}
	for i, w := range c.want {
		if !used[i] {
			t.Errorf("missing %s: %q", w.code, w.text)
		}
	}
}

func deriveCase(t *testing.T, c targetCase, d *model.Department, dd *derive.Department) {
	places := 2
	if _, frac, ok := strings.Cut(c.budget, "."); ok {
		places = len(frac)
	} else {
		places = 0
	}
	if got := dd.Budget.Wan(places); got != c.budget {
		t.Errorf("department budget %s万元, want %s", got, c.budget)
	}
	if c.eval == nil {
		if dd.Evaluation != nil {
			t.Errorf("an evaluation for a form without one")
		}
		return
	}
	e := dd.Evaluation
	if e == nil {
		t.Fatal("no department evaluation derived")
	}
	f := func(r *big.Rat) string {
		if r == nil {
			return "—"
		}
		return num.Format(r, 2)
	}
	if f(e.Sum) != c.eval.sum || f(e.Weight) != c.eval.weight || f(e.Total) != c.eval.total || e.Grade != c.eval.grade || !e.Complete || e.Rescaled {
		t.Errorf("sum %s weight %s total %s grade %q complete %v rescaled %v, want %s %s %s %q complete, not rescaled",
			f(e.Sum), f(e.Weight), f(e.Total), e.Grade, e.Complete, e.Rescaled, c.eval.sum, c.eval.weight, c.eval.total, c.eval.grade)
	}
	if e.ExecutionWeight.Sign() != 0 || (e.ExecutionScore != nil && e.ExecutionScore.Sign() != 0) {
		t.Errorf("execution weight %s score %s, want none (the sheet has no execution part)", f(e.ExecutionWeight), f(e.ExecutionScore))
	}
	var groups []string
	for _, g := range e.Groups {
		groups = append(groups, g.Name+" "+f(g.Weight)+" "+f(g.Score))
	}
	if strings.Join(groups, "; ") != strings.Join(c.eval.groups, "; ") {
		t.Errorf("groups %q, want %q", groups, c.eval.groups)
	}
	// Every printed score is what the rules give: a rubric row has no
	// target, so its printed score (资金结余 2 of 3 too) is its score.
	for _, is := range e.Indicators {
		if is.Published == nil || is.Score == nil || is.Published.Rat().Cmp(is.Score) != 0 {
			t.Errorf("%s: published %v, computed %s", is.Name, is.Published, f(is.Score))
		}
	}
	if len(e.Findings) != 0 {
		t.Errorf("findings %+v, want none", e.Findings)
	}
	// The weights printed in the labels are read and each 二级's rows add
	// up to its weight (17: 3 = 3, 6 = 3 + 3, 6 = 4 + 2; 18: 15 = 5 + 5 +
	// 5, 15 = 3 + 3 + 3 + 6).
	for key, want := range c.eval.levels {
		l1, l2, _ := strings.Cut(key, "/")
		w := score.LevelWeight(l1, l2, d.Indicators, d.Levels, d.Rules)
		if w == nil || num.Format(w, 0) != want {
			t.Errorf("level %s weight %v, want %s", key, w, want)
		}
	}
	for _, key := range []string{"规划/基础信息", "规划/工作计划", "规划/绩效目标", "投入/预算配置", "过程/预算执行"} {
		if want, ok := c.eval.levels[key]; ok {
			l1, l2, _ := strings.Cut(key, "/")
			sum := new(big.Rat)
			for _, is := range e.Indicators {
				n2, _ := rules.SplitLabel(is.Level2)
				if is.Category == l1 && n2 == l2 {
					sum.Add(sum, is.Weight)
				}
			}
			if num.Format(sum, 0) != want {
				t.Errorf("%s rows add up to %s, want %s", key, num.Format(sum, 2), want)
			}
		}
	}
}

// TestTargetFormsNeedNoFiller: a department that publishes only a
// self-evaluation sheet (17) has no 总体绩效目标 and no 工作保障措施; it
// loads and checks clean without them.
func TestTargetFormsNeedNoFiller(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, filepath.Join(targetsDir, "site.yaml"), filepath.Join(dir, "site.yaml"))
	copyFile(t, filepath.Join(targetsDir, "2023", "f17", "department.yaml"), filepath.Join(dir, "2023", "f17", "department.yaml"))
	site, diags := load.Site(dir)
	check.Site(site, diags)
	var errs []string
	for _, d := range diags.Sorted() {
		if d.Severity == diag.Error {
			errs = append(errs, d.Code+" "+d.Message)
		}
	}
	if len(errs) > 0 {
		t.Errorf("a department that publishes only one form is refused without filler narratives: %s", strings.Join(errs, "; "))
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

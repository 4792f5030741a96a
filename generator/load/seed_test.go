package load_test

import (
	"strings"
	"testing"

	"disclose/generator/internal/testutil"
	"disclose/generator/load"
	"disclose/generator/model"
)

// row is an indicator row as the source document prints it.
type row struct{ level1, level2, name, description, operator, value, unit, basis string }

// The 部门整体绩效指标 table of the source document, row by row. Leading
// ideographic spaces that Word left in the last row's cells are dropped.
var seedDepartmentRows = []row{
	{"产出指标", "成本指标", "资金使用规范性", "专项资金使用符合有关规定，合理高效", "文字描述", "", "合理规范", "《督查考核办公室财务管理制度》"},
	{"产出指标", "质量指标", "平台验收通过率", "平台升级建设情况顺利通过验收", "=", "100", "%", "专家组评估报告"},
	{"产出指标", "数量指标", "暗访次数", "督导检查、明察暗访出问题数量", ">=", "2", "次", "《高新区督考办2021年工作要点》"},
	{"效果指标", "社会效益指标", "平台建设维护情况", "续建情况达到合同规定要求", "文字描述", "", "达标", "《督查考核智能化升级合同》《督查考核平台软件维护合同》"},
	{"效果指标", "社会效益指标", "督查结果影响", "督查结果发挥实际作用", "文字描述", "", "纳入考核", "《高新区关于开展全区重点工作大督查的实施方案》"},
	{"效果指标", "可持续性影响", "考核结果影响", "能够通过年度考核长期较好地开展各项工作，长期满足高新区发展的需求", "文字描述", "", "满足", "《承德高新技术产业开发区2021年绩效考核办法》"},
	{"满意度指标", "服务对象满意度指标", "使用者满意度", "区直部门使用平台满意度", "文字描述", "", "满意", "督考平台使用情况及改进意见征集情况"},
	{"满意度指标", "服务对象满意度指标", "考核情况评价", "全区对2021年度考核工作满意度评价", "文字描述", "", "满意", "《承德高新技术产业开发区2021年绩效考核办法》"},
	{"满意度指标", "服务对象满意度指标", "群众评议及反馈达到及时整改", "群众评议及反馈达到及时整改", "文字描述", "", "及时满意", "《高新区督考办2021年工作要点》"},
}

// The project's indicator table.
var seedProjectRows = []row{
	{"产出指标", "成本指标", "资金使用规范性", "专项资金使用情况符合有关规定", "文字描述", "", "资金使用规范，符合相关制度",
		"《督查考核办公室财务管理制度》中要求的“各项开支必须执行“节约开支、先批后支”的原则，费用开支严格按照《承德高新区区属机关单位经费支出管理办法》执行”等内容。"},
	{"效果指标", "社会效益指标", "平台升级情况是否达标", "升级情况达到合同规定要求", "文字描述", "", "达标",
		"《督查考核智能化升级合同》项目需求：通过对现有模块进行升级，进而实现管理精细化、督考科学化、服务专业化"},
	{"满意度指标", "服务对象满意度指标", "使用者满意度", "区直部门使用情况满意度", ">=", "90.00", "%", "督考平台使用情况及改进意见征集情况"},
}

func compareRows(t *testing.T, table string, got []model.Indicator, want []row) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d rows, want %d", table, len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		have := row{g.Level1, g.Level2, g.Name, g.Description, g.Operator.Raw, g.Value, g.Unit, g.Basis}
		if have != w {
			t.Errorf("%s row %d:\n got %q\nwant %q", table, i+1, have, w)
		}
	}
}

func TestSeedContent(t *testing.T) {
	site, diags := load.Site(testutil.ContentDir())
	if diags.HasErrors() {
		t.Fatalf("sample content does not load: %v", diags.Sorted())
	}
	if len(site.Departments) != 3 { // 2021 and its illustrative 2022 and 2023
		t.Fatalf("%d departments, want 3", len(site.Departments))
	}
	d := site.Departments[0]
	if d.Name != "督查考核办公室" || d.Year != 2021 || d.Title != "2021年部门整体绩效目标" {
		t.Errorf("department %q %d %q", d.Name, d.Year, d.Title)
	}
	wantSub := []string{
		"确保重要工作、部署、事项及领导重要指示得到贯彻落实。",
		"激发干部干事创业的积极性，增强工作落实力度。",
		"保障机关正常工作,高效运转。",
		"督查考核智能化平台使用情况达到预期，获得试用单位满意，及时解决出现问题，进一步增强督查考核时效。",
	}
	if len(d.SubTargets) != len(wantSub) {
		t.Fatalf("sub-targets %q", d.SubTargets)
	}
	for i := range wantSub {
		if d.SubTargets[i] != wantSub[i] {
			t.Errorf("sub-target %d %q, want %q", i+1, d.SubTargets[i], wantSub[i])
		}
	}
	compareRows(t, "部门整体绩效指标", d.Indicators, seedDepartmentRows)
	if d.MeasuresTitle != "四、工作保障措施" {
		t.Errorf("measures heading %q", d.MeasuresTitle)
	}
	if d.SpecialFunds.Explanation != "我部门2021年无专项资金预算，特此说明。" || len(d.SpecialFunds.Funds) != 0 {
		t.Errorf("special funds %+v", d.SpecialFunds)
	}

	if len(d.Projects) != 1 {
		t.Fatalf("%d projects, want 1", len(d.Projects))
	}
	p := d.Projects[0]
	if p.Code != "110-0303-JBN-1VKY" || p.Name != "督查考核专项经费" || p.Total.Fen != 210_000_00 {
		t.Errorf("project %q %q %d fen", p.Code, p.Name, p.Total.Fen)
	}
	if len(p.Funds) != 1 || p.Funds[0].Kind != "一般公共预算" || p.Funds[0].Amount.Fen != 210_000_00 {
		t.Errorf("funds %+v", p.Funds)
	}
	wantLines := []struct {
		name string
		fen  int64
	}{{"项目推进模块软件升级", 160_000_00}, {"软件维护", 40_000_00}, {"全区考核工作经费", 10_000_00}}
	if len(p.BudgetLines) != len(wantLines) {
		t.Fatalf("budget lines %+v", p.BudgetLines)
	}
	for i, w := range wantLines {
		if l := p.BudgetLines[i]; l.Name != w.name || int64(l.Amount.Fen) != w.fen {
			t.Errorf("budget line %d: %q %d fen, want %q %d", i+1, l.Name, l.Amount.Fen, w.name, w.fen)
		}
	}
	wantPlan := []struct{ label, date, percent string }{
		{"3月底", "2021-03-31", "0.00"}, {"6月底", "2021-06-30", "30.00"}, {"10月底", "2021-10-31", "60.00"}, {"12月底", "2021-12-31", "90.00"},
	}
	if len(p.Plan) != len(wantPlan) {
		t.Fatalf("plan %+v", p.Plan)
	}
	for i, w := range wantPlan {
		c := p.Plan[i]
		if c.Label != w.label || c.Date.String() != w.date || c.Percent.String() != w.percent {
			t.Errorf("checkpoint %d: %q %s %s, want %v", i+1, c.Label, c.Date, c.Percent, w)
		}
	}
	wantTargets := [][2]string{
		{"目标1", "对现有系统进行升级续建，保证系统高效运行"},
		{"目标2", "进一步实现督查考核工作网上办公，为促进项目落实、考核绩效提供便利"},
	}
	for i, w := range wantTargets {
		if i >= len(p.Targets) || p.Targets[i].Label != w[0] || p.Targets[i].Text != w[1] {
			t.Errorf("target %d: %+v, want %v", i+1, p.Targets, w)
		}
	}
	compareRows(t, "项目绩效指标", p.Indicators, seedProjectRows)
	if p.Purpose != "此工作活动专项事务资金21万元，一般公共预算21万元，其中项目推进模块软件升级费用16万元，软件维护费4万元，全区考核工作经费1万元。" {
		t.Errorf("purpose %q", p.Purpose)
	}
	for _, s := range []string{"基本情况：督查考核专项经费工作活动属于部门督查科、考核科职责之内。", "平台续建情况是否达标，，对应目标2", "目标1 是对现有系统"} {
		if !contains(p.Description.Text, s) {
			t.Errorf("项目说明 lacks %q", s)
		}
	}
	for _, s := range []string{"一是抓好决策督查", "六是提升部门服务保障能力", "保证行政工作高效有序运行。"} {
		if !contains(d.OverallGoal.Text, s) {
			t.Errorf("总体绩效目标 lacks %q", s)
		}
	}
	for _, s := range []string{"（一）加强领导，落实责任。", "（二）强化督查，狠抓落实。", "（三）加强监管，确保资金运行安全高效。", "“突击花钱”、“以拨代支”"} {
		if !contains(d.Measures.Text, s) {
			t.Errorf("工作保障措施 lacks %q", s)
		}
	}
	if len(d.Spending) != 1 || !d.Spending[0].Illustrative {
		t.Errorf("spending files %+v: the sample records must be marked illustrative", d.Spending)
	}
	if n := len(d.Records); n < 20 || n > 40 {
		t.Errorf("%d illustrative records, want 20–40", n)
	}
	refunds := 0
	for _, r := range d.Records {
		if r.Amount < 0 {
			refunds++
		}
	}
	if refunds != 1 {
		t.Errorf("%d refunds, want 1", refunds)
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

package model

import (
	"disclose/generator/diag"
	"disclose/generator/money"
	"disclose/generator/num"
)

// Project is a funded budget project (预算项目) with its performance
// targets: the 项目支出绩效目标表 of one project.
type Project struct {
	diag.Source `yaml:"-"`
	Code        string       `yaml:"code" title:"项目编码" req:"true" key:"true" desc:"预算系统中的项目编码，文件名须与之相同。"`
	Name        string       `yaml:"name" title:"项目名称" req:"true"`
	Previous    string       `yaml:"previous" title:"上年项目编码" desc:"项目改了编码时填上年的编码，与上年对比时视为同一项目。"`
	Template    string       `yaml:"template" title:"项目绩效模板" desc:"可留空。"`
	Category    string       `yaml:"category" title:"项目类别" desc:"按文件原样，如 其他类、基础设施建设类。"`
	Supervisor  string       `yaml:"supervisor" title:"主管部门" desc:"按文件原样，可带编码，如 (433)县农业农村局。"`
	Implementer string       `yaml:"implementer" title:"实施单位" desc:"按文件原样，可带编码。"`
	Office      string       `yaml:"office" title:"归口科室"`
	Manager     string       `yaml:"manager" title:"项目负责人" desc:"按文件原样，可带电话。"`
	Origin      string       `yaml:"published_in" title:"公开来源" desc:"本项目内容所依据的公开文件：标题、发布机构或网址，页面和报告照录。"`
	Total       money.Amount `yaml:"total" title:"项目资金总额（万元）" req:"true" desc:"单位：万元；按元公开的写 215457.60元。预算明细之和、资金来源之和均应等于此数。年中新增的项目可以为 0。"`
	Funds       []Fund       `yaml:"funds" title:"资金来源" desc:"按资金性质列出，如 一般公共预算；自评表等没有列出的可不填。"`
	Purpose     string       `yaml:"purpose" title:"资金用途" desc:"按文件原样的文字说明。"`
	BudgetLines []BudgetLine `yaml:"budget_lines" title:"预算明细" desc:"资金用途的各项明细及金额（万元）；不填时支出记录不按用途核对。"`
	Plan        []Checkpoint `yaml:"plan" title:"资金支出计划（累计进度%）" desc:"各时间节点的累计支出进度，按时间顺序；不填时不计算计划偏差。"`
	Targets     []Target     `yaml:"targets" title:"绩效目标" desc:"年度总体目标，按文件原样分条。"`
	Levels      []Level      `yaml:"levels" title:"指标分值" desc:"本项目一级（和二级）指标的分值，覆盖年度规则，如 产出指标 60、效益指标 30；文件中没有三级指标的二级指标也在此列出。"`
	Indicators  []Indicator  `yaml:"indicators" title:"绩效指标" req:"true"`

	// File is the YAML file the project was read from.
	File string `yaml:"-"`
	// Description is the 项目说明 narrative, from the Markdown file beside it.
	Description Markdown `yaml:"-"`
	// Results are the monitoring and self-evaluation, when CODE.results.yaml
	// exists.
	Results *Results `yaml:"-"`
}

// Fund is one source of a project's money (资金来源), e.g. 一般公共预算.
type Fund struct {
	diag.Source `yaml:"-"`
	Kind        string       `yaml:"source" title:"资金性质" req:"true" key:"true" desc:"如 一般公共预算、政府性基金预算、其他资金。"`
	Amount      money.Amount `yaml:"amount" title:"金额（万元）" req:"true"`
}

// BudgetLine is one use of a project's money (预算明细) with its amount.
type BudgetLine struct {
	diag.Source `yaml:"-"`
	Name        string       `yaml:"name" title:"用途" req:"true" key:"true" desc:"支出记录中的“资金用途”须与此名称一致。"`
	Amount      money.Amount `yaml:"amount" title:"金额（万元）" req:"true"`
}

// Checkpoint is one point of the cumulative spending plan (资金支出计划),
// e.g. 6月底 → 30.00%.
type Checkpoint struct {
	diag.Source `yaml:"-"`
	Label       string      `yaml:"label" title:"时间节点" req:"true" key:"true" desc:"按文件原样，如 3月底。"`
	Date        Date        `yaml:"date" title:"日期" req:"true" desc:"时间节点对应的日期，如 2021-03-31。"`
	Percent     num.Decimal `yaml:"percent" title:"累计进度（%）" req:"true" desc:"到该日期累计支出占项目资金总额的百分比，如 30.00。"`
}

// Target is one performance target (绩效目标) of a project, e.g. 目标1.
type Target struct {
	diag.Source `yaml:"-"`
	Label       string `yaml:"label" title:"目标编号" req:"true" key:"true" desc:"如 目标1。"`
	Text        string `yaml:"text" title:"目标内容" req:"true"`
}

// Budgets returns the project's initial and adjusted budget (年初预算数,
// 全年预算数): as its results give them, else its total.
func (p *Project) Budgets() (initial, adjusted money.Fen) {
	initial, adjusted = p.Total.Fen, p.Total.Fen
	if p.Results != nil {
		if b := p.Results.Budget.Initial; b != nil {
			initial = b.Fen
		}
		if b := p.Results.Budget.Adjusted; b != nil {
			adjusted = b.Fen
		}
	}
	return initial, adjusted
}

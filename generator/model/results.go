package model

import (
	"disclose/generator/diag"
	"disclose/generator/money"
	"disclose/generator/num"
)

// Results are a project's in-year monitoring (绩效运行监控) and year-end
// self-evaluation (绩效自评), read from projects/CODE.results.yaml beside the
// targets. They come later in the year than the targets and are published
// with the final accounts, hence a file of their own.
type Results struct {
	diag.Source  `yaml:"-"`
	Illustrative bool          `yaml:"illustrative" title:"示例数据" desc:"true 表示这些结果是示意，页面和报告会标注“示例数据”。"`
	Note         string        `yaml:"note" title:"说明" desc:"数据来源或口径说明，随结果一起展示。"`
	Budget       BudgetFigures `yaml:"budget" title:"预算数" desc:"年初预算数和全年预算数（调整后），万元；不填时都等于项目资金总额。"`
	Monitoring   []Snapshot    `yaml:"monitoring" title:"绩效运行监控" desc:"年中各次监控，每次一个日期和各指标的完成预判。"`
	Evaluation   *Evaluation   `yaml:"evaluation" title:"绩效自评" desc:"年终自评：各指标的实际完成值、偏差原因分析及改进措施。"`

	// File is the YAML file the results were read from.
	File string `yaml:"-"`
}

// BudgetFigures are the initial and the adjusted budget (年初预算数,
// 全年预算数) of a project or a department.
type BudgetFigures struct {
	diag.Source `yaml:"-"`
	Initial     *money.Amount `yaml:"initial" title:"年初预算数（万元）"`
	Adjusted    *money.Amount `yaml:"adjusted" title:"全年预算数（万元）" desc:"调整后的预算数，执行率以此为分母。"`
}

// Snapshot is one in-year monitoring (绩效运行监控) at a date.
type Snapshot struct {
	diag.Source `yaml:"-"`
	Date        Date      `yaml:"date" title:"监控日期" req:"true" key:"true" desc:"如 2021-06-30。"`
	Label       string    `yaml:"label" title:"名称" desc:"如 年中监控。"`
	Indicators  []Outlook `yaml:"indicators" title:"指标完成预判" req:"true"`
}

// Outlook is the monitoring answer for one indicator: will its target be
// met (确定能 / 有可能 / 完全不可能), and if not surely, why and what is done.
type Outlook struct {
	diag.Source `yaml:"-"`
	Name        string `yaml:"name" title:"三级指标" req:"true" key:"true" desc:"与绩效指标表中的三级指标名称一致。"`
	Outlook     string `yaml:"outlook" title:"完成预判" req:"true" desc:"确定能、有可能 或 完全不可能。"`
	Actual      string `yaml:"actual" title:"当前实际值" desc:"监控日期时指标的实际值，如 86（单位同指标表），可选。"`
	Progress    string `yaml:"progress" title:"当前完成情况"`
	Cause       string `yaml:"cause" title:"原因分析" desc:"预判不是“确定能”时必填。"`
	Remedy      string `yaml:"remedy" title:"改进措施" desc:"预判不是“确定能”时必填。"`
}

// The monitoring answers.
const (
	OutlookSure     = "确定能"
	OutlookPossible = "有可能"
	OutlookNo       = "完全不可能"
)

// Evaluation is the year-end self-evaluation of a project.
type Evaluation struct {
	diag.Source `yaml:"-"`
	Explanation string   `yaml:"explanation" title:"预算执行说明" desc:"执行率低于规则中的阈值（默认 90%）时必填。"`
	Indicators  []Result `yaml:"indicators" title:"指标完成情况" req:"true"`
}

// Result is an indicator's actual value at the year's end (实际完成值).
type Result struct {
	diag.Source `yaml:"-"`
	Name        string `yaml:"name" title:"三级指标" req:"true" key:"true" desc:"与绩效指标表中的三级指标名称一致。"`
	Actual      string `yaml:"actual" title:"实际完成值" desc:"数值型指标写数字，如 92.5；时效指标可写日期；文字描述的指标写实际情况。"`
	// Achievement and Share score a qualitative indicator: the band
	// (达成/部分达成/未达成) and the evaluator's share of the weight inside it.
	Achievement string       `yaml:"achievement" title:"完成程度" desc:"文字描述（定性）指标必填：达成、部分达成 或 未达成。"`
	Share       *num.Decimal `yaml:"share" title:"得分比例（%）" desc:"评价人在完成程度区间内给出的得分比例，如 达成 为 80–100。"`
	Weight      *num.Decimal `yaml:"weight" title:"分值" desc:"本指标的分值；不填时取指标表中的分值，再不填时由一级指标的分值平均分配。"`
	Deviation   string       `yaml:"deviation" title:"偏差原因分析及改进措施" desc:"未完成目标时必填。"`
	// NotApplicable drops the indicator from the score, with the reason;
	// the other weights are rescaled to 100.
	NotApplicable string `yaml:"not_applicable" title:"不适用原因" desc:"填写后本指标不参与评分，其余分值折算为百分制。"`
}

// Achievement bands of a qualitative indicator.
const (
	Achieved          = "达成"
	PartiallyAchieved = "部分达成"
	NotAchieved       = "未达成"
)

package model

import (
	"strings"

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

// BudgetFigures are the money block of a self-evaluation or monitoring form
// as published: the initial and the adjusted budget (年初预算数, 全年预算数)
// and what was spent (全年执行数), with the "其中" rows under them.
type BudgetFigures struct {
	diag.Source `yaml:"-"`
	Initial     *money.Amount `yaml:"initial" title:"年初预算数（万元）" desc:"可以为 0（年中新增的项目）；按元公开的写 250000.00元。"`
	Adjusted    *money.Amount `yaml:"adjusted" title:"全年预算数（万元）" desc:"调整后的预算数，执行率以此为分母。"`
	Executed    *money.Amount `yaml:"executed" title:"全年执行数（万元）" desc:"按自评表公开的全年执行数；同时有支出记录时，检查会比较两者。不填时按支出记录合计。"`
	Rows        []BudgetRow   `yaml:"rows" title:"其中" desc:"资金总额下的分项，如 当年财政拨款、上年结转资金、其他资金，按文件原样。"`
}

// BudgetRow is one "其中" row of a money block: 其中：当年财政拨款, 上年结转资金,
// 其他资金, each with the same three figures as the total.
type BudgetRow struct {
	diag.Source `yaml:"-"`
	Name        string        `yaml:"name" title:"资金来源" req:"true" key:"true" desc:"按文件原样，如 当年财政拨款。"`
	Initial     *money.Amount `yaml:"initial" title:"年初预算数"`
	Adjusted    *money.Amount `yaml:"adjusted" title:"全年预算数"`
	Executed    *money.Amount `yaml:"executed" title:"全年执行数"`
}

// Snapshot is one in-year monitoring (绩效运行监控) at a date.
type Snapshot struct {
	diag.Source `yaml:"-"`
	Date        Date   `yaml:"date" title:"监控日期" req:"true" key:"true" desc:"如 2021-06-30。"`
	Label       string `yaml:"label" title:"名称" desc:"如 年中监控。"`
	// Executed and Projected are the money block of a monitoring form as
	// published; without Executed the spending records to the date count.
	Executed   *money.Amount `yaml:"executed" title:"1–N月执行数（万元）" desc:"按监控表公开的截至监控日期的执行数；不填时按支出记录合计。"`
	Projected  *money.Amount `yaml:"projected" title:"全年预计执行数（万元）"`
	Indicators []Outlook     `yaml:"indicators" title:"指标完成预判" req:"true"`
	Cause      string        `yaml:"cause" title:"偏差原因分析" desc:"整张监控表的偏差原因，按文件原样。"`
	Remedy     string        `yaml:"remedy" title:"完成目标可能性及改进措施" desc:"整张监控表的改进措施，按文件原样。"`
}

// Outlook is the monitoring answer for one indicator: will its target be
// met (确定能 / 有可能 / 完全不可能), and if not surely, why and what is done.
type Outlook struct {
	diag.Source `yaml:"-"`
	Name        string `yaml:"name" title:"三级指标" req:"true" key:"true" desc:"与绩效指标表中的三级指标名称一致。"`
	Outlook     string `yaml:"outlook" title:"完成预判" req:"true" desc:"确定能、有可能、不可能 或 完全不可能（也接受 能、可能、基本能、不能 等写法）。"`
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

// OutlookKind is what a monitoring answer means, whatever its wording.
type OutlookKind int

// The meanings of the monitoring answers.
const (
	OutlookUnknown OutlookKind = iota
	// Sure: 确定能 (the target will be met).
	Sure
	// Possible: 有可能 (it may be).
	Possible
	// Impossible: 不可能 / 完全不可能 (it will not be).
	Impossible
)

var outlookWordings = map[string]OutlookKind{
	"确定能": Sure, "能": Sure, "确定能完成": Sure, "能完成": Sure, "能够完成": Sure, "确定": Sure, "是": Sure, "确定能够完成": Sure,
	"有可能": Possible, "可能": Possible, "基本能": Possible, "有可能完成": Possible, "可能完成": Possible, "基本能完成": Possible, "较大可能": Possible,
	"完全不可能": Impossible, "不可能": Impossible, "不能": Impossible, "不能完成": Impossible, "无法完成": Impossible, "完全不可能完成": Impossible, "否": Impossible,
}

// KindOfOutlook reads a monitoring answer as forms word it.
func KindOfOutlook(s string) OutlookKind {
	return outlookWordings[strings.Join(strings.Fields(s), "")]
}

// Word is the answer's standard wording.
func (k OutlookKind) Word() string {
	return [...]string{"", OutlookSure, OutlookPossible, "不可能"}[k]
}

// Evaluation is the year-end self-evaluation of a project.
type Evaluation struct {
	diag.Source `yaml:"-"`
	Explanation string `yaml:"explanation" title:"预算执行说明" desc:"执行率低于规则中的阈值（默认 90%）时必填。"`
	// ExecutionWeight overrides the rules' weight of budget execution, as
	// a form prints it (20 in some transfer-payment forms).
	ExecutionWeight *num.Decimal `yaml:"execution_weight" title:"预算执行率分值" desc:"本表预算执行率的分值，覆盖规则中的默认值（10）。"`
	Indicators      []Result     `yaml:"indicators" title:"指标完成情况" req:"true"`
	Summary         string       `yaml:"summary" title:"年度总体目标完成情况" desc:"总体目标完成情况综述，按文件原样。"`
	Deviation       string       `yaml:"deviation" title:"偏差原因分析" desc:"整张自评表的偏差原因，按文件原样。"`
	Conclusion      string       `yaml:"conclusion" title:"评价结论"`
	Problems        string       `yaml:"problems" title:"存在问题"`
	Remedies        string       `yaml:"remedies" title:"改进措施"`
	Published       *Published   `yaml:"published" title:"自评表公布的得分" desc:"自评表上印出的执行率、得分、小计、总分和等级，按原样填写；与按规则计算的结果不同时，页面和检查会同时列出两者和公式。"`
}

// Published are the figures a self-evaluation form printed, kept as
// printed, so that they can be compared with what the rules give.
type Published struct {
	diag.Source    `yaml:"-"`
	ExecutionRate  *num.Decimal `yaml:"execution_rate" title:"执行率（%）" desc:"如 86.19。"`
	ExecutionScore *num.Decimal `yaml:"execution_score" title:"预算执行率得分"`
	Subtotals      []Subtotal   `yaml:"subtotals" title:"分项得分" desc:"表上印出的一级指标或其他部分（如 年度目标完成情况）的得分。"`
	Total          *num.Decimal `yaml:"total" title:"总分"`
	Grade          string       `yaml:"grade" title:"等级" desc:"如 优。"`
}

// Subtotal is a score a form printed for a part of the evaluation: a 一级
// category, or a part of its own such as 年度目标完成情况.
type Subtotal struct {
	diag.Source `yaml:"-"`
	Name        string       `yaml:"name" title:"名称" req:"true" key:"true" desc:"如 产出指标、年度目标完成情况。"`
	Weight      *num.Decimal `yaml:"weight" title:"分值"`
	Score       *num.Decimal `yaml:"score" title:"得分"`
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
	// Score is the score the form printed for the row (得分), kept as
	// printed; the computed score is shown beside it where they differ.
	Score *num.Decimal `yaml:"score" title:"得分（公布）" desc:"自评表上印出的本行得分，按原样。"`
	// Parts are the actual values of the indicator's "其中" sub-rows.
	Parts []PartResult `yaml:"parts" title:"其中"`
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

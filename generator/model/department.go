package model

import (
	"disclose/generator/diag"
	"disclose/generator/money"
	"disclose/generator/rules"
)

// Department is one department's disclosure for one year: the 部门整体绩效目标
// (narrative, sub-targets, indicator table, safeguards), the 专项资金 part and
// the 预算项目 part.
type Department struct {
	diag.Source    `yaml:"-"`
	Code           string         `yaml:"code" title:"部门编码" req:"true" key:"true" desc:"稳定的部门标识，目录名须与之相同。"`
	Name           string         `yaml:"name" title:"部门名称" req:"true"`
	Year           int            `yaml:"year" title:"年度" req:"true" key:"true" desc:"预算年度，目录名须与之相同。"`
	Publisher      string         `yaml:"publisher" title:"发布机构" req:"true"`
	Published      Date           `yaml:"published" title:"发布日期" req:"true" desc:"如 2021-03-01。"`
	Title          string         `yaml:"title" title:"标题" req:"true" desc:"如 2021年部门整体绩效目标。"`
	Origin         string         `yaml:"published_in" title:"公开来源" desc:"本部门内容所依据的公开文件：标题、发布机构或网址，页面和报告照录。"`
	SubTargets     []string       `yaml:"sub_targets" title:"分项绩效目标" desc:"每项一句，不含序号（页面自动编号 1、2、…）。"`
	Levels         []Level        `yaml:"levels" title:"指标分值" desc:"部门整体绩效指标各一级（和二级）指标的分值，覆盖年度规则；也可以是部门整体评价自己的类别，如 规划 15、执行 35。"`
	Indicators     []Indicator    `yaml:"indicators" title:"部门整体绩效指标" desc:"部门整体绩效目标表的指标；只公开项目表的部门可不填（页面列出空表并说明）。"`
	Evaluation     *Evaluation    `yaml:"evaluation" title:"部门整体绩效自评" desc:"部门整体支出绩效自评表：各指标的实际完成值、公布的得分等。"`
	MeasuresTitle  string         `yaml:"measures_heading" title:"工作保障措施标题" desc:"按文件原样，如 四、工作保障措施；默认 工作保障措施。"`
	SpecialFunds   SpecialFunds   `yaml:"special_funds" title:"专项资金绩效目标" desc:"不填时页面照列空表并说明未公开。"`
	Spending       []SpendingFile `yaml:"spending" title:"支出记录文件" desc:"本部门的支出记录 CSV 文件（相对于本目录）。"`
	Budget         BudgetFigures  `yaml:"budget" title:"部门预算数" desc:"部门整体的年初预算数和全年预算数（万元），可选；不填时按各项目合计。"`
	Illustrative   bool           `yaml:"illustrative" title:"示例数据" desc:"true 表示整个年度的内容是示意（如演示用的下一年度），页面和报告会标注“示例数据”。"`
	Note           string         `yaml:"illustrative_note" title:"示例数据说明" desc:"illustrative 为 true 时随标注展示的说明。"`
	RecordsThrough Date           `yaml:"records_through" title:"支出记录截至日期" desc:"支出记录统计到哪一天；晚于此日的计划节点不计算实际进度。不填则视为全年。"`

	// Dir is the department's folder and File its department.yaml.
	Dir  string `yaml:"-"`
	File string `yaml:"-"`
	// OverallGoal is the 总体绩效目标 narrative (overall-goal.md).
	OverallGoal Markdown `yaml:"-"`
	// Measures is the 工作保障措施 narrative (measures.md).
	Measures Markdown `yaml:"-"`
	// Projects are read from projects/*.yaml, ordered by code.
	Projects []*Project `yaml:"-"`
	// Records are the spending records of all Spending files, in file order.
	Records []Record `yaml:"-"`
	// Rules are the rules in force for the department's year: the site's,
	// with YEAR/rules.yaml laid over them when it exists.
	Rules *rules.Settings `yaml:"-"`
}

// Project returns the project with the given code, or nil.
func (d *Department) Project(code string) *Project {
	for _, p := range d.Projects {
		if p.Code == code {
			return p
		}
	}
	return nil
}

// SpecialFunds is the 专项资金绩效目标 part. A year without special funds
// still publishes the part, empty, with its explanation.
type SpecialFunds struct {
	diag.Source `yaml:"-"`
	Explanation string        `yaml:"explanation" title:"说明" desc:"没有专项资金时必填，如 我部门2021年无专项资金预算，特此说明。"`
	Funds       []SpecialFund `yaml:"funds" title:"专项资金"`
}

// SpecialFund is one special fund (专项资金) with its targets and indicators.
type SpecialFund struct {
	diag.Source `yaml:"-"`
	Name        string       `yaml:"name" title:"专项资金名称" req:"true" key:"true"`
	Amount      money.Amount `yaml:"amount" title:"金额（万元）" req:"true"`
	Targets     []Target     `yaml:"targets" title:"绩效目标"`
	Indicators  []Indicator  `yaml:"indicators" title:"绩效指标"`
}

// SpendingFile names a CSV file of actual spending records (支出记录).
type SpendingFile struct {
	diag.Source  `yaml:"-"`
	File         string `yaml:"file" title:"文件" req:"true" key:"true" desc:"相对于部门目录的路径，如 spending/2021.csv。"`
	Illustrative bool   `yaml:"illustrative" title:"示例数据" desc:"true 表示数据为示意，页面和报告会标注“示例数据”。"`
	Note         string `yaml:"note" title:"说明" desc:"数据来源或口径说明，随数据一起展示。"`
}

// Record is one spending record (支出记录): money paid out of, or returned
// to (negative), one budget line of one project.
type Record struct {
	// File indexes Department.Spending; Line is the record's line in it.
	File int32
	Line int32
	// Col holds the column of each field, for messages.
	Col        [NumRecordFields]int32
	Date       Date
	Project    string
	BudgetLine string
	Amount     money.Fen
	Voucher    string
	Memo       string
}

// RecordFieldTitles name the fields of a spending record as a CSV header
// does, for messages.
var RecordFieldTitles = [NumRecordFields]string{"日期", "项目编码", "资金用途", "金额（元）", "凭证号", "摘要"}

// The fields of a spending record, in Record.Col.
const (
	FieldDate = iota
	FieldProject
	FieldBudgetLine
	FieldAmount
	FieldVoucher
	FieldMemo
	NumRecordFields
)

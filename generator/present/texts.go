package present

import "cmp"

// The texts below are printed by both the website and the PDF reports:
// kept here so that a page and its report never word them differently.

// Medium is where a shared text is printed, for the words that point at
// the text's own place: 本页 on a web page, 本部分 in a PDF report.
type Medium int

const (
	Page   Medium = iota // a web page
	Report               // a part of a PDF report
)

func (m Medium) here() string {
	if m == Report {
		return "本部分"
	}
	return "本页"
}

// IllustrativeLabel heads a notice of illustrative data (示例数据).
const IllustrativeLabel = "示例数据"

// NoLevel3 fills an indicator group that lists no 三级指标.
const NoLevel3 = "（本组未列三级指标）"

// MeasuresHeading is the heading of the 工作保障措施 narrative: the
// document's own when it has one.
func MeasuresHeading(title string) string { return cmp.Or(title, "工作保障措施") }

// SpendingNote is the notice of an illustrative spending file: its own
// note, or one saying where the example figures are.
func SpendingNote(note string, m Medium) string {
	return cmp.Or(note, m.here()+"的支出数据为示例数据，不是实际支出。")
}

// ResultsNote is the notice of illustrative monitoring and evaluation
// results: their own note or the default.
func ResultsNote(note string) string {
	return cmp.Or(note, "本项目的监控和自评结果为示例数据。")
}

// Unpublished is what a form says where a department or project published
// nothing for one of its parts (没有数据): the part stays, empty, and says so.
type Unpublished struct{}

// OverallGoal: no 总体绩效目标.
func (Unpublished) OverallGoal() string { return "本部门未公开总体绩效目标。" }

// SubTargets: no 分项绩效目标.
func (Unpublished) SubTargets() string { return "本部门未公开分项绩效目标。" }

// DeptIndicators: no 部门整体绩效指标 (the document has project forms only).
func (Unpublished) DeptIndicators() string {
	return "本部门未公开部门整体绩效指标（公开文件只有项目表），上表为空表。"
}

// Measures: no 工作保障措施, under the heading the document gives it.
func (Unpublished) Measures(heading string) string { return "本部门未公开" + heading + "。" }

// SpecialFunds: no 专项资金绩效目标.
func (Unpublished) SpecialFunds() string {
	return "本部门未公开专项资金绩效目标，上表为空表。"
}

// Plan: no 资金支出计划.
func (Unpublished) Plan() string { return "本项目未公开资金支出计划。" }

// Targets: no 绩效目标 of a project.
func (Unpublished) Targets() string { return "本项目未公开绩效目标。" }

// BudgetLines: no 预算明细.
func (Unpublished) BudgetLines() string { return "本项目未公开预算明细。" }

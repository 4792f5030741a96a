package web

import (
	"strconv"
	"strings"
)

// The columns of the open-data tables, each with its CSV header, its
// description in datapackage.json and the field of the typed row it shows.

// The project code's column, as each table describes it.
const (
	codeProject    = "project"
	codeEvaluation = "project; empty for the department's own self-evaluation（部门整体绩效自评）"
	codeIndicators = "project; empty for the department's own indicators（部门整体绩效指标）"
)

var indicatorCols = []col[indicatorJSON]{
	text("一级指标", "level1", func(r *indicatorJSON) string { return r.Level1 }),
	text("二级指标", "level2", func(r *indicatorJSON) string { return r.Level2 }),
	text("三级指标", "name", func(r *indicatorJSON) string { return r.Name }),
	text("绩效指标描述", "description", func(r *indicatorJSON) string { return r.Description }),
	text("符号", "operator", func(r *indicatorJSON) string { return r.Operator }),
	text("值", "value", func(r *indicatorJSON) string { return r.Value }),
	text("单位（文字描述）", "unit", func(r *indicatorJSON) string { return r.Unit }),
	text("指标值确定依据", "basis", func(r *indicatorJSON) string { return r.Basis }),
	number("分值", "weight", func(r *indicatorJSON) string { return r.Weight }),
	text("指标方向", "direction: 正向 or 反向 as given or as the operator implies; empty for 文字描述 rows（指标方向）",
		func(r *indicatorJSON) string { return r.Direction }),
}

// inEval and inPublished give a project's self-evaluation figure, empty
// without a self-evaluation (or without printed figures).
func inEval(f func(*evaluationJSON) string) func(*projectDoc) string {
	return func(p *projectDoc) string {
		if p.Evaluation == nil {
			return ""
		}
		return f(p.Evaluation)
	}
}

func inPublished(f func(*publishedJSON) string) func(*projectDoc) string {
	return inEval(func(e *evaluationJSON) string {
		if e.Published == nil {
			return ""
		}
		return f(e.Published)
	})
}

var projectCols = []col[projectDoc]{
	text("项目编码", "code", func(p *projectDoc) string { return p.Code }),
	text("项目名称", "name", func(p *projectDoc) string { return p.Name }),
	text("项目类别", "category（项目类别）, as published", func(p *projectDoc) string { return p.Category }),
	text("主管部门", "supervisor（主管部门）, as published", func(p *projectDoc) string { return p.Supervisor }),
	text("实施单位", "implementer（实施单位）, as published", func(p *projectDoc) string { return p.Implementer }),
	text("归口科室", "office（归口科室）", func(p *projectDoc) string { return p.Office }),
	text("项目负责人", "manager（项目负责人）, as published", func(p *projectDoc) string { return p.Manager }),
	text("公开来源", "published_in: the published document the project's content is taken from（公开来源）",
		func(p *projectDoc) string { return p.PublishedIn }),
	number("资金总额（元）", "total_yuan", func(p *projectDoc) string { return string(p.Total) }),
	number("年初预算数（元）", "initial_budget_yuan: 年初预算数 as published, else the total",
		func(p *projectDoc) string { return string(p.Budget.Initial) }),
	number("全年预算数（元）", "adjusted_budget_yuan: 全年预算数 (adjusted budget) as published, else the total; the execution rate's denominator",
		func(p *projectDoc) string { return string(p.Budget.Adjusted) }),
	number("全年执行数（元）", "executed_yuan: 全年执行数 as published in the self-evaluation form, else the sum of the spending records",
		func(p *projectDoc) string { return string(p.Executed) }),
	text("全年执行数来源", "executed_source: 公布 (published) or 支出记录 (spending records)",
		func(p *projectDoc) string { return p.Budget.ExecutedSource }),
	number("支出记录合计（元）", "spent_yuan: sum of the project's spending records（支出记录合计）",
		func(p *projectDoc) string { return string(p.Spent) }),
	number("执行率（%）", "execution_rate_percent: 全年执行数 ÷ 全年预算数 × 100, two decimals, the rate every page shows; empty without a budget",
		func(p *projectDoc) string { return numText(p.ExecutionRate) }),
	text("年初预算数（公布）", "initial_budget_published: as printed, with its unit and precision",
		func(p *projectDoc) string { return p.Budget.InitialPublished }),
	text("全年预算数（公布）", "adjusted_budget_published: as printed, with its unit and precision",
		func(p *projectDoc) string { return p.Budget.AdjustedPublished }),
	text("全年执行数（公布）", "executed_published: as printed, with its unit and precision",
		func(p *projectDoc) string { return p.Budget.ExecutedPublished }),
	number("预算执行率分值", "execution_weight: weight of budget execution in the self-evaluation（预算执行率分值）",
		inEval(func(e *evaluationJSON) string { return numText(e.Execution.Weight) })),
	number("预算执行率得分", "execution_score: min(rate, 100%) × weight, rounded to 0.01",
		inEval(func(e *evaluationJSON) string { return numText(e.Execution.Score) })),
	text("预算执行率得分公式", "execution_formula: the computation with its inputs",
		inEval(func(e *evaluationJSON) string { return e.Execution.Formula })),
	number("得分合计", "score_sum: execution score plus the indicators' rounded scores",
		inEval(func(e *evaluationJSON) string { return numText(e.ScoreSum) })),
	number("有效分值", "weight_counted: the weights that count (not-applicable indicators left out)",
		inEval(func(e *evaluationJSON) string { return numText(e.WeightCounted) })),
	number("满分", "weight_full: all weights", inEval(func(e *evaluationJSON) string { return numText(e.WeightFull) })),
	number("总分", "total_score: score_sum, rescaled by weight_full ÷ weight_counted only when an indicator is not applicable; empty when the evaluation is incomplete",
		inEval(func(e *evaluationJSON) string { return numText(e.Total) })),
	text("按有效分值折算", "rescaled: 是 when the total was rescaled for not-applicable indicators",
		inEval(func(e *evaluationJSON) string { return yesNo(e.Rescaled) })),
	text("自评完成", "evaluation_complete: 否 (未完成自评) when an applicable indicator has no actual value; then no total and no grade; empty without a self-evaluation",
		inEval(func(e *evaluationJSON) string { return yesNo(e.Complete) })),
	text("缺少完成值的指标", "missing: the indicators without an actual value, separated by ；",
		inEval(func(e *evaluationJSON) string { return strings.Join(e.Missing, "；") })),
	text("等级", "grade（评价等级） under the year's rules", inEval(func(e *evaluationJSON) string { return e.Grade })),
	number("执行率（公布，%）", "published_execution_rate_percent: as the form printed it",
		inPublished(func(p *publishedJSON) string { return numText(p.ExecutionRate) })),
	number("预算执行率得分（公布）", "published_execution_score: as printed",
		inPublished(func(p *publishedJSON) string { return numText(p.ExecutionScore) })),
	number("总分（公布）", "published_total: as printed", inPublished(func(p *publishedJSON) string { return numText(p.Total) })),
	text("等级（公布）", "published_grade: as printed", inPublished(func(p *publishedJSON) string { return p.Grade })),
	number("复核差异数", "findings: how many printed figures differ from the computed ones (see findings.csv)",
		inEval(func(e *evaluationJSON) string { return strconv.Itoa(len(e.Findings)) })),
	text("监控状态", "monitoring_status: the latest monitoring status (正常, 关注, 滞后) of the plan's checkpoints and the monitoring snapshots, as the pages show it",
		func(p *projectDoc) string { return p.MonitoringStatus }),
}

var lineCols = []col[lineJSON]{
	text("资金用途", "budget_line", func(l *lineJSON) string { return l.Name }),
	number("预算数（元）", "budget_yuan", func(l *lineJSON) string { return string(l.Budget) }),
	number("执行数（元）", "spent_yuan", func(l *lineJSON) string { return string(l.Spent) }),
	number("执行率（%）", "execution_rate_percent", func(l *lineJSON) string { return numText(l.ExecutionRate) }),
}

var planCols = []col[checkpointJSON]{
	text("时间节点", "checkpoint", func(c *checkpointJSON) string { return c.Label }),
	day("日期", "date", func(c *checkpointJSON) string { return c.Date }),
	number("计划累计进度（%）", "planned_percent", func(c *checkpointJSON) string { return numText(c.PlannedPercent) }),
	number("计划累计金额（元）", "planned_yuan", func(c *checkpointJSON) string { return string(c.Planned) }),
	number("实际累计金额（元）", "actual_yuan", func(c *checkpointJSON) string { return string(c.Actual) }),
	number("实际累计进度（%）", "actual_percent", func(c *checkpointJSON) string { return ptrText(c.ActualPercent) }),
	number("偏差（百分点）", "deviation_points", func(c *checkpointJSON) string { return ptrText(c.Deviation) }),
}

// partRow is a 其中 row of an indicator with its actual value in the
// self-evaluation.
type partRow struct {
	indicator string
	part      partJSON
	actual    string
}

var partCols = []col[partRow]{
	text("三级指标", "indicator", func(r *partRow) string { return r.indicator }),
	text("其中", "part: the 其中 row as published", func(r *partRow) string { return r.part.Name }),
	text("值", "value as published", func(r *partRow) string { return r.part.Value }),
	text("单位", "unit", func(r *partRow) string { return r.part.Unit }),
	text("实际完成值", "actual: the part's actual value in the self-evaluation, as written", func(r *partRow) string { return r.actual }),
}

var evalCols = []col[evalIndicatorJSON]{
	text("一级指标", "level1 as written", func(r *evalIndicatorJSON) string { return r.Level1 }),
	text("计分类别", "category: the 一级 category the row counts under", func(r *evalIndicatorJSON) string { return r.Category }),
	text("二级指标", "level2", func(r *evalIndicatorJSON) string { return r.Level2 }),
	text("三级指标", "name", func(r *evalIndicatorJSON) string { return r.Name }),
	text("指标方向", "direction: 正向, 反向 or empty", func(r *evalIndicatorJSON) string { return r.Direction }),
	text("评分方式", "kind: 正向, 反向, 目标值为0, 定性 or 时效 — which formula scores the row", func(r *evalIndicatorJSON) string { return r.Kind }),
	text("实际完成值", "actual as written", func(r *evalIndicatorJSON) string { return r.Actual }),
	text("完成程度", "achievement band (达成, 部分达成, 未达成)", func(r *evalIndicatorJSON) string { return r.Achievement }),
	number("得分比例（%）", "share_percent: the evaluator's share within the band", func(r *evalIndicatorJSON) string { return numText(r.Share) }),
	number("完成率（%）", "completion_percent: actual ÷ target (反向: target ÷ actual), two decimals",
		func(r *evalIndicatorJSON) string { return numText(r.Completion) }),
	number("分值", "weight that counts, exact", func(r *evalIndicatorJSON) string { return numText(r.Weight) }),
	number("得分（计算）", "score: computed under the year's rules, rounded to 0.01; empty when it cannot be computed or the row is not applicable",
		func(r *evalIndicatorJSON) string { return numText(r.Score) }),
	number("得分（公布）", "published_score: as printed on the form", func(r *evalIndicatorJSON) string { return numText(r.PublishedScore) }),
	text("得分不一致", "differs: 是 when the printed score is not the computed one", func(r *evalIndicatorJSON) string { return yesNo(r.Differs) }),
	text("不适用", "not_applicable: 是 when the row is left out of the score", func(r *evalIndicatorJSON) string { return yesNo(r.NotApplicable) }),
	text("不适用原因", "not_applicable_reason", func(r *evalIndicatorJSON) string { return r.NotApplicableReason }),
	text("计算公式", "formula: the computation with its inputs", func(r *evalIndicatorJSON) string { return r.Formula }),
	text("无法计分原因", "problem: why the row could not be scored", func(r *evalIndicatorJSON) string { return r.Problem }),
	text("偏差原因分析及改进措施", "deviation as written", func(r *evalIndicatorJSON) string { return r.Deviation }),
}

// groupRow is a 一级 subtotal: computed, or printedOnly, a part the form
// printed on its own (such as 年度目标完成情况), which has no computed
// figures and so no verdict on whether they differ.
type groupRow struct {
	groupJSON
	printedOnly bool
}

var groupCols = []col[groupRow]{
	text("一级指标", "category（一级指标）; a part the form printed on its own (such as 年度目标完成情况) has no computed figures",
		func(g *groupRow) string { return g.Name }),
	number("分值", "weight: the sum of its applicable indicators' weights", func(g *groupRow) string { return numText(g.Weight) }),
	number("得分（计算）", "score: the sum of its indicators' rounded scores", func(g *groupRow) string { return numText(g.Score) }),
	text("公布名称", "published_name: the subtotal's label as printed", func(g *groupRow) string { return g.PublishedName }),
	number("分值（公布）", "published_weight: as printed", func(g *groupRow) string { return numText(g.PublishedWeight) }),
	number("得分（公布）", "published_score: as printed", func(g *groupRow) string { return numText(g.PublishedScore) }),
	text("得分不一致", "differs: 是 when the printed subtotal is not the computed one", func(g *groupRow) string {
		if g.printedOnly {
			return ""
		}
		return yesNo(g.Differs)
	}),
}

var findingCols = []col[findingJSON]{
	text("复核项", "kind: 预算执行率, 预算执行率得分, 三级指标得分, 分项得分, 总分 or 等级", func(f *findingJSON) string { return f.Kind.word() }),
	text("项目", "item: which figure", func(f *findingJSON) string { return f.Item }),
	text("公布值", "published: as printed", func(f *findingJSON) string { return f.Published }),
	text("计算值", "computed under the year's rules", func(f *findingJSON) string { return f.Computed }),
	text("计算公式", "formula that gives the computed figure", func(f *findingJSON) string { return f.Formula }),
}

var monitoringCols = []col[monitoringJSON]{
	text("监控名称", "label", func(m *monitoringJSON) string { return m.Label }),
	day("监控日期", "date", func(m *monitoringJSON) string { return m.Date }),
	number("执行数（元）", "executed_yuan: 1–N月执行数 as published, else the spending records to the date",
		func(m *monitoringJSON) string { return string(m.Executed) }),
	text("执行数来源", "executed_source: 公布 or 支出记录", func(m *monitoringJSON) string { return m.ExecutedSource }),
	text("执行数（公布）", "executed_published: as printed", func(m *monitoringJSON) string { return m.ExecutedPublished }),
	number("全年预计执行数（元）", "projected_yuan", func(m *monitoringJSON) string { return numText(m.Projected) }),
	text("全年预计执行数（公布）", "projected_published: as printed", func(m *monitoringJSON) string { return m.ProjectedPublished }),
	number("执行率（%）", "execution_rate_percent: executed ÷ 全年预算数 × 100", func(m *monitoringJSON) string { return numText(m.ExecutionRate) }),
	number("执行进度（%）", "progress_percent: execution rate ÷ (month ÷ 12)", func(m *monitoringJSON) string { return numText(m.Progress) }),
	text("状态", "status: 正常, 关注 or 滞后 under the year's monitoring rules", func(m *monitoringJSON) string { return m.Status }),
	number("计划累计进度（%）", "planned_percent: the plan at the last checkpoint on or before the date",
		func(m *monitoringJSON) string { return numText(m.Planned) }),
	number("偏差（百分点）", "deviation_points: execution rate less the plan", func(m *monitoringJSON) string { return numText(m.Deviation) }),
	text("超出容差", "behind: 是 when more than the tolerance behind the plan", func(m *monitoringJSON) string { return yesNo(m.Behind) }),
	text("偏差原因分析", "cause as written", func(m *monitoringJSON) string { return m.Cause }),
	text("改进措施", "remedy as written", func(m *monitoringJSON) string { return m.Remedy }),
}

// outlookRow is an indicator's answer in one monitoring.
type outlookRow struct {
	project string
	m       *monitoringJSON
	o       *outlookJSON
}

var outlookCols = []col[outlookRow]{
	text("项目编码", codeEvaluation, func(r *outlookRow) string { return r.project }),
	day("监控日期", "date", func(r *outlookRow) string { return r.m.Date }),
	text("三级指标", "indicator", func(r *outlookRow) string { return r.o.Name }),
	text("指标方向", "direction: 正向, 反向 or empty", func(r *outlookRow) string { return r.o.Direction }),
	text("完成预判（原文）", "outlook as written", func(r *outlookRow) string { return r.o.Outlook }),
	text("完成预判", "outlook_standard: 确定能, 有可能 or 不可能 (what the wording means); empty when not recognised",
		func(r *outlookRow) string { return r.o.OutlookStandard }),
	text("当前实际值", "actual", func(r *outlookRow) string { return r.o.Actual }),
	text("当前完成情况", "progress", func(r *outlookRow) string { return r.o.Progress }),
	text("原因分析", "cause", func(r *outlookRow) string { return r.o.Cause }),
	text("改进措施", "remedy", func(r *outlookRow) string { return r.o.Remedy }),
}

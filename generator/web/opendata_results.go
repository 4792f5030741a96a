package web

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"disclose/generator/derive"
	"disclose/generator/model"
	"disclose/generator/money"
	"disclose/generator/num"
	"disclose/generator/present"
	"disclose/generator/rules"
	"disclose/generator/score"
)

// The monitoring and self-evaluation figures in the open data: every figure
// a page shows, computed and as the form printed it, so that others can
// re-check them. Amounts in 元 with two decimals, with the published text
// beside them where the source's precision and unit matter; rates with two
// decimals, as the pages show them; scores to 0.01, as published; weights
// exact.

// scoreText writes a score (rounded to 0.01 by score) with two decimals,
// as the pages do; empty when there is none.
var scoreText = present.Decimal

// pointsText writes a weight exactly, with at least two decimals (20.00,
// 12.50, 8.125); a weight shared out in thirds, which no decimal holds,
// with six.
func pointsText(r *big.Rat) string {
	if r == nil {
		return ""
	}
	s := num.Format(r, 6)
	for strings.HasSuffix(s, "0") && len(s)-strings.IndexByte(s, '.') > 3 {
		s = s[:len(s)-1]
	}
	return s
}

// published is an amount as the source printed it ("207.4538万元",
// "215,457.60元"), empty when not given.
func published(a *money.Amount) string {
	if a == nil {
		return ""
	}
	return a.Published()
}

func decText(d *num.Decimal) string {
	if d == nil {
		return ""
	}
	return d.String()
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

// executedSource says where a project's 全年执行数 comes from.
func executedSource(p *derive.Project) string {
	if p.Results != nil && p.Results.Budget.Executed != nil {
		return "公布"
	}
	return "支出记录"
}

func snapshotSource(m *derive.Monitoring) string {
	if m.Snapshot.Executed != nil {
		return "公布"
	}
	return "支出记录"
}

func outlookDirection(o derive.OutlookRow) string {
	if o.Indicator == nil {
		return ""
	}
	return string(o.Indicator.Direction())
}

// monitoringStatus is the project's latest monitoring status word, as the
// pages show it (derive.Project.Light), empty when there is none.
func monitoringStatus(p *derive.Project) string {
	if st, ok := p.Light(); ok {
		return st.Word()
	}
	return ""
}

// kindWord names how an indicator is scored.
func kindWord(k score.Kind) string {
	return [...]string{"正向", "反向", "目标值为0", "定性", "时效"}[k]
}

var findingCodes = [...]string{"execution_rate", "execution_score", "indicator", "subtotal", "total", "grade"}

func findingCode(k score.FindingKind) string { return findingCodes[k] }

// findingWord names what a finding is about, in the form's terms.
func findingWord(k score.FindingKind) string {
	return [...]string{"预算执行率", "预算执行率得分", "三级指标得分", "分项得分", "总分", "等级"}[k]
}

var projectColumns = []Column{
	str("项目编码", "code"), str("项目名称", "name"),
	str("项目类别", "category（项目类别）, as published"), str("主管部门", "supervisor（主管部门）, as published"),
	str("实施单位", "implementer（实施单位）, as published"), str("归口科室", "office（归口科室）"),
	str("项目负责人", "manager（项目负责人）, as published"), str("公开来源", "published_in: the published document the project's content is taken from（公开来源）"),
	numc("资金总额（元）", "total_yuan"),
	numc("年初预算数（元）", "initial_budget_yuan: 年初预算数 as published, else the total"),
	numc("全年预算数（元）", "adjusted_budget_yuan: 全年预算数 (adjusted budget) as published, else the total; the execution rate's denominator"),
	numc("全年执行数（元）", "executed_yuan: 全年执行数 as published in the self-evaluation form, else the sum of the spending records"),
	str("全年执行数来源", "executed_source: 公布 (published) or 支出记录 (spending records)"),
	numc("支出记录合计（元）", "spent_yuan: sum of the project's spending records（支出记录合计）"),
	numc("执行率（%）", "execution_rate_percent: 全年执行数 ÷ 全年预算数 × 100, two decimals, the rate every page shows; empty without a budget"),
	str("年初预算数（公布）", "initial_budget_published: as printed, with its unit and precision"),
	str("全年预算数（公布）", "adjusted_budget_published: as printed, with its unit and precision"),
	str("全年执行数（公布）", "executed_published: as printed, with its unit and precision"),
	numc("预算执行率分值", "execution_weight: weight of budget execution in the self-evaluation（预算执行率分值）"),
	numc("预算执行率得分", "execution_score: min(rate, 100%) × weight, rounded to 0.01"),
	str("预算执行率得分公式", "execution_formula: the computation with its inputs"),
	numc("得分合计", "score_sum: execution score plus the indicators' rounded scores"),
	numc("有效分值", "weight_counted: the weights that count (not-applicable indicators left out)"),
	numc("满分", "weight_full: all weights"),
	numc("总分", "total_score: score_sum, rescaled by weight_full ÷ weight_counted only when an indicator is not applicable; empty when the evaluation is incomplete"),
	str("按有效分值折算", "rescaled: 是 when the total was rescaled for not-applicable indicators"),
	str("自评完成", "evaluation_complete: 否 (未完成自评) when an applicable indicator has no actual value; then no total and no grade; empty without a self-evaluation"),
	str("缺少完成值的指标", "missing: the indicators without an actual value, separated by ；"),
	str("等级", "grade（评价等级） under the year's rules"),
	numc("执行率（公布，%）", "published_execution_rate_percent: as the form printed it"),
	numc("预算执行率得分（公布）", "published_execution_score: as printed"),
	numc("总分（公布）", "published_total: as printed"),
	str("等级（公布）", "published_grade: as printed"),
	numc("复核差异数", "findings: how many printed figures differ from the computed ones (see findings.csv)"),
	str("监控状态", "monitoring_status: the latest monitoring status (正常, 关注, 滞后) of the plan's checkpoints and the monitoring snapshots, as the pages show it"),
}

// projectRow is a project's row of projects.csv, columns as projectColumns.
func projectRow(p *derive.Project) []string {
	initial, adjusted := p.Budgets()
	row := []string{p.Code, p.Name, p.Category, p.Supervisor, p.Implementer, p.Office, p.Manager, p.Origin,
		yuanPlain(p.Total.Fen), yuanPlain(initial), yuanPlain(adjusted), yuanPlain(p.Executed), executedSource(p), yuanPlain(p.Spent),
		rateText(p.ExecutionRate), "", "", ""}
	if p.Results != nil {
		b := p.Results.Budget
		row[15], row[16], row[17] = published(b.Initial), published(b.Adjusted), published(b.Executed)
	}
	ev := make([]string, 15)
	if e := p.Evaluation; e != nil {
		ev = []string{pointsText(e.ExecutionWeight), scoreText(e.ExecutionScore), e.ExecutionFormula, scoreText(e.Sum),
			pointsText(e.Weight), pointsText(e.Full), scoreText(e.Total), yesNo(e.Rescaled), yesNo(e.Complete),
			strings.Join(e.Missing, "；"), e.Grade, "", "", "", ""}
		if pub := e.Evaluation.Published; pub != nil {
			ev[11], ev[12], ev[13], ev[14] = decText(pub.ExecutionRate), decText(pub.ExecutionScore), decText(pub.Total), pub.Grade
		}
		ev = append(ev, strconv.Itoa(len(e.Findings)))
	} else {
		ev = append(ev, "")
	}
	row = append(row, ev...)
	return append(row, monitoringStatus(p))
}

// resultTable is an open-data table of the results with its file name.
type resultTable struct {
	Table
	file, description string
}

// resultTables are the long tables of the monitoring and the
// self-evaluation: one row per project and indicator, group, finding,
// snapshot, answer; and the 其中 rows of every indicator.
func resultTables(d *derive.Department, note string) []resultTable {
	code := str("项目编码", "project; empty for the department's own self-evaluation（部门整体绩效自评）")
	title := func(s string) string { return fmt.Sprintf("%d年 %s %s", d.Year, d.Name, s) }
	parts := resultTable{file: "indicator-parts.csv", Table: Table{Title: title("绩效指标的“其中”分项"), Columns: []Column{
		str("项目编码", "project; empty for the department's own indicators（部门整体绩效指标）"), str("三级指标", "indicator"),
		str("其中", "part: the 其中 row as published"), str("值", "value as published"), str("单位", "unit"),
		str("实际完成值", "actual: the part's actual value in the self-evaluation, as written"),
	}}}
	evaluation := resultTable{file: "evaluation.csv", Table: Table{Title: title("各项目绩效自评：各指标分值与得分"), Columns: []Column{
		code, str("一级指标", "level1 as written"), str("计分类别", "category: the 一级 category the row counts under"),
		str("二级指标", "level2"), str("三级指标", "name"),
		str("指标方向", "direction: 正向, 反向 or empty"),
		str("评分方式", "kind: 正向, 反向, 目标值为0, 定性 or 时效 — which formula scores the row"),
		str("实际完成值", "actual as written"), str("完成程度", "achievement band (达成, 部分达成, 未达成)"),
		numc("得分比例（%）", "share_percent: the evaluator's share within the band"),
		numc("完成率（%）", "completion_percent: actual ÷ target (反向: target ÷ actual), two decimals"),
		numc("分值", "weight that counts, exact"),
		numc("得分（计算）", "score: computed under the year's rules, rounded to 0.01; empty when it cannot be computed or the row is not applicable"),
		numc("得分（公布）", "published_score: as printed on the form"),
		str("得分不一致", "differs: 是 when the printed score is not the computed one"),
		str("不适用", "not_applicable: 是 when the row is left out of the score"), str("不适用原因", "not_applicable_reason"),
		str("计算公式", "formula: the computation with its inputs"),
		str("无法计分原因", "problem: why the row could not be scored"),
		str("偏差原因分析及改进措施", "deviation as written"),
	}}, description: "一行一个项目的一个三级指标（One row per project and indicator）。"}
	groups := resultTable{file: "evaluation-groups.csv", Table: Table{Title: title("各项目绩效自评：一级指标小计"), Columns: []Column{
		code, str("一级指标", "category（一级指标）; a part the form printed on its own (such as 年度目标完成情况) has no computed figures"),
		numc("分值", "weight: the sum of its applicable indicators' weights"),
		numc("得分（计算）", "score: the sum of its indicators' rounded scores"),
		str("公布名称", "published_name: the subtotal's label as printed"),
		numc("分值（公布）", "published_weight: as printed"), numc("得分（公布）", "published_score: as printed"),
		str("得分不一致", "differs: 是 when the printed subtotal is not the computed one"),
	}}}
	findings := resultTable{file: "findings.csv", Table: Table{Title: title("自评得分复核"), Columns: []Column{
		code, str("复核项", "kind: 预算执行率, 预算执行率得分, 三级指标得分, 分项得分, 总分 or 等级"),
		str("项目", "item: which figure"), str("公布值", "published: as printed"), str("计算值", "computed under the year's rules"),
		str("计算公式", "formula that gives the computed figure"),
	}}, description: "自评表印出的数字与按规则计算的结果不同之处（Printed figures that differ from the computed ones）。"}
	monitoring := resultTable{file: "monitoring.csv", Table: Table{Title: title("各项目绩效运行监控"), Columns: []Column{
		code, str("监控名称", "label"), date("监控日期", "date"),
		numc("执行数（元）", "executed_yuan: 1–N月执行数 as published, else the spending records to the date"),
		str("执行数来源", "executed_source: 公布 or 支出记录"), str("执行数（公布）", "executed_published: as printed"),
		numc("全年预计执行数（元）", "projected_yuan"), str("全年预计执行数（公布）", "projected_published: as printed"),
		numc("执行率（%）", "execution_rate_percent: executed ÷ 全年预算数 × 100"),
		numc("执行进度（%）", "progress_percent: execution rate ÷ (month ÷ 12)"),
		str("状态", "status: 正常, 关注 or 滞后 under the year's monitoring rules"),
		numc("计划累计进度（%）", "planned_percent: the plan at the last checkpoint on or before the date"),
		numc("偏差（百分点）", "deviation_points: execution rate less the plan"),
		str("超出容差", "behind: 是 when more than the tolerance behind the plan"),
		str("偏差原因分析", "cause as written"), str("改进措施", "remedy as written"),
	}}}
	outlooks := resultTable{file: "monitoring-indicators.csv", Table: Table{Title: title("绩效运行监控：各指标完成预判"), Columns: []Column{
		code, date("监控日期", "date"), str("三级指标", "indicator"), str("指标方向", "direction: 正向, 反向 or empty"),
		str("完成预判（原文）", "outlook as written"),
		str("完成预判", "outlook_standard: 确定能, 有可能 or 不可能 (what the wording means); empty when not recognised"),
		str("当前实际值", "actual"), str("当前完成情况", "progress"), str("原因分析", "cause"), str("改进措施", "remedy"),
	}}}

	partRows := func(project string, rows []model.Indicator, actuals map[*model.Indicator]*model.Result) {
		for i := range rows {
			in := &rows[i]
			r := actuals[in]
			for _, pt := range in.Parts {
				actual := ""
				if r != nil {
					for _, pr := range r.Parts {
						if rules.Normalize(pr.Name) == rules.Normalize(pt.Name) {
							actual = pr.Actual
						}
					}
				}
				parts.Rows = append(parts.Rows, []string{project, in.Name, pt.Name, pt.Value, pt.Unit, actual})
			}
		}
	}
	partRows("", d.Indicators, nil)
	// evalRows lays out one self-evaluation: a project's, or the
	// department's own (code "").
	evalRows := func(code string, e *derive.Evaluation) {
		for _, is := range e.Indicators {
			row := []string{code, is.Level1, is.Category, is.Level2, is.Name, string(is.Direction()), kindWord(score.KindOf(is.Indicator)),
				"", "", "", rateText(is.Outcome.Completion), pointsText(is.Weight), scoreText(is.Score), decText(is.Published),
				yesNo(is.Differs), yesNo(is.NotApplicable), "", is.Outcome.Formula, is.Outcome.Problem, ""}
			if r := is.Result; r != nil {
				row[7], row[8], row[9], row[16], row[19] = r.Actual, r.Achievement, decText(r.Share), r.NotApplicable, r.Deviation
			}
			evaluation.Rows = append(evaluation.Rows, row)
		}
		for _, g := range e.Groups {
			row := []string{code, g.Name, pointsText(g.Weight), scoreText(g.Score), "", "", "", yesNo(g.Differs)}
			if st := g.Published; st != nil {
				row[4], row[5], row[6] = st.Name, decText(st.Weight), decText(st.Score)
			}
			groups.Rows = append(groups.Rows, row)
		}
		if pub := e.Evaluation.Published; pub != nil {
			for i := range pub.Subtotals {
				st := &pub.Subtotals[i]
				if !matched(e, st) {
					groups.Rows = append(groups.Rows, []string{code, st.Name, "", "", st.Name, decText(st.Weight), decText(st.Score), ""})
				}
			}
		}
		for _, f := range e.Findings {
			findings.Rows = append(findings.Rows, []string{code, findingWord(f.Kind), f.Item, f.Published, f.Computed, f.Formula})
		}
	}
	if d.Evaluation != nil {
		evalRows("", d.Evaluation)
	}
	for _, p := range d.Projects {
		actuals := map[*model.Indicator]*model.Result{}
		if e := p.Evaluation; e != nil {
			for _, is := range e.Indicators {
				actuals[is.Indicator] = is.Result
			}
		}
		partRows(p.Code, p.Indicators, actuals)
		if e := p.Evaluation; e != nil {
			evalRows(p.Code, e)
		}
		for i := range p.Monitoring {
			m := &p.Monitoring[i]
			monitoring.Rows = append(monitoring.Rows, []string{p.Code, m.Label, m.Date.String(), yuanPlain(m.Spent), snapshotSource(m),
				published(m.Snapshot.Executed), amountText(m.Projected), published(m.Projected), rateText(m.ExecutionRate),
				rateText(m.Progress), m.Status.Word(), rateText(m.Planned), rateText(m.Deviation), yesNo(m.Behind), m.Cause, m.Remedy})
			for _, o := range m.Outlooks {
				outlooks.Rows = append(outlooks.Rows, []string{p.Code, m.Date.String(), o.Name, outlookDirection(o), o.Outlook.Outlook,
					model.KindOfOutlook(o.Outlook.Outlook).Word(), o.Actual, o.Outlook.Progress, o.Outlook.Cause, o.Outlook.Remedy})
			}
		}
	}
	for _, t := range []*resultTable{&evaluation, &groups, &findings, &monitoring, &outlooks} {
		t.description = strings.TrimSpace(t.description + " " + note)
	}
	return []resultTable{parts, evaluation, groups, findings, monitoring, outlooks}
}

// matched reports whether a printed subtotal stands beside a computed group.
func matched(e *derive.Evaluation, st *model.Subtotal) bool {
	for _, g := range e.Groups {
		if g.Published == st {
			return true
		}
	}
	return false
}

func amountText(a *money.Amount) string {
	if a == nil {
		return ""
	}
	return yuanPlain(a.Fen)
}

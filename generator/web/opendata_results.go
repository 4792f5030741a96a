package web

import (
	"fmt"
	"math/big"
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

// findingKind is what a finding is about: a code in JSON, the form's
// term in CSV.
type findingKind score.FindingKind

func (k findingKind) MarshalText() ([]byte, error) {
	return []byte([...]string{"execution_rate", "execution_score", "indicator", "subtotal", "total", "grade"}[k]), nil
}

func (k findingKind) word() string {
	return [...]string{"预算执行率", "预算执行率得分", "三级指标得分", "分项得分", "总分", "等级"}[k]
}

// resultTable is an open-data table of the results with its file name.
type resultTable struct {
	Table
	file, description string
}

// resultTables are the long tables of the monitoring and the
// self-evaluation: one row per project and indicator, group, finding,
// snapshot, answer; and the 其中 rows of every indicator. Their rows are
// department.json's (doc), but for the 其中 rows, which join an
// indicator's parts to its actuals.
func resultTables(doc *departmentDoc, d *derive.Department, note string) []resultTable {
	title := func(s string) string { return fmt.Sprintf("%d年 %s %s", d.Year, d.Name, s) }
	var (
		parts       []coded[partRow]
		evaluations []coded[evalIndicatorJSON]
		groups      []coded[groupRow]
		findings    []coded[findingJSON]
		monitorings []coded[monitoringJSON]
		outlooks    []outlookRow
	)
	partRows := func(project string, rows []model.Indicator, actuals map[*model.Indicator]*model.Result) {
		for i := range rows {
			in := &rows[i]
			r := actuals[in]
			for _, pt := range in.Parts {
				row := &partRow{indicator: in.Name, part: partJSON{Name: pt.Name, Value: pt.Value, Unit: pt.Unit}}
				if r != nil {
					for _, pr := range r.Parts {
						if rules.Normalize(pr.Name) == rules.Normalize(pt.Name) {
							row.actual = pr.Actual
						}
					}
				}
				parts = append(parts, coded[partRow]{project, row})
			}
		}
	}
	partRows("", d.Indicators, nil)
	// evalRows lays out one self-evaluation: a project's, or the
	// department's own (code "").
	evalRows := func(code string, e *derive.Evaluation, ej *evaluationJSON) {
		for i := range ej.Indicators {
			evaluations = append(evaluations, coded[evalIndicatorJSON]{code, &ej.Indicators[i]})
		}
		for i := range ej.Groups {
			groups = append(groups, coded[groupRow]{code, &groupRow{groupJSON: ej.Groups[i]}})
		}
		if pub := e.Evaluation.Published; pub != nil {
			for i := range pub.Subtotals {
				st := &pub.Subtotals[i]
				if !matched(e, st) {
					g := groupJSON{Name: st.Name, PublishedName: st.Name, PublishedWeight: decNull(st.Weight), PublishedScore: decNull(st.Score)}
					groups = append(groups, coded[groupRow]{code, &groupRow{groupJSON: g, printedOnly: true}})
				}
			}
		}
		for i := range ej.Findings {
			findings = append(findings, coded[findingJSON]{code, &ej.Findings[i]})
		}
	}
	if d.Evaluation != nil {
		evalRows("", d.Evaluation, doc.Evaluation)
	}
	for i, p := range d.Projects {
		pd := &doc.Projects[i]
		actuals := map[*model.Indicator]*model.Result{}
		if e := p.Evaluation; e != nil {
			for _, is := range e.Indicators {
				actuals[is.Indicator] = is.Result
			}
		}
		partRows(p.Code, p.Indicators, actuals)
		if e := p.Evaluation; e != nil {
			evalRows(p.Code, e, pd.Evaluation)
		}
		for j := range pd.Monitoring {
			m := &pd.Monitoring[j]
			monitorings = append(monitorings, coded[monitoringJSON]{p.Code, m})
			for k := range m.Indicators {
				outlooks = append(outlooks, outlookRow{p.Code, m, &m.Indicators[k]})
			}
		}
	}
	tables := []resultTable{
		{file: "indicator-parts.csv", Table: tableOf(title("绩效指标的“其中”分项"), withCode(codeIndicators, partCols), parts)},
		{file: "evaluation.csv", Table: tableOf(title("各项目绩效自评：各指标分值与得分"), withCode(codeEvaluation, evalCols), evaluations),
			description: "一行一个项目的一个三级指标（One row per project and indicator）。"},
		{file: "evaluation-groups.csv", Table: tableOf(title("各项目绩效自评：一级指标小计"), withCode(codeEvaluation, groupCols), groups)},
		{file: "findings.csv", Table: tableOf(title("自评得分复核"), withCode(codeEvaluation, findingCols), findings),
			description: "自评表印出的数字与按规则计算的结果不同之处（Printed figures that differ from the computed ones）。"},
		{file: "monitoring.csv", Table: tableOf(title("各项目绩效运行监控"), withCode(codeEvaluation, monitoringCols), monitorings)},
		{file: "monitoring-indicators.csv", Table: tableOf(title("绩效运行监控：各指标完成预判"), outlookCols, outlooks)},
	}
	for i := range tables[1:] {
		t := &tables[1+i]
		t.description = strings.TrimSpace(t.description + " " + note)
	}
	return tables
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

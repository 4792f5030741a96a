package web

import (
	"fmt"
	"strconv"
	"strings"

	"disclose/generator/derive"
	"disclose/generator/model"
	"disclose/generator/money"
	"disclose/generator/rules"
)

// The long table across years, in the spirit of the Fiscal Data Package:
// one observation a row (year, department, project, what, phase, value,
// unit). Each department and year writes its rows under the same schema;
// the department's years' files together are the table across years.
var longColumns = []Column{
	numc("年度", "year"), str("部门编码", "department"), str("项目编码", "project"),
	str("对象", "item_kind: project（项目）、budget_line（预算明细）、indicator（绩效指标）"),
	str("名称", "item: 预算明细的用途或三级指标名称，项目本身为空"),
	str("阶段", "phase: planned（年初预算）、adjusted（全年预算）、executed（全年执行）、target（指标目标）、actual（实际完成）"),
	str("值", "value: 金额为元，指标按原样"), str("单位", "unit"),
}

// Phases of the long table.
const (
	phasePlanned  = "planned"
	phaseAdjusted = "adjusted"
	phaseExecuted = "executed"
	phaseTarget   = "target"
	phaseActual   = "actual"
)

func writeLongData(w *writer, d *derive.Department, note string) {
	t := Table{Title: fmt.Sprintf("%d年 %s 预算与绩效长表（多年同一格式）", d.Year, d.Name), Columns: longColumns}
	year := strconv.Itoa(d.Year)
	add := func(project, kind, item, phase, value, unit string) {
		t.Rows = append(t.Rows, []string{year, d.Code, project, kind, item, phase, value, unit})
	}
	yuan := func(f money.Fen) string { return f.String() }
	for _, p := range d.Projects {
		initial, adjusted := p.Budgets()
		add(p.Code, "project", "", phasePlanned, yuan(initial), "元")
		add(p.Code, "project", "", phaseAdjusted, yuan(adjusted), "元")
		add(p.Code, "project", "", phaseExecuted, yuan(p.Executed), "元")
		for _, l := range p.Lines {
			add(p.Code, "budget_line", l.Name, phasePlanned, yuan(l.Amount.Fen), "元")
			add(p.Code, "budget_line", l.Name, phaseExecuted, yuan(l.Spent), "元")
		}
		actual := map[string]*model.Result{}
		if p.Results != nil && p.Results.Evaluation != nil {
			for i := range p.Results.Evaluation.Indicators {
				r := &p.Results.Evaluation.Indicators[i]
				actual[rules.Normalize(r.Name)] = r
			}
		}
		for _, in := range p.Indicators {
			value := strings.TrimSpace(in.Operator.Kind.Symbol() + in.Value)
			if in.Operator.Kind == model.OpText {
				value = in.Target()
			}
			add(p.Code, "indicator", in.Name, phaseTarget, value, in.Unit)
			if r := actual[rules.Normalize(in.Name)]; r != nil && r.Actual != "" {
				add(p.Code, "indicator", in.Name, phaseActual, r.Actual, in.Unit)
			}
		}
	}
	w.csv(deptDir(d)+"data/long.csv", resourceName(year, d.Code, "long"), note, t)
}

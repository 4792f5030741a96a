package web

import (
	"cmp"
	"html/template"
	"slices"

	"disclose/generator/derive"
	"disclose/generator/model"
	"disclose/generator/present"
)

func deptDir(d *derive.Department) string { return present.DeptDir(d.Year, d.Code) }

func deptView(d *derive.Department, render func(model.Markdown) template.HTML) *DeptView {
	v := &DeptView{
		Department:      d,
		Href:            deptDir(d) + "index.html",
		OverallGoalHTML: render(d.OverallGoal),
		MeasuresHTML:    render(d.Measures),
		MeasuresHeading: present.MeasuresHeading(d.MeasuresTitle),
		IndicatorTable:  deptIndicators(d),
	}
	promoteDept(v, d)
	illustrative := d.Illustrative
	if d.Illustrative {
		v.Notes = append(v.Notes, cmp.Or(d.Note, present.IllustrativeYearNote))
	}
	for _, f := range d.Spending {
		if f.Illustrative {
			illustrative = true
			v.Notes = appendUnique(v.Notes, present.SpendingNote(f.Note, present.Page))
		}
	}
	for i := range d.SpecialFunds.Funds {
		f := &d.SpecialFunds.Funds[i]
		v.SpecialFundViews = append(v.SpecialFundViews, SpecialFundView{SpecialFund: f, IndicatorTable: indicatorTable(f.Name+" 绩效指标", f.Indicators, nil, d.Rules)})
	}
	through := 12
	if !d.Through.IsZero() {
		through = d.Through.Month()
	}
	for _, p := range d.Projects {
		pv := &ProjectView{
			Project:         p,
			Dept:            v,
			Href:            "projects/" + p.Code + ".html",
			DescriptionHTML: render(p.Description),
			IndicatorTable:  indicatorTable(p.Name+" 绩效指标", p.Indicators, p.Levels, d.Rules),
		}
		promoteProject(pv, p)
		// Charts of what was published: a self-evaluation form has no plan,
		// no budget lines and no spending records.
		if len(p.Plan) > 0 {
			pv.Charts = append(pv.Charts, planChart(p, illustrative, planTableID, planTableCaption))
		}
		if p.Records > 0 {
			pv.Charts = append(pv.Charts, monthlyChart(p, through, illustrative))
		}
		if len(p.BudgetLines) > 0 {
			pv.Charts = append(pv.Charts, linesChart(p, illustrative))
		}
		pv.LineRows, pv.CheckpointRows = lineRows(p), checkpointRows(p)
		if d.Rules != nil {
			pv.PlanRule = present.PlanRule(&d.Rules.Monitoring)
		}
		_, adjusted := p.Budgets()
		pv.TotalWan, pv.SpentYuan, pv.RatePct = wan(p.Total), p.Spent.Yuan(), pct(p.ExecutionRate)
		pv.AdjustedWan, pv.ExecutedWan = adjustedWan(p), executedWan(p)
		pv.Published = adjusted != p.Total.Fen || p.Executed != p.Spent
		if p.Evaluation != nil {
			pv.Form = present.Evaluation(p.Evaluation, p.Results.Budget, p.Indicators, p.Levels, d.Rules)
			v.Findings = append(v.Findings, present.Findings(p.Code, p.Name, p.Evaluation)...)
		}
		pv.Data = projectLinks(p)
		v.ProjectViews = append(v.ProjectViews, pv)
	}
	if len(d.Projects) > 0 {
		v.Charts = []Chart{budgetsChart(d, illustrative), ratesChart(d, illustrative)}
	}
	if d.Evaluation != nil {
		v.DeptForm = present.DeptEvaluation(d.Evaluation, d.Department.Budget, d.Indicators, d.Levels, d.Rules)
		v.Findings = append(present.Findings("", present.DeptName, d.Evaluation), v.Findings...)
	}
	evaluated, resultsIllustrative, count := false, false, 0
	for _, p := range d.Projects {
		if p.Evaluation != nil {
			count++
		}
		evaluated = evaluated || p.Evaluation != nil
		resultsIllustrative = resultsIllustrative || (p.Results != nil && p.Results.Illustrative)
	}
	if d.Evaluation != nil {
		count++
	}
	v.NoFindings = present.NoFindings(count)
	if evaluated {
		v.Overview = append(v.Overview, countChart("chart_grades", "各项目绩效自评等级", "等级", d.Grades, resultsIllustrative))
	}
	if len(d.Projects) > 0 {
		v.Overview = append(v.Overview, countChart("chart_lights", "各项目执行进度（最近一次监控或已到期的时间节点）", "执行进度", lightCounts(d.Lights), illustrative))
	}
	v.Data = deptLinks()
	return v
}

func appendUnique(list []string, items ...string) []string {
	for _, s := range items {
		if !slices.Contains(list, s) {
			list = append(list, s)
		}
	}
	return list
}

// deptIndicators is the 部门整体绩效指标 table, under its own heading.
func deptIndicators(d *derive.Department) IndicatorTable {
	t := indicatorTable("部门整体绩效指标", d.Indicators, d.Levels, d.Rules)
	t.HideCaption = true
	return t
}

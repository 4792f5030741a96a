package web

import (
	"encoding/json"

	"disclose/generator/derive"
	"disclose/generator/model"
	"disclose/generator/money"
)

// The open-data JSON: amounts in 元 as numbers with two decimals, rates in
// percent; written from exact values as json.Number, never through float.

type indicatorJSON struct {
	Level1      string `json:"level1"`
	Level2      string `json:"level2"`
	Name        string `json:"name"`
	Description string `json:"description"`
	Operator    string `json:"operator"`
	Value       string `json:"value"`
	Unit        string `json:"unit"`
	Basis       string `json:"basis"`
	Weight      string `json:"weight,omitempty"`
}

func indicatorsJSON(rows []model.Indicator) []indicatorJSON {
	out := make([]indicatorJSON, len(rows))
	for i, r := range indicatorRows(rows) {
		out[i] = indicatorJSON{r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8]}
	}
	return out
}

func yuanJSON(f money.Fen) json.Number { return json.Number(f.String()) }

func projectSummary(p *derive.Project) map[string]any {
	return map[string]any{
		"code": p.Code, "name": p.Name, "total_yuan": yuanJSON(p.Total.Fen), "spent_yuan": yuanJSON(p.Spent),
		"execution_rate_percent": numberOrNull(rateText(p.ExecutionRate)),
	}
}

func numberOrNull(s string) any {
	if s == "" {
		return nil
	}
	return json.Number(s)
}

func departmentJSON(v *DeptView) map[string]any {
	d := v.Department
	var projects []map[string]any
	for _, p := range d.Projects {
		projects = append(projects, projectSummary(p))
	}
	var funds []map[string]any
	for _, f := range d.SpecialFunds.Funds {
		funds = append(funds, map[string]any{"name": f.Name, "amount_yuan": yuanJSON(f.Amount.Fen), "indicators": indicatorsJSON(f.Indicators)})
	}
	return map[string]any{
		"code": d.Code, "name": d.Name, "year": d.Year, "publisher": d.Publisher, "published": d.Published.String(), "title": d.Title,
		"overall_goal": d.OverallGoal.Text, "sub_targets": d.SubTargets, "indicators": indicatorsJSON(d.Indicators),
		"measures_heading": v.MeasuresHeading, "measures": d.Measures.Text,
		"special_funds": map[string]any{"explanation": d.SpecialFunds.Explanation, "funds": nonNil(funds)},
		"budget_yuan":   yuanJSON(d.Budget), "spent_yuan": yuanJSON(d.Spent), "execution_rate_percent": numberOrNull(rateText(d.ExecutionRate)),
		"records_through": d.Through.String(), "projects": nonNil(projects), "illustrative_notes": nonNil(v.Notes),
	}
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func projectJSON(v *DeptView, pv *ProjectView) map[string]any {
	p := pv.Project
	m := projectSummary(p)
	var funds, lines, plan, targets []map[string]any
	for _, f := range p.Funds {
		funds = append(funds, map[string]any{"source": f.Kind, "amount_yuan": yuanJSON(f.Amount.Fen)})
	}
	for _, l := range p.Lines {
		lines = append(lines, map[string]any{"name": l.Name, "budget_yuan": yuanJSON(l.Amount.Fen), "spent_yuan": yuanJSON(l.Spent),
			"execution_rate_percent": numberOrNull(rateText(l.ExecutionRate))})
	}
	for _, c := range p.Checkpoints {
		cp := map[string]any{"label": c.Label, "date": c.Date.String(), "planned_percent": numberOrNull(rateText(c.PlannedPercent)),
			"planned_yuan": yuanJSON(c.Planned), "reached": c.Reached}
		if c.Reached {
			cp["actual_yuan"] = yuanJSON(c.Actual)
			cp["actual_percent"] = numberOrNull(rateText(c.ActualPercent))
			cp["deviation_points"] = numberOrNull(rateText(c.Deviation))
		}
		plan = append(plan, cp)
	}
	for _, t := range p.Targets {
		targets = append(targets, map[string]any{"label": t.Label, "text": t.Text})
	}
	m["department"] = map[string]any{"code": v.Code, "name": v.Name, "year": v.Year}
	m["template"] = p.Template
	m["purpose"] = p.Purpose
	m["funds"] = nonNil(funds)
	m["budget_lines"] = nonNil(lines)
	m["plan"] = nonNil(plan)
	m["targets"] = nonNil(targets)
	m["indicators"] = indicatorsJSON(p.Indicators)
	m["description"] = p.Description.Text
	m["records"] = p.Records
	m["records_through"] = v.Through.String()
	m["illustrative_notes"] = nonNil(v.Notes)
	return m
}

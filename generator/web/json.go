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

// The JSON documents are structs with their keys in alphabetical order
// (as encoding/json writes maps): several times faster to encode than maps.

type projectSummaryJSON struct {
	Code          string      `json:"code"`
	ExecutionRate numNull     `json:"execution_rate_percent"`
	Name          string      `json:"name"`
	Spent         json.Number `json:"spent_yuan"`
	Total         json.Number `json:"total_yuan"`
}

// numNull is a number, or null when there is none (a rate without a budget).
type numNull string

func (n numNull) MarshalJSON() ([]byte, error) {
	if n == "" {
		return []byte("null"), nil
	}
	return []byte(n), nil
}

func projectSummary(p *derive.Project) projectSummaryJSON {
	return projectSummaryJSON{Code: p.Code, Name: p.Name, Total: yuanJSON(p.Total.Fen), Spent: yuanJSON(p.Spent),
		ExecutionRate: numNull(rateText(p.ExecutionRate))}
}

type fundJSON struct {
	Amount     json.Number     `json:"amount_yuan"`
	Indicators []indicatorJSON `json:"indicators"`
	Name       string          `json:"name"`
}

type specialFundsJSON struct {
	Explanation string     `json:"explanation"`
	Funds       []fundJSON `json:"funds"`
}

type departmentDoc struct {
	Budget          json.Number      `json:"budget_yuan"`
	Code            string           `json:"code"`
	ExecutionRate   numNull          `json:"execution_rate_percent"`
	Notes           []string         `json:"illustrative_notes"`
	Indicators      []indicatorJSON  `json:"indicators"`
	Measures        string           `json:"measures"`
	MeasuresHeading string           `json:"measures_heading"`
	Name            string           `json:"name"`
	OverallGoal     string           `json:"overall_goal"`
	Projects        []projectDoc     `json:"projects"`
	Published       string           `json:"published"`
	Publisher       string           `json:"publisher"`
	RecordsThrough  string           `json:"records_through"`
	SpecialFunds    specialFundsJSON `json:"special_funds"`
	Spent           json.Number      `json:"spent_yuan"`
	SubTargets      []string         `json:"sub_targets"`
	Title           string           `json:"title"`
	Year            int              `json:"year"`
}

func departmentJSON(v *DeptView) departmentDoc {
	d := v.Department
	// Every project in full: one document per department (a province has
	// five thousand projects; a file each doubled the files to publish).
	projects := make([]projectDoc, 0, len(v.ProjectViews))
	for _, pv := range v.ProjectViews {
		projects = append(projects, projectJSON(v, pv))
	}
	funds := []fundJSON{}
	for _, f := range d.SpecialFunds.Funds {
		funds = append(funds, fundJSON{Name: f.Name, Amount: yuanJSON(f.Amount.Fen), Indicators: indicatorsJSON(f.Indicators)})
	}
	return departmentDoc{
		Code: d.Code, Name: d.Name, Year: d.Year, Publisher: d.Publisher, Published: d.Published.String(), Title: d.Title,
		OverallGoal: d.OverallGoal.Text, SubTargets: nonNil(d.SubTargets), Indicators: indicatorsJSON(d.Indicators),
		MeasuresHeading: v.MeasuresHeading, Measures: d.Measures.Text,
		SpecialFunds: specialFundsJSON{Explanation: d.SpecialFunds.Explanation, Funds: funds},
		Budget:       yuanJSON(d.Budget), Spent: yuanJSON(d.Spent), ExecutionRate: numNull(rateText(d.ExecutionRate)),
		RecordsThrough: d.Through.String(), Projects: projects, Notes: nonNil(v.Notes),
	}
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

type projectFundJSON struct {
	Amount json.Number `json:"amount_yuan"`
	Source string      `json:"source"`
}

type lineJSON struct {
	Budget        json.Number `json:"budget_yuan"`
	ExecutionRate numNull     `json:"execution_rate_percent"`
	Name          string      `json:"name"`
	Spent         json.Number `json:"spent_yuan"`
}

type checkpointJSON struct {
	ActualPercent  *numNull    `json:"actual_percent,omitempty"`
	Actual         json.Number `json:"actual_yuan,omitempty"`
	Date           string      `json:"date"`
	Deviation      *numNull    `json:"deviation_points,omitempty"`
	Label          string      `json:"label"`
	PlannedPercent numNull     `json:"planned_percent"`
	Planned        json.Number `json:"planned_yuan"`
	Reached        bool        `json:"reached"`
}

type targetJSON struct {
	Label string `json:"label"`
	Text  string `json:"text"`
}

type deptRefJSON struct {
	Code string `json:"code"`
	Name string `json:"name"`
	Year int    `json:"year"`
}

type projectDoc struct {
	BudgetLines    []lineJSON        `json:"budget_lines"`
	Code           string            `json:"code"`
	Department     *deptRefJSON      `json:"department,omitempty"`
	Description    string            `json:"description"`
	ExecutionRate  numNull           `json:"execution_rate_percent"`
	Funds          []projectFundJSON `json:"funds"`
	Notes          []string          `json:"illustrative_notes"`
	Indicators     []indicatorJSON   `json:"indicators"`
	Name           string            `json:"name"`
	Plan           []checkpointJSON  `json:"plan"`
	Purpose        string            `json:"purpose"`
	Records        int               `json:"records"`
	RecordsThrough string            `json:"records_through"`
	Spent          json.Number       `json:"spent_yuan"`
	Targets        []targetJSON      `json:"targets"`
	Template       string            `json:"template"`
	Total          json.Number       `json:"total_yuan"`
}

func projectJSON(v *DeptView, pv *ProjectView) projectDoc {
	p := pv.Project
	sum := projectSummary(p)
	doc := projectDoc{
		Code: sum.Code, Name: sum.Name, Total: sum.Total, Spent: sum.Spent, ExecutionRate: sum.ExecutionRate,
		Template: p.Template, Purpose: p.Purpose, Indicators: indicatorsJSON(p.Indicators), Description: p.Description.Text,
		Records: p.Records, RecordsThrough: v.Through.String(), Notes: nonNil(v.Notes),
		Funds: []projectFundJSON{}, BudgetLines: []lineJSON{}, Plan: []checkpointJSON{}, Targets: []targetJSON{},
	}
	for _, f := range p.Funds {
		doc.Funds = append(doc.Funds, projectFundJSON{Source: f.Kind, Amount: yuanJSON(f.Amount.Fen)})
	}
	for _, l := range p.Lines {
		doc.BudgetLines = append(doc.BudgetLines, lineJSON{Name: l.Name, Budget: yuanJSON(l.Amount.Fen), Spent: yuanJSON(l.Spent),
			ExecutionRate: numNull(rateText(l.ExecutionRate))})
	}
	for _, c := range p.Checkpoints {
		cp := checkpointJSON{Label: c.Label, Date: c.Date.String(), PlannedPercent: numNull(rateText(c.PlannedPercent)),
			Planned: yuanJSON(c.Planned), Reached: c.Reached}
		if c.Reached {
			cp.Actual = yuanJSON(c.Actual)
			ap, dv := numNull(rateText(c.ActualPercent)), numNull(rateText(c.Deviation))
			cp.ActualPercent, cp.Deviation = &ap, &dv
		}
		doc.Plan = append(doc.Plan, cp)
	}
	for _, t := range p.Targets {
		doc.Targets = append(doc.Targets, targetJSON{Label: t.Label, Text: t.Text})
	}
	return doc
}

package web

import (
	"encoding/json"
	"math/big"

	"disclose/generator/derive"
	"disclose/generator/model"
	"disclose/generator/money"
	"disclose/generator/num"
)

// The open-data JSON: amounts in 元 as numbers with two decimals, rates in
// percent; written from exact values as json.Number, never through float.

type indicatorJSON struct {
	Basis       string     `json:"basis"`
	Description string     `json:"description"`
	Direction   string     `json:"direction"`
	Level1      string     `json:"level1"`
	Level2      string     `json:"level2"`
	Name        string     `json:"name"`
	Operator    string     `json:"operator"`
	Parts       []partJSON `json:"parts"`
	Unit        string     `json:"unit"`
	Value       string     `json:"value"`
	Weight      string     `json:"weight,omitempty"`
}

// partJSON is a 其中 row under an indicator.
type partJSON struct {
	Name  string `json:"name"`
	Unit  string `json:"unit"`
	Value string `json:"value"`
}

func indicatorsJSON(rows []model.Indicator) []indicatorJSON {
	out := make([]indicatorJSON, len(rows))
	for i := range rows {
		in := &rows[i]
		parts := make([]partJSON, len(in.Parts))
		for j, p := range in.Parts {
			parts[j] = partJSON{Name: p.Name, Value: p.Value, Unit: p.Unit}
		}
		weight := ""
		if in.Weight != nil {
			weight = in.Weight.String()
		}
		out[i] = indicatorJSON{Level1: in.Level1, Level2: in.Level2, Name: in.Name, Description: in.Description,
			Operator: in.Operator.Raw, Value: in.Value, Unit: in.Unit, Basis: in.Basis, Weight: weight,
			Direction: string(in.Direction()), Parts: parts}
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

// The nullable figures of the open data, as exact decimal text.
func rateNull(r *big.Rat) numNull   { return numNull(rateText(r)) }
func scoreNull(r *big.Rat) numNull  { return numNull(scoreText(r)) }
func pointsNull(r *big.Rat) numNull { return numNull(pointsText(r)) }
func decNull(d *num.Decimal) numNull {
	if d == nil {
		return ""
	}
	return numNull(d.String())
}
func amountNull(a *money.Amount) numNull {
	if a == nil {
		return ""
	}
	return numNull(a.Fen.String())
}

func projectSummary(p *derive.Project) projectSummaryJSON {
	return projectSummaryJSON{Code: p.Code, Name: p.Name, Total: yuanJSON(p.Total.Fen), Spent: yuanJSON(p.Spent),
		ExecutionRate: rateNull(p.ExecutionRate)}
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

// levelJSON is a 一级 (or 二级) heading of an indicator table with its 分值
// as printed: one number, or a range the evaluation settles.
type levelJSON struct {
	Level1    string  `json:"level1"`
	Level2    string  `json:"level2"`
	Weight    string  `json:"weight"`
	WeightMax numNull `json:"weight_max"`
	WeightMin numNull `json:"weight_min"`
}

func levelsJSON(levels []model.Level) []levelJSON {
	out := make([]levelJSON, len(levels))
	for i, l := range levels {
		out[i] = levelJSON{Level1: l.Level1, Level2: l.Level2}
		if l.Weight != nil {
			out[i].Weight = l.Weight.String()
			out[i].WeightMin, out[i].WeightMax = numNull(l.Weight.Min.String()), numNull(l.Weight.Max.String())
		}
	}
	return out
}

// deptBudgetJSON is the department's own 年初预算数 and 全年预算数, when its
// department.yaml gives them, in 元 and as published.
type deptBudgetJSON struct {
	AdjustedPublished string  `json:"adjusted_published"`
	Adjusted          numNull `json:"adjusted_yuan"`
	InitialPublished  string  `json:"initial_published"`
	Initial           numNull `json:"initial_yuan"`
}

type departmentDoc struct {
	Budget     json.Number    `json:"budget_yuan"`
	Code       string         `json:"code"`
	DeptBudget deptBudgetJSON `json:"department_budget"`
	// Evaluation is the department's own self-evaluation (部门整体绩效自评),
	// null without one.
	Evaluation      *evaluationJSON  `json:"evaluation"`
	ExecutionRate   numNull          `json:"execution_rate_percent"`
	Notes           []string         `json:"illustrative_notes"`
	Indicators      []indicatorJSON  `json:"indicators"`
	Levels          []levelJSON      `json:"levels"`
	Measures        string           `json:"measures"`
	MeasuresHeading string           `json:"measures_heading"`
	Name            string           `json:"name"`
	OverallGoal     string           `json:"overall_goal"`
	Projects        []projectDoc     `json:"projects"`
	Published       string           `json:"published"`
	PublishedIn     string           `json:"published_in"`
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
	b := d.Department.Budget
	var eval *evaluationJSON
	if d.Evaluation != nil {
		eval = evaluationDoc(d.Evaluation)
	}
	return departmentDoc{
		Evaluation: eval,
		Code:       d.Code, Name: d.Name, Year: d.Year, Publisher: d.Publisher, Published: d.Published.String(), Title: d.Title,
		PublishedIn: d.Origin, Levels: levelsJSON(d.Levels),
		OverallGoal: d.OverallGoal.Text, SubTargets: nonNil(d.SubTargets), Indicators: indicatorsJSON(d.Indicators),
		MeasuresHeading: v.MeasuresHeading, Measures: d.Measures.Text,
		SpecialFunds: specialFundsJSON{Explanation: d.SpecialFunds.Explanation, Funds: funds},
		Budget:       yuanJSON(d.Budget), Spent: yuanJSON(d.Spent), ExecutionRate: rateNull(d.ExecutionRate),
		DeptBudget: deptBudgetJSON{Initial: amountNull(b.Initial), InitialPublished: published(b.Initial),
			Adjusted: amountNull(b.Adjusted), AdjustedPublished: published(b.Adjusted)},
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

// budgetJSON is a project's money block (年初预算数, 全年预算数, 全年执行数)
// as the figures count (in 元) and as the form published them, with its
// 其中 rows.
type budgetJSON struct {
	AdjustedPublished string          `json:"adjusted_published"`
	Adjusted          json.Number     `json:"adjusted_yuan"`
	ExecutedPublished string          `json:"executed_published"`
	ExecutedSource    string          `json:"executed_source"`
	Executed          json.Number     `json:"executed_yuan"`
	InitialPublished  string          `json:"initial_published"`
	Initial           json.Number     `json:"initial_yuan"`
	Rows              []budgetRowJSON `json:"rows"`
}

// budgetRowJSON is a 其中 row of the money block, figures as published.
type budgetRowJSON struct {
	AdjustedPublished string  `json:"adjusted_published"`
	Adjusted          numNull `json:"adjusted_yuan"`
	ExecutedPublished string  `json:"executed_published"`
	Executed          numNull `json:"executed_yuan"`
	InitialPublished  string  `json:"initial_published"`
	Initial           numNull `json:"initial_yuan"`
	Name              string  `json:"name"`
}

type projectDoc struct {
	Budget           budgetJSON        `json:"budget"`
	BudgetLines      []lineJSON        `json:"budget_lines"`
	Category         string            `json:"category"`
	Code             string            `json:"code"`
	Department       *deptRefJSON      `json:"department,omitempty"`
	Description      string            `json:"description"`
	Evaluation       *evaluationJSON   `json:"evaluation"`
	Executed         json.Number       `json:"executed_yuan"`
	ExecutionRate    numNull           `json:"execution_rate_percent"`
	Funds            []projectFundJSON `json:"funds"`
	Notes            []string          `json:"illustrative_notes"`
	Implementer      string            `json:"implementer"`
	Indicators       []indicatorJSON   `json:"indicators"`
	Levels           []levelJSON       `json:"levels"`
	Manager          string            `json:"manager"`
	Monitoring       []monitoringJSON  `json:"monitoring"`
	MonitoringStatus string            `json:"monitoring_status"`
	Name             string            `json:"name"`
	Office           string            `json:"office"`
	Plan             []checkpointJSON  `json:"plan"`
	PublishedIn      string            `json:"published_in"`
	Purpose          string            `json:"purpose"`
	Records          int               `json:"records"`
	RecordsThrough   string            `json:"records_through"`
	ResultsExample   bool              `json:"results_illustrative"`
	ResultsNote      string            `json:"results_note"`
	Spent            json.Number       `json:"spent_yuan"`
	Supervisor       string            `json:"supervisor"`
	Targets          []targetJSON      `json:"targets"`
	Template         string            `json:"template"`
	Total            json.Number       `json:"total_yuan"`
}

func projectJSON(v *DeptView, pv *ProjectView) projectDoc {
	p := pv.Project
	sum := projectSummary(p)
	doc := projectDoc{
		Code: sum.Code, Name: sum.Name, Total: sum.Total, Spent: sum.Spent, ExecutionRate: sum.ExecutionRate,
		Executed: yuanJSON(p.Executed), Budget: projectBudgetJSON(p),
		Category: p.Category, Supervisor: p.Supervisor, Implementer: p.Implementer, Office: p.Office, Manager: p.Manager,
		PublishedIn: p.Origin, Levels: levelsJSON(p.Levels),
		Template: p.Template, Purpose: p.Purpose, Indicators: indicatorsJSON(p.Indicators), Description: p.Description.Text,
		Records: p.Records, RecordsThrough: v.Through.String(), Notes: nonNil(v.Notes),
		Funds: []projectFundJSON{}, BudgetLines: []lineJSON{}, Plan: []checkpointJSON{}, Targets: []targetJSON{},
		Monitoring: []monitoringJSON{}, MonitoringStatus: monitoringStatus(p),
	}
	if p.Results != nil {
		doc.ResultsExample, doc.ResultsNote = p.Results.Illustrative, p.Results.Note
	}
	for _, f := range p.Funds {
		doc.Funds = append(doc.Funds, projectFundJSON{Source: f.Kind, Amount: yuanJSON(f.Amount.Fen)})
	}
	for _, l := range p.Lines {
		doc.BudgetLines = append(doc.BudgetLines, lineJSON{Name: l.Name, Budget: yuanJSON(l.Amount.Fen), Spent: yuanJSON(l.Spent),
			ExecutionRate: rateNull(l.ExecutionRate)})
	}
	for _, c := range p.Checkpoints {
		cp := checkpointJSON{Label: c.Label, Date: c.Date.String(), PlannedPercent: rateNull(c.PlannedPercent),
			Planned: yuanJSON(c.Planned), Reached: c.Reached}
		if c.Reached {
			cp.Actual = yuanJSON(c.Actual)
			ap, dv := rateNull(c.ActualPercent), rateNull(c.Deviation)
			cp.ActualPercent, cp.Deviation = &ap, &dv
		}
		doc.Plan = append(doc.Plan, cp)
	}
	for _, t := range p.Targets {
		doc.Targets = append(doc.Targets, targetJSON{Label: t.Label, Text: t.Text})
	}
	for i := range p.Monitoring {
		doc.Monitoring = append(doc.Monitoring, monitoringDoc(&p.Monitoring[i]))
	}
	if p.Evaluation != nil {
		doc.Evaluation = evaluationDoc(p.Evaluation)
	}
	return doc
}

func projectBudgetJSON(p *derive.Project) budgetJSON {
	initial, adjusted := p.Budgets()
	b := budgetJSON{Initial: yuanJSON(initial), Adjusted: yuanJSON(adjusted), Executed: yuanJSON(p.Executed),
		ExecutedSource: executedSource(p), Rows: []budgetRowJSON{}}
	if p.Results == nil {
		return b
	}
	rb := p.Results.Budget
	b.InitialPublished, b.AdjustedPublished, b.ExecutedPublished = published(rb.Initial), published(rb.Adjusted), published(rb.Executed)
	for _, r := range rb.Rows {
		b.Rows = append(b.Rows, budgetRowJSON{Name: r.Name,
			Initial: amountNull(r.Initial), InitialPublished: published(r.Initial),
			Adjusted: amountNull(r.Adjusted), AdjustedPublished: published(r.Adjusted),
			Executed: amountNull(r.Executed), ExecutedPublished: published(r.Executed)})
	}
	return b
}

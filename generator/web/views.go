package web

import (
	"html/template"
	"math/big"
	"strings"

	"disclose/generator/derive"
	"disclose/generator/model"
	"disclose/generator/money"
	"disclose/generator/present"
	"disclose/generator/rules"
)

// IndexView lists the departments by year.
type IndexView struct{ Years []*YearView }

// YearView sums one year.
type YearView struct {
	Year          int
	Report        *Download    // the combined annual report, when one book
	Volumes       []VolumeLink // its volumes, when more than one
	Departments   []IndexRow
	Projects      int
	Budget, Spent money.Fen
	ExecutionRate *big.Rat
}

// VolumeLink is one volume of a year's combined report: its download and
// the first and last departments it holds.
type VolumeLink struct {
	*Download
	Number      int
	First, Last string
}

// volumeLinks are the volumes of y's combined report that were written or
// kept, nil when the year has one book (or none).
func volumeLinks(y *YearView, reports map[string]int64, per int) []VolumeLink {
	var links []VolumeLink
	for _, v := range present.Volumes(len(y.Departments), per) {
		if d := download(reports, v.Report(y.Year), ""); d != nil && v.Of > 1 {
			links = append(links, VolumeLink{Download: d, Number: v.Number, First: y.Departments[v.From].Name, Last: y.Departments[v.To-1].Name})
		}
	}
	return links
}

// BudgetWan and SpentWan format the year's totals.
func (y *YearView) BudgetWan() string { return y.Budget.Wan(2) }

// SpentWan formats the year's spending.
func (y *YearView) SpentWan() string { return y.Spent.Wan(2) }

// DeptView is a department page's data.
type DeptView struct {
	*derive.Department
	Href             string // from the site root
	OverallGoalHTML  template.HTML
	MeasuresHTML     template.HTML
	MeasuresHeading  string
	IndicatorTable   IndicatorTable
	SpecialFundViews []SpecialFundView
	ProjectViews     []*ProjectView
	Charts           []Chart
	Overview         []Chart // projects by grade and by progress light
	Data             []Link
	Notes            []string
	// ReportFromDept links the department's PDF from its own pages.
	ReportFromDept *Download
	History        []Revision
	// Findings are the 自评得分复核: every printed figure of the projects'
	// self-evaluation forms that the rules do not give; NoFindings says so
	// when there is none.
	Findings   []present.FindingRow
	NoFindings string
	// DeptForm is the department's own self-evaluation, nil without one.
	DeptForm *present.EvalForm
	// Copies of the embedded department's fields that every project page
	// reads (promoted.go).
	Name, Title string
	Year        int
	Through     model.Date
}

// DeptEvaluationView gives the department's own self-evaluation, nil when
// it has none.
func (d *DeptView) DeptEvaluationView() *EvaluationView {
	if d.DeptForm == nil {
		return nil
	}
	return &EvaluationView{Evaluation: d.Evaluation, Form: d.DeptForm, Rules: d.Rules}
}

// FormsInline says whether the department page repeats each project's forms.
func (d *DeptView) FormsInline() bool { return len(d.ProjectViews) <= InlineProjectForms }

// BudgetWan formats the department's project budgets.
func (d *DeptView) BudgetWan() string { return wanFen(d.Budget) }

// SpentWan formats the department's 全年执行数.
func (d *DeptView) SpentWan() string { return wanFen(d.Spent) }

// DeptBudget is the department's own initial and adjusted budget, when its
// department.yaml gives them.
func (d *DeptView) DeptBudget() *struct{ Initial, Adjusted string } {
	b := d.Department.Department.Budget
	if b.Initial == nil && b.Adjusted == nil {
		return nil
	}
	out := &struct{ Initial, Adjusted string }{"—", "—"}
	if b.Initial != nil {
		out.Initial = wan(*b.Initial)
	}
	if b.Adjusted != nil {
		out.Adjusted = wan(*b.Adjusted)
	}
	return out
}

// Light is the project's latest monitoring status (derive.Project.Light).
func (p *ProjectView) Light() string {
	if st, ok := p.Project.Light(); ok {
		return present.Light(st)
	}
	return "—"
}

// LightClass names the latest light for the stylesheet.
func (p *ProjectView) LightClass() string {
	if st, ok := p.Project.Light(); ok {
		return st.Class()
	}
	return ""
}

// SpecialFundView is one special fund.
type SpecialFundView struct {
	*model.SpecialFund
	IndicatorTable IndicatorTable
}

// ProjectView is a project's data, on its own page and in its department's.
type ProjectView struct {
	*derive.Project
	Dept            *DeptView
	Href            string // from the department page
	DescriptionHTML template.HTML
	IndicatorTable  IndicatorTable
	Charts          []Chart
	Data            []Link
	LineRows        []LineRow
	CheckpointRows  []CheckpointRow
	PlanRule        string // what the plan table's 对照计划 column measures
	// TotalWan and SpentYuan are the totals row of the budget lines (the
	// records); AdjustedWan, ExecutedWan and RatePct the project's one
	// execution rate with what it is computed from. Published says the
	// 全年预算数 or 全年执行数 is the results' rather than total and records.
	TotalWan, SpentYuan      string
	AdjustedWan, ExecutedWan string
	RatePct                  string
	Published                bool
	Form                     *present.EvalForm
	// Copies of the embedded project's fields that the project templates
	// read (promoted.go).
	Name, Code, Template, Purpose, Origin string
	Total                                 money.Amount
	Funds                                 []model.Fund
	BudgetLines                           []model.BudgetLine
	Plan                                  []model.Checkpoint
	Targets                               []model.Target
	ExecutionRate                         *big.Rat
	Evaluation                            *derive.Evaluation
	Monitoring                            []derive.Monitoring
}

// SpentWan formats the project's 全年执行数 (as published, else the records)
// in 万元, at the source's precision.
func (p *ProjectView) SpentWan() string { return executedWan(p.Project) }

// AdjustedBudget is the 全年预算数 in 万元, at the source's precision.
func (p *ProjectView) AdjustedBudget() string { return adjustedWan(p.Project) }

func adjustedWan(p *derive.Project) string {
	if p.Results != nil && p.Results.Budget.Adjusted != nil {
		return present.WanOf(p.Results.Budget.Adjusted, 0)
	}
	return wan(p.Total)
}

func executedWan(p *derive.Project) string {
	if p.Results != nil && p.Results.Budget.Executed != nil {
		return present.WanOf(p.Results.Budget.Executed, 0)
	}
	return wanFen(p.Executed)
}

// Header are the header fields of the form that the project gives.
func (p *ProjectView) Header() []Field {
	return headerFields(p.Project.Project)
}

// LineRow is a budget line as the project page's table shows it: the
// figures formatted once here, not by a function call per cell in the
// template (a province has twenty thousand such rows).
type LineRow struct {
	Name, Budget, Spent, Rate string
}

// The plan table's id and caption: the plan chart's data is that table.
const (
	planTableID      = "plan-table"
	planTableCaption = "资金支出计划执行情况（累计）"
)

// CheckpointRow is a checkpoint of the spending plan as the project
// page's table shows it; the actual figures are set only when Reached.
type CheckpointRow struct {
	Label, Date, PlannedPercent, Planned string
	Reached                              bool
	Actual, ActualPercent, Deviation     string
	LightClass, Light                    string // of the deviation
}

func lineRows(p *derive.Project) []LineRow {
	rows := make([]LineRow, len(p.Lines))
	for i, l := range p.Lines {
		rows[i] = LineRow{Name: l.Name, Budget: wan(l.Amount), Spent: l.Spent.Yuan(), Rate: pct(l.ExecutionRate)}
	}
	return rows
}

func checkpointRows(p *derive.Project) []CheckpointRow {
	rows := make([]CheckpointRow, len(p.Checkpoints))
	for i, c := range p.Checkpoints {
		r := CheckpointRow{Label: c.Label, Date: c.Date.String(), PlannedPercent: pct(c.PlannedPercent), Planned: c.Planned.Yuan(), Reached: c.Reached}
		if c.Reached {
			r.Actual, r.ActualPercent, r.Deviation = c.Actual.Yuan(), pct(c.ActualPercent), deviation(c.Deviation)
			r.LightClass, r.Light = c.PlanStatus.Class(), present.Light(c.PlanStatus)
		}
		rows[i] = r
	}
	return rows
}

// MonitoringView is what the monitoring template needs.
type MonitoringView struct {
	Items []derive.Monitoring
	Rules *rules.Settings
}

// EvaluationView is what the evaluation template needs.
type EvaluationView struct {
	Evaluation *derive.Evaluation
	Form       *present.EvalForm
	Rules      *rules.Settings
}

// MonitoringView gives the monitoring with the rules that judged it.
func (p *ProjectView) MonitoringView() MonitoringView {
	return MonitoringView{Items: p.Monitoring, Rules: p.Dept.Rules}
}

// EvaluationView gives the evaluation with the rules that scored it.
func (p *ProjectView) EvaluationView() EvaluationView {
	return EvaluationView{Evaluation: p.Evaluation, Form: p.Form, Rules: p.Dept.Rules}
}

// Field is a labelled header field.
type Field struct{ Name, Value string }

// headerFields are the form's header fields that are given, in the order
// the forms print them.
func headerFields(p *model.Project) []Field {
	var out []Field
	for _, f := range []Field{{"项目类别", p.Category}, {"主管部门", p.Supervisor}, {"实施单位", p.Implementer}, {"归口科室", p.Office}, {"项目负责人", p.Manager}} {
		if strings.TrimSpace(f.Value) != "" {
			out = append(out, f)
		}
	}
	return out
}

// ResultNotes are the notices of illustrative monitoring and evaluation.
func (p *ProjectView) ResultNotes() []string {
	if p.Results == nil || !p.Results.Illustrative {
		return nil
	}
	return []string{present.ResultsNote(p.Results.Note)}
}

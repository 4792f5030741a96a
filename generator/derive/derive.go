// Package derive computes, exactly, the figures a disclosure shows beyond
// what the user wrote: for each project and each checkpoint of its spending
// plan (资金支出计划) the planned and the actual cumulative amount and
// percentage and the deviation in percentage points; the same per budget
// line; the execution rate (执行率) of projects and departments. It runs on
// checked content and never reports problems: that is check's job.
package derive

import (
	"math/big"
	"slices"

	"disclose/generator/model"
	"disclose/generator/money"
	"disclose/generator/num"
	"disclose/generator/score"
)

// Department holds a department's derived figures.
type Department struct {
	*model.Department
	// Budget is the sum of the projects' totals; Spent the sum of their records.
	Budget, Spent money.Fen
	// ExecutionRate is Spent ÷ Budget × 100, nil when there is no budget.
	ExecutionRate *big.Rat
	// Through is the last day the spending records cover.
	Through  model.Date
	Projects []*Project
	// Grades counts the evaluated projects by grade, in the rules' order,
	// then those not evaluated; Lights counts projects by the status of
	// their latest reached checkpoint or monitoring, green to red.
	Grades []Count
	Lights []LightCount
	// Evaluation is the department's own self-evaluation (部门整体绩效自评),
	// when department.yaml has one.
	Evaluation *Evaluation
	// Years compares the department with its earlier years (CompareYears);
	// nil in its first year.
	Years *Years
}

// Count is a number of projects in a class.
type Count struct {
	Name  string
	Count int
}

// LightCount is a number of projects whose latest monitoring status
// (监控状态) is Status: the renderers name it (score.Status.Word,
// present.Light), so no word travels for a status.
type LightCount struct {
	Status score.Status
	Count  int
}

// CountIn is the number of projects in status s (0 when none).
func CountIn(cs []LightCount, s score.Status) int {
	for _, c := range cs {
		if c.Status == s {
			return c.Count
		}
	}
	return 0
}

// Project holds a project's derived figures.
type Project struct {
	*model.Project
	// Spent is the sum of the spending records; Executed the 全年执行数 that
	// counts (as published in the results, else Spent); ExecutionRate is
	// Executed ÷ 全年预算数 (the adjusted budget when known): the one rate
	// every page, table and file shows.
	Spent, Executed money.Fen
	ExecutionRate   *big.Rat
	// Checkpoints follow Project.Plan, one for one.
	Checkpoints []Checkpoint
	// Lines follow Project.BudgetLines, one for one.
	Lines []Line
	// Monthly is the spending of each month (index 0 = January), and
	// Cumulative the running total at each month's end.
	Monthly, Cumulative [12]money.Fen
	// Records counts the spending records of the project; Recs are they,
	// in date order (then file and line).
	Records int
	Recs    []*model.Record
	// Evaluation is the self-evaluation, when the results have one.
	Evaluation *Evaluation
	// Monitoring lists the in-year monitorings of the results.
	Monitoring []Monitoring
	// LastYear compares the project with its project of last year (与上年
	// 对比); nil when it is new or the department's first year.
	LastYear *ProjectYears
}

// Line holds a budget line's derived figures. Its plan assumes the line is
// spent at the project's planned pace, pro rata to its amount.
type Line struct {
	*model.BudgetLine
	Spent         money.Fen
	ExecutionRate *big.Rat
	Checkpoints   []Checkpoint
}

// Checkpoint compares plan and actual at one point of the spending plan.
type Checkpoint struct {
	*model.Checkpoint
	// Planned is the planned cumulative amount, rounded to the fen (四舍五入);
	// PlannedPercent is exact.
	Planned        money.Fen
	PlannedPercent *big.Rat
	// Reached is false when the records do not yet cover the checkpoint's
	// date; Actual, ActualPercent and Deviation are then unset.
	Reached       bool
	Actual        money.Fen
	ActualPercent *big.Rat
	// Deviation is ActualPercent − PlannedPercent, in percentage points.
	Deviation *big.Rat
	// Progress is (executed ÷ amount) ÷ (month ÷ 12) in percent, and Status
	// its light under the monitoring rules; Behind is true when actual is
	// more than the tolerance behind the plan, and PlanStatus the light of
	// the deviation (score.PlanStatusOf), which the plan table shows.
	Progress   *big.Rat
	Status     score.Status
	Behind     bool
	PlanStatus score.Status
}

// Site derives the figures of every department, in the model's order.
func Site(site *model.Site) []*Department {
	out := make([]*Department, len(site.Departments))
	for i, d := range site.Departments {
		out[i] = Dept(d)
	}
	return out
}

// Dept derives one department's figures.
func Dept(d *model.Department) *Department {
	through := d.RecordsThrough
	if through.IsZero() {
		through, _ = model.NewDate(d.Year, 12, 31)
	}
	dd := &Department{Department: d, Through: through}
	for _, p := range d.Projects {
		dp := &Project{Project: p}
		dp.Lines = make([]Line, len(p.BudgetLines))
		for i := range p.BudgetLines {
			dp.Lines[i].BudgetLine = &p.BudgetLines[i]
		}
		dd.Projects = append(dd.Projects, dp)
		_, adjusted := p.Budgets()
		dd.Budget += adjusted
	}
	// Records sorted by date make the cumulative sums one pass.
	byProject := map[string][]*model.Record{}
	for _, r := range sortedRecords(d.Records) {
		if r.Date.Year() == d.Year {
			byProject[r.Project] = append(byProject[r.Project], r)
		}
	}
	for _, dp := range dd.Projects {
		lineIndex := map[string]int{}
		for i, l := range dp.BudgetLines {
			lineIndex[l.Name] = i
		}
		var mine []*model.Record
		for _, r := range byProject[dp.Code] {
			if _, ok := lineIndex[r.BudgetLine]; ok {
				mine = append(mine, r)
			}
		}
		dp.Records, dp.Recs = len(mine), mine
		for _, r := range mine {
			dp.Spent += r.Amount
			dp.Lines[lineIndex[r.BudgetLine]].Spent += r.Amount
			dp.Monthly[r.Date.Month()-1] += r.Amount
		}
		var run money.Fen
		for m := range dp.Monthly {
			run += dp.Monthly[m]
			dp.Cumulative[m] = run
		}
		_, adjusted := dp.Budgets()
		dp.Executed = dp.Spent
		if dp.Results != nil {
			dp.Executed = score.Executed(dp.Results.Budget, dp.Spent)
		}
		dp.ExecutionRate = num.Percent(int64(dp.Executed), int64(adjusted))
		dp.Checkpoints = checkpoints(dp.Plan, dp.Total.Fen, through, mine)
		rs := d.Rules
		if rs != nil {
			for i := range dp.Checkpoints {
				c := &dp.Checkpoints[i]
				if c.Reached {
					c.Progress = score.Progress(c.Actual, dp.Total.Fen, c.Date.Month())
					c.Status = score.StatusOf(c.Progress, &rs.Monitoring)
					c.Behind = c.Deviation != nil && new(big.Rat).Neg(c.Deviation).Cmp(rs.Monitoring.Tolerance.Rat()) > 0
					c.PlanStatus = score.PlanStatusOf(c.Deviation, &rs.Monitoring)
				}
			}
			if dp.Results != nil {
				dp.Monitoring = monitor(dp, mine, rs)
				if dp.Results.Evaluation != nil {
					dp.Evaluation = evaluate(dp, rs)
				}
			}
		}
		// Each line's records, in date order: a line's checkpoints pass
		// over its own records, not every record of the project.
		byLine := make(map[string][]*model.Record, len(dp.Lines))
		for _, r := range mine {
			byLine[r.BudgetLine] = append(byLine[r.BudgetLine], r)
		}
		for i := range dp.Lines {
			l := &dp.Lines[i]
			l.ExecutionRate = num.Percent(int64(l.Spent), int64(l.Amount.Fen))
			l.Checkpoints = checkpoints(dp.Plan, l.Amount.Fen, through, byLine[l.Name])
		}
		dd.Spent += dp.Executed
	}
	dd.ExecutionRate = num.Percent(int64(dd.Spent), int64(dd.Budget))
	if d.Evaluation != nil && d.Rules != nil {
		dd.Evaluation = score.Evaluate(score.Sources{Indicators: d.Indicators, Levels: d.Levels, Evaluation: d.Evaluation,
			Budget: d.Budget, Total: dd.Budget, Spent: dd.Spent}, d.Rules)
	}
	dd.count()
	return dd
}

// checkpoints computes plan against actual for an amount, over its records
// (sorted by date).
func checkpoints(plan []model.Checkpoint, amount money.Fen, through model.Date, recs []*model.Record) []Checkpoint {
	out := make([]Checkpoint, len(plan))
	hundred := big.NewRat(100, 1)
	// The records are in date order: one pass gives the running total at
	// each checkpoint, taken in date order whatever order the plan lists.
	order := make([]int, len(plan))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return plan[a].Date.Compare(plan[b].Date) })
	next, total := 0, money.Fen(0)
	for _, i := range order {
		cp := &plan[i]
		c := Checkpoint{Checkpoint: cp, PlannedPercent: cp.Percent.Rat()}
		planned := new(big.Rat).Mul(new(big.Rat).SetInt64(int64(amount)), c.PlannedPercent)
		planned.Quo(planned, hundred)
		c.Planned = roundFen(planned)
		if !cp.Date.After(through) {
			c.Reached = true
			for ; next < len(recs) && !recs[next].Date.After(cp.Date); next++ {
				total += recs[next].Amount
			}
			c.Actual = total
			c.ActualPercent = num.Percent(int64(c.Actual), int64(amount))
			if c.ActualPercent != nil {
				c.Deviation = new(big.Rat).Sub(c.ActualPercent, c.PlannedPercent)
			}
		}
		out[i] = c
	}
	return out
}

// roundFen rounds an exact amount of fen half away from zero.
func roundFen(r *big.Rat) money.Fen {
	q, m := new(big.Int).QuoRem(r.Num(), r.Denom(), new(big.Int))
	if m.Abs(m).Mul(m, big.NewInt(2)).Cmp(r.Denom()) >= 0 {
		if r.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return money.Fen(q.Int64())
}

func sortedRecords(rs []model.Record) []*model.Record {
	out := make([]*model.Record, len(rs))
	for i := range rs {
		out[i] = &rs[i]
	}
	sortByDate(out)
	return out
}

// count tallies the projects by grade and by progress light.
func (d *Department) count() {
	if d.Rules == nil {
		return
	}
	grades := map[string]int{}
	lights := [3]int{}
	const incomplete, ungraded = "\x00incomplete", "\x00ungraded"
	for _, p := range d.Projects {
		switch e := p.Evaluation; {
		case e == nil:
			grades[""]++
		case !e.Complete:
			grades[incomplete]++
		case e.Grade == "":
			grades[ungraded]++
		default:
			grades[e.Grade]++
		}
		if st, ok := p.Light(); ok {
			lights[st]++
		}
	}
	for _, g := range d.Rules.Evaluation.Grades {
		d.Grades = append(d.Grades, Count{g.Name, grades[g.Name]})
	}
	d.Grades = append(d.Grades, Count{"未自评", grades[""]})
	// Shown only when there are such projects, so a site without them keeps
	// its tables.
	if n := grades[incomplete]; n > 0 {
		d.Grades = append(d.Grades, Count{"未完成自评", n})
	}
	if n := grades[ungraded]; n > 0 {
		d.Grades = append(d.Grades, Count{"分值不是百分制，不评等级", n})
	}
	for s := score.Green; s <= score.Red; s++ {
		d.Lights = append(d.Lights, LightCount{s, lights[s]})
	}
}

// Light is the project's latest monitoring status: of the latest reached
// checkpoint of its plan or of its latest monitoring snapshot, whichever is
// later (a snapshot on the same day wins: it is the published judgement).
// ok is false when neither exists.
func (p *Project) Light() (st score.Status, ok bool) {
	var at model.Date
	for i := len(p.Checkpoints) - 1; i >= 0; i-- {
		if c := p.Checkpoints[i]; c.Reached && (!ok || c.Date.After(at)) {
			st, at, ok = c.Status, c.Date, true
		}
	}
	for _, m := range p.Monitoring {
		if !ok || !at.After(m.Date) {
			st, at, ok = m.Status, m.Date, true
		}
	}
	return st, ok
}

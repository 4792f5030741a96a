package derive

import (
	"math/big"
	"slices"

	"disclose/generator/model"
	"disclose/generator/money"
	"disclose/generator/num"
	"disclose/generator/score"
)

// PastYear is what the next year of a department is compared with (上年):
// the year's totals with the earlier years' and its projects, small enough
// for the build cache to keep, so that a department's next year needs
// neither its files nor its derived figures.
type PastYear struct {
	// Totals are the department's figures for every year up to this one,
	// oldest first.
	Totals   []YearTotals
	Projects []PastProject
}

// YearTotals are a department's figures for one year (多年对比).
type YearTotals struct {
	Year          int
	Projects      int
	Budget, Spent money.Fen
	ExecutionRate *big.Rat
	// Grades and Lights count the projects as Department.Grades and
	// Department.Lights do.
	Grades []Count
	Lights []LightCount
}

// PastProject is a project of last year, as the next year compares it.
type PastProject struct {
	Code, Name, Previous string
	// Budget is the 全年预算数 (adjusted when known).
	Budget        money.Fen
	Lines         []PastLine
	Indicators    []score.PastIndicator
	ExecutionRate *big.Rat
	// Total and Grade are the self-evaluation's; nil and "" without one.
	Total *big.Rat
	Grade string
}

// PastLine is a budget line of last year.
type PastLine struct {
	Name   string
	Amount money.Fen
}

// Years is a department compared with its earlier years.
type Years struct {
	// Totals are every year up to this one, oldest first (this year last).
	Totals []YearTotals
	// Previous is the year compared with.
	Previous int
	// New are this year's projects with no project last year; Ended are
	// last year's projects that did not continue.
	New   []*Project
	Ended []PastProject
}

// ProjectYears is a project compared with last year.
type ProjectYears struct {
	Prev *PastProject
	Year int // the year compared with
	// Budget is last year's and this year's 全年预算数.
	Budget  Pair
	Lines   []LinePair
	Targets []score.TargetChange
	// Counts tallies Targets by kind; Flagged counts those lowered after
	// a miss.
	Counts  [score.NumChangeKinds]int
	Flagged int
}

// Pair is an amount of last year and this year; Has tells which exist.
type Pair struct {
	Prev, Cur       money.Fen
	HasPrev, HasCur bool
}

// Diff is Cur − Prev.
func (p Pair) Diff() money.Fen { return p.Cur - p.Prev }

// Change is the difference as a percentage of last year's, nil when last
// year's was zero or either is missing.
func (p Pair) Change() *big.Rat {
	if !p.HasPrev || !p.HasCur {
		return nil
	}
	return num.Percent(int64(p.Diff()), int64(p.Prev))
}

// LinePair is one budget line in both years.
type LinePair struct {
	Name string
	Pair
}

// totals are the department's own figures of its year.
func (d *Department) totals() YearTotals {
	return YearTotals{Year: d.Year, Projects: len(d.Projects), Budget: d.Budget, Spent: d.Spent,
		ExecutionRate: d.ExecutionRate, Grades: d.Grades, Lights: d.Lights}
}

// Past keeps what the department's next year compares with; earlier is
// the year before's (nil for the first year).
func Past(d *Department, earlier *PastYear) *PastYear {
	py := &PastYear{}
	if earlier != nil {
		py.Totals = slices.Clone(earlier.Totals)
	}
	py.Totals = append(py.Totals, d.totals())
	for _, p := range d.Projects {
		_, adjusted := p.Budgets()
		pp := PastProject{Code: p.Code, Name: p.Name, Previous: p.Previous, Budget: adjusted, ExecutionRate: p.ExecutionRate}
		for _, l := range p.BudgetLines {
			pp.Lines = append(pp.Lines, PastLine{Name: l.Name, Amount: l.Amount.Fen})
		}
		var sheet *score.Sheet
		if p.Evaluation != nil {
			sheet = p.Evaluation
			pp.Total, pp.Grade = p.Evaluation.Total, p.Evaluation.Grade
		}
		pp.Indicators = score.PastIndicators(p.Indicators, sheet)
		py.Projects = append(py.Projects, pp)
	}
	return py
}

// Predecessor finds a project's project of last year: the one its
// `previous` names, else the one with its code.
func (py *PastYear) Predecessor(p *model.Project) *PastProject {
	code := p.Code
	if p.Previous != "" {
		code = p.Previous
	}
	for i := range py.Projects {
		if py.Projects[i].Code == code {
			return &py.Projects[i]
		}
	}
	return nil
}

// CompareYears sets the department's Years and each continuing project's
// LastYear from last year's (past nil: the first year, nothing to compare).
func CompareYears(d *Department, past *PastYear) {
	if past == nil || len(past.Totals) == 0 {
		return
	}
	y := &Years{Totals: append(slices.Clone(past.Totals), d.totals()), Previous: past.Totals[len(past.Totals)-1].Year}
	continued := map[string]bool{}
	for _, p := range d.Projects {
		pp := past.Predecessor(p.Project)
		if pp == nil {
			y.New = append(y.New, p)
			continue
		}
		continued[pp.Code] = true
		p.LastYear = compareProject(p, pp, y.Previous)
	}
	for _, pp := range past.Projects {
		if !continued[pp.Code] {
			y.Ended = append(y.Ended, pp)
		}
	}
	d.Years = y
}

func compareProject(p *Project, pp *PastProject, year int) *ProjectYears {
	_, adjusted := p.Budgets()
	c := &ProjectYears{Prev: pp, Year: year, Budget: Pair{Prev: pp.Budget, Cur: adjusted, HasPrev: true, HasCur: true}}
	seen := map[string]bool{}
	for _, l := range p.BudgetLines {
		lp := LinePair{Name: l.Name, Pair: Pair{Cur: l.Amount.Fen, HasCur: true}}
		for _, o := range pp.Lines {
			if o.Name == l.Name {
				lp.Prev, lp.HasPrev = o.Amount, true
			}
		}
		seen[l.Name] = true
		c.Lines = append(c.Lines, lp)
	}
	for _, o := range pp.Lines {
		if !seen[o.Name] {
			c.Lines = append(c.Lines, LinePair{Name: o.Name, Pair: Pair{Prev: o.Amount, HasPrev: true}})
		}
	}
	c.Targets = score.CompareTargets(pp.Indicators, p.Indicators)
	for _, t := range c.Targets {
		c.Counts[t.Kind]++
		if t.LoweredAfterMiss {
			c.Flagged++
		}
	}
	return c
}

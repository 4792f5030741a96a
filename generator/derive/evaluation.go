package derive

import (
	"math/big"

	"disclose/generator/model"
	"disclose/generator/money"
	"disclose/generator/num"
	"disclose/generator/rules"
	"disclose/generator/score"
)

// Evaluation is a project's self-evaluation (绩效自评), in the layout of the
// 项目支出绩效自评表: budget execution and its score, each indicator's
// actual value and score, subtotals per 一级, the total and the grade.
type Evaluation struct {
	Results *model.Results
	// Initial and Adjusted are 年初预算数 and 全年预算数; Spent is 全年执行数.
	Initial, Adjusted, Spent money.Fen
	ExecutionRate            *big.Rat
	ExecutionWeight          *big.Rat
	ExecutionScore           *big.Rat // rounded to 0.01
	ExecutionFormula         string
	Indicators               []IndicatorScore
	Groups                   []GroupScore
	// Sum is the sum of the rounded scores; Weight the sum of the weights
	// that count (not-applicable indicators dropped). When Weight is not
	// 100 the total is Sum rescaled to 100.
	Sum, Weight *big.Rat
	Total       *big.Rat // rounded to 0.01
	Rescaled    bool
	Grade       string
}

// IndicatorScore is one indicator's line of the self-evaluation.
type IndicatorScore struct {
	*model.Indicator
	// Result is the indicator's actual value; nil when none was given.
	Result *model.Result
	// Category is the framework's 一级 category the row counts under.
	Category      string
	Weight        *big.Rat
	NotApplicable bool
	Outcome       score.Outcome
	Score         *big.Rat // rounded to 0.01; nil without a result
}

// GroupScore is the subtotal of one 一级 category.
type GroupScore struct {
	Name          string
	Weight, Score *big.Rat
}

var hundred = big.NewRat(100, 1)

// Weights returns each indicator's weight: the result's, else the target
// table's, else its 一级 category's weight shared equally among the rows of
// that category.
func Weights(rows []model.Indicator, res *model.Evaluation, rs *rules.Settings) []*big.Rat {
	byName := resultsByName(res)
	count := map[*rules.Level1]int{}
	cats := make([]*rules.Level1, len(rows))
	for i := range rows {
		cats[i], _, _ = rs.Classify(rows[i].Level1, rows[i].Level2)
		count[cats[i]]++
	}
	out := make([]*big.Rat, len(rows))
	for i := range rows {
		switch r := byName[rules.Normalize(rows[i].Name)]; {
		case r != nil && r.Weight != nil:
			out[i] = r.Weight.Rat()
		case rows[i].Weight != nil:
			out[i] = rows[i].Weight.Rat()
		case cats[i] != nil && cats[i].Weight != nil:
			out[i] = new(big.Rat).Quo(cats[i].Weight.Rat(), big.NewRat(int64(count[cats[i]]), 1))
		default:
			out[i] = new(big.Rat)
		}
	}
	return out
}

func resultsByName(res *model.Evaluation) map[string]*model.Result {
	m := map[string]*model.Result{}
	if res == nil {
		return m
	}
	for i := range res.Indicators {
		m[rules.Normalize(res.Indicators[i].Name)] = &res.Indicators[i]
	}
	return m
}

// evaluate scores a project with a year-end evaluation.
func evaluate(p *Project, rs *rules.Settings) *Evaluation {
	res := p.Results.Evaluation
	ev := &rs.Evaluation
	e := &Evaluation{Results: p.Results, Spent: p.Spent, ExecutionWeight: ev.ExecutionWeight.Rat()}
	e.Initial, e.Adjusted = p.Budgets()
	rate, exec, formula := score.Execution(p.Spent, e.Adjusted, e.ExecutionWeight)
	e.ExecutionRate, e.ExecutionScore, e.ExecutionFormula = rate, score.Round(exec), formula
	e.Sum = new(big.Rat).Set(e.ExecutionScore)
	e.Weight = new(big.Rat).Set(e.ExecutionWeight)

	byName := resultsByName(res)
	weights := Weights(p.Indicators, res, rs)
	groups := map[string]*GroupScore{}
	var order []string
	for i := range p.Indicators {
		in := &p.Indicators[i]
		is := IndicatorScore{Indicator: in, Result: byName[rules.Normalize(in.Name)], Weight: weights[i]}
		if l1, _, _ := rs.Classify(in.Level1, in.Level2); l1 != nil {
			is.Category = l1.Name
		} else {
			is.Category = in.Level1
		}
		g := groups[is.Category]
		if g == nil {
			g = &GroupScore{Name: is.Category, Weight: new(big.Rat), Score: new(big.Rat)}
			groups[is.Category] = g
			order = append(order, is.Category)
		}
		switch {
		case is.Result != nil && is.Result.NotApplicable != "":
			is.NotApplicable = true
		case is.Result != nil:
			is.Outcome = score.Indicator(in, is.Result, is.Weight, ev)
			if is.Outcome.Score != nil {
				is.Score = score.Round(is.Outcome.Score)
			}
		}
		if !is.NotApplicable {
			g.Weight.Add(g.Weight, is.Weight)
			e.Weight.Add(e.Weight, is.Weight)
			if is.Score != nil {
				g.Score.Add(g.Score, is.Score)
				e.Sum.Add(e.Sum, is.Score)
			}
		}
		e.Indicators = append(e.Indicators, is)
	}
	for _, name := range order {
		e.Groups = append(e.Groups, *groups[name])
	}
	e.Total = e.Sum
	if e.Weight.Sign() > 0 && e.Weight.Cmp(hundred) != 0 {
		e.Rescaled = true
		e.Total = score.Round(new(big.Rat).Quo(new(big.Rat).Mul(e.Sum, hundred), e.Weight))
	}
	e.Grade = ev.GradeOf(e.Total)
	return e
}

// Monitoring is one in-year monitoring of a project (绩效运行监控): the
// budget executed by its date against the plan, its progress light, and
// the answer for each indicator.
type Monitoring struct {
	*model.Snapshot
	Spent         money.Fen
	ExecutionRate *big.Rat // of the adjusted budget, %
	Progress      *big.Rat // (executed ÷ budget) ÷ (month ÷ 12), %
	Status        score.Status
	// Planned is the plan's cumulative % at the last checkpoint on or
	// before the date (nil before the first); Deviation is the rate less it.
	Planned, Deviation *big.Rat
	Behind             bool // more than the tolerance behind the plan
	Outlooks           []OutlookRow
}

// OutlookRow is an indicator's monitoring answer with the indicator.
type OutlookRow struct {
	*model.Outlook
	Indicator *model.Indicator
}

func monitor(p *Project, recs []*model.Record, rs *rules.Settings) []Monitoring {
	_, budget := p.Budgets()
	var out []Monitoring
	for i := range p.Results.Monitoring {
		s := &p.Results.Monitoring[i]
		m := Monitoring{Snapshot: s}
		for _, r := range recs {
			if !r.Date.After(s.Date) {
				m.Spent += r.Amount
			}
		}
		m.ExecutionRate = num.Percent(int64(m.Spent), int64(budget))
		m.Progress = score.Progress(m.Spent, budget, s.Date.Month())
		m.Status = score.StatusOf(m.Progress, &rs.Monitoring)
		for _, c := range p.Plan {
			if !c.Date.After(s.Date) {
				m.Planned = c.Percent.Rat()
			}
		}
		if m.Planned != nil && m.ExecutionRate != nil {
			m.Deviation = new(big.Rat).Sub(m.ExecutionRate, m.Planned)
			m.Behind = new(big.Rat).Neg(m.Deviation).Cmp(rs.Monitoring.Tolerance.Rat()) > 0
		}
		for j := range s.Indicators {
			o := &s.Indicators[j]
			row := OutlookRow{Outlook: o}
			for k := range p.Indicators {
				if rules.Normalize(p.Indicators[k].Name) == rules.Normalize(o.Name) {
					row.Indicator = &p.Indicators[k]
				}
			}
			m.Outlooks = append(m.Outlooks, row)
		}
		out = append(out, m)
	}
	return out
}

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
// 项目支出绩效自评表, computed by score.Evaluate (check reports its findings
// from the same computation).
type Evaluation = score.Sheet

// IndicatorScore is one indicator's line of the self-evaluation.
type IndicatorScore = score.IndicatorScore

// GroupScore is the subtotal of one 一级 category.
type GroupScore = score.GroupScore

// evaluate scores a project with a year-end evaluation.
func evaluate(p *Project, rs *rules.Settings) *Evaluation {
	return score.Evaluate(score.Sources{Indicators: p.Indicators, Levels: p.Levels, Evaluation: p.Results.Evaluation,
		Budget: p.Results.Budget, Total: p.Total.Fen, Spent: p.Spent}, rs)
}

// Monitoring is one in-year monitoring of a project (绩效运行监控): the
// budget executed by its date against the plan, its progress light, and
// the answer for each indicator.
type Monitoring struct {
	*model.Snapshot
	// Spent is the 1–N月执行数: as published, else the records to the date.
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
		if s.Executed != nil {
			m.Spent = s.Executed.Fen
		} else {
			for _, r := range recs {
				if !r.Date.After(s.Date) {
					m.Spent += r.Amount
				}
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

package score

import (
	"fmt"
	"math/big"
	"strings"

	"disclose/generator/model"
	"disclose/generator/money"
	"disclose/generator/num"
	"disclose/generator/rules"
)

// Sheet is a self-evaluation form (绩效自评表) as the rules compute it, beside
// the figures the form printed: budget execution and its score, each
// indicator's score, the subtotal of each 一级 category, the total and the
// grade. derive publishes it; check reports where the printed figures and
// the computed ones differ. One computation serves both, so a page and a
// check can never disagree.
type Sheet struct {
	Evaluation *model.Evaluation
	// Initial and Adjusted are 年初预算数 and 全年预算数; Executed is the
	// 全年执行数 that counts (as published, else the records' sum).
	Initial, Adjusted, Executed money.Fen
	// ExecutionRate is Executed ÷ Adjusted in percent; nil without a budget.
	ExecutionRate    *big.Rat
	ExecutionWeight  *big.Rat
	ExecutionScore   *big.Rat // rounded to 0.01
	ExecutionFormula string
	Indicators       []IndicatorScore
	Groups           []GroupScore
	// Sum is the sum of the rounded scores; Weight the sum of the weights
	// that count (execution included, not-applicable indicators dropped);
	// Full the sum of all weights. Total is Sum, rescaled by Full ÷ Weight
	// only when some indicator is not applicable; nil when the evaluation is
	// incomplete.
	Sum, Weight, Full *big.Rat
	Total             *big.Rat // rounded to 0.01
	Rescaled          bool
	// Complete is false when an applicable indicator has no actual value
	// (未完成自评): then there is no total and no grade. Missing names them.
	Complete bool
	Missing  []string
	Grade    string
	// Findings are the printed figures that the rules do not give.
	Findings []Finding
}

// IndicatorScore is one indicator's line of the self-evaluation.
type IndicatorScore struct {
	*model.Indicator
	// Result is the indicator's actual value; nil when none was given.
	Result *model.Result
	// Category is the 一级 category the row counts under: the framework's
	// name, or the form's own label without its weight.
	Category      string
	Weight        *big.Rat
	NotApplicable bool
	Outcome       Outcome
	Score         *big.Rat // rounded to 0.01; nil without a score
	// Published is the score the form printed; Differs is true when it is
	// not the computed one.
	Published *num.Decimal
	Differs   bool
}

// GroupScore is the subtotal of one 一级 category.
type GroupScore struct {
	Name          string
	Weight, Score *big.Rat
	// Published is the subtotal the form printed for the category, if any.
	Published *model.Subtotal
	Differs   bool
}

// FindingKind tells which printed figure a finding is about.
type FindingKind int

// The printed figures a finding can be about.
const (
	FindExecutionRate FindingKind = iota
	FindExecutionScore
	FindIndicator
	FindSubtotal
	FindTotal
	FindGrade
)

// Finding is a printed figure that differs from what the rules give (自评
// 得分复核): what it is, both values, and the formula that gives the
// computed one.
type Finding struct {
	Kind FindingKind
	// Index is the row in Evaluation.Indicators (FindIndicator) or in
	// Published.Subtotals (FindSubtotal).
	Index               int
	Item                string
	Published, Computed string
	Formula             string
}

// Sources are what a sheet is computed from.
type Sources struct {
	Indicators []model.Indicator
	Levels     []model.Level
	Evaluation *model.Evaluation
	Budget     model.BudgetFigures
	// Total is the 资金总额 that stands for a budget figure not given.
	Total money.Fen
	// Spent is the records' sum, used when no 全年执行数 is published.
	Spent money.Fen
}

var hundredRat = big.NewRat(100, 1)

// Executed is the 全年执行数 that counts: as published, else spent.
func Executed(b model.BudgetFigures, spent money.Fen) money.Fen {
	if b.Executed != nil {
		return b.Executed.Fen
	}
	return spent
}

// Budgets are 年初预算数 and 全年预算数: as given, else total.
func Budgets(b model.BudgetFigures, total money.Fen) (initial, adjusted money.Fen) {
	initial, adjusted = total, total
	if b.Initial != nil {
		initial = b.Initial.Fen
	}
	if b.Adjusted != nil {
		adjusted = b.Adjusted.Fen
	}
	return initial, adjusted
}

// Evaluate computes the sheet.
func Evaluate(src Sources, rs *rules.Settings) *Sheet {
	res := src.Evaluation
	ev := &rs.Evaluation
	s := &Sheet{Evaluation: res, ExecutionWeight: ev.ExecutionWeight.Rat(), Complete: true}
	if res.ExecutionWeight != nil {
		s.ExecutionWeight = res.ExecutionWeight.Rat()
	}
	s.Initial, s.Adjusted = Budgets(src.Budget, src.Total)
	s.Executed = Executed(src.Budget, src.Spent)
	rate, exec, formula := Execution(s.Executed, s.Adjusted, s.ExecutionWeight)
	s.ExecutionRate, s.ExecutionScore, s.ExecutionFormula = rate, Round(exec), formula
	s.Sum = new(big.Rat).Set(s.ExecutionScore)
	s.Weight = new(big.Rat).Set(s.ExecutionWeight)
	s.Full = new(big.Rat).Set(s.ExecutionWeight)

	byName := ResultsByName(res)
	weights := Weights(src.Indicators, src.Levels, res, rs)
	groups := map[string]*GroupScore{}
	var order []string
	anyNA := false
	for i := range src.Indicators {
		in := &src.Indicators[i]
		is := IndicatorScore{Indicator: in, Result: byName[rules.Normalize(in.Name)], Weight: weights[i], Category: Category(in, rs)}
		g := groups[is.Category]
		if g == nil {
			g = &GroupScore{Name: is.Category, Weight: new(big.Rat), Score: new(big.Rat)}
			groups[is.Category] = g
			order = append(order, is.Category)
		}
		s.Full.Add(s.Full, is.Weight)
		r := is.Result
		if r != nil {
			is.Published = r.Score
		}
		switch {
		case r != nil && r.NotApplicable != "":
			is.NotApplicable, anyNA = true, true
		case r == nil || !hasValue(r):
			s.Complete = false
			s.Missing = append(s.Missing, in.Name)
		default:
			is.Outcome = Indicator(in, r, is.Weight, ev)
			if is.Outcome.Score != nil {
				is.Score = Round(is.Outcome.Score)
			} else {
				s.Complete = false
				s.Missing = append(s.Missing, in.Name)
			}
		}
		if !is.NotApplicable {
			g.Weight.Add(g.Weight, is.Weight)
			s.Weight.Add(s.Weight, is.Weight)
			if is.Score != nil {
				g.Score.Add(g.Score, is.Score)
				s.Sum.Add(s.Sum, is.Score)
			}
		}
		if is.Published != nil && is.Score != nil && is.Published.Rat().Cmp(is.Score) != 0 {
			is.Differs = true
			s.Findings = append(s.Findings, Finding{Kind: FindIndicator, Index: indexOf(res, r), Item: in.Name,
				Published: is.Published.String(), Computed: f2(is.Score), Formula: is.Outcome.Formula})
		}
		s.Indicators = append(s.Indicators, is)
	}
	for _, name := range order {
		s.Groups = append(s.Groups, *groups[name])
	}
	if s.Complete {
		s.Total = s.Sum
		if anyNA && s.Weight.Sign() > 0 {
			s.Rescaled = true
			s.Total = Round(new(big.Rat).Quo(new(big.Rat).Mul(s.Sum, s.Full), s.Weight))
		}
		// Grades are bands of a 100-point scale: a sheet whose weights do
		// not come to 100 (a form cut short, or split its own way) is
		// summed as it is, but not graded.
		if s.Full.Cmp(hundredRat) == 0 {
			s.Grade = ev.GradeOf(s.Total)
		}
	}
	s.compare(rs)
	return s
}

// hasValue reports whether a result gives something to score: an actual
// value, a band, or a score the evaluator printed.
func hasValue(r *model.Result) bool {
	return strings.TrimSpace(r.Actual) != "" || r.Achievement != "" || r.Score != nil
}

func indexOf(ev *model.Evaluation, r *model.Result) int {
	for i := range ev.Indicators {
		if &ev.Indicators[i] == r {
			return i
		}
	}
	return -1
}

// compare sets the findings of the printed execution, subtotals, total and
// grade. A rate is compared at the places it was printed with; a score at
// 0.01, the precision scores are published to.
func (s *Sheet) compare(rs *rules.Settings) {
	p := s.Evaluation.Published
	if p == nil {
		return
	}
	if p.ExecutionRate != nil && s.ExecutionRate != nil {
		places := p.ExecutionRate.Places()
		if num.Format(s.ExecutionRate, places) != num.Format(p.ExecutionRate.Rat(), places) {
			s.Findings = append(s.Findings, Finding{Kind: FindExecutionRate, Item: "预算执行率", Published: p.ExecutionRate.String() + "%",
				Computed: num.Format(s.ExecutionRate, max(places, 2)) + "%", Formula: s.ExecutionFormula})
		}
	}
	if p.ExecutionScore != nil && p.ExecutionScore.Rat().Cmp(s.ExecutionScore) != 0 {
		s.Findings = append(s.Findings, Finding{Kind: FindExecutionScore, Item: "预算执行率得分", Published: p.ExecutionScore.String(),
			Computed: f2(s.ExecutionScore), Formula: s.ExecutionFormula})
	}
	for i := range p.Subtotals {
		st := &p.Subtotals[i]
		name, _ := rules.SplitLabel(st.Name)
		for j := range s.Groups {
			g := &s.Groups[j]
			if g.Name != name && categoryName(name, rs) != g.Name {
				continue
			}
			g.Published = st
			if st.Score != nil && st.Score.Rat().Cmp(g.Score) != 0 && groupComplete(s, g.Name) {
				g.Differs = true
				s.Findings = append(s.Findings, Finding{Kind: FindSubtotal, Index: i, Item: g.Name + "小计", Published: st.Score.String(),
					Computed: f2(g.Score), Formula: g.Name + "各三级指标得分（四舍五入到 0.01）之和"})
			}
		}
	}
	if p.Total != nil && s.Total != nil && p.Total.Rat().Cmp(s.Total) != 0 {
		formula := "预算执行率得分与各三级指标得分（四舍五入到 0.01）之和"
		if s.Rescaled {
			formula += "，按有效分值折算为百分制"
		}
		s.Findings = append(s.Findings, Finding{Kind: FindTotal, Item: "总分", Published: p.Total.String(), Computed: f2(s.Total), Formula: formula})
	}
	if g := strings.TrimSpace(p.Grade); g != "" && s.Total != nil && g != s.Grade {
		var bands []string
		for _, gr := range rs.Evaluation.Grades {
			bands = append(bands, fmt.Sprintf("%s ≥ %s", gr.Name, gr.Min))
		}
		s.Findings = append(s.Findings, Finding{Kind: FindGrade, Item: "等级", Published: g, Computed: s.Grade,
			Formula: fmt.Sprintf("总分 %s 分（%s）", f2(s.Total), strings.Join(bands, "，"))})
	}
}

func groupComplete(s *Sheet, name string) bool {
	for _, is := range s.Indicators {
		if is.Category == name && !is.NotApplicable && is.Score == nil {
			return false
		}
	}
	return true
}

// ResultsByName indexes an evaluation's results by indicator name.
func ResultsByName(res *model.Evaluation) map[string]*model.Result {
	m := map[string]*model.Result{}
	if res == nil {
		return m
	}
	for i := range res.Indicators {
		m[rules.Normalize(res.Indicators[i].Name)] = &res.Indicators[i]
	}
	return m
}

// Category is the 一级 category an indicator counts under: the framework's
// name when its label is one of the framework's, else the label as the form
// prints it, without spaces and weight.
func Category(in *model.Indicator, rs *rules.Settings) string {
	return CategoryOf(in.Level1, rs)
}

// CategoryOf is Category of a row whose 一级 label is level1.
func CategoryOf(level1 string, rs *rules.Settings) string {
	if l1 := rs.Level1Of(level1); l1 != nil {
		return l1.Name
	}
	name, _ := rules.SplitLabel(level1)
	return name
}

func categoryName(label string, rs *rules.Settings) string {
	if l1 := rs.Level1Of(label); l1 != nil {
		return l1.Name
	}
	return label
}

// LevelWeight is the weight of a 一级 (level2 "") or 二级 category of a
// table: its levels' entry, else the weight printed in a row's label, else
// (一级 only) the framework's. nil when none is known or it is a range.
func LevelWeight(level1, level2 string, rows []model.Indicator, levels []model.Level, rs *rules.Settings) *big.Rat {
	key1 := categoryName(splitName(level1), rs)
	for _, l := range levels {
		if categoryName(splitName(l.Level1), rs) != key1 {
			continue
		}
		if (level2 == "") != (l.Level2 == "") || (level2 != "" && splitName(l.Level2) != splitName(level2)) {
			continue
		}
		if l.Weight != nil && !l.Weight.IsRange() {
			return l.Weight.Min.Rat()
		}
		// No weight, or a range a target form left to the evaluation: the
		// label's or the rules' weight stands.
		break
	}
	for _, in := range rows {
		label := in.Level1
		if level2 != "" {
			if categoryName(splitName(in.Level1), rs) != key1 || splitName(in.Level2) != splitName(level2) {
				continue
			}
			label = in.Level2
		} else if categoryName(splitName(in.Level1), rs) != key1 {
			continue
		}
		if _, w := rules.SplitLabel(label); w != "" {
			if p, err := model.ParsePoints(w); err == nil && !p.IsRange() {
				return p.Min.Rat()
			}
		}
	}
	if level2 == "" {
		if l1 := rs.Level1Of(level1); l1 != nil && l1.Weight != nil {
			return l1.Weight.Rat()
		}
	}
	return nil
}

func splitName(label string) string {
	n, _ := rules.SplitLabel(label)
	return n
}

// Weights returns each indicator's weight: the result's, else the target
// table's, else its 二级 category's weight shared equally among that
// category's rows, else its 一级 category's shared equally.
func Weights(rows []model.Indicator, levels []model.Level, res *model.Evaluation, rs *rules.Settings) []*big.Rat {
	byName := ResultsByName(res)
	count1, count2 := map[string]int{}, map[[2]string]int{}
	for i := range rows {
		c := Category(&rows[i], rs)
		count1[c]++
		count2[[2]string{c, splitName(rows[i].Level2)}]++
	}
	out := make([]*big.Rat, len(rows))
	for i := range rows {
		in := &rows[i]
		c := Category(in, rs)
		switch r := byName[rules.Normalize(in.Name)]; {
		case r != nil && r.Weight != nil:
			out[i] = r.Weight.Rat()
		case in.Weight != nil:
			out[i] = in.Weight.Rat()
		default:
			if w := LevelWeight(in.Level1, in.Level2, rows, levels, rs); w != nil && in.Level2 != "" {
				out[i] = new(big.Rat).Quo(w, big.NewRat(int64(count2[[2]string{c, splitName(in.Level2)}]), 1))
			} else if w := LevelWeight(in.Level1, "", rows, levels, rs); w != nil {
				out[i] = new(big.Rat).Quo(w, big.NewRat(int64(count1[c]), 1))
			} else {
				out[i] = new(big.Rat)
			}
		}
	}
	return out
}

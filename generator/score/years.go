package score

import (
	"disclose/generator/model"
	"disclose/generator/num"
	"disclose/generator/rules"
)

// ChangeKind is how an indicator's target changed from last year (与上年对比).
// Raised and lowered are meant in the indicator's direction: a 反向 target
// that goes from ≤5 to ≤3 is raised (more demanding).
type ChangeKind int

// The kinds of change of an indicator's target, in the order summaries
// list them.
const (
	Unchanged ChangeKind = iota
	Added                // 新增: no indicator of the name last year
	Removed              // 取消: last year's indicator is gone
	Raised               // 提高: more demanding
	Lowered              // 下调: less demanding
	Revised              // 调整: changed, but not comparable (operator, unit, text)
	NumChangeKinds
)

// PastIndicator is one of last year's indicators, what the next year
// compares its targets with: kept small, a build caches it.
type PastIndicator struct {
	Level1, Level2, Name string
	Op                   model.OpKind
	Value, Unit          string
	// Direction is the polarity as given or implied ("" for text).
	Direction model.Polarity
	// Missed is true when the year's self-evaluation found the target not
	// met (未完成); false without an evaluation.
	Missed bool
}

// Target is the target as a reader sees it: operator, value and unit.
func (p *PastIndicator) Target() string {
	in := model.Indicator{Operator: model.Operator{Kind: p.Op}, Value: p.Value, Unit: p.Unit}
	return TargetText(&in)
}

// TargetText is an indicator's target with its operator, e.g. ≥95%.
func TargetText(in *model.Indicator) string {
	if in.Operator.Kind == model.OpText || in.Operator.Kind == model.OpNone {
		return in.Target()
	}
	return in.Operator.Kind.Symbol() + in.Target()
}

// PastIndicators keeps a project's indicators for the next year, each
// with whether the sheet (nil without a self-evaluation) found it missed.
func PastIndicators(ins []model.Indicator, sheet *Sheet) []PastIndicator {
	missed := map[*model.Indicator]bool{}
	if sheet != nil {
		for _, is := range sheet.Indicators {
			if is.Result != nil && !is.NotApplicable && is.Outcome.Score != nil && !is.Outcome.Met {
				missed[is.Indicator] = true
			}
		}
	}
	out := make([]PastIndicator, len(ins))
	for i := range ins {
		in := &ins[i]
		out[i] = PastIndicator{Level1: in.Level1, Level2: in.Level2, Name: in.Name, Op: in.Operator.Kind,
			Value: in.Value, Unit: in.Unit, Direction: in.Direction(), Missed: missed[in]}
	}
	return out
}

// TargetChange is one indicator compared with last year.
type TargetChange struct {
	Kind ChangeKind
	Prev *PastIndicator   // nil when added
	Cur  *model.Indicator // nil when removed
	// LoweredAfterMiss flags a target lowered after last year's was missed.
	LoweredAfterMiss bool
}

// CompareTargets pairs this year's indicators with last year's by name
// (the nth of a name with the nth) and says how each target changed:
// this year's in their order, then those removed in last year's.
func CompareTargets(prev []PastIndicator, cur []model.Indicator) []TargetChange {
	byName := map[string][]int{}
	for i := range prev {
		k := rules.Normalize(prev[i].Name)
		byName[k] = append(byName[k], i)
	}
	used := make([]bool, len(prev))
	var out []TargetChange
	for i := range cur {
		in := &cur[i]
		k := rules.Normalize(in.Name)
		c := TargetChange{Kind: Added, Cur: in}
		if idx := byName[k]; len(idx) > 0 {
			j := idx[0]
			byName[k] = idx[1:]
			used[j] = true
			c.Prev = &prev[j]
			c.Kind = targetChange(c.Prev, in)
			c.LoweredAfterMiss = c.Kind == Lowered && c.Prev.Missed
		}
		out = append(out, c)
	}
	for j := range prev {
		if !used[j] {
			out = append(out, TargetChange{Kind: Removed, Prev: &prev[j]})
		}
	}
	return out
}

func targetChange(p *PastIndicator, in *model.Indicator) ChangeKind {
	if p.Op == in.Operator.Kind && squash(p.Value) == squash(in.Value) && squash(p.Unit) == squash(in.Unit) {
		return Unchanged
	}
	if p.Op != in.Operator.Kind || squash(p.Unit) != squash(in.Unit) || p.Direction == "" || p.Direction != in.Direction() {
		return Revised
	}
	a, errA := num.Parse(p.Value)
	b, errB := num.Parse(in.Value)
	if errA != nil || errB != nil {
		return Revised
	}
	cmp := b.Rat().Cmp(a.Rat())
	if cmp == 0 {
		return Unchanged // 95 and 95.0: the same target
	}
	if (cmp > 0) == (p.Direction == model.Positive) {
		return Raised
	}
	return Lowered
}

package score

import (
	"testing"

	"disclose/generator/model"
)

func TestCompareTargets(t *testing.T) {
	ind := func(name string, op model.OpKind, value, unit string) model.Indicator {
		return model.Indicator{Name: name, Operator: model.Operator{Kind: op}, Value: value, Unit: unit}
	}
	past := func(in model.Indicator, missed bool) PastIndicator {
		p := PastIndicators([]model.Indicator{in}, nil)[0]
		p.Missed = missed
		return p
	}
	for _, c := range []struct {
		name    string
		prev    *PastIndicator
		cur     *model.Indicator
		want    ChangeKind
		flagged bool
	}{
		{"unchanged", ptr(past(ind("a", model.OpGe, "90", "%"), false)), ptr(ind("a", model.OpGe, "90.0", "%")), Unchanged, false},
		{"added", nil, ptr(ind("a", model.OpGe, "90", "%")), Added, false},
		{"removed", ptr(past(ind("a", model.OpGe, "90", "%"), false)), nil, Removed, false},
		{"raised", ptr(past(ind("a", model.OpGe, "90", "%"), false)), ptr(ind("a", model.OpGe, "95", "%")), Raised, false},
		{"lowered", ptr(past(ind("a", model.OpGe, "90", "%"), false)), ptr(ind("a", model.OpGe, "85", "%")), Lowered, false},
		{"lowered after a miss", ptr(past(ind("a", model.OpGe, "90", "%"), true)), ptr(ind("a", model.OpGe, "85", "%")), Lowered, true},
		{"raised after a miss is not flagged", ptr(past(ind("a", model.OpGe, "90", "%"), true)), ptr(ind("a", model.OpGe, "95", "%")), Raised, false},
		{"reverse: a smaller ceiling is raised", ptr(past(ind("a", model.OpLe, "5", "天"), false)), ptr(ind("a", model.OpLe, "3", "天")), Raised, false},
		{"reverse: a larger ceiling is lowered", ptr(past(ind("a", model.OpLe, "3", "天"), true)), ptr(ind("a", model.OpLe, "5", "天")), Lowered, true},
		{"unit changed", ptr(past(ind("a", model.OpGe, "90", "%"), false)), ptr(ind("a", model.OpGe, "90", "分")), Revised, false},
		{"text changed", ptr(past(ind("a", model.OpText, "", "达标"), false)), ptr(ind("a", model.OpText, "", "优良")), Revised, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			var prev []PastIndicator
			var cur []model.Indicator
			if c.prev != nil {
				prev = []PastIndicator{*c.prev}
			}
			if c.cur != nil {
				cur = []model.Indicator{*c.cur}
			}
			got := CompareTargets(prev, cur)
			if len(got) != 1 || got[0].Kind != c.want || got[0].LoweredAfterMiss != c.flagged {
				t.Fatalf("got %+v, want kind %d flagged %t", got, c.want, c.flagged)
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

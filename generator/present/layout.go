package present

import (
	"disclose/generator/model"
	"disclose/generator/rules"
	"disclose/generator/score"
)

// RowKind tells what a row of an indicator table is.
type RowKind int

// The rows of an indicator table.
const (
	// RowIndicator is a 三级指标.
	RowIndicator RowKind = iota
	// RowPart is a "其中…" sub-row of the indicator above it.
	RowPart
	// RowEmpty is a 二级 group the form printed with no 三级 row under it.
	RowEmpty
)

// LayoutRow is one row of an indicator table as the forms print it.
type LayoutRow struct {
	Kind RowKind
	// Index is the indicator's place in the rows given (of the indicator
	// a part belongs to); -1 for an empty group.
	Index int
	// Part is set for RowPart, Level for RowEmpty.
	Part  *model.Part
	Level *model.Level
	// Level1 and Level2 are the labels the row stands under.
	Level1, Level2 string
	Span           Span
}

// IndicatorLayout lays out an indicator table: each indicator followed by
// its "其中" rows, and each 二级 level of levels that no indicator falls
// under as an empty group after the last row of its 一级 category (at the
// end when the category has no row), so that the table shows what the form
// printed. The 一级 and 二级 cells are merged as IndicatorSpans does.
// rs may be nil (labels are then compared as written).
func IndicatorLayout(rows []model.Indicator, levels []model.Level, rs *rules.Settings) []LayoutRow {
	cat := func(level1 string) string {
		if rs != nil {
			return score.CategoryOf(level1, rs)
		}
		n, _ := rules.SplitLabel(level1)
		return n
	}
	name2 := func(level2 string) string { n, _ := rules.SplitLabel(level2); return n }
	has := map[[2]string]bool{}
	last := map[string]int{} // category → index in out of its last row
	var out []LayoutRow
	for i := range rows {
		in := &rows[i]
		c := cat(in.Level1)
		has[[2]string{c, name2(in.Level2)}] = true
		out = append(out, LayoutRow{Kind: RowIndicator, Index: i, Level1: in.Level1, Level2: in.Level2})
		for j := range in.Parts {
			out = append(out, LayoutRow{Kind: RowPart, Index: i, Part: &in.Parts[j], Level1: in.Level1, Level2: in.Level2})
		}
		last[c] = len(out) - 1
	}
	type insert struct {
		at  int
		row LayoutRow
	}
	var ins []insert
	for i := range levels {
		l := &levels[i]
		if l.Level2 == "" {
			continue
		}
		c := cat(l.Level1)
		if has[[2]string{c, name2(l.Level2)}] {
			continue
		}
		has[[2]string{c, name2(l.Level2)}] = true
		row := LayoutRow{Kind: RowEmpty, Index: -1, Level: l, Level1: l.Level1, Level2: l.Level2}
		at, ok := last[c]
		if ok {
			row.Level1 = out[at].Level1 // merge with the category's cell
			at++
		} else {
			at = -1 // at the end
		}
		ins = append(ins, insert{at, row})
	}
	// Each group goes before the row after its category's last one; groups
	// of the same place keep the levels' order.
	var merged, tail []LayoutRow
	for i := 0; i <= len(out); i++ {
		for _, x := range ins {
			if x.at == i {
				merged = append(merged, x.row)
			}
		}
		if i < len(out) {
			merged = append(merged, out[i])
		}
	}
	for _, x := range ins {
		if x.at < 0 {
			tail = append(tail, x.row)
		}
	}
	merged = append(merged, tail...)
	labels := make([]model.Indicator, len(merged))
	for i, r := range merged {
		labels[i] = model.Indicator{Level1: r.Level1, Level2: r.Level2}
	}
	for i, s := range IndicatorSpans(labels) {
		merged[i].Span = s
	}
	return merged
}

// Direction writes an indicator's polarity (指标方向), "—" when it has none
// (a 文字描述 row).
func Direction(in *model.Indicator) string {
	if d := in.Direction(); d != "" {
		return string(d)
	}
	return "—"
}

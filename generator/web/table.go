package web

import (
	"strconv"

	"disclose/generator/model"
	"disclose/generator/present"
	"disclose/generator/rules"
)

// IndicatorRow is one row of an indicator table as the official form lays
// it out: a 一级 or 二级 cell spans the rows below it that repeat its label,
// and a span of 0 means the cell is covered by the one above.
// Its cells are plain strings: a page has thousands of them, and the
// template engine finds a field of a flat struct much faster than one
// reached through embedded structs.
type IndicatorRow struct {
	Level1, Level2, Name, Description string
	Direction                         string // 正向, 反向 or —
	// Part is a "其中" row; Empty a 二级 group printed with no 三级 row.
	Part, Empty                  bool
	Operator, Value, Unit, Basis string
	Weight                       string // "" when the row has none
	Level1Span, Level2Span       int
	// Level1Rows and Level2Rows are the spans as rowspan values, "" for
	// a cell of one row.
	Level1Rows, Level2Rows string
}

// IndicatorTable is a table of indicators with merged category cells.
type IndicatorTable struct {
	Caption    string
	Rows       []IndicatorRow
	HasWeights bool
	// HideCaption: the heading just above says the same, so the caption is
	// kept for screen readers only.
	HideCaption bool
}

// indicatorTable lays out an indicator table as present.IndicatorLayout
// does: "其中" rows under their indicator, empty 二级 groups of levels.
func indicatorTable(caption string, rows []model.Indicator, levels []model.Level, rs *rules.Settings) IndicatorTable {
	layout := present.IndicatorLayout(rows, levels, rs)
	t := IndicatorTable{Caption: caption, Rows: make([]IndicatorRow, len(layout))}
	span := func(n int) string {
		if n > 1 {
			return strconv.Itoa(n)
		}
		return ""
	}
	for i, lr := range layout {
		r := IndicatorRow{Level1: lr.Level1, Level2: lr.Level2}
		switch lr.Kind {
		case present.RowEmpty:
			r.Empty, r.Name = true, present.NoLevel3
			if lr.Level.Weight != nil {
				r.Weight = lr.Level.Weight.String()
				t.HasWeights = true
			}
		case present.RowPart:
			r.Part, r.Name, r.Value, r.Unit = true, lr.Part.Name, lr.Part.Value, lr.Part.Unit
		default:
			in := &rows[lr.Index]
			r.Name, r.Description, r.Direction = in.Name, in.Description, present.Direction(in)
			r.Operator, r.Value, r.Unit, r.Basis = in.Operator.Raw, in.Value, in.Unit, in.Basis
			if in.Weight != nil {
				r.Weight = in.Weight.String()
				t.HasWeights = true
			}
		}
		r.Level1Span, r.Level2Span = lr.Span.Level1, lr.Span.Level2
		r.Level1Rows, r.Level2Rows = span(lr.Span.Level1), span(lr.Span.Level2)
		t.Rows[i] = r
	}
	return t
}

package web

import (
	"strconv"

	"disclose/generator/model"
	"disclose/generator/present"
)

// IndicatorRow is one row of an indicator table as the official form lays
// it out: a 一级 or 二级 cell spans the rows below it that repeat its label,
// and a span of 0 means the cell is covered by the one above.
// Its cells are plain strings: a page has thousands of them, and the
// template engine finds a field of a flat struct much faster than one
// reached through embedded structs.
type IndicatorRow struct {
	Level1, Level2, Name, Description string
	Operator, Value, Unit, Basis      string
	Weight                            string // "" when the row has none
	Level1Span, Level2Span            int
	// Level1Rows and Level2Rows are the spans as rowspan values, "" for
	// a cell of one row.
	Level1Rows, Level2Rows string
}

// IndicatorTable is a table of indicators with merged category cells.
type IndicatorTable struct {
	Caption    string
	Rows       []IndicatorRow
	HasWeights bool
}

func indicatorTable(caption string, rows []model.Indicator) IndicatorTable {
	t := IndicatorTable{Caption: caption, Rows: make([]IndicatorRow, len(rows))}
	for i := range rows {
		in := &rows[i]
		r := IndicatorRow{Level1: in.Level1, Level2: in.Level2, Name: in.Name, Description: in.Description,
			Operator: in.Operator.Raw, Value: in.Value, Unit: in.Unit, Basis: in.Basis}
		if in.Weight != nil {
			r.Weight = in.Weight.String()
			t.HasWeights = true
		}
		t.Rows[i] = r
	}
	span := func(n int) string {
		if n > 1 {
			return strconv.Itoa(n)
		}
		return ""
	}
	for i, s := range present.IndicatorSpans(rows) {
		r := &t.Rows[i]
		r.Level1Span, r.Level2Span = s.Level1, s.Level2
		r.Level1Rows, r.Level2Rows = span(s.Level1), span(s.Level2)
	}
	return t
}

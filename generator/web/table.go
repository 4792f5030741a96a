package web

import (
	"disclose/generator/model"
	"disclose/generator/present"
)

// IndicatorRow is one row of an indicator table as the official form lays
// it out: a 一级 or 二级 cell spans the rows below it that repeat its label,
// and a span of 0 means the cell is covered by the one above.
type IndicatorRow struct {
	*model.Indicator
	Level1Span, Level2Span int
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
		t.Rows[i].Indicator = &rows[i]
		t.HasWeights = t.HasWeights || rows[i].Weight != nil
	}
	for i, s := range present.IndicatorSpans(rows) {
		t.Rows[i].Level1Span, t.Rows[i].Level2Span = s.Level1, s.Level2
	}
	return t
}

package web

import (
	"disclose/generator/model"
	"disclose/generator/rules"
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
	same1 := func(i, j int) bool { return rules.Normalize(rows[i].Level1) == rules.Normalize(rows[j].Level1) }
	same2 := func(i, j int) bool {
		return same1(i, j) && rules.Normalize(rows[i].Level2) == rules.Normalize(rows[j].Level2)
	}
	for i := 0; i < len(rows); {
		j := i + 1
		for j < len(rows) && same1(i, j) {
			j++
		}
		t.Rows[i].Level1Span = j - i
		for k := i; k < j; {
			m := k + 1
			for m < j && same2(k, m) {
				m++
			}
			t.Rows[k].Level2Span = m - k
			k = m
		}
		i = j
	}
	return t
}

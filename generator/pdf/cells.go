package pdf

import (
	"disclose/generator/model"
	"disclose/generator/present"
	"disclose/generator/rules"
)

// A table's cells: text, a figure, a label.
func txt(s string) *cell   { return &cell{text: s, face: Serif} }
func right(s string) *cell { return &cell{text: s, face: Serif, align: alignRight} }
func label(s string) *cell { return &cell{text: s, face: Sans, fill: true} }

func headerRow(names ...string) []*cell {
	row := make([]*cell, len(names))
	for i, n := range names {
		row[i] = &cell{text: n, face: Sans, align: alignCenter}
	}
	return row
}

func targetsTable(ts []model.Target) table {
	t := table{caption: "绩效目标", widths: []float64{1.6, 10}, size: tableSize}
	for _, x := range ts {
		t.rows = append(t.rows, []*cell{label(x.Label), txt(x.Text)})
	}
	return t
}

// indicatorTable is the official indicator form: 一级 and 二级 cells merged
// down the rows that share them, 指标值 spread over 符号, 值 and 单位, the
// polarity of each row, "其中" rows under their indicator and the empty
// 二级 groups of levels (present.IndicatorLayout, as the page has them).
func indicatorTable(caption string, rows []model.Indicator, levels []model.Level, rs *rules.Settings) table {
	layout := present.IndicatorLayout(rows, levels, rs)
	weights := false
	for _, r := range layout {
		weights = weights || (r.Kind == present.RowIndicator && rows[r.Index].Weight != nil) || (r.Kind == present.RowEmpty && r.Level.Weight != nil)
	}
	t := table{caption: caption, widths: []float64{2.3, 2.1, 2.5, 3.1, 1.3, 1.6, 1.7, 2.3, 4.1}, size: tableSize}
	top := []*cell{
		{text: "一级指标", face: Sans, align: alignCenter, rowSpan: 2}, {text: "二级指标", face: Sans, align: alignCenter, rowSpan: 2},
		{text: "三级指标", face: Sans, align: alignCenter, rowSpan: 2}, {text: "绩效指标描述", face: Sans, align: alignCenter, rowSpan: 2},
		{text: "指标方向", face: Sans, align: alignCenter, rowSpan: 2},
		{text: "指标值", face: Sans, align: alignCenter, colSpan: 3}, nil, nil,
		{text: "指标值确定依据", face: Sans, align: alignCenter, rowSpan: 2},
	}
	second := []*cell{nil, nil, nil, nil, nil, {text: "符号", face: Sans, align: alignCenter}, {text: "值", face: Sans, align: alignCenter},
		{text: "单位（文字描述）", face: Sans, align: alignCenter}, nil}
	if weights {
		t.widths = append(t.widths, 1.4)
		top = append(top, &cell{text: "分值", face: Sans, align: alignCenter, rowSpan: 2})
		second = append(second, nil)
	}
	t.header = [][]*cell{top, second}
	for _, lr := range layout {
		row := make([]*cell, len(t.widths))
		if lr.Span.Level1 > 0 {
			row[0] = &cell{text: lr.Level1, face: Sans, rowSpan: lr.Span.Level1}
		}
		if lr.Span.Level2 > 0 {
			row[1] = &cell{text: lr.Level2, face: Serif, rowSpan: lr.Span.Level2}
		}
		w := ""
		switch lr.Kind {
		case present.RowEmpty:
			row[2] = &cell{text: present.NoLevel3, face: Serif, colSpan: 7}
			if lr.Level.Weight != nil {
				w = lr.Level.Weight.String()
			}
		case present.RowPart:
			row[2], row[3], row[4], row[5] = txt(lr.Part.Name), txt(""), txt(""), txt("")
			row[6] = &cell{text: lr.Part.Value, face: Serif, align: alignCenter}
			row[7], row[8] = txt(lr.Part.Unit), txt("")
		default:
			r := &rows[lr.Index]
			row[2] = &cell{text: r.Name, face: Sans}
			row[3] = txt(r.Description)
			row[4] = &cell{text: present.Direction(r), face: Serif, align: alignCenter}
			row[5] = &cell{text: r.Operator.Raw, face: Serif, align: alignCenter}
			row[6] = &cell{text: r.Value, face: Serif, align: alignCenter}
			row[7] = txt(r.Unit)
			row[8] = txt(r.Basis)
			if r.Weight != nil {
				w = r.Weight.String()
			}
		}
		if weights {
			row[9] = &cell{text: w, face: Serif, align: alignCenter}
		}
		t.rows = append(t.rows, row)
	}
	if len(layout) == 0 {
		row := make([]*cell, len(t.widths))
		row[0] = &cell{text: "（无）", face: Serif, align: alignCenter, colSpan: len(t.widths)}
		t.rows = append(t.rows, row)
	}
	return t
}

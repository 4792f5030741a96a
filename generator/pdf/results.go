package pdf

import (
	"fmt"

	"disclose/generator/derive"
	"disclose/generator/model"
	"disclose/generator/present"
)

func writeMonitoring(l *layout, d *derive.Department, p *derive.Project) {
	for _, m := range p.Monitoring {
		label := m.Label
		if label == "" {
			label = "绩效运行监控"
		}
		behind := ""
		if m.Behind {
			behind = "（落后于计划）"
		}
		executed := fmt.Sprintf("1–%d月执行数", m.Date.Month())
		if m.Executed == nil {
			executed += "（支出记录）"
		}
		money := table{caption: fmt.Sprintf("%s（截至 %s）：预算执行", label, m.Date), widths: []float64{2.6, 3.2, 2.2, 2.2, 2.4, 2.2, 2.6}, size: tableSize,
			header: [][]*cell{headerRow("截至日期", executed, "执行率", "进度比", "执行进度", "计划进度", "偏差（百分点）")},
			rows: [][]*cell{{txt(m.Date.String()), right(present.Figure(m.Executed, m.Spent)), right(present.Pct(m.ExecutionRate)), right(present.Pct(m.Progress)),
				{text: present.Light(m.Status), face: Sans, align: alignCenter}, right(present.Pct(m.Planned)), right(present.Deviation(m.Deviation) + behind)}}}
		if m.Projected != nil {
			money.widths = append(money.widths[:2:2], append([]float64{3.2}, money.widths[2:]...)...)
			money.header[0] = append(money.header[0][:2:2], append([]*cell{{text: "全年预计执行数", face: Sans, align: alignCenter}}, money.header[0][2:]...)...)
			money.rows[0] = append(money.rows[0][:2:2], append([]*cell{right(m.Projected.Published())}, money.rows[0][2:]...)...)
		}
		l.table(money)
		t := table{caption: fmt.Sprintf("%s（截至 %s）：绩效目标完成预判", label, m.Date), widths: []float64{2.6, 2.6, 3.4, 1.8, 3.4, 3.8}, size: tableSize,
			header: [][]*cell{headerRow("三级指标", "年度指标值", "当前完成情况", "能否完成", "原因分析", "改进措施")}}
		for _, o := range m.Outlooks {
			target := ""
			if o.Indicator != nil {
				target = present.Target(o.Indicator) + "（" + present.Direction(o.Indicator) + "）"
			}
			progress := o.Progress
			if o.Actual != "" {
				unit := ""
				if o.Indicator != nil && o.Indicator.Operator.Kind != model.OpText {
					unit = o.Indicator.Unit
				}
				progress = "当前值 " + o.Actual + unit + "；" + progress
			}
			t.rows = append(t.rows, []*cell{{text: o.Name, face: Sans}, txt(target), txt(progress), {text: o.Outlook.Outlook, face: Serif, align: alignCenter}, txt(o.Cause), txt(o.Remedy)})
		}
		l.table(t)
		if m.Cause != "" {
			l.paragraph("偏差原因分析："+m.Cause, bodyText)
		}
		if m.Remedy != "" {
			l.paragraph("完成目标可能性及改进措施："+m.Remedy, bodyText)
		}
	}
	mr := d.Rules.Monitoring
	l.paragraph(fmt.Sprintf("进度比 =（累计执行数 ÷ 全年预算数）÷（月份 ÷ 12）。低于 %s%% 为“■ 滞后”，%s%%–%s%% 为“▲ 关注”，不低于 %s%% 为“● 正常”。",
		mr.RedBelow, mr.RedBelow, mr.YellowBelow, mr.YellowBelow), smallGrayNote)

}

// writeEvaluation sets the 项目支出绩效自评表, laid out by present.Evaluation
// as the page does, and how each score came about.
func writeEvaluation(l *layout, d *derive.Department, p *derive.Project) {
	writeForm(l, present.Evaluation(p.Evaluation, p.Results.Budget, p.Indicators, p.Levels, d.Rules))
}

// writeForm sets a self-evaluation form, a project's or the department's
// own, as present laid it out.
func writeForm(l *layout, f *present.EvalForm) {
	money := table{caption: f.Title + "：预算执行情况", widths: []float64{3, 2.8, 2.8, 2.8, 1.4, 2.2, 2}, size: tableSize,
		header: [][]*cell{headerRow("资金", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")}}
	for i, m := range f.Money {
		name := m.Name
		if m.Sub {
			name = "其中：" + name
		}
		row := []*cell{{text: name, face: Sans, fill: !m.Sub}, right(m.Initial), right(m.Adjusted), right(m.Executed)}
		if i == 0 {
			row = append(row, right(f.ExecWeight), right(joinLines(f.ExecRate, f.ExecRatePublished)), right(joinLines(f.ExecScore, f.ExecScorePublished)))
		} else {
			row = append(row, &cell{face: Serif, colSpan: 3}, nil, nil)
		}
		money.rows = append(money.rows, row)
	}
	if len(money.rows) > 0 {
		l.table(money)
	}
	if ex := f.Sheet.Evaluation.Explanation; ex != "" {
		l.paragraph("预算执行说明："+ex, bodyText)
	}
	t := table{caption: f.Title + "：绩效指标", widths: []float64{1.9, 2, 2.5, 1.2, 2.2, 2.5, 1.9, 2.8, 3.4}, size: tableSize,
		header: [][]*cell{headerRow("一级指标", "二级指标", "三级指标", "指标方向", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")}}
	for _, r := range f.Rows {
		row := make([]*cell, len(t.widths))
		if r.Span.Level1 > 0 {
			row[0] = &cell{text: r.Level1, face: Sans, rowSpan: r.Span.Level1}
		}
		if r.Span.Level2 > 0 {
			row[1] = &cell{text: r.Level2, face: Serif, rowSpan: r.Span.Level2}
		}
		switch r.Kind {
		case present.RowEmpty:
			row[2] = &cell{text: r.Name, face: Serif, colSpan: 4}
			row[6], row[7], row[8] = right(r.Weight), right("—"), txt("")
		case present.RowPart:
			row[2], row[3], row[4], row[5], row[6], row[7], row[8] = txt(r.Name), txt(""), txt(r.Target), txt(r.Actual), txt(""), txt(""), txt("")
		default:
			dev := r.Deviation
			sc := r.Score
			if r.Differs {
				sc = joinLines(r.Score, r.Compare)
				dev = joinLines(dev, "按规则："+r.Formula)
			}
			if r.NotApplicable != "" {
				sc = "不适用：" + r.NotApplicable
			}
			row[2], row[3], row[4], row[5], row[6], row[7], row[8] = &cell{text: r.Name, face: Sans}, &cell{text: r.Direction, face: Serif, align: alignCenter},
				txt(r.Target), txt(r.Actual), right(r.Weight), right(sc), txt(dev)
		}
		t.rows = append(t.rows, row)
	}
	foot := func(name, weight, score, last string) {
		t.rows = append(t.rows, []*cell{{text: name, face: Sans, colSpan: 6, fill: true}, nil, nil, nil, nil, nil, right(weight), right(score), {text: last, face: Sans}})
	}
	for _, g := range f.Groups {
		foot(g.Name+"小计", g.Weight, joinLines(g.Score, g.Compare), "")
	}
	if len(f.Money) > 0 {
		foot("预算执行率", f.ExecWeight, f.ExecScore, "")
	}
	if f.Complete {
		foot(f.TotalLabel, f.Full, joinLines(f.Total, f.TotalPublished), joinLines("评价等级："+f.Grade, f.GradePublished))
	} else {
		t.rows = append(t.rows, []*cell{{text: "总分", face: Sans, colSpan: 6, fill: true}, nil, nil, nil, nil, nil, right(f.Full), {text: "未完成自评：不计总分、不评等级", face: Sans, colSpan: 2}, nil})
	}
	l.table(t)
	if !f.Complete {
		l.note("未完成自评", f.Incomplete)
	}
	if f.Differs {
		l.paragraph(present.Mark+" 表上公布的数字与按规则计算的不同：“公布”是自评表印出的，“按规则”是按评分规则计算的；公式见本行和下文。", smallGrayNote)
	}
	for _, tx := range f.Texts {
		l.paragraph(tx.Title+"："+tx.Text, bodyText)
	}
	l.heading(min(l.lastLevel()+1, 4), "得分是怎样算出的", 40)
	for i, s := range append(f.Formulas, f.TotalFormula) {
		l.paragraph(fmt.Sprintf("%d、%s", i+1, s), textStyle{face: Serif, size: 10, leading: 17, color: black})
	}
}

// writeFindings sets the department's 自评得分复核: every printed figure of
// its projects' self-evaluation forms that the rules do not give.
func writeFindings(l *layout, d *derive.Department, level int) {
	l.heading(level, "自评得分复核", 60)
	var rows [][]*cell
	evaluated := 0
	if d.Evaluation != nil {
		evaluated++
		for _, f := range present.Findings("", present.DeptName, d.Evaluation) {
			rows = append(rows, []*cell{txt(f.Project), {text: f.Item, face: Sans}, right(present.Mark + " " + f.Published), right(f.Computed), txt(f.Formula)})
		}
	}
	for _, p := range d.Projects {
		if p.Evaluation != nil {
			evaluated++
		}
		for _, f := range present.Findings(p.Code, p.Name, p.Evaluation) {
			rows = append(rows, []*cell{txt(f.Project), {text: f.Item, face: Sans}, right(present.Mark + " " + f.Published), right(f.Computed), txt(f.Formula)})
		}
	}
	if len(rows) == 0 {
		l.paragraph(present.NoFindings(evaluated), bodyText)
		return
	}
	l.table(table{caption: "自评得分复核：自评表公布的与按规则计算的不同之处", widths: []float64{3.2, 2.6, 1.8, 1.8, 7}, size: tableSize,
		header: [][]*cell{headerRow("项目", "复核项", "公布", "按规则", "计算方法")}, rows: rows})
}

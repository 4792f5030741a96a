package importer

import (
	"fmt"
	"sort"

	"github.com/xuri/excelize/v2"

	"disclose/generator/model"
	"disclose/generator/present"
)

// sheet writes rows of text into one worksheet.
type sheet struct {
	f    *excelize.File
	name string
	row  int
}

func (s *sheet) cell(r, c int) string {
	n, _ := excelize.CoordinatesToCellName(c+1, r+1)
	return n
}

// line writes one row of text cells and returns its index.
func (s *sheet) line(cells ...string) int {
	for c, v := range cells {
		if v != "" {
			_ = s.f.SetCellStr(s.name, s.cell(s.row, c), v)
		}
	}
	s.row++
	return s.row - 1
}

func (s *sheet) merge(r1, c1, r2, c2 int) {
	if r1 != r2 || c1 != c2 {
		_ = s.f.MergeCell(s.name, s.cell(r1, c1), s.cell(r2, c2))
	}
}

// indicators writes an indicator table in the official layout: two header
// rows (指标值 over 符号 / 值 / 单位), 一级 and 二级 cells merged down.
func (s *sheet) indicators(rows []model.Indicator) {
	weights, polarity := false, false
	for _, in := range rows {
		weights = weights || in.Weight != nil
		polarity = polarity || in.Polarity != ""
	}
	head := []string{"一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "", "", "指标值确定依据"}
	sub := []string{"", "", "", "", "符号", "值", "单位（文字描述）", ""}
	if weights {
		head, sub = append(head, "分值"), append(sub, "")
	}
	if polarity {
		head, sub = append(head, "指标方向"), append(sub, "")
	}
	h := s.line(head...)
	s.line(sub...)
	for c := range head {
		if c < 4 || c > 6 {
			s.merge(h, c, h+1, c)
		}
	}
	s.merge(h, 4, h, 6)
	spans := present.IndicatorSpans(rows)
	for i, in := range rows {
		cells := []string{in.Level1, in.Level2, in.Name, in.Description, in.Operator.Raw, in.Value, in.Unit, in.Basis}
		if weights {
			w := ""
			if in.Weight != nil {
				w = in.Weight.String()
			}
			cells = append(cells, w)
		}
		if polarity {
			cells = append(cells, string(in.Polarity))
		}
		r := s.line(cells...)
		if spans[i].Level1 > 1 {
			s.merge(r, 0, r+spans[i].Level1-1, 0)
		}
		if spans[i].Level2 > 1 {
			s.merge(r, 1, r+spans[i].Level2-1, 1)
		}
	}
}

// Export writes a department as a workbook in the official layout: the
// 部门整体绩效目标, each project's 项目支出绩效目标表 and 绩效自评表, the
// monitoring, and the spending records. Import reads it back unchanged.
func Export(d *model.Department, path string) error {
	f := excelize.NewFile()
	defer f.Close()
	first := "部门整体绩效目标"
	_ = f.SetSheetName("Sheet1", first)
	s := &sheet{f: f, name: first}
	s.line("标题", d.Title)
	s.line("部门名称", d.Name)
	s.line("发布机构", d.Publisher)
	s.line("发布日期", d.Published.String())
	s.line("总体绩效目标", trimNL(d.OverallGoal.Text))
	for i, t := range d.SubTargets {
		if i == 0 {
			s.line("分项绩效目标", fmt.Sprintf("%d、%s", i+1, t))
		} else {
			s.line("", fmt.Sprintf("%d、%s", i+1, t))
		}
	}
	s.line()
	s.indicators(d.Indicators)
	s.line()
	if d.MeasuresTitle != "" {
		s.line("工作保障措施标题", d.MeasuresTitle)
	}
	s.line("工作保障措施", trimNL(d.Measures.Text))
	s.line("专项资金说明", d.SpecialFunds.Explanation)
	if !d.RecordsThrough.IsZero() {
		s.line("支出记录截至日期", d.RecordsThrough.String())
	}
	s.line()
	s.line("支出记录文件", "示例数据", "说明")
	for _, sf := range d.Spending {
		ill := "否"
		if sf.Illustrative {
			ill = "是"
		}
		s.line(sf.File, ill, sf.Note)
	}
	var monitoring [][]string
	for _, p := range d.Projects {
		ps := &sheet{f: f, name: "项目 " + p.Code}
		_, _ = f.NewSheet(ps.name)
		ps.line("项目支出绩效目标表")
		ps.line("项目编码", p.Code, "项目名称", p.Name)
		ps.line("项目绩效模板", p.Template)
		ps.line("资金总额（万元）", p.Total.String())
		ps.line("资金来源", "金额（万元）")
		for _, fd := range p.Funds {
			ps.line(fd.Kind, fd.Amount.String())
		}
		ps.line()
		ps.line("资金用途", p.Purpose)
		ps.line("预算明细", "金额（万元）")
		for _, l := range p.BudgetLines {
			ps.line(l.Name, l.Amount.String())
		}
		ps.line()
		labels, pcts := []string{"资金支出计划（累计进度%）"}, []string{""}
		for _, c := range p.Plan {
			labels, pcts = append(labels, c.Label), append(pcts, c.Percent.String())
		}
		ps.line(labels...)
		ps.line(pcts...)
		for i, t := range p.Targets {
			first := ""
			if i == 0 {
				first = "绩效目标"
			}
			ps.line(first, t.Label, t.Text)
		}
		ps.line()
		ps.indicators(p.Indicators)
		ps.line()
		ps.line("项目说明", trimNL(p.Description.Text))
		if p.Results == nil {
			continue
		}
		r := p.Results
		for _, m := range r.Monitoring {
			for _, o := range m.Indicators {
				monitoring = append(monitoring, []string{p.Code, m.Date.String(), m.Label, o.Name, o.Outlook, o.Actual, o.Progress, o.Cause, o.Remedy})
			}
		}
		if r.Evaluation == nil {
			continue
		}
		es := &sheet{f: f, name: "自评 " + p.Code}
		_, _ = f.NewSheet(es.name)
		es.line("项目支出绩效自评表")
		es.line("项目编码", p.Code, "项目名称", p.Name)
		initial, adjusted := "", ""
		if r.Budget.Initial != nil {
			initial = r.Budget.Initial.String()
		}
		if r.Budget.Adjusted != nil {
			adjusted = r.Budget.Adjusted.String()
		}
		es.line("年初预算数（万元）", initial, "全年预算数（万元）", adjusted)
		ill := "否"
		if r.Illustrative {
			ill = "是"
		}
		es.line("示例数据", ill)
		es.line("说明", r.Note)
		es.line("预算执行说明", r.Evaluation.Explanation)
		es.line()
		es.line("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "完成程度", "得分比例（%）", "分值", "偏差原因分析及改进措施", "不适用原因")
		byName := map[string]*model.Indicator{}
		for i := range p.Indicators {
			byName[p.Indicators[i].Name] = &p.Indicators[i]
		}
		for _, res := range r.Evaluation.Indicators {
			in := byName[res.Name]
			l1, l2, tgt := "", "", ""
			if in != nil {
				l1, l2, tgt = in.Level1, in.Level2, present.Target(in)
			}
			share, weight := "", ""
			if res.Share != nil {
				share = res.Share.String()
			}
			if res.Weight != nil {
				weight = res.Weight.String()
			}
			es.line(l1, l2, res.Name, tgt, res.Actual, res.Achievement, share, weight, res.Deviation, res.NotApplicable)
		}
	}
	if len(monitoring) > 0 {
		ms := &sheet{f: f, name: "绩效运行监控"}
		_, _ = f.NewSheet(ms.name)
		ms.line("项目编码", "监控日期", "名称", "三级指标", "完成预判", "当前实际值", "当前完成情况", "原因分析", "改进措施")
		for _, m := range monitoring {
			ms.line(m...)
		}
	}
	files := map[int32][]model.Record{}
	for _, r := range d.Records {
		files[r.File] = append(files[r.File], r)
	}
	keys := make([]int, 0, len(files))
	for k := range files {
		keys = append(keys, int(k))
	}
	sort.Ints(keys)
	for _, k := range keys {
		name := fmt.Sprintf("file%d", k)
		if k < len(d.Spending) {
			name = trimExt(d.Spending[k].File)
		}
		rs := &sheet{f: f, name: "支出记录 " + name}
		_, _ = f.NewSheet(rs.name)
		rs.line("日期", "项目编码", "资金用途", "金额（元）", "凭证号", "摘要")
		for _, r := range files[int32(k)] {
			rs.line(r.Date.String(), r.Project, r.BudgetLine, r.Amount.String(), r.Voucher, r.Memo)
		}
	}
	return f.SaveAs(path)
}

func trimNL(s string) string {
	for len(s) > 0 && (s[len(s)-1] == '\n' || s[len(s)-1] == '\r') {
		s = s[:len(s)-1]
	}
	return s
}

func trimExt(file string) string {
	name := file
	if i := len("spending/"); len(name) > i && name[:i] == "spending/" {
		name = name[i:]
	}
	if len(name) > 4 && name[len(name)-4:] == ".csv" {
		name = name[:len(name)-4]
	}
	return name
}

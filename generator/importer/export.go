package importer

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"disclose/generator/model"
	"disclose/generator/present"
)

// sheet writes rows into one worksheet: plain decimals as number cells
// (so SUM works), other text as text, and remembers each column's widest
// cell for the widths.
type sheet struct {
	f      *excelize.File
	name   string
	row    int
	widths map[int]int
	styles *styles
}

// styles are the workbook's number formats by decimal places, and its
// wrapping style for long text.
type styles struct {
	places map[int]int
	wrap   int
}

// plainDecimal is what a number cell may hold: a decimal as content
// writes it, no separators, no unit.
var plainDecimal = regexp.MustCompile(`^-?\d{1,15}(\.\d{1,10})?$`)

// maxWidth is the widest a column is made, in character widths; longer
// text wraps within it.
const maxWidth = 60

func (s *sheet) cell(r, c int) string {
	n, _ := excelize.CoordinatesToCellName(c+1, r+1)
	return n
}

// numberCell marks a cell for line to write as a number: an amount, a
// percentage, a weight. Other cells stay text even when they look like
// numbers (a voucher 0012, a numeric code).
type numberCell string

// line writes one row of cells (string or number) and returns its index.
func (s *sheet) line(cells ...any) int {
	for c, x := range cells {
		v, isNum := "", false
		switch x := x.(type) {
		case string:
			v = x
		case numberCell:
			v, isNum = string(x), true
		}
		if v == "" {
			continue
		}
		ref := s.cell(s.row, c)
		w := displayWidth(v)
		if isNum && plainDecimal.MatchString(v) {
			// The text itself is the cell's value: exact, its places kept,
			// no float in between.
			_ = s.f.SetCellDefault(s.name, ref, v)
			_ = s.f.SetCellStyle(s.name, ref, ref, s.numberStyle(v))
		} else {
			_ = s.f.SetCellStr(s.name, ref, v)
			if w > maxWidth {
				_ = s.f.SetCellStyle(s.name, ref, ref, s.styles.wrap)
			}
		}
		if s.widths == nil {
			s.widths = map[int]int{}
		}
		s.widths[c] = max(s.widths[c], min(w, maxWidth))
	}
	s.row++
	return s.row - 1
}

// numberStyle is the format that shows v's decimal places.
func (s *sheet) numberStyle(v string) int {
	places := 0
	if _, frac, ok := strings.Cut(v, "."); ok {
		places = len(frac)
	}
	if id, ok := s.styles.places[places]; ok {
		return id
	}
	code := "0"
	if places > 0 {
		code += "." + strings.Repeat("0", places)
	}
	id, _ := s.f.NewStyle(&excelize.Style{CustomNumFmt: &code})
	s.styles.places[places] = id
	return id
}

// fit sets each column's width to its widest cell (within maxWidth).
func (s *sheet) fit() {
	for c, w := range s.widths {
		col, _ := excelize.ColumnNumberToName(c + 1)
		_ = s.f.SetColWidth(s.name, col, col, float64(max(w, 6)+2))
	}
}

// displayWidth counts a wide (CJK, full-width) character as two, as a
// spreadsheet shows it; a cell of several lines is as wide as its longest.
func displayWidth(v string) int {
	widest := 0
	for _, line := range strings.Split(v, "\n") {
		w := 0
		for _, r := range line {
			if r >= 0x1100 && (r <= 0x115F || r >= 0x2E80 && r <= 0xA4CF || r >= 0xAC00 && r <= 0xD7A3 || r >= 0xF900 && r <= 0xFAFF || r >= 0xFE30 && r <= 0xFE4F || r >= 0xFF00 && r <= 0xFF60 || r >= 0xFFE0 && r <= 0xFFE6 || r >= 0x20000) {
				w += 2
			} else {
				w++
			}
		}
		widest = max(widest, w)
	}
	return widest
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
	head := []any{"一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "", "", "指标值确定依据"}
	sub := []any{"", "", "", "", "符号", "值", "单位（文字描述）", ""}
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
		cells := []any{in.Level1, in.Level2, in.Name, in.Description, in.Operator.Raw, in.Value, in.Unit, in.Basis}
		if weights {
			w := ""
			if in.Weight != nil {
				w = in.Weight.String()
			}
			cells = append(cells, numberCell(w))
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
	st := &styles{places: map[int]int{}}
	st.wrap, _ = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	var sheets []*sheet
	newSheet := func(name string) *sheet {
		s := &sheet{f: f, name: name, styles: st}
		sheets = append(sheets, s)
		return s
	}
	s := newSheet(first)
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
		ps := newSheet("项目 " + p.Code)
		_, _ = f.NewSheet(ps.name)
		ps.line("项目支出绩效目标表")
		ps.line("项目编码", p.Code, "项目名称", p.Name)
		ps.line("项目绩效模板", p.Template)
		ps.line("资金总额（万元）", numberCell(p.Total.String()))
		ps.line("资金来源", "金额（万元）")
		for _, fd := range p.Funds {
			ps.line(fd.Kind, numberCell(fd.Amount.String()))
		}
		ps.line()
		ps.line("资金用途", p.Purpose)
		ps.line("预算明细", "金额（万元）")
		for _, l := range p.BudgetLines {
			ps.line(l.Name, numberCell(l.Amount.String()))
		}
		ps.line()
		labels, pcts := []any{"资金支出计划（累计进度%）"}, []any{""}
		for _, c := range p.Plan {
			labels, pcts = append(labels, c.Label), append(pcts, numberCell(c.Percent.String()))
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
		es := newSheet("自评 " + p.Code)
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
		es.line("年初预算数（万元）", numberCell(initial), "全年预算数（万元）", numberCell(adjusted))
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
			es.line(l1, l2, res.Name, tgt, res.Actual, res.Achievement, numberCell(share), numberCell(weight), res.Deviation, res.NotApplicable)
		}
	}
	if len(monitoring) > 0 {
		ms := newSheet("绩效运行监控")
		_, _ = f.NewSheet(ms.name)
		ms.line("项目编码", "监控日期", "名称", "三级指标", "完成预判", "当前实际值", "当前完成情况", "原因分析", "改进措施")
		for _, m := range monitoring {
			ms.line(toAny(m)...)
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
		rs := newSheet("支出记录 " + name)
		_, _ = f.NewSheet(rs.name)
		rs.line("日期", "项目编码", "资金用途", "金额（元）", "凭证号", "摘要")
		for _, r := range files[int32(k)] {
			rs.line(r.Date.String(), r.Project, r.BudgetLine, numberCell(r.Amount.String()), r.Voucher, r.Memo)
		}
	}
	for _, s := range sheets {
		s.fit()
	}
	// Written as any other file of the user's (0644 less the umask), not
	// with excelize's SaveAs, which asks for an executable file.
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

func toAny(cells []string) []any {
	out := make([]any, len(cells))
	for i, c := range cells {
		out[i] = c
	}
	return out
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

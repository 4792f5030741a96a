package importer

import (
	"fmt"
	"regexp"
	"strings"

	"disclose/generator/model"
	"disclose/generator/money"
	"disclose/generator/num"
	"disclose/generator/rules"
)

// Labels of the key-value blocks of the forms, in every spelling seen
// (compared after canon: brackets and colons of either width).
var labelWords = map[string]string{
	"项目名称": "name", "项目支出名称": "name", "专项名称": "name", "项目编码": "code", "项目代码": "code", "项目编号": "code",
	"主管部门": "supervisor", "省级主管部门": "province", "中央主管部门": "central", "项目主管部门": "supervisor", "业务主管部门": "supervisor",
	"预算部门": "dept", "部门名称": "dept", "单位名称": "dept", "预算单位": "dept", "部门": "dept", "部门(单位)名称": "dept", "单位": "dept",
	"实施单位": "unit", "部门编码": "deptcode", "部门预算编码": "deptcode",
	"项目类别": "category", "项目分类": "category", "归口科室": "office", "项目负责人": "manager", "项目负责人及电话": "manager",
	"项目绩效模板": "template",
	"资金总额":   "total", "项目资金总额": "total", "年度资金总额": "total", "资金总额(万元)": "total", "项目资金总额(万元)": "total", "年度资金总额(万元)": "total",
	"项目总预算": "total", "年度本级预算金额": "total",
	"财政拨款": "fiscal", "其中:财政拨款": "fiscal", "一般公共预算": "fiscal", "其中:一般公共预算": "fiscal", "其他资金": "other",
	"年初预算数": "initial", "年初预算数(万元)": "initial", "全年预算数": "adjusted", "全年预算数(万元)": "adjusted", "调整后预算数": "adjusted",
	"全年执行数": "executed", "全年执行数(万元)": "executed",
	"资金用途": "purpose", "项目资金用途": "purpose", "项目总体情况": "purpose", "项目总体概况": "purpose",
	"资金支出计划": "plan", "资金支出计划(累计进度%)": "plan",
	"年度目标": "targets", "年度绩效目标": "targets", "绩效目标": "targets", "总体目标": "targets", "年度总体目标": "targets",
	"本年度绩效目标": "targets", "实施期绩效目标": "targets", "年度主要目标和成果": "targets", "年度绩效总目标": "targets",
	"项目说明": "description", "年度目标完成情况": "targets",
	"总体绩效目标": "overall", "分项绩效目标": "subtargets", "工作保障措施": "measures", "工作保障措施标题": "measures_heading",
	"预算明细": "lines", "资金来源": "funds", "年度": "year", "预算年度": "year", "发布机构": "publisher", "发布日期": "published", "填报日期": "published", "标题": "title",
	"专项资金说明": "special_explanation", "支出记录截至日期": "records_through",
	"示例数据": "illustrative", "说明": "note", "预算执行说明": "explanation", "支出记录文件": "spendingfiles",
	"其他需要说明事项": "note",
}

var canonLabels = func() map[string]string {
	m := map[string]string{}
	for k, v := range labelWords {
		m[canon(k)] = v
	}
	return m
}()

func labelOf(s string) string {
	return canonLabels[canon(s)]
}

// inlineLabel reads a label and its value written in one cell, as
// "部门:临沧市永德县明朗中学" or "填报日期:2021 年 1 月 28 日".
func inlineLabel(s string) (label, value string) {
	for _, sep := range []string{":", "："} {
		if k, v, ok := strings.Cut(s, sep); ok {
			if l := labelOf(k); l != "" && clean(v) != "" && !strings.ContainsAny(v, ":：") {
				return l, clean(v)
			}
		}
	}
	return "", ""
}

// value finds a label's value: the first non-empty cell to its right that
// is not itself a label (merged cells repeat the label across the merge).
func value(g *Grid, r, c int) (string, int) {
	label := norm(g.Cell(r, c))
	for j := c + 1; j < len(g.Rows[r]); j++ {
		v := g.Cell(r, j)
		if v == "" || norm(v) == label {
			continue
		}
		if labelOf(v) != "" {
			return "", -1
		}
		return v, j
	}
	return "", -1
}

// form is what one sheet holds.
type form struct {
	fields      map[string]string
	where       map[string]place
	plan        []model.Checkpoint
	targets     []model.Target
	lines       []model.BudgetLine
	funds       []model.Fund
	subtargets  []string
	indicators  []model.Indicator
	results     []model.Result
	records     [][]string
	hasEval     bool
	description string
	spending    []model.SpendingFile

	// What self-evaluation and target forms print beyond the indicators.
	levels     []model.Level
	total      *money.Amount
	budget     *model.BudgetFigures
	yuan       bool
	execWeight *num.Decimal
	execRate   *num.Decimal
	execScore  *num.Decimal
	totalScore *num.Decimal
	grade      string
	summary    string
	monitor    *monitorForm
	toDate     *money.Amount // 1-N月执行数
	toDateHead string
	projected  *money.Amount // 全年预计执行数
	subtotals  []model.Subtotal
	start      place // the table's first cell: where notes about it point
}

var checkpointDate = regexp.MustCompile(`^(\d{1,2})月(底|末)?$`)
var quarter = map[string]int{"第一季度": 3, "一季度": 3, "第二季度": 6, "二季度": 6, "上半年": 6, "第三季度": 9, "三季度": 9, "第四季度": 12, "四季度": 12, "全年": 12, "年底": 12}

// planDate turns a checkpoint label such as 6月底 or 第三季度 into its date.
func planDate(year int, label string) (model.Date, bool) {
	month := 0
	if m := checkpointDate.FindStringSubmatch(norm(label)); m != nil {
		fmt.Sscan(m[1], &month)
	} else if q, ok := quarter[norm(label)]; ok {
		month = q
	}
	if month < 1 || month > 12 {
		return model.Date{}, false
	}
	// The last day of the month: the day before the next month's first.
	if month == 12 {
		return model.NewDate(year, 12, 31)
	}
	first, _ := model.NewDate(year, month+1, 1)
	t := first.Time().AddDate(0, 0, -1)
	return model.NewDate(t.Year(), int(t.Month()), t.Day())
}

// readForm reads the blocks and the indicator table of one grid.
func readForm(g *Grid, year int, rep *Report) *form {
	f := &form{fields: map[string]string{}, where: map[string]place{}, start: startOf(g)}
	tables := findTables(g)
	inTable := map[int]bool{}
	for _, t := range tables {
		end := readIndicators(g, t, f, rep)
		for r := t.header; r < end; r++ {
			inTable[r] = true
		}
	}
	readMoneyBlocks(g, f, inTable, rep)
	headers := map[int]bool{}
	for _, t := range tables {
		headers[t.header] = true
	}
	readSections(g, f, inTable, headers)
	// The 总分 row may follow other rows (其他需要说明事项) below the table.
	if len(tables) > 0 && f.totalScore == nil {
		for r := tables[len(tables)-1].first; r < len(g.Rows); r++ {
			if strings.HasPrefix(canon(g.Cell(r, 0)), "总分") {
				readTotals(g, r, tables[len(tables)-1], f)
				inTable[r] = true
			}
		}
	}
	set := func(l, v string, where place) {
		if _, seen := f.fields[l]; !seen {
			f.fields[l] = v
			f.where[l] = where
		}
	}
	if t := formTitle(g); t != "" {
		f.fields["formtitle"] = t
	}
rows:
	for r := 0; r < len(g.Rows); r++ {
		if inTable[r] {
			continue
		}
		for c := 0; c < len(g.Rows[r]); c++ {
			l := labelOf(g.Cell(r, c))
			if canon(g.Cell(r, c)) == "自评得分" && f.totalScore == nil {
				// 自评得分 in the header block, its number beside or below.
				for _, at := range [][2]int{{r, c + 1}, {r + 1, c}} {
					if d := decimalOf(g.Cell(at[0], at[1])); d != nil {
						f.totalScore = d
						break
					}
				}
				continue
			}
			if l == "" {
				if il, v := inlineLabel(g.Cell(r, c)); il != "" && v != "万元" && v != "元" {
					set(il, v, g.at(r, c))
				}
				continue
			}
			switch l {
			case "plan":
				for j := c + 1; j < len(g.Rows[r]); j++ {
					lab := g.Cell(r, j)
					if lab == "" || labelOf(lab) == "plan" {
						continue
					}
					pct := strings.TrimSuffix(g.Cell(r+1, j), "%")
					d, ok := planDate(year, lab)
					p, err := num.Parse(pct)
					if !ok || err != nil {
						rep.supply(g.at(r, j), "资金支出计划的节点 %q（%q）无法识别，未导入", lab, g.Cell(r+1, j))
						continue
					}
					f.plan = append(f.plan, model.Checkpoint{Label: lab, Date: d, Percent: p})
				}
				r++ // the percentages
				continue rows
			case "targets":
				if readTargetHeadings(g, r, c, f, inTable) {
					c = len(g.Rows[r])
					continue
				}
				for k := r; k < len(g.Rows); k++ {
					if k > r && labelOf(g.Cell(k, c)) != "" && labelOf(g.Cell(k, c)) != "targets" {
						break
					}
					lab, text := g.Cell(k, c+1), g.Cell(k, c+2)
					if text == "" {
						text, lab = lab, norm(g.Cell(k, c))
						// A merged label repeats on each row: 年度目标 | text.
						if lab == "" || k > r && lab == norm(g.Cell(r, c)) {
							lab = fmt.Sprintf("目标%d", len(f.targets)+1)
						}
					}
					if k > r && lab == "" && text == "" {
						break
					}
					if text == "" || labelOf(lab) != "" && labelOf(lab) != "targets" {
						break
					}
					f.targets = append(f.targets, model.Target{Label: lab, Text: text})
					inTable[k] = true // a 绩效目标 merged down repeats on this row: read once
					if k+1 < len(g.Rows) && norm(g.Cell(k+1, c)) != "" && labelOf(g.Cell(k+1, c)) != "targets" {
						break
					}
				}
				c = len(g.Rows[r])
			case "lines", "funds":
				// A header row (名称 | 金额) follows on the same line; rows below.
				for k := r + 1; k < len(g.Rows); k++ {
					name, amt := g.Cell(k, c), g.Cell(k, c+1)
					if name == "" || labelOf(name) != "" || roleOf(name) != noRole {
						break
					}
					a, ok := amount(amt, false)
					if !ok {
						rep.supply(g.at(k, c+1), "%q 不是金额（万元），该行未导入", amt)
						continue
					}
					if l == "lines" {
						f.lines = append(f.lines, model.BudgetLine{Name: name, Amount: a})
					} else {
						f.funds = append(f.funds, model.Fund{Kind: name, Amount: a})
					}
					inTable[k] = true
				}
				c = len(g.Rows[r])
			case "spendingfiles":
				for k := r + 1; k < len(g.Rows) && g.Cell(k, c) != ""; k++ {
					f.spending = append(f.spending, model.SpendingFile{File: g.Cell(k, c), Illustrative: g.Cell(k, c+1) == "是", Note: g.Cell(k, c+2)})
					inTable[k] = true
				}
				c = len(g.Rows[r])
			case "subtargets":
				if v, _ := value(g, r, c); v != "" {
					f.subtargets = append(f.subtargets, stripNumber(v))
				}
				for k := r + 1; k < len(g.Rows); k++ {
					v := g.Cell(k, c+1)
					if g.Cell(k, c) != "" && labelOf(g.Cell(k, c)) != "subtargets" || v == "" {
						break
					}
					f.subtargets = append(f.subtargets, stripNumber(v))
					inTable[k] = true
				}
				c = len(g.Rows[r])
			default:
				v, j := value(g, r, c)
				if v == "" {
					continue
				}
				set(l, v, g.at(r, j))
				c = j
			}
		}
	}
	f.description = f.fields["description"]
	return f
}

// formTitle is the form's own title: the first row's only text when it
// names a table (…表).
func formTitle(g *Grid) string {
	for r := range g.Rows {
		if rowEmpty(g, r) {
			continue
		}
		var texts []string
		for c := range g.Rows[r] {
			if v := g.Cell(r, c); v != "" {
				texts = append(texts, v)
			}
		}
		if len(texts) == 1 && strings.Contains(texts[0], "表") && labelOf(texts[0]) == "" {
			return texts[0]
		}
		if len(texts) == 1 {
			continue // 附件1
		}
		return ""
	}
	return ""
}

// targetHeadings are the sub-headings of a 年度总体目标 block whose texts
// sit on the row below: 预期目标 | 实际完成情况.
var targetHeadings = map[string]bool{"预期目标": true, "年初设定目标": true, "年度目标": true,
	"实际完成情况": true, "年度总体目标完成情况综述": true, "年度总体目标完成情况": true, "目标实际完成情况": true}

func isActualHeading(s string) bool {
	c := canon(s)
	return strings.Contains(c, "完成情况") || strings.Contains(c, "综述")
}

// readTargetHeadings reads a 年度总体目标 block: headed (预期目标 | 实际完成
// 情况, texts below) or with its texts on the label's row (年度总体目标 |
// target | actual, as 05 prints it). Reports false for the other layouts.
func readTargetHeadings(g *Grid, r, c int, f *form, used map[int]bool) bool {
	type col struct {
		c    int
		head string
	}
	var heads []col
	for j := c + 1; j < len(g.Rows[r]); j++ {
		if v := g.Cell(r, j); v != "" && targetHeadings[canon(v)] {
			heads = append(heads, col{j, v})
		}
	}
	var texts []string
	for j := c + 1; j < len(g.Rows[r]); j++ {
		if v := g.Cell(r, j); v != "" {
			texts = append(texts, v)
		}
	}
	if len(heads) == 0 {
		if len(texts) == 2 && len([]rune(texts[0])) > 4 {
			// 05: target and actual on the label's row.
			f.targets = append(f.targets, model.Target{Label: norm(g.Cell(r, c)), Text: texts[0]})
			f.summary = texts[1]
			return true
		}
		return false
	}
	if r+1 >= len(g.Rows) || g.Cell(r+1, c) != "" {
		if len(heads) == 1 && heads[0].c == c+1 {
			return false // 年度目标 | 目标1 | text layout
		}
	}
	// One row of texts, or numbered targets one a row (06: 目标1:… | 目标1:…).
	for k := r + 1; k < len(g.Rows); k++ {
		if k > r+1 && (g.Cell(k, c) != "" || !numberedTarget.MatchString(norm(g.Cell(k-1, heads[0].c)))) {
			break
		}
		used[k] = true
		for i, h := range heads {
			end := len(g.Rows[k])
			if i+1 < len(heads) {
				end = heads[i+1].c
			}
			text := ""
			for j := h.c; j < end; j++ {
				if v := g.Cell(k, j); v != "" {
					text = v
					break
				}
			}
			if text == "" {
				continue
			}
			if isActualHeading(h.head) {
				f.summary += text
			} else if m := numberedTarget.FindStringSubmatch(text); m != nil {
				f.targets = append(f.targets, model.Target{Label: m[1], Text: strings.TrimSpace(m[2])})
			} else {
				f.targets = append(f.targets, model.Target{Label: norm(h.head), Text: text})
			}
		}
	}
	return true
}

// numberedTarget is a target written with its number: 目标1:深入开展….
var numberedTarget = regexp.MustCompile(`^(目标\d+)[:：](.+)$`)

var leadingNumber = regexp.MustCompile(`^\s*[(（]?(\d+|[一二三四五六七八九十]+)[、.．)）]\s*`)

func stripNumber(s string) string { return leadingNumber.ReplaceAllString(s, "") }

// placeholder matches the template rows forms leave in: 指标2, ……
var placeholder = regexp.MustCompile(`^(指标\d+|…+|\.{3,}|……+)$`)

// readIndicators reads the rows of an indicator table and returns the row
// after its last. Printed weights and scores are kept as printed; a row
// cut off or left blank is imported with what it has and reported.
func readIndicators(g *Grid, t table, f *form, rep *Report) int {
	col := func(r int, ro role) string {
		c, ok := t.cols[ro]
		if !ok {
			return ""
		}
		return g.Cell(r, c)
	}
	at := func(r int, ro role) place {
		c, ok := t.cols[ro]
		if !ok {
			c = t.cols[roleName]
		}
		return g.at(r, c)
	}
	_, eval := t.cols[roleActual]
	_, scored := t.cols[roleScore]
	eval = eval || scored
	if _, ok := t.cols[roleOutlook]; ok {
		return readMonitorTable(g, t, f, rep)
	}
	f.hasEval = f.hasEval || eval
	var l1, l2 string
	levels := map[string]bool{}
	addLevel := func(l model.Level) {
		k := l.Level1 + "\x00" + l.Level2
		if !levels[k] {
			levels[k] = true
			f.levels = append(f.levels, l)
		}
	}
	r := t.first
	for ; r < len(g.Rows); r++ {
		if rowEmpty(g, r) {
			break
		}
		first := canon(g.Cell(r, 0))
		if t.cols[roleLevel1] > 0 && first != "" && col(r, roleLevel1) == "" && col(r, roleName) == "" || strings.HasPrefix(first, "总分") || strings.HasPrefix(first, "合计") {
			if strings.HasPrefix(first, "总分") || strings.HasPrefix(first, "合计") {
				readTotals(g, r, t, f)
				continue
			}
			break // 财政部门审核意见, 填表人, 注: …
		}
		if labelOf(g.Cell(r, 0)) != "" && col(r, roleName) == "" {
			break
		}
		name := col(r, roleName)
		newL1, newL2 := col(r, roleLevel1), col(r, roleLevel2)
		if newL1 != "" {
			if newL1 != l1 {
				l2 = ""
			}
			l1 = newL1
			if n, w := splitLabelWeight(l1); w != nil {
				addLevel(model.Level{Level1: n, Weight: w})
			}
		}
		if newL2 != "" {
			l2 = newL2
			if n1, _ := splitLabelWeight(l1); category(l2) != "" && category(n1) != "" && category(l2) != category(n1) {
				addLevel(model.Level{Level1: n1, Level2: l2})
				rep.read(at(r, roleLevel2), "二级指标 %q 印在一级指标 %q 之下，照原样导入，并在 levels 中列出这一组", l2, l1)
			}
			if n, w := splitLabelWeight(l2); w != nil {
				n1, _ := splitLabelWeight(l1)
				addLevel(model.Level{Level1: n1, Level2: n, Weight: w})
			}
		}
		rest := false
		for ro, c := range t.cols {
			if ro != roleLevel1 && ro != roleLevel2 && ro != roleName && ro != roleSeq && g.Cell(r, c) != "" {
				rest = true
			}
		}
		if name == "" {
			switch {
			case rest:
				rep.supply(at(r, roleName), "这一行没有三级指标名称，未导入")
			case newL2 != "" && isLastRow(g, r):
				rep.supply(at(r, roleLevel2), "表格在此截断（只有二级指标 %q），未导入", newL2)
			case newL2 != "":
				addLevel(model.Level{Level1: l1, Level2: l2})
				rep.read(at(r, roleLevel2), "二级指标 %q 下没有三级指标，照列为空组", l2)
			case newL1 != "":
				rep.supply(at(r, roleLevel1), "表格在此截断或没有下级指标（只有一级指标 %q），未导入", newL1)
			}
			continue
		}
		if placeholder.MatchString(canon(name)) && !rest {
			rep.read(at(r, roleName), "模板占位行 %q 没有内容，未导入", name)
			continue
		}
		op, val, unit := col(r, roleOperator), col(r, roleValue), col(r, roleUnit)
		if tv := col(r, roleTarget); tv != "" && val == "" {
			val = tv
		}
		timely := strings.Contains(l2, "时效") || strings.Contains(name, "时间") || strings.Contains(name, "日期")
		// 其中 rows under an indicator: their own value, no weight.
		if cn := canon(name); strings.HasPrefix(cn, "其中") && col(r, roleWeight) == "" && col(r, roleScore) == "" && len(f.indicators) > 0 {
			prev := &f.indicators[len(f.indicators)-1]
			pin, _ := target("", val, unit, "", l2)
			prev.Parts = append(prev.Parts, model.Part{Name: name, Value: pin.Value, Unit: pin.Unit})
			if eval && len(f.results) > 0 {
				res := &f.results[len(f.results)-1]
				res.Parts = append(res.Parts, model.PartResult{Name: name, Actual: col(r, roleActual)})
			}
			continue
		}
		var in model.Indicator
		var notes []string
		if val == "" && op == "" {
			in = model.Indicator{}
			if _, has := t.cols[roleTarget]; has || t.cols[roleValue] > 0 {
				rep.supply(at(r, roleTarget), "%s：指标值为空（表格截断或未填），按缺失导入；请补充", name)
			}
		} else {
			// A serial is a date in a 时效 row, or beside a date.
			v := serial(val, timely || isDate(col(r, roleActual)), &notes)
			if v != val && op == "" {
				op = "<="
				notes = append(notes, "完成时限没有符号，按 <=（不晚于）导入")
			}
			var more []string
			in, more = target(op, v, unit, col(r, roleDirection), l2)
			notes = append(notes, more...)
		}
		for _, n := range notes {
			rep.assume(at(r, roleName), "%s：%s", name, n)
		}
		in.Level1, in.Level2, in.Name = l1, l2, name
		in.Description, in.Basis = col(r, roleDescription), col(r, roleBasis)
		if w := col(r, roleWeight); w != "" {
			if d := decimalOf(w); d != nil {
				in.Weight = d
			} else {
				rep.supply(at(r, roleWeight), "%s：分值 %q 不是数，未导入", name, w)
			}
		}
		f.indicators = append(f.indicators, in)
		if !eval {
			continue
		}
		var sn []string
		res := model.Result{Name: name, Actual: serial(col(r, roleActual), timely || isDate(in.Value), &sn), Deviation: col(r, roleDeviation)}
		for _, n := range sn {
			rep.assume(at(r, roleActual), "%s：实际完成值中的 %s", name, n)
		}
		res.NotApplicable = col(r, roleNotApplicable)
		if sc := col(r, roleScore); sc != "" {
			if d := decimalOf(sc); d != nil {
				res.Score = d
			} else {
				rep.supply(at(r, roleScore), "%s：得分 %q 不是数，未导入", name, sc)
			}
		}
		if a := col(r, roleAchievement); a != "" {
			res.Achievement = a
			if sh, err := num.Parse(strings.TrimSuffix(col(r, roleShare), "%")); err == nil {
				res.Share = &sh
			}
		}
		_, hasActual := t.cols[roleActual]
		switch {
		case res.Actual == "" && res.Score == nil && res.Achievement == "":
			where := at(r, roleActual)
			if !hasActual {
				where = at(r, roleScore)
			}
			rep.supply(where, "%s：实际完成值和得分都是空的（表格截断或未填），按缺失导入，没有推定完成情况；请补充", name)
		case res.Actual == "" && hasActual:
			rep.supply(at(r, roleActual), "%s：实际完成值是空的，按缺失导入；请补充", name)
		}
		f.results = append(f.results, res)
	}
	return r
}

// category is the 一级 a level label belongs to by its words.
func category(label string) string {
	c := canon(label)
	switch {
	case strings.Contains(c, "满意"):
		return "满意度"
	case strings.Contains(c, "效益") || strings.Contains(c, "影响") || strings.Contains(c, "效果"):
		return "效益"
	case strings.Contains(c, "产出") || strings.Contains(c, "数量") || strings.Contains(c, "质量") || strings.Contains(c, "时效"):
		return "产出"
	}
	return ""
}

// serial decodes an Excel date serial (44561 → 2021-12-31) in a cell that
// holds a date, noting it. A number alone is no date: 44561 may be people.
func serial(v string, date bool, notes *[]string) string {
	if !date {
		return v
	}
	if d, ok := serialDate(v); ok {
		*notes = append(*notes, "Excel 日期序号 "+v+" 已转为 "+d)
		return d
	}
	return v
}

func isLastRow(g *Grid, r int) bool {
	for k := r + 1; k < len(g.Rows); k++ {
		if !rowEmpty(g, k) {
			return false
		}
	}
	return true
}

// splitLabelWeight reads a weight printed in a level's label: 产出指标(50分),
// 成本指标(0-20)分, 规划 (15分).
func splitLabelWeight(label string) (string, *model.Points) {
	name, w := rules.SplitLabel(label)
	if w == "" {
		return label, nil
	}
	p, err := model.ParsePoints(w)
	if err != nil {
		return label, nil
	}
	return name, &p
}

// readTotals reads the 总分 row: the total weight and score under their
// columns, the grade after them.
func readTotals(g *Grid, r int, t table, f *form) {
	sc, ok := t.cols[roleScore]
	if !ok {
		return
	}
	if d := decimalOf(g.Cell(r, sc)); d != nil {
		f.totalScore = d
	}
	for c := sc + 1; c < len(g.Rows[r]); c++ {
		if v := g.Cell(r, c); v != "" && decimalOf(v) == nil {
			f.grade = v
			break
		}
	}
}

func rowEmpty(g *Grid, r int) bool {
	for c := range g.Rows[r] {
		if g.Cell(r, c) != "" {
			return false
		}
	}
	return true
}

// startOf is a grid's first non-empty cell: the start of its table, where
// notes about the whole table point.
func startOf(g *Grid) place {
	for r := range g.Rows {
		for c := range g.Rows[r] {
			if g.Cell(r, c) != "" {
				return g.at(r, c)
			}
		}
	}
	return fileAt(g)
}

// readSections reads the points a form prints after a part of its own
// (06: 年度目标完成情况 … 20, 年度绩效指标完成情况 … 50): a row named in
// column A …情况 whose last cell is its only number. The execution's part
// (预算执行情况) is its money block's.
func readSections(g *Grid, f *form, skip, headers map[int]bool) {
	for r := range g.Rows {
		name := g.Cell(r, 0)
		if skip[r] && !headers[r] || !strings.HasSuffix(canon(name), "情况") || moneyRow(name) || labelOf(name) != "" && labelOf(name) != "targets" {
			continue
		}
		var numbers []int
		last := -1
		for c := 1; c < len(g.Rows[r]); c++ {
			if v := g.Cell(r, c); v != "" {
				last = c
				if decimalOf(v) != nil {
					numbers = append(numbers, c)
				}
			}
		}
		if len(numbers) != 1 || numbers[0] != last {
			continue
		}
		f.subtotals = append(f.subtotals, model.Subtotal{Name: norm(name), Weight: decimalOf(g.Cell(r, last))})
	}
}

var writtenDate = regexp.MustCompile(`^\d{4}(-\d{1,2}-\d{1,2}|/\d{1,2}/\d{1,2}|\.\d{1,2}\.\d{1,2}|年\d{1,2}月(\d{1,2}日)?)`)

// isDate tells a cell written as a date (2021-12-31, 2021/12/31,
// 2021年12月31日, 2021年12月前), not a serial.
func isDate(s string) bool {
	return writtenDate.MatchString(norm(s))
}

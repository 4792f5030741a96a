package importer

import (
	"fmt"
	"regexp"
	"strings"

	"disclose/generator/model"
	"disclose/generator/num"
)

// Labels of the key-value blocks of the forms, normalized.
var labelWords = map[string]string{
	"项目名称": "name", "项目编码": "code", "项目代码": "code", "项目编号": "code",
	"主管部门": "dept", "预算部门": "dept", "部门名称": "dept", "单位名称": "dept", "实施单位": "unit",
	"项目绩效模板": "template",
	"资金总额":   "total", "项目资金总额": "total", "年度资金总额": "total", "资金总额（万元）": "total", "项目资金总额（万元）": "total", "年度资金总额（万元）": "total",
	"财政拨款": "fiscal", "其中：财政拨款": "fiscal", "一般公共预算": "fiscal", "其中：一般公共预算": "fiscal", "其他资金": "other",
	"年初预算数": "initial", "年初预算数（万元）": "initial", "全年预算数": "adjusted", "全年预算数（万元）": "adjusted", "调整后预算数": "adjusted",
	"全年执行数": "executed", "全年执行数（万元）": "executed",
	"资金用途": "purpose", "项目资金用途": "purpose",
	"资金支出计划": "plan", "资金支出计划（累计进度%）": "plan", "资金支出计划(累计进度%)": "plan",
	"年度目标": "targets", "年度绩效目标": "targets", "绩效目标": "targets", "总体目标": "targets",
	"项目说明": "description", "项目说明：": "description",
	"总体绩效目标": "overall", "分项绩效目标": "subtargets", "工作保障措施": "measures", "工作保障措施标题": "measures_heading",
	"预算明细": "lines", "资金来源": "funds", "年度": "year", "预算年度": "year", "发布机构": "publisher", "发布日期": "published", "标题": "title",
	"专项资金说明": "special_explanation", "支出记录截至日期": "records_through",
	"示例数据": "illustrative", "说明": "note", "预算执行说明": "explanation", "支出记录文件": "spendingfiles",
}

func labelOf(s string) string {
	s = norm(s)
	if l, ok := labelWords[s]; ok {
		return l
	}
	return labelWords[strings.TrimSuffix(s, "：")]
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
	where       map[string]string
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
	f := &form{fields: map[string]string{}, where: map[string]string{}}
	tables := findTables(g)
	inTable := map[int]bool{}
	for _, t := range tables {
		end := readIndicators(g, t, f, rep)
		for r := t.header; r < end; r++ {
			inTable[r] = true
		}
	}
rows:
	for r := 0; r < len(g.Rows); r++ {
		if inTable[r] {
			continue
		}
		for c := 0; c < len(g.Rows[r]); c++ {
			l := labelOf(g.Cell(r, c))
			if l == "" {
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
						rep.add(g.Where(r, j), "资金支出计划的节点 %q（%q）无法识别，未导入", lab, g.Cell(r+1, j))
						continue
					}
					f.plan = append(f.plan, model.Checkpoint{Label: lab, Date: d, Percent: p})
				}
				r++ // the percentages
				continue rows
			case "targets":
				for k := r; k < len(g.Rows); k++ {
					if k > r && labelOf(g.Cell(k, c)) != "" && labelOf(g.Cell(k, c)) != "targets" {
						break
					}
					lab, text := g.Cell(k, c+1), g.Cell(k, c+2)
					if text == "" {
						text, lab = lab, fmt.Sprintf("目标%d", len(f.targets)+1)
					}
					if k > r && lab == "" && text == "" {
						break
					}
					if text == "" || labelOf(lab) != "" {
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
						rep.add(g.Where(k, c+1), "%q 不是金额（万元），该行未导入", amt)
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
				if _, seen := f.fields[l]; !seen {
					f.fields[l] = v
					f.where[l] = g.Where(r, j)
				}
				c = j
			}
		}
	}
	f.description = f.fields["description"]
	return f
}

var leadingNumber = regexp.MustCompile(`^\s*(\d+|[一二三四五六七八九十]+)[、.．)）]\s*`)

func stripNumber(s string) string { return leadingNumber.ReplaceAllString(s, "") }

// readIndicators reads the rows of an indicator table and returns the row
// after its last.
func readIndicators(g *Grid, t table, f *form, rep *Report) int {
	col := func(r int, ro role) string {
		c, ok := t.cols[ro]
		if !ok {
			return ""
		}
		return g.Cell(r, c)
	}
	_, eval := t.cols[roleActual]
	f.hasEval = f.hasEval || eval
	var l1, l2 string
	r := t.first
	for ; r < len(g.Rows); r++ {
		name := col(r, roleName)
		if name == "" {
			if labelOf(g.Cell(r, 0)) != "" || rowEmpty(g, r) {
				break
			}
			if strings.Contains(norm(g.Cell(r, 0)), "合计") || strings.Contains(norm(g.Cell(r, 0)), "总分") {
				continue // totals are computed, not imported
			}
			rep.add(g.Where(r, t.cols[roleName]), "这一行没有三级指标名称，未导入")
			continue
		}
		if v := col(r, roleLevel1); v != "" {
			if v != l1 {
				l2 = ""
			}
			l1 = v
		}
		if v := col(r, roleLevel2); v != "" {
			l2 = v
		}
		op, val, unit := col(r, roleOperator), col(r, roleValue), col(r, roleUnit)
		if tv := col(r, roleTarget); tv != "" && val == "" {
			val = tv
		}
		in, notes := target(op, val, unit, col(r, roleDirection), l2)
		for _, n := range notes {
			rep.add(g.Where(r, t.cols[roleName]), "%s：%s", name, n)
		}
		in.Level1, in.Level2, in.Name = l1, l2, name
		in.Description, in.Basis = col(r, roleDescription), col(r, roleBasis)
		f.indicators = append(f.indicators, in)
		if eval {
			res := model.Result{Name: name, Actual: col(r, roleActual), Deviation: col(r, roleDeviation)}
			if w, err := num.Parse(col(r, roleWeight)); err == nil {
				res.Weight = &w
			}
			res.NotApplicable = col(r, roleNotApplicable)
			if a := col(r, roleAchievement); a != "" {
				res.Achievement = a
				if sh, err := num.Parse(strings.TrimSuffix(col(r, roleShare), "%")); err == nil {
					res.Share = &sh
				}
			} else if in.Operator.Kind == model.OpText && res.NotApplicable == "" {
				res.Achievement, res.Share = achievement(res.Actual, col(r, roleWeight), col(r, roleScore))
			}
			if res.Actual != "" {
				if n, ok := number(strings.TrimSuffix(strings.TrimSuffix(res.Actual, "%"), "％")); ok && in.Operator.Kind != model.OpText {
					res.Actual = n
				}
			}
			f.results = append(f.results, res)
		} else if w, err := num.Parse(col(r, roleWeight)); err == nil {
			in := &f.indicators[len(f.indicators)-1]
			in.Weight = &w
		}
	}
	return r
}

func rowEmpty(g *Grid, r int) bool {
	for c := range g.Rows[r] {
		if g.Cell(r, c) != "" {
			return false
		}
	}
	return true
}

// achievement reads a qualitative actual: the band from its words, the
// evaluator's share from the form's score and weight.
func achievement(actual, weight, score string) (string, *num.Decimal) {
	band := "达成"
	switch a := norm(actual); {
	case strings.Contains(a, "未达成") || strings.Contains(a, "未完成") || strings.Contains(a, "不满意"):
		band = "未达成"
	case strings.Contains(a, "部分"):
		band = "部分达成"
	}
	w, err1 := num.Parse(weight)
	s, err2 := num.Parse(score)
	if err1 != nil || err2 != nil || w.IsZero() {
		defaults := map[string]string{"达成": "100", "部分达成": "70", "未达成": "0"}
		d := num.MustParse(defaults[band])
		return band, &d
	}
	r := s.Rat()
	r.Quo(r, w.Rat())
	r.Mul(r, hundredRat())
	sh, _ := num.Parse(num.Format(r, 2))
	return band, &sh
}

package present

import (
	"cmp"
	"fmt"
	"strings"

	"disclose/generator/model"
	"disclose/generator/money"
	"disclose/generator/rules"
	"disclose/generator/score"
)

// Mark flags a figure the form printed that the rules do not give; it is
// a character, not a colour, so that print and screen readers keep it.
const Mark = "※"

// EvalForm is the 项目支出绩效自评表 as the website and the PDF print it:
// the same strings in both, so that they cannot disagree.
type EvalForm struct {
	// Title names the form: 项目支出绩效自评表, or 部门整体支出绩效自评表.
	Title string
	Sheet *score.Sheet
	// Money is the money block: the total row, then its "其中" rows.
	Money []MoneyRow
	// ExecWeight, ExecRate and ExecScore are budget execution's line; the
	// Published ones are the form's figures where they differ ("" else).
	ExecWeight, ExecRate, ExecScore string
	ExecRatePublished               string
	ExecScorePublished              string
	Rows                            []EvalRow
	Groups                          []EvalGroup
	// Full is the total weight (100 when rescaled); Total and Grade are ""
	// when the evaluation is incomplete (未完成自评). TotalLabel says how the
	// total was made (有不适用指标 only when some are not applicable).
	Full, Total, Grade string
	TotalLabel         string
	TotalPublished     string
	GradePublished     string
	Complete           bool
	Missing            []string
	// Incomplete is the sentence that stands for the total when there is none.
	Incomplete string
	// Formulas explain each score, in order; TotalFormula the total.
	Formulas     []string
	TotalFormula string
	Texts        []Text
	// Differs is true when any printed figure differs from the computed one.
	Differs bool
}

// MoneyRow is a row of the money block.
type MoneyRow struct {
	Name                        string
	Initial, Adjusted, Executed string
	Sub                         bool // a "其中" row
}

// EvalRow is a row of the indicator part of the form.
type EvalRow struct {
	Kind                            RowKind
	Level1, Level2, Name, Direction string
	Target, Actual                  string
	Weight, Score                   string
	Span                            Span
	// Published is the score the form printed, set where it differs;
	// Compare is the marked cell text "※ 公布 9 · 按规则 8.62".
	Published, Compare, Formula string
	Differs                     bool
	NotApplicable               string
	Deviation                   string
	Missing                     bool // no 完成值
}

// EvalGroup is a 一级 subtotal.
type EvalGroup struct {
	Name, Weight, Score string
	Published, Compare  string // set where the printed subtotal differs
	Differs             bool
}

// Text is a table-level text of the form (评价结论 and the like).
type Text struct{ Title, Text string }

// Figure writes a figure of a money block as the source printed it (in 元
// or 万元, at its precision, with its unit), else the derived fen in 万元.
func Figure(a *money.Amount, derived money.Fen) string {
	if a != nil {
		return a.Published()
	}
	return exactWan(derived) + "万元"
}

// Compare writes a printed figure beside the computed one, marked.
func Compare(published, computed string) string {
	return Mark + " 公布 " + published + " · 按规则 " + computed
}

// Evaluation lays out a self-evaluation sheet with the money block as the
// results give it, the indicator table (with its empty groups and "其中"
// rows) and the rules that graded it.
func Evaluation(s *score.Sheet, b model.BudgetFigures, indicators []model.Indicator, levels []model.Level, rs *rules.Settings) *EvalForm {
	f := &EvalForm{Title: "项目支出绩效自评表", Sheet: s, Complete: s.Complete, Missing: s.Missing}
	f.Money = append(f.Money, MoneyRow{Name: "年度资金总额", Initial: Figure(b.Initial, s.Initial), Adjusted: Figure(b.Adjusted, s.Adjusted), Executed: Figure(b.Executed, s.Executed)})
	for _, r := range b.Rows {
		f.Money = append(f.Money, MoneyRow{Name: r.Name, Initial: optFigure(r.Initial), Adjusted: optFigure(r.Adjusted), Executed: optFigure(r.Executed), Sub: true})
	}
	f.ExecWeight, f.ExecRate, f.ExecScore = Score(s.ExecutionWeight), Pct(s.ExecutionRate), Score(s.ExecutionScore)
	for _, fd := range s.Findings {
		f.Differs = true
		switch fd.Kind {
		case score.FindExecutionRate:
			f.ExecRatePublished = Compare(fd.Published, fd.Computed)
		case score.FindExecutionScore:
			f.ExecScorePublished = Compare(fd.Published, fd.Computed)
		case score.FindTotal:
			f.TotalPublished = Compare(fd.Published, fd.Computed)
		case score.FindGrade:
			f.GradePublished = Compare(fd.Published, fd.Computed)
		}
	}
	f.Formulas = append(f.Formulas, "预算执行率："+s.ExecutionFormula)
	for _, lr := range IndicatorLayout(indicators, levels, rs) {
		r := EvalRow{Kind: lr.Kind, Level1: lr.Level1, Level2: lr.Level2, Span: lr.Span}
		switch lr.Kind {
		case RowEmpty:
			r.Name = "（本组未列三级指标）"
			if lr.Level.Weight != nil {
				r.Weight = lr.Level.Weight.String()
			}
		case RowPart:
			is := &s.Indicators[lr.Index]
			r.Name, r.Target = lr.Part.Name, strings.TrimSpace(lr.Part.Value+lr.Part.Unit)
			if is.Result != nil {
				for _, pr := range is.Result.Parts {
					if rules.Normalize(pr.Name) == rules.Normalize(lr.Part.Name) {
						r.Actual = pr.Actual
					}
				}
			}
		default:
			is := &s.Indicators[lr.Index]
			r.Name, r.Direction, r.Target, r.Weight = is.Name, Direction(is.Indicator), Target(is.Indicator), Score(is.Weight)
			r.Score = Score(is.Score)
			res := is.Result
			switch {
			case res == nil:
				r.Actual, r.Missing = "（未填写）", true
			default:
				r.Actual, r.Deviation = res.Actual, res.Deviation
				if res.Achievement != "" {
					r.Actual += "（" + res.Achievement + "）"
				}
			}
			if is.NotApplicable {
				r.NotApplicable, r.Weight, r.Score = res.NotApplicable, "—", "不适用"
			} else if is.Score == nil && !r.Missing {
				r.Missing = is.Outcome.Problem == ""
			}
			var text string
			switch {
			case is.NotApplicable:
				text = "不适用，不计分：" + res.NotApplicable
			case is.Outcome.Problem != "":
				text = is.Outcome.Problem + "，不计分"
			case is.Score == nil:
				text = "没有实际完成值，不计分"
			default:
				text = is.Outcome.Formula
			}
			r.Formula = text
			if is.Differs {
				r.Differs, r.Published = true, is.Published.String()
				r.Compare = Compare(r.Published, r.Score)
			}
			f.Formulas = append(f.Formulas, fmt.Sprintf("%s（分值 %s）：%s", is.Name, Score(is.Weight), text))
		}
		f.Rows = append(f.Rows, r)
	}
	labels := GroupLabels(s)
	for _, g := range s.Groups {
		eg := EvalGroup{Name: cmp.Or(labels[g.Name], g.Name), Weight: Score(g.Weight), Score: "—"}
		if groupComplete(s, g.Name) {
			eg.Score = Score(g.Score)
		}
		if g.Differs && g.Published != nil && g.Published.Score != nil {
			eg.Differs, eg.Published = true, g.Published.Score.String()
			eg.Compare = Compare(eg.Published, eg.Score)
		}
		f.Groups = append(f.Groups, eg)
	}
	f.Full, f.TotalLabel = Score(s.Weight), "总分"
	if s.Rescaled {
		f.Full = "100"
		f.TotalLabel = fmt.Sprintf("总分（有不适用指标：得分合计 %s ÷ 有效分值 %s × 100）", Score(s.Sum), Score(s.Weight))
	}
	var grades []string
	if rs != nil {
		for _, g := range rs.Evaluation.Grades {
			grades = append(grades, fmt.Sprintf("%s ≥ %s", g.Name, g.Min))
		}
	}
	if s.Complete {
		f.Total, f.Grade = Score(s.Total), s.Grade
		rescale := ""
		if s.Rescaled {
			rescale = "，再按有效分值折算为百分制"
		}
		f.TotalFormula = fmt.Sprintf("总分：各项得分四舍五入到 0.01 后相加%s，为 %s 分；等级“%s”（%s）。", rescale, f.Total, f.Grade, strings.Join(grades, "，"))
		if s.Grade == "" {
			// Grades are bands of a 100-point scale (score.Evaluate).
			f.Grade = "不评等级（分值合计 " + Score(s.Full) + "，不是百分制）"
			f.TotalFormula = fmt.Sprintf("总分：各项得分四舍五入到 0.01 后相加，为 %s 分；分值合计 %s，不是百分制，不评等级（等级按百分制：%s）。", f.Total, Score(s.Full), strings.Join(grades, "，"))
		}
	} else {
		f.Incomplete = "未完成自评：以下指标没有实际完成值，不计总分、不评等级：" + strings.Join(s.Missing, "、") + "。"
		f.TotalFormula = f.Incomplete
	}
	if e := s.Evaluation; e != nil {
		for _, t := range []Text{{"年度总体目标完成情况", e.Summary}, {"偏差原因分析", e.Deviation}, {"评价结论", e.Conclusion}, {"存在问题", e.Problems}, {"改进措施", e.Remedies}} {
			if strings.TrimSpace(t.Text) != "" {
				f.Texts = append(f.Texts, t)
			}
		}
	}
	return f
}

func optFigure(a *money.Amount) string {
	if a == nil {
		return "—"
	}
	return a.Published()
}

// groupComplete reports whether every applicable row of a category has a
// score; a partial sum is no subtotal.
func groupComplete(s *score.Sheet, name string) bool {
	for _, is := range s.Indicators {
		if is.Category == name && !is.NotApplicable && is.Score == nil {
			return false
		}
	}
	return true
}

// GroupLabels names each 一级 category's subtotal as the form names its
// rows (效果指标小计 under 效果指标 rows, though the framework says
// 效益指标), by category; the category's own name when its rows use several
// labels or none.
func GroupLabels(s *score.Sheet) map[string]string {
	labels := map[string]string{}
	for _, is := range s.Indicators {
		l, _ := rules.SplitLabel(is.Indicator.Level1)
		if prev, ok := labels[is.Category]; l == "" || (ok && prev != l) {
			labels[is.Category] = is.Category
		} else if !ok {
			labels[is.Category] = l
		}
	}
	return labels
}

// DeptEvaluation lays out a department's own self-evaluation (部门整体支出
// 绩效自评表) as Evaluation lays out a project's.
func DeptEvaluation(s *score.Sheet, b model.BudgetFigures, indicators []model.Indicator, levels []model.Level, rs *rules.Settings) *EvalForm {
	f := Evaluation(s, b, indicators, levels, rs)
	f.Title = "部门整体支出绩效自评表"
	// A rubric that scores budget execution among its own rows (17, 18 of
	// the real forms) gives no money block: none is printed.
	if b.Initial == nil && b.Adjusted == nil && b.Executed == nil && len(b.Rows) == 0 && s.ExecutionWeight.Sign() == 0 {
		f.Money = nil
		f.Formulas = f.Formulas[1:] // the execution line, which scores nothing
	}
	return f
}

// DeptName stands for the project in a finding of the department's own
// self-evaluation.
const DeptName = "部门整体"

// FindingRow is a line of the 自评得分复核: a printed figure of a project's
// form that the rules do not give.
type FindingRow struct {
	Project, Code, Item, Published, Computed, Formula string
}

// Findings lists a project's findings for the 自评得分复核.
func Findings(code, name string, s *score.Sheet) []FindingRow {
	if s == nil {
		return nil
	}
	out := make([]FindingRow, len(s.Findings))
	for i, f := range s.Findings {
		out[i] = FindingRow{Project: name, Code: code, Item: f.Item, Published: f.Published, Computed: f.Computed, Formula: f.Formula}
	}
	return out
}

// NoFindings is the sentence of a 自评得分复核 with nothing to report;
// evaluated is the number of self-evaluation forms (projects' and the
// department's own).
func NoFindings(evaluated int) string {
	if evaluated == 0 {
		return "本部门没有公开绩效自评表，没有需要复核的得分。"
	}
	return fmt.Sprintf("%d 张自评表公布的得分、小计、总分和等级与按规则计算的一致（或未公布），没有需要复核的差异。", evaluated)
}

// Empty reports whether the row is a 二级 group printed with no 三级 row.
func (r EvalRow) Empty() bool { return r.Kind == RowEmpty }

// Part reports whether the row is a "其中" row.
func (r EvalRow) Part() bool { return r.Kind == RowPart }

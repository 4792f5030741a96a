package check

import (
	"fmt"
	"math/big"
	"strings"

	"disclose/generator/diag"
	"disclose/generator/model"
	"disclose/generator/money"
	"disclose/generator/num"
	"disclose/generator/rules"
	"disclose/generator/score"
)

// table is an indicator table that a self-evaluation scores: a project's,
// or a department's own (部门整体绩效自评).
type table struct {
	owner      string // 项目 CODE, or 部门整体
	indicators []model.Indicator
	levels     []model.Level
	budget     model.BudgetFigures
	total      money.Fen
	// spent is the records' sum; records tells whether there are any.
	spent   money.Fen
	records bool
	// path prefixes the fields of the evaluation ("evaluation").
	path string
}

// results checks a project's monitoring and self-evaluation against its
// indicators and the rules: names that exist, answers that are allowed,
// explanations where a target was missed or may be, weights that add up,
// printed scores that the rules give.
func (c *checker) results(d *model.Department, p *model.Project, spent money.Fen, records bool) {
	r := p.Results
	if r == nil {
		return
	}
	t := table{owner: "项目 " + p.Code, indicators: p.Indicators, levels: p.Levels, budget: r.Budget,
		total: p.Total.Fen, spent: spent, records: records, path: "evaluation"}
	c.budgetFigures(t, "budget")
	find := c.finder(t)
	for i, s := range r.Monitoring {
		path := fmt.Sprintf("monitoring[%d]", i+1)
		if !s.Date.IsZero() && d.Year != 0 && s.Date.Year() != d.Year {
			c.errorf(s.At("date"), "monitoring-date", path+".date（监控日期）", fmt.Sprintf("%d 年内的日期", d.Year), "监控日期 %s 不在 %d 年度内", s.Date, d.Year)
		}
		for _, k := range []struct {
			key, title string
			a          *money.Amount
		}{{"executed", "1–N月执行数", s.Executed}, {"projected", "全年预计执行数", s.Projected}} {
			if k.a != nil && k.a.Fen < 0 {
				c.errorf(s.At(k.key), "amount-positive", path+"."+k.key+"（"+k.title+"）", "不小于 0 的金额", "%s不能为负数", k.title)
			}
		}
		seen := map[string]bool{}
		for j, o := range s.Indicators {
			field := fmt.Sprintf("%s.indicators[%d]", path, j+1)
			find(o.Name, field, o.At)
			if seen[rules.Normalize(o.Name)] {
				c.errorf(o.At("name"), "duplicate-result", field+".name（三级指标）", "每个指标只写一次", "指标 %q 重复", o.Name)
			}
			seen[rules.Normalize(o.Name)] = true
			switch model.KindOfOutlook(o.Outlook) {
			case model.Sure:
			case model.Possible, model.Impossible:
				if strings.TrimSpace(o.Cause+s.Cause) == "" || strings.TrimSpace(o.Remedy+s.Remedy) == "" {
					c.report("outlook-explained", o.At("outlook"), field+".outlook（完成预判）", "写出 cause（原因分析）和 remedy（改进措施）",
						"预判为“%s”，但没有说明原因和改进措施", o.Outlook)
				}
			default:
				c.errorf(o.At("outlook"), "bad-value", field+".outlook（完成预判）", "确定能、有可能、不可能 或 完全不可能（也接受 能、可能、基本能、不能 等写法）", "%q 不是完成预判", o.Outlook)
			}
		}
	}
	if r.Evaluation != nil {
		c.evaluation(t, r.Evaluation)
	}
}

// deptEvaluation checks a department's own self-evaluation (部门整体绩效自评).
func (c *checker) deptEvaluation(d *model.Department, spent money.Fen, records bool) {
	if d.Evaluation == nil {
		return
	}
	t := table{owner: "部门整体", indicators: d.Indicators, levels: d.Levels, budget: d.Budget,
		total: deptTotal(d), spent: spent, records: records, path: "evaluation"}
	c.evaluation(t, d.Evaluation)
}

// finder looks an indicator up by name, reporting a name the table lacks.
func (c *checker) finder(t table) func(name, field string, at func(string) diag.Pos) *model.Indicator {
	indicators := map[string]*model.Indicator{}
	var names []string
	for i := range t.indicators {
		indicators[rules.Normalize(t.indicators[i].Name)] = &t.indicators[i]
		names = append(names, t.indicators[i].Name)
	}
	return func(name, field string, at func(string) diag.Pos) *model.Indicator {
		in := indicators[rules.Normalize(name)]
		if in == nil && name != "" {
			c.errorf(at("name"), "result-indicator", field+".name（三级指标）", "三级指标之一："+listSome(names, 10),
				"%s 没有三级指标 %q", t.owner, name)
		}
		return in
	}
}

// budgetFigures checks a money block as published: no negative figure,
// 其中 rows that add up to the total (a warning: forms print totals that
// contradict their rows, and the figures are kept as printed), 全年执行数
// within 全年预算数, and the records agreeing with a published 全年执行数.
func (c *checker) budgetFigures(t table, path string) {
	b := t.budget
	figures := []struct {
		key, title string
		a          *money.Amount
	}{{"initial", "年初预算数", b.Initial}, {"adjusted", "全年预算数", b.Adjusted}, {"executed", "全年执行数", b.Executed}}
	for _, k := range figures {
		if k.a != nil && k.a.Fen < 0 {
			c.errorf(b.At(k.key), "amount-positive", path+"."+k.key+"（"+k.title+"）", "不小于 0 的金额（万元）", "%s不能为负数", k.title)
		}
	}
	if len(b.Rows) > 0 {
		for _, k := range figures {
			if k.a == nil {
				continue
			}
			var sum money.Fen
			n := 0
			for _, r := range b.Rows {
				if a := rowFigure(r, k.key); a != nil {
					sum += a.Fen
					n++
				}
			}
			if n > 0 && sum != k.a.Fen {
				show := func(f money.Fen) string { return money.Amount{Fen: f, Places: k.a.Places, Yuan: k.a.Yuan}.Published() }
				for _, r := range b.Rows {
					if a := rowFigure(r, k.key); a != nil && a.Yuan == k.a.Yuan && a.Places > k.a.Places {
						show = func(f money.Fen) string { return money.Amount{Fen: f, Places: a.Places, Yuan: a.Yuan}.Published() }
					}
				}
				c.report("budget-rows-sum", b.At("rows"), path+".rows（其中）", fmt.Sprintf("其中各行的%s之和等于合计 %s", k.title, k.a.Published()),
					"其中各行的%s合计 %s，与总额 %s 不符（相差 %s）", k.title, show(sum), k.a.Published(), show(sum-k.a.Fen))
			}
		}
	}
	_, adjusted := score.Budgets(b, t.total)
	executed := score.Executed(b, t.spent)
	// Records over the budget are reported record by record (project-overspent).
	if executed > adjusted && b.Executed != nil {
		c.report("executed-over-budget", b.At("executed"), path+".executed（全年执行数）", "核对全年执行数和全年预算数（调整后）",
			"全年执行数 %s 元超过全年预算数 %s 元", executed.Yuan(), adjusted.Yuan())
	}
	if b.Executed != nil && t.records && t.spent != b.Executed.Fen {
		c.report("executed-records", b.At("executed"), path+".executed（全年执行数）", "核对支出记录和公布的全年执行数",
			"公布的全年执行数 %s 元与支出记录合计 %s 元不符（相差 %s 元）；执行率按公布的全年执行数计算", b.Executed.Fen.Yuan(), t.spent.Yuan(), (t.spent - b.Executed.Fen).Yuan())
	}
}

func rowFigure(r model.BudgetRow, key string) *money.Amount {
	switch key {
	case "initial":
		return r.Initial
	case "adjusted":
		return r.Adjusted
	}
	return r.Executed
}

// evaluation checks a self-evaluation through the same computation that
// derive publishes (score.Evaluate).
func (c *checker) evaluation(t table, ev *model.Evaluation) {
	rs := c.rules
	find := c.finder(t)
	sheet := score.Evaluate(score.Sources{Indicators: t.indicators, Levels: t.levels, Evaluation: ev, Budget: t.budget, Total: t.total, Spent: t.spent}, rs)
	if rate := sheet.ExecutionRate; rate != nil && rate.Cmp(rs.Evaluation.ExplanationBelow.Rat()) < 0 && strings.TrimSpace(ev.Explanation) == "" {
		c.report("execution-explained", ev.Pos, t.path+".explanation（预算执行说明）", "在 evaluation 下写 explanation: 执行率偏低的原因",
			"预算执行率 %s%% 低于 %s%%，需要说明原因", num.Format(rate, 2), rs.Evaluation.ExplanationBelow)
	}
	seen := map[string]bool{}
	for j := range ev.Indicators {
		res := &ev.Indicators[j]
		field := fmt.Sprintf("%s.indicators[%d]", t.path, j+1)
		in := find(res.Name, field, res.At)
		if seen[rules.Normalize(res.Name)] {
			c.errorf(res.At("name"), "duplicate-result", field+".name（三级指标）", "每个指标只写一次", "指标 %q 重复", res.Name)
		}
		seen[rules.Normalize(res.Name)] = true
		if in == nil || res.NotApplicable != "" {
			continue
		}
		c.partResults(in, res, field)
		if res.Achievement != "" && rs.Evaluation.BandOf(res.Achievement) == nil {
			c.errorf(res.At("achievement"), "bad-value", field+".achievement（完成程度）", bandNames(rs), "%q 不是完成程度", res.Achievement)
			continue
		}
		if !hasResult(res) {
			continue
		}
		o := score.Indicator(in, res, big.NewRat(100, 1), &rs.Evaluation)
		if res.Achievement == "" && res.Score != nil {
			// A printed score is judged against the row's own weight.
			o = sheet.Indicators[indexOfIndicator(t.indicators, in)].Outcome
		}
		if o.Problem != "" {
			key := "actual"
			switch {
			case o.Kind == score.Qualitative && res.Score != nil && res.Achievement == "":
				key = "score"
			case o.Kind == score.Qualitative:
				key = "achievement"
				if res.Achievement != "" {
					key = "share"
				}
			}
			if strings.Contains(o.Problem, "不在") {
				c.errorf(res.At(key), "share-band", field+"."+key, bandNames(rs), "%s", o.Problem)
			} else {
				c.report("actual-kind", res.At(key), field+"."+key, "与指标相符的实际完成值", "%s", o.Problem)
			}
			continue
		}
		if !o.Met && strings.TrimSpace(res.Deviation+ev.Deviation) == "" {
			c.report("deviation-explained", res.At("name"), field+".deviation（偏差原因分析及改进措施）", "写出 deviation：未完成的原因和改进措施",
				"指标 %q 未完成目标，需要偏差原因分析及改进措施", res.Name)
		}
	}
	var missing []string
	for _, in := range t.indicators {
		if r := seen[rules.Normalize(in.Name)]; !r {
			missing = append(missing, in.Name)
		}
	}
	for _, res := range ev.Indicators {
		if res.NotApplicable == "" && !hasResult(&res) && seen[rules.Normalize(res.Name)] {
			missing = append(missing, res.Name)
		}
	}
	const incomplete = "，自评不完整（未完成自评）：不计总分和等级"
	switch len(missing) {
	case 0:
	case 1:
		c.report("actual-missing", ev.At("indicators"), t.path+".indicators（指标完成情况）", "为每个三级指标写出实际完成值，或标明 not_applicable",
			"指标 %q 没有实际完成值"+incomplete, missing[0])
	default:
		c.report("actual-missing", ev.At("indicators"), t.path+".indicators（指标完成情况）", "为每个三级指标写出实际完成值，或标明 not_applicable",
			"%d 个指标没有实际完成值"+incomplete+"：%s", len(missing), listSome(missing, 5))
	}
	c.weights(t.indicators, t.levels, ev, t.path, ev.Source)
	c.findings(t, ev, sheet)
}

func hasResult(r *model.Result) bool {
	return strings.TrimSpace(r.Actual) != "" || r.Achievement != "" || r.Score != nil
}

func indexOfIndicator(rows []model.Indicator, in *model.Indicator) int {
	for i := range rows {
		if &rows[i] == in {
			return i
		}
	}
	return 0
}

// partResults checks that the actual values of "其中" rows name the
// indicator's parts.
func (c *checker) partResults(in *model.Indicator, res *model.Result, field string) {
	for k, pr := range res.Parts {
		ok := false
		for _, p := range in.Parts {
			if rules.Normalize(p.Name) == rules.Normalize(pr.Name) {
				ok = true
			}
		}
		if !ok {
			var names []string
			for _, p := range in.Parts {
				names = append(names, p.Name)
			}
			hint := "指标表中此指标的“其中”行之一：" + listSome(names, 10)
			if len(names) == 0 {
				hint = "先在指标表中为此指标写出 parts"
			}
			c.errorf(pr.At("name"), "result-indicator", fmt.Sprintf("%s.parts[%d].name（其中）", field, k+1), hint, "指标 %q 没有“其中”行 %q", in.Name, pr.Name)
		}
	}
}

// findings reports each printed figure that the rules do not give (自评得分
// 复核): a warning by default, with both values and the formula.
func (c *checker) findings(t table, ev *model.Evaluation, sheet *score.Sheet) {
	for _, f := range sheet.Findings {
		at, key := ev.Pos, t.path+".published"
		switch f.Kind {
		case score.FindIndicator:
			if f.Index >= 0 {
				at, key = ev.Indicators[f.Index].At("score"), fmt.Sprintf("%s.indicators[%d].score", t.path, f.Index+1)
			}
		case score.FindExecutionRate:
			at, key = ev.Published.At("execution_rate"), key+".execution_rate"
		case score.FindExecutionScore:
			at, key = ev.Published.At("execution_score"), key+".execution_score"
		case score.FindSubtotal:
			at, key = ev.Published.Subtotals[f.Index].At("score"), fmt.Sprintf("%s.subtotals[%d].score", key, f.Index+1)
		case score.FindTotal:
			at, key = ev.Published.At("total"), key+".total"
		case score.FindGrade:
			at, key = ev.Published.At("grade"), key+".grade"
		}
		c.report("published-score", at, key+"（公布的得分）", "按规则应为 "+f.Computed+"；公布的数字按原样保留，页面同时列出两者",
			"%s：%s 公布 %s，按规则应为 %s（%s）", f.Item, t.owner, f.Published, f.Computed, f.Formula)
	}
}

func bandNames(rs *rules.Settings) string {
	var parts []string
	for _, b := range rs.Evaluation.Bands {
		parts = append(parts, fmt.Sprintf("%s（%s–%s）", b.Name, b.Min, b.Max))
	}
	return strings.Join(parts, "、")
}

// listSome joins up to n names, saying how many more there are.
func listSome(names []string, n int) string {
	if len(names) <= n {
		return strings.Join(names, "、")
	}
	return fmt.Sprintf("%s 等 %d 个", strings.Join(names[:n], "、"), len(names))
}

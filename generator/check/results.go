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

// results checks a project's monitoring and self-evaluation against its
// indicators and the rules: names that exist, answers that are allowed,
// explanations where a target was missed or may be, weights that add up.
func (c *checker) results(d *model.Department, p *model.Project, spent money.Fen) {
	r := p.Results
	if r == nil {
		return
	}
	indicators := map[string]*model.Indicator{}
	var names []string
	for i := range p.Indicators {
		indicators[rules.Normalize(p.Indicators[i].Name)] = &p.Indicators[i]
		names = append(names, p.Indicators[i].Name)
	}
	find := func(name, field string, at func(string) diag.Pos) *model.Indicator {
		in := indicators[rules.Normalize(name)]
		if in == nil && name != "" {
			c.errorf(at("name"), "result-indicator", field+".name（三级指标）", "项目的三级指标之一："+listSome(names, 10),
				"项目 %s 没有三级指标 %q", p.Code, name)
		}
		return in
	}
	for _, k := range []struct {
		key string
		a   *money.Amount
	}{{"initial", r.Budget.Initial}, {"adjusted", r.Budget.Adjusted}} {
		if k.a != nil && k.a.Fen <= 0 {
			c.errorf(r.Budget.At(k.key), "amount-positive", "budget."+k.key, "大于 0 的金额（万元）", "预算数应大于 0")
		}
	}

	for i, s := range r.Monitoring {
		path := fmt.Sprintf("monitoring[%d]", i+1)
		if !s.Date.IsZero() && d.Year != 0 && s.Date.Year() != d.Year {
			c.errorf(s.At("date"), "monitoring-date", path+".date（监控日期）", fmt.Sprintf("%d 年内的日期", d.Year), "监控日期 %s 不在 %d 年度内", s.Date, d.Year)
		}
		seen := map[string]bool{}
		for j, o := range s.Indicators {
			field := fmt.Sprintf("%s.indicators[%d]", path, j+1)
			find(o.Name, field, o.At)
			if seen[rules.Normalize(o.Name)] {
				c.errorf(o.At("name"), "duplicate-result", field+".name（三级指标）", "每个指标只写一次", "指标 %q 重复", o.Name)
			}
			seen[rules.Normalize(o.Name)] = true
			switch o.Outlook {
			case model.OutlookSure:
			case model.OutlookPossible, model.OutlookNo:
				if strings.TrimSpace(o.Cause) == "" || strings.TrimSpace(o.Remedy) == "" {
					c.report("outlook-explained", o.At("outlook"), field+".outlook（完成预判）", "写出 cause（原因分析）和 remedy（改进措施）",
						"预判为“%s”，但没有说明原因和改进措施", o.Outlook)
				}
			default:
				c.errorf(o.At("outlook"), "bad-value", field+".outlook（完成预判）", "确定能、有可能 或 完全不可能", "%q 不是完成预判", o.Outlook)
			}
		}
	}

	ev := r.Evaluation
	if ev == nil {
		return
	}
	rs := c.rules
	_, adjusted := p.Budgets()
	if rate := num.Percent(int64(spent), int64(adjusted)); rate != nil && rate.Cmp(rs.Evaluation.ExplanationBelow.Rat()) < 0 && strings.TrimSpace(ev.Explanation) == "" {
		c.report("execution-explained", ev.Pos, "evaluation.explanation（预算执行说明）", "在 evaluation 下写 explanation: 执行率偏低的原因",
			"预算执行率 %s%% 低于 %s%%，需要说明原因", num.Format(rate, 2), rs.Evaluation.ExplanationBelow)
	}
	seen := map[string]bool{}
	withWeight := 0
	for j := range ev.Indicators {
		res := &ev.Indicators[j]
		field := fmt.Sprintf("evaluation.indicators[%d]", j+1)
		in := find(res.Name, field, res.At)
		if seen[rules.Normalize(res.Name)] {
			c.errorf(res.At("name"), "duplicate-result", field+".name（三级指标）", "每个指标只写一次", "指标 %q 重复", res.Name)
		}
		seen[rules.Normalize(res.Name)] = true
		if res.Weight != nil {
			withWeight++
		}
		if in == nil || res.NotApplicable != "" {
			continue
		}
		if res.Achievement != "" && rs.Evaluation.BandOf(res.Achievement) == nil {
			c.errorf(res.At("achievement"), "bad-value", field+".achievement（完成程度）", bandNames(rs), "%q 不是完成程度", res.Achievement)
			continue
		}
		o := score.Indicator(in, res, big.NewRat(100, 1), &rs.Evaluation)
		if o.Problem != "" {
			key := "actual"
			if o.Kind == score.Qualitative {
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
		if !o.Met && strings.TrimSpace(res.Deviation) == "" {
			c.report("deviation-explained", res.At("name"), field+".deviation（偏差原因分析及改进措施）", "写出 deviation：未完成的原因和改进措施",
				"指标 %q 未完成目标，需要偏差原因分析及改进措施", res.Name)
		}
	}
	var missing []string
	for _, in := range p.Indicators {
		if !seen[rules.Normalize(in.Name)] {
			missing = append(missing, in.Name)
		}
	}
	switch len(missing) {
	case 0:
	case 1:
		c.report("actual-missing", ev.At("indicators"), "evaluation.indicators（指标完成情况）", "为每个三级指标写出实际完成值，或标明 not_applicable",
			"指标 %q 没有实际完成值，自评时按 0 分计", missing[0])
	default:
		c.report("actual-missing", ev.At("indicators"), "evaluation.indicators（指标完成情况）", "为每个三级指标写出实际完成值，或标明 not_applicable",
			"%d 个指标没有实际完成值，自评时按 0 分计：%s", len(missing), listSome(missing, 5))
	}
	if withWeight > 0 {
		c.resultWeights(p, ev)
	}
}

// resultWeights checks weights given in the evaluation: every row then has
// one, and each 一级 category adds up to its weight.
func (c *checker) resultWeights(p *model.Project, ev *model.Evaluation) {
	sums := map[string]*big.Rat{}
	byName := map[string]*model.Result{}
	for i := range ev.Indicators {
		byName[rules.Normalize(ev.Indicators[i].Name)] = &ev.Indicators[i]
	}
	for _, in := range p.Indicators {
		r := byName[rules.Normalize(in.Name)]
		l1, _, _ := c.rules.Classify(in.Level1, in.Level2)
		if l1 == nil {
			continue
		}
		w := in.Weight
		if r != nil && r.Weight != nil {
			w = r.Weight
		}
		if w == nil {
			at := ev.Pos
			if r != nil {
				at = r.At("name")
			}
			c.errorf(at, "weight-missing", "evaluation.indicators（分值）", "每行都写分值，或都不写", "指标 %q 没有分值，而其他指标有", in.Name)
			continue
		}
		if sums[l1.Name] == nil {
			sums[l1.Name] = new(big.Rat)
		}
		sums[l1.Name].Add(sums[l1.Name], w.Rat())
	}
	for _, l1 := range c.rules.Framework {
		if got := sums[l1.Name]; got != nil && l1.Weight != nil && got.Cmp(l1.Weight.Rat()) != 0 {
			c.errorf(ev.At("indicators"), "weight-sum", "evaluation.indicators（分值）", fmt.Sprintf("%s各行分值之和为 %s", l1.Name, l1.Weight),
				"%s各行分值之和为 %s，应为 %s", l1.Name, trimZeros(num.Format(got, 6)), l1.Weight)
		}
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

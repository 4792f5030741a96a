package check

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"unicode"

	"disclose/generator/diag"
	"disclose/generator/model"
	"disclose/generator/num"
	"disclose/generator/rules"
	"disclose/generator/score"
)

// indicators checks one indicator table: every row inside the framework
// (or the table's own levels), numeric operators with numeric values,
// weights that add up, no template placeholders left in.
func (c *checker) indicators(rows []model.Indicator, levels []model.Level, path string, table diag.Source, p *model.Project) {
	names := map[string]int{}
	for i := range rows {
		in := &rows[i]
		field := fmt.Sprintf("%s[%d]", path, i+1)
		c.labels(in, field)
		c.category(in, levels, field)
		c.operator(in, field)
		c.placeholders(in, field)
		c.parts(in, field)
		if n := rules.Normalize(in.Name); n != "" {
			if first, dup := names[n]; dup {
				c.errorf(in.At("name"), "duplicate-indicator", field+".name（三级指标）", "同一表内三级指标名称不重复", "三级指标 %s 与第 %d 行重名", n, first)
			} else {
				names[n] = i + 1
			}
		}
	}
	c.levels(rows, levels, path, table)
	c.weights(rows, levels, nil, path, table)
}

// labels warns about spaces around labels, which Word tables leave behind
// and which make two equal labels differ.
func (c *checker) labels(in *model.Indicator, field string) {
	for _, f := range []struct{ key, title, v string }{
		{"level1", "一级指标", in.Level1}, {"level2", "二级指标", in.Level2}, {"name", "三级指标", in.Name},
		{"unit", "单位", in.Unit}, {"value", "值", in.Value},
	} {
		if n := rules.Normalize(f.v); f.v != n && strings.TrimSpace(f.v) != "" {
			c.report("label-spaces", in.At(f.key), field+"."+f.key+"（"+f.title+"）", strconv.Quote(n), "%q 前后有空格（常见于从 Word 表格复制）", f.v)
		}
	}
}

func (c *checker) category(in *model.Indicator, levels []model.Level, field string) {
	if in.Level1 == "" || in.Level2 == "" {
		return
	}
	l1, l2, other := c.rules.Classify(in.Level1, in.Level2)
	if declared(levels, in.Level1, "") && (l1 == nil || declared(levels, in.Level1, in.Level2)) {
		// A category of the table's own (规划, 执行 in a 部门整体 evaluation),
		// or a 二级 the table lists: the form's framework, not an error.
		return
	}
	if l1 == nil {
		var names []string
		for _, f := range c.rules.Framework {
			names = append(names, f.Name)
		}
		c.errorf(in.At("level1"), "unknown-level1", field+".level1（一级指标）", strings.Join(names, "、")+" 之一（别名见规则设置）",
			"一级指标 %q 不在指标体系中", in.Level1)
		return
	}
	if l2 != nil {
		return
	}
	var names []string
	for _, n := range l1.Level2 {
		names = append(names, n.Name)
	}
	if other != nil {
		c.errorf(in.At("level2"), "level2-mismatch", field+".level2（二级指标）", l1.Name+"下的二级指标："+strings.Join(names, "、"),
			"二级指标 %q 属于 %s，不属于 %s", in.Level2, other.Name, in.Level1)
		return
	}
	c.errorf(in.At("level2"), "unknown-level2", field+".level2（二级指标）", l1.Name+"下的二级指标："+strings.Join(names, "、"),
		"二级指标 %q 不在指标体系中", in.Level2)
}

func (c *checker) operator(in *model.Indicator, field string) {
	k := in.Operator.Kind
	if k.Numeric() {
		_, isDate := model.ParseDate(in.Value)
		if _, ok := in.NumericValue(); !ok && isDate != nil { // a 时效 target may be a date
			hint := "不带单位的数字，如 90 或 100（单位写在 unit），时效指标也可写日期，如 2021-12-31"
			if in.Value == "" {
				hint += "；如是定性指标，符号写 文字描述"
			}
			c.errorf(in.At("value"), "value-not-number", field+".value（值）", hint,
				"符号 %s 要求数值，这里的值是 %q", in.Operator.Raw, in.Value)
		}
	}
	switch {
	case in.Polarity == model.Positive && (k == model.OpLe || k == model.OpLt):
		c.errorf(in.At("polarity"), "polarity-conflict", field+".polarity（指标方向）", "反向，或把符号改为 >=", "指标方向为正向，但符号 %s 表示越小越好", in.Operator.Raw)
	case in.Polarity == model.Negative && (k == model.OpGe || k == model.OpGt):
		c.errorf(in.At("polarity"), "polarity-conflict", field+".polarity（指标方向）", "正向，或把符号改为 <=", "指标方向为反向，但符号 %s 表示越大越好", in.Operator.Raw)
	}
}

// weights checks 分值: either no row of a table has one, or every row does,
// and the rows of each 一级 (and 二级, where the table gives its weight)
// category add up to that category's weight: the table's levels, the weight
// printed in the label, else the rules'. A sum that differs is a warning
// naming both sums, never a silent rescale: real forms split their points
// in ways of their own. With an evaluation, its weights count and the
// whole, budget execution included, should come to 100.
func (c *checker) weights(rows []model.Indicator, levels []model.Level, ev *model.Evaluation, path string, table diag.Source) {
	byName := score.ResultsByName(ev)
	weightOf := func(in *model.Indicator) *num.Decimal {
		if r := byName[rules.Normalize(in.Name)]; r != nil && r.Weight != nil {
			return r.Weight
		}
		return in.Weight
	}
	with := 0
	for i := range rows {
		if weightOf(&rows[i]) != nil {
			with++
		}
	}
	if with == 0 {
		return
	}
	// The target table's own weights were checked with it; an evaluation
	// adds rows and sums only when it gives weights of its own.
	own := ev == nil
	if ev != nil {
		for _, r := range ev.Indicators {
			own = own || r.Weight != nil
		}
	}
	at := table.At(lastKey(path))
	if ev != nil {
		at = ev.At("indicators")
	}
	type key struct{ l1, l2 string }
	sums := map[key]*big.Rat{}
	var order []key
	all := new(big.Rat)
	for i := range rows {
		in := &rows[i]
		w := weightOf(in)
		if w == nil {
			if own {
				c.report("weight-missing", in.At("name"), fmt.Sprintf("%s[%d].weight（分值）", path, i+1), "每行都写分值，或都不写", "本表其他指标有分值，此行没有")
			}
			continue
		}
		all.Add(all, w.Rat())
		cat := score.Category(in, c.rules)
		l2, _ := rules.SplitLabel(in.Level2)
		for _, k := range []key{{cat, ""}, {cat, l2}} {
			if sums[k] == nil {
				sums[k] = new(big.Rat)
				order = append(order, k)
			}
			sums[k].Add(sums[k], w.Rat())
		}
	}
	for _, k := range order {
		if !own {
			break
		}
		var label1, label2 string
		for _, in := range rows {
			if score.Category(&in, c.rules) == k.l1 {
				label1 = in.Level1
				if n, _ := rules.SplitLabel(in.Level2); n == k.l2 {
					label2 = in.Level2
					break
				}
			}
		}
		if k.l2 != "" && label2 == "" {
			continue
		}
		name := k.l1
		if k.l2 != "" {
			name = k.l1 + "／" + k.l2
		}
		got := sums[k]
		if lo, hi, ok := levelRange(label1, label2, k.l2 != "", rows, levels, c.rules); ok {
			if got.Cmp(lo) < 0 || got.Cmp(hi) > 0 {
				want := trimZeros(num.Format(lo, 6))
				if lo.Cmp(hi) != 0 {
					want += "–" + trimZeros(num.Format(hi, 6))
				}
				c.report("weight-sum", at, path+"（分值）", fmt.Sprintf("%s各行分值之和为 %s", name, want),
					"%s各行分值之和为 %s，应为 %s", name, trimZeros(num.Format(got, 6)), want)
			}
		}
	}
	if ev == nil {
		return
	}
	exec := c.rules.Evaluation.ExecutionWeight.Rat()
	if ev.ExecutionWeight != nil {
		exec = ev.ExecutionWeight.Rat()
	}
	whole := new(big.Rat).Add(all, exec)
	if with == len(rows) && whole.Cmp(big.NewRat(100, 1)) != 0 {
		c.report("weight-total", at, path+"（分值）", "预算执行率与各指标的分值合计 100；如原表如此，可保留（总分照实相加，不折算）",
			"分值合计 %s（预算执行率 %s + 指标 %s），不是 100", trimZeros(num.Format(whole, 6)), trimZeros(num.Format(exec, 6)), trimZeros(num.Format(all, 6)))
	}
}

// levelRange is the weight a category's rows should add up to: one number,
// or a range a target form printed ("40-50"); ok is false when none is
// known.
func levelRange(level1, level2 string, isLevel2 bool, rows []model.Indicator, levels []model.Level, rs *rules.Settings) (lo, hi *big.Rat, ok bool) {
	n1, _ := rules.SplitLabel(level1)
	n2, _ := rules.SplitLabel(level2)
	cat := func(label string) string {
		n, _ := rules.SplitLabel(label)
		if l1 := rs.Level1Of(n); l1 != nil {
			return l1.Name
		}
		return n
	}
	for _, l := range levels {
		if cat(l.Level1) != cat(n1) {
			continue
		}
		l2, _ := rules.SplitLabel(l.Level2)
		if (l.Level2 == "") == isLevel2 || (isLevel2 && l2 != n2) {
			continue
		}
		if l.Weight == nil {
			return nil, nil, false
		}
		return l.Weight.Min.Rat(), l.Weight.Max.Rat(), true
	}
	label := level1
	if isLevel2 {
		label = level2
	}
	if _, w := rules.SplitLabel(label); w != "" {
		if p, err := model.ParsePoints(w); err == nil {
			return p.Min.Rat(), p.Max.Rat(), true
		}
	}
	if !isLevel2 {
		if l1 := rs.Level1Of(level1); l1 != nil && l1.Weight != nil {
			return l1.Weight.Rat(), l1.Weight.Rat(), true
		}
	}
	return nil, nil, false
}

// declared reports whether a table's levels list the category (level2 ""
// for the 一级 alone).
func declared(levels []model.Level, level1, level2 string) bool {
	n1, _ := rules.SplitLabel(level1)
	n2, _ := rules.SplitLabel(level2)
	for _, l := range levels {
		m1, _ := rules.SplitLabel(l.Level1)
		m2, _ := rules.SplitLabel(l.Level2)
		if m1 == n1 && (level2 == "" || m2 == n2) {
			return true
		}
	}
	return false
}

// levels checks a table's levels: a 一级 neither in the framework nor used
// by a row is likely a typo.
func (c *checker) levels(rows []model.Indicator, levels []model.Level, path string, table diag.Source) {
	for i, l := range levels {
		n1, _ := rules.SplitLabel(l.Level1)
		if l1 := c.rules.Level1Of(n1); l1 != nil {
			continue
		}
		used := false
		for _, in := range rows {
			if m, _ := rules.SplitLabel(in.Level1); m == n1 {
				used = true
			}
		}
		if !used {
			c.report("level-unused", l.At("level1"), fmt.Sprintf("levels[%d].level1（一级指标）", i+1), "指标体系中的一级指标，或本表指标行使用的一级指标",
				"一级指标 %q 既不在指标体系中，也没有指标行使用", l.Level1)
		}
	}
	_ = path
	_ = table
}

// placeholderPattern matches template text a form left in: "指标2", "……",
// "(≥**个)", "★★★".
func isPlaceholder(s string) bool {
	t := s
	if strings.ContainsFunc(s, unicode.IsSpace) { // rarely: no copy otherwise
		t = strings.Join(strings.Fields(s), "")
	}
	if t == "" {
		return false
	}
	if strings.Contains(t, "**") || strings.Contains(t, "＊＊") || strings.Contains(t, "★★") {
		return true
	}
	if strings.Trim(t, "…．.。·") == "" {
		return true
	}
	if rest, ok := strings.CutPrefix(t, "指标"); ok && rest != "" && strings.Trim(rest, "0123456789一二三四五六七八九十") == "" {
		return true
	}
	return false
}

// placeholders warns about template text left in a row.
func (c *checker) placeholders(in *model.Indicator, field string) {
	for _, f := range []struct{ key, title, v string }{
		{"name", "三级指标", in.Name}, {"value", "值", in.Value}, {"unit", "单位", in.Unit}, {"description", "绩效指标描述", in.Description},
	} {
		if isPlaceholder(f.v) {
			c.report("placeholder", in.At(f.key), field+"."+f.key+"（"+f.title+"）", "写出本项目的实际内容，或删去此行",
				"%q 像是模板中的占位文字，没有按本项目填写", f.v)
		}
	}
}

// parts checks "其中" rows: names given, and where they share the
// indicator's unit and it has a number, values that add up to it.
func (c *checker) parts(in *model.Indicator, field string) {
	if len(in.Parts) == 0 {
		return
	}
	total, ok := in.NumericValue()
	sum := new(big.Rat)
	units := map[string]bool{}
	for _, p := range in.Parts {
		units[rules.Normalize(p.Unit)] = true
		d, err := num.Parse(p.Value)
		if err != nil {
			ok = false
			continue
		}
		sum.Add(sum, d.Rat())
	}
	if len(units) > 1 || (len(units) == 1 && !units[rules.Normalize(in.Unit)]) {
		var us []string
		for _, p := range in.Parts {
			us = append(us, p.Value+p.Unit)
		}
		c.report("parts-units", in.At("parts"), field+".parts（其中）", "同一单位的各行才能相加",
			"指标 %q 的“其中”各行单位不同（%s），与合计 %s 不能直接相加", in.Name, strings.Join(us, "、"), in.Target())
		return
	}
	if ok && sum.Cmp(total.Rat()) != 0 {
		c.report("parts-sum", in.At("parts"), field+".parts（其中）", "其中各行之和等于指标值",
			"指标 %q 的“其中”各行合计 %s%s，与指标值 %s 不符", in.Name, trimZeros(num.Format(sum, 6)), in.Unit, in.Target())
	}
}

func lastKey(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[i+1:]
	}
	return path
}

func trimZeros(s string) string {
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

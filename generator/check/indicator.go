package check

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"disclose/generator/diag"
	"disclose/generator/model"
	"disclose/generator/num"
	"disclose/generator/rules"
)

// indicators checks one indicator table: every row inside the framework,
// numeric operators with numeric values, weights that add up.
func (c *checker) indicators(rows []model.Indicator, path string, table diag.Source, p *model.Project) {
	names := map[string]int{}
	for i := range rows {
		in := &rows[i]
		field := fmt.Sprintf("%s[%d]", path, i+1)
		c.labels(in, field)
		c.category(in, field)
		c.operator(in, field)
		if n := rules.Normalize(in.Name); n != "" {
			if first, dup := names[n]; dup {
				c.errorf(in.At("name"), "duplicate-indicator", field+".name（三级指标）", "同一表内三级指标名称不重复", "三级指标 %s 与第 %d 行重名", n, first)
			} else {
				names[n] = i + 1
			}
		}
	}
	c.weights(rows, path, table)
}

// labels warns about spaces around labels, which Word tables leave behind
// and which make two equal labels differ.
func (c *checker) labels(in *model.Indicator, field string) {
	for _, f := range []struct{ key, title, v string }{
		{"level1", "一级指标", in.Level1}, {"level2", "二级指标", in.Level2}, {"name", "三级指标", in.Name},
		{"unit", "单位", in.Unit}, {"value", "值", in.Value},
	} {
		if n := rules.Normalize(f.v); f.v != n {
			c.report("label-spaces", in.At(f.key), field+"."+f.key+"（"+f.title+"）", strconv.Quote(n), "%q 前后有空格（常见于从 Word 表格复制）", f.v)
		}
	}
}

func (c *checker) category(in *model.Indicator, field string) {
	if in.Level1 == "" || in.Level2 == "" {
		return
	}
	l1, l2, other := c.rules.Classify(in.Level1, in.Level2)
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

// weights checks 分值: either no row of a table has one, or every row does
// and the rows of each 一级 category add up to its weight in the rules.
func (c *checker) weights(rows []model.Indicator, path string, table diag.Source) {
	with := 0
	for _, in := range rows {
		if in.Weight != nil {
			with++
		}
	}
	if with == 0 {
		return
	}
	sums := map[*rules.Level1]*big.Rat{}
	var order []*rules.Level1
	for i := range rows {
		in := &rows[i]
		if in.Weight == nil {
			c.errorf(in.At("name"), "weight-missing", fmt.Sprintf("%s[%d].weight（分值）", path, i+1), "每行都写分值，或都不写", "本表其他指标有分值，此行没有")
			continue
		}
		l1, _, _ := c.rules.Classify(in.Level1, in.Level2)
		if l1 == nil {
			continue
		}
		if sums[l1] == nil {
			sums[l1] = new(big.Rat)
			order = append(order, l1)
		}
		sums[l1].Add(sums[l1], in.Weight.Rat())
	}
	for _, l1 := range order {
		if l1.Weight == nil || sums[l1].Cmp(l1.Weight.Rat()) == 0 {
			continue
		}
		c.errorf(table.At(lastKey(path)), "weight-sum", path+"（绩效指标）", fmt.Sprintf("%s各行分值之和为 %s", l1.Name, l1.Weight),
			"%s各行分值之和为 %s，应为 %s", l1.Name, trimZeros(num.Format(sums[l1], 6)), l1.Weight)
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

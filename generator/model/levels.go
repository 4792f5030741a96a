package model

import (
	"fmt"
	"strings"

	"disclose/generator/diag"
	"disclose/generator/num"
)

// Level is a heading of an indicator table as a form prints it: a 一级 (and
// optionally 二级) group with its 分值. A project's or department's levels
// override the year's rules: real forms split their 90 indicator points
// 60 + 30, leave out 满意度, print weight ranges ("产出指标 (40-50)分"), or
// use categories of their own (规划, 执行 in a 部门整体 evaluation). A 二级
// level with no indicator under it is a group the form printed empty.
type Level struct {
	diag.Source `yaml:"-"`
	Level1      string  `yaml:"level1" title:"一级指标" req:"true" key:"true" desc:"按文件原样，如 产出指标、规划。"`
	Level2      string  `yaml:"level2" title:"二级指标" key:"true" desc:"填写时本条是二级指标的分值；没有三级指标的二级指标照样列出（表中为空组）。"`
	Weight      *Points `yaml:"weight" title:"分值" desc:"如 60，或区间 40-50（目标申报表中常见）。"`
}

// Points is a weight (分值) as a form prints it: a number, or a range such
// as "40-50" that a target form leaves to the evaluation.
type Points struct {
	Min, Max num.Decimal
}

// IsRange reports whether the points are a range rather than one number.
func (p Points) IsRange() bool { return p.Min.Cmp(p.Max) != 0 }

// String writes "50" or "40-50".
func (p Points) String() string {
	if p.IsRange() {
		return p.Min.String() + "-" + p.Max.String()
	}
	return p.Min.String()
}

// ParsePoints reads "50", "50分", "(50分)", "40-50", "40–50分", "0～20".
func ParsePoints(s string) (Points, error) {
	t := strings.TrimSpace(s)
	t = strings.Trim(t, "()（） ")
	t = strings.TrimSuffix(t, "分")
	t = strings.Trim(t, "()（） ")
	lo, hi, isRange := cutRange(t)
	if !isRange {
		d, err := num.Parse(strings.TrimSpace(t))
		if err != nil || d.Rat().Sign() < 0 {
			return Points{}, fmt.Errorf("%q 不是分值（如 50 或 40-50）", s)
		}
		return Points{Min: d, Max: d}, nil
	}
	a, err1 := num.Parse(strings.TrimSpace(lo))
	b, err2 := num.Parse(strings.TrimSpace(hi))
	if err1 != nil || err2 != nil || a.Rat().Sign() < 0 || a.Cmp(b) > 0 {
		return Points{}, fmt.Errorf("%q 不是分值区间（如 40-50）", s)
	}
	return Points{Min: a, Max: b}, nil
}

func cutRange(s string) (lo, hi string, ok bool) {
	for _, sep := range []string{"-", "–", "—", "～", "~", "至"} {
		if i := strings.Index(s, sep); i > 0 {
			return s[:i], s[i+len(sep):], true
		}
	}
	return s, "", false
}

// UnmarshalText reads points in any of the forms ParsePoints takes.
func (p *Points) UnmarshalText(b []byte) error {
	v, err := ParsePoints(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// MarshalText writes the points as String does.
func (p Points) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// Part is a "其中…" sub-row under an indicator: a component with its own
// value and unit but no weight of its own (其中桃树种植面积 1.5亩).
type Part struct {
	diag.Source `yaml:"-"`
	Name        string `yaml:"name" title:"其中" req:"true" key:"true" desc:"按文件原样，如 其中桃树种植面积。"`
	Value       string `yaml:"value" title:"值" desc:"按文件原样，如 1.5。"`
	Unit        string `yaml:"unit" title:"单位" desc:"如 亩。"`
}

// PartResult is the actual value of a "其中" sub-row.
type PartResult struct {
	diag.Source `yaml:"-"`
	Name        string `yaml:"name" title:"其中" req:"true" key:"true"`
	Actual      string `yaml:"actual" title:"实际完成值"`
}

// Package rules holds the settings that the domain leaves to each site: the
// indicator framework (三级指标体系) with the labels documents use for its
// categories, the weights of the 一级 categories, and how severe each
// adjustable check is. The defaults live in defaults.yaml, embedded in the
// binary; content/site.yaml overrides them key by key under "rules".
package rules

import (
	_ "embed"
	"fmt"
	"math/big"
	"strings"

	"disclose/generator/diag"
	"disclose/generator/num"
)

// DefaultsYAML is the built-in rules file, decoded before site.yaml's rules.
//
//go:embed defaults.yaml
var DefaultsYAML []byte

// Settings are the rules in force for a site.
type Settings struct {
	diag.Source `yaml:"-"`
	Framework   []Level1 `yaml:"framework" title:"指标体系" desc:"一级指标及其下属的二级指标；写出时整体替换内置体系。"`
	// Severity maps an adjustable check's code to error, warning or off.
	Severity   map[string]string `yaml:"severity" title:"检查严重程度" desc:"按检查代码调整严重程度：error、warning 或 off，如 plan-below-100: error。"`
	Evaluation Evaluation        `yaml:"evaluation" title:"绩效自评规则"`
	Monitoring Monitoring        `yaml:"monitoring" title:"绩效监控规则"`
}

// Evaluation holds the scoring rules of the self-evaluation (绩效自评).
type Evaluation struct {
	diag.Source `yaml:"-"`
	// ExecutionWeight is the weight of the budget execution rate (预算执行率).
	ExecutionWeight num.Decimal `yaml:"execution_weight" title:"预算执行率分值" desc:"默认 10；指标的分值见 framework 中各一级指标的 weight。"`
	// ReverseFormula scores a 反向 (≤) indicator that missed its target:
	// "ratio" is target ÷ actual × weight; "linear" is
	// (1 − (actual − target) ÷ target) × weight, floored at 0.
	ReverseFormula string `yaml:"reverse_formula" title:"反向指标计分公式" desc:"ratio：目标值 ÷ 实际值 × 分值；linear：(1 − (实际值 − 目标值) ÷ 目标值) × 分值，最低为 0。"`
	// ZeroTarget scores an indicator whose target is 0 (= 0 or ≤ 0):
	// "all_or_nothing" gives full weight when actual ≤ 0 and none otherwise;
	// "by_share" takes the evaluator's share, as for a qualitative one.
	ZeroTarget string `yaml:"zero_target" title:"目标值为 0 的计分" desc:"all_or_nothing：实际值不大于 0 得满分，否则 0 分；by_share：按评价人给出的得分比例。"`
	// Bands are the qualitative achievement levels and their share ranges.
	Bands []Band `yaml:"qualitative_bands" title:"定性指标档次" desc:"达成、部分达成、未达成 及其得分比例区间（%）。"`
	// Grades map a total score to a grade, highest first.
	Grades []Grade `yaml:"grades" title:"评价等级" desc:"按总分从高到低：优 ≥ 90，良 ≥ 80，中 ≥ 60，差。"`
	// ExplanationBelow is the execution rate (%) under which an explanation
	// is required.
	ExplanationBelow num.Decimal `yaml:"explanation_below" title:"需说明的执行率（%）" desc:"预算执行率低于此值时必须说明原因，默认 90。"`
}

// Band is a qualitative achievement level with its range of shares (%).
type Band struct {
	diag.Source `yaml:"-"`
	Name        string      `yaml:"name" title:"档次" req:"true" key:"true"`
	Min         num.Decimal `yaml:"min" title:"最低比例（%）" req:"true"`
	Max         num.Decimal `yaml:"max" title:"最高比例（%）" req:"true"`
}

// Grade is a grade and the lowest total score that earns it.
type Grade struct {
	diag.Source `yaml:"-"`
	Name        string      `yaml:"name" title:"等级" req:"true" key:"true"`
	Min         num.Decimal `yaml:"min" title:"最低分" req:"true"`
}

// Monitoring holds the thresholds of in-year monitoring (绩效运行监控).
type Monitoring struct {
	diag.Source `yaml:"-"`
	// The progress ratio is (executed ÷ budget) ÷ (month ÷ 12); under
	// RedBelow it is red, under YellowBelow yellow, else green (%).
	RedBelow    num.Decimal `yaml:"red_below" title:"红色阈值（%）" desc:"进度比 =（执行数 ÷ 预算数）÷（月份 ÷ 12），低于此值为红色（滞后），默认 60。"`
	YellowBelow num.Decimal `yaml:"yellow_below" title:"黄色阈值（%）" desc:"低于此值为黄色（关注），默认 80；不低于为绿色（正常）。"`
	// Tolerance is how many percentage points actual may fall behind the
	// plan at a checkpoint before it is flagged.
	Tolerance num.Decimal `yaml:"deviation_tolerance" title:"偏差容忍度（百分点）" desc:"实际累计进度低于计划进度超过此数即提示，默认 10。"`
}

// BandOf returns the band with the given name, or nil.
func (e *Evaluation) BandOf(name string) *Band {
	for i := range e.Bands {
		if e.Bands[i].Name == name {
			return &e.Bands[i]
		}
	}
	return nil
}

// GradeOf returns the grade of a total score (exact, as it is shown).
func (e *Evaluation) GradeOf(total *big.Rat) string {
	for _, g := range e.Grades {
		if total.Cmp(g.Min.Rat()) >= 0 {
			return g.Name
		}
	}
	return ""
}

// Level1 is a 一级指标 category, e.g. 效益指标, with the labels documents
// also use for it (效果指标) and its weight in self-evaluation.
type Level1 struct {
	diag.Source `yaml:"-"`
	Name        string       `yaml:"name" title:"名称" req:"true" key:"true"`
	Aliases     []string     `yaml:"aliases" title:"别名" desc:"文件中也用来指这一类的写法，如 效果指标。"`
	Weight      *num.Decimal `yaml:"weight" title:"分值" desc:"自评时该一级指标的分值，如 产出指标 50。"`
	Level2      []Level2     `yaml:"level2" title:"二级指标" req:"true"`
}

// Level2 is a 二级指标 category under a Level1, e.g. 社会效益指标.
type Level2 struct {
	diag.Source `yaml:"-"`
	Name        string   `yaml:"name" title:"名称" req:"true" key:"true"`
	Aliases     []string `yaml:"aliases" title:"别名"`
}

// Adjustable lists the checks whose severity a site may change, with their
// default. Structural errors (unknown keys, wrong types) are not adjustable:
// the content cannot be read correctly with them.
var Adjustable = map[string]diag.Severity{
	"plan-below-100":      diag.Warning,
	"line-overspent":      diag.Warning,
	"cjk-emphasis":        diag.Warning,
	"doubled-punctuation": diag.Warning,
	"label-spaces":        diag.Warning,
	"execution-explained": diag.Warning,
	"deviation-explained": diag.Warning,
	"outlook-explained":   diag.Warning,
	"actual-kind":         diag.Warning,
	"actual-missing":      diag.Warning,
	"description-missing": diag.Warning,
	"unlisted-spending":   diag.Warning,
	// What published forms do: reported, never refused.
	"weight-sum":           diag.Warning,
	"weight-missing":       diag.Warning,
	"weight-total":         diag.Warning,
	"placeholder":          diag.Warning,
	"published-score":      diag.Warning,
	"budget-rows-sum":      diag.Warning,
	"executed-over-budget": diag.Warning,
	"executed-records":     diag.Warning,
	"parts-units":          diag.Warning,
	"parts-sum":            diag.Warning,
	"level-unused":         diag.Warning,
	"narrative-missing":    diag.Warning,
	// Across years: a lowered target or a changed code may be right.
	"target-lowered-after-miss":     diag.Warning,
	"code-changed-without-previous": diag.Warning,
	"previous-unknown":              diag.Warning,
}

// SeverityOf returns the severity of an adjustable check, and false when the
// site turned it off.
func (s *Settings) SeverityOf(code string) (diag.Severity, bool) {
	switch s.Severity[code] {
	case "error":
		return diag.Error, true
	case "warning":
		return diag.Warning, true
	case "off":
		return diag.Warning, false
	}
	return Adjustable[code], true
}

// Normalize trims the spaces that Word tables leave around cell text,
// including the ideographic space U+3000.
func Normalize(label string) string {
	return strings.TrimSpace(strings.Trim(label, " \t\u3000\u00a0"))
}

// SplitLabel reads a level label as forms print it: the category name with
// the spaces that spread it across a cell taken out ("产 出 指 标" →
// 产出指标) and the weight printed inside it split off ("产出指标(50分)" →
// 产出指标, "50"; "成本指标(0-20)分" → 成本指标, "0-20"). weight is "" when
// the label carries none.
func SplitLabel(label string) (name, weight string) {
	s := Normalize(label)
	if i := strings.IndexAny(s, "(（"); i > 0 {
		inner := s[i:]
		inner = strings.TrimSuffix(strings.TrimSpace(inner), "分")
		inner = strings.TrimSpace(inner)
		inner = strings.TrimRight(strings.TrimLeft(inner, "(（"), ")）")
		inner = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(inner), "分"))
		if inner != "" && strings.Trim(inner, "0123456789.-–—～~ ") == "" {
			s, weight = strings.TrimSpace(s[:i]), strings.Join(strings.Fields(inner), "")
		}
	}
	return squeeze(s), weight
}

// squeeze drops the spaces between Chinese characters that forms use to
// spread a label across a cell, and keeps those between Latin words.
func squeeze(s string) string {
	if !strings.ContainsAny(s, " \u3000\u00a0\t") {
		return s
	}
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		if r == ' ' || r == '\u3000' || r == '\u00a0' || r == '\t' {
			var prev, next rune
			for j := i - 1; j >= 0; j-- {
				if !isSpace(rs[j]) {
					prev = rs[j]
					break
				}
			}
			for j := i + 1; j < len(rs); j++ {
				if !isSpace(rs[j]) {
					next = rs[j]
					break
				}
			}
			if prev < 0x2E80 && next < 0x2E80 && prev != 0 && next != 0 {
				b.WriteRune(' ')
			}
			continue
		}
		b.WriteRune(r)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func isSpace(r rune) bool { return r == ' ' || r == '\u3000' || r == '\u00a0' || r == '\t' }

func matches(label, name string, aliases []string) bool {
	if names(label, name) {
		return true
	}
	for _, n := range aliases {
		if names(label, n) {
			return true
		}
	}
	return false
}

// names reports whether label is n or n without its 指标 (label+"指标" ==
// n, without building the string: every indicator row is classified).
func names(label, n string) bool {
	return label == n || len(n) == len(label)+len("指标") && strings.HasPrefix(n, label) && strings.HasSuffix(n, "指标")
}

// Level1Of is the framework's 一级 category of a row's 一级 label (as
// Classify gives it), or nil.
func (s *Settings) Level1Of(level1 string) *Level1 {
	level1, _ = SplitLabel(level1)
	for i := range s.Framework {
		if matches(level1, s.Framework[i].Name, s.Framework[i].Aliases) {
			return &s.Framework[i]
		}
	}
	return nil
}

// Classify maps a row's 一级 and 二级 labels to the framework's categories.
// l1 is nil when the 一级 label is unknown; l2 is nil when the 二级 label does
// not belong to that 一级 (then other is the 一级 it belongs to, if any).
func (s *Settings) Classify(level1, level2 string) (l1 *Level1, l2 *Level2, other *Level1) {
	l1 = s.Level1Of(level1)
	level2, _ = SplitLabel(level2)
	for i := range s.Framework {
		c := &s.Framework[i]
		for j := range c.Level2 {
			if matches(level2, c.Level2[j].Name, c.Level2[j].Aliases) {
				if c == l1 {
					return l1, &c.Level2[j], nil
				}
				if other == nil {
					other = c
				}
			}
		}
	}
	return l1, nil, other
}

// Report records the diagnostic of an adjustable check at the severity the
// site chose, or not at all when the site turned it off.
func (s *Settings) Report(l *diag.List, code string, pos diag.Pos, field, hint, format string, args ...any) {
	sev, on := s.SeverityOf(code)
	if !on {
		return
	}
	l.Add(diag.Diagnostic{Severity: sev, Pos: pos, Code: code, Field: field, Hint: hint, Message: fmt.Sprintf(format, args...)})
}

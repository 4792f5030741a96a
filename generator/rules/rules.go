// Package rules holds the settings that the domain leaves to each site: the
// indicator framework (三级指标体系) with the labels documents use for its
// categories, the weights of the 一级 categories, and how severe each
// adjustable check is. The defaults live in defaults.yaml, embedded in the
// binary; content/site.yaml overrides them key by key under "rules".
package rules

import (
	_ "embed"
	"fmt"
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
	Severity map[string]string `yaml:"severity" title:"检查严重程度" desc:"按检查代码调整严重程度：error、warning 或 off，如 plan-below-100: error。"`
}

// Level1 is a 一级指标 category, e.g. 效益指标, with the labels documents
// also use for it (效果指标) and its weight in self-evaluation.
type Level1 struct {
	diag.Source `yaml:"-"`
	Name        string       `yaml:"name" title:"名称" req:"true"`
	Aliases     []string     `yaml:"aliases" title:"别名" desc:"文件中也用来指这一类的写法，如 效果指标。"`
	Weight      *num.Decimal `yaml:"weight" title:"分值" desc:"自评时该一级指标的分值，如 产出指标 50。"`
	Level2      []Level2     `yaml:"level2" title:"二级指标" req:"true"`
}

// Level2 is a 二级指标 category under a Level1, e.g. 社会效益指标.
type Level2 struct {
	diag.Source `yaml:"-"`
	Name        string   `yaml:"name" title:"名称" req:"true"`
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
	"description-missing": diag.Warning,
	"unlisted-spending":   diag.Warning,
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

func matches(label, name string, aliases []string) bool {
	for _, n := range append([]string{name}, aliases...) {
		if label == n || label+"指标" == n {
			return true
		}
	}
	return false
}

// Classify maps a row's 一级 and 二级 labels to the framework's categories.
// l1 is nil when the 一级 label is unknown; l2 is nil when the 二级 label does
// not belong to that 一级 (then other is the 一级 it belongs to, if any).
func (s *Settings) Classify(level1, level2 string) (l1 *Level1, l2 *Level2, other *Level1) {
	level1, level2 = Normalize(level1), Normalize(level2)
	for i := range s.Framework {
		if matches(level1, s.Framework[i].Name, s.Framework[i].Aliases) {
			l1 = &s.Framework[i]
			break
		}
	}
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

package check

import (
	"disclose/generator/diag"
	"disclose/generator/model"
	"disclose/generator/rules"
	"disclose/generator/score"
)

// LastYear is what the checks across years need of a department's
// previous year: its projects' codes, names and targets with whether each
// was missed (score.PastIndicators, the computation derive uses, so page
// and check agree).
type LastYear struct {
	Year     int
	Projects []LastProject
}

// LastProject is a project of the previous year.
type LastProject struct {
	Code, Name string
	Indicators []score.PastIndicator
}

// AcrossYears compares a department with its previous year (上年): a
// continuing project that lowers a target it missed, a project whose code
// changed without `previous`, a `previous` that names no project. Warnings
// by default: a lowered target may be right, with its reason in 指标值确定依据.
func AcrossYears(site *model.Site, d *model.Department, last *LastYear, diags *diag.List) {
	if last == nil {
		return
	}
	c := &checker{rules: &site.Rules, diags: diags}
	if d.Rules != nil {
		c.rules = d.Rules
	}
	byCode := map[string]*LastProject{}
	for i := range last.Projects {
		byCode[last.Projects[i].Code] = &last.Projects[i]
	}
	continued := map[string]bool{}
	for _, p := range d.Projects {
		code := p.Code
		if p.Previous != "" {
			code = p.Previous
		}
		if prev := byCode[code]; prev != nil {
			continued[code] = true
			c.loweredAfterMiss(p, prev, last.Year)
		} else if p.Previous != "" {
			c.report("previous-unknown", p.At("previous"), "previous（上年项目编码）", "写上年同一部门中该项目的编码",
				"%d 年没有编码为 %s 的项目", last.Year, p.Previous)
		}
	}
	for _, p := range d.Projects {
		if byCode[p.Code] != nil || p.Previous != "" {
			continue
		}
		for _, prev := range last.Projects {
			if !continued[prev.Code] && rules.Normalize(prev.Name) == rules.Normalize(p.Name) {
				c.report("code-changed-without-previous", p.At("code"), "code（项目编码）", "同一项目改了编码时写 previous: "+prev.Code+"，页面才能与上年对比",
					"项目“%s”与 %d 年的项目 %s 同名，编码却不同", p.Name, last.Year, prev.Code)
				break
			}
		}
	}
}

func (c *checker) loweredAfterMiss(p *model.Project, prev *LastProject, year int) {
	for _, t := range score.CompareTargets(prev.Indicators, p.Indicators) {
		if !t.LoweredAfterMiss {
			continue
		}
		c.report("target-lowered-after-miss", t.Cur.At("value"), "value（指标值）", "下调未完成的目标须有依据：在 basis（指标值确定依据）中说明",
			"指标“%s”%d 年的目标 %s 未完成，今年下调为 %s", t.Cur.Name, year, t.Prev.Target(), score.TargetText(t.Cur))
	}
}

package pdf

import (
	"fmt"
	"path/filepath"
	"strings"

	"disclose/generator/diag"
	"disclose/generator/model"
)

// CheckGlyphs reports every character of a department's printed text that
// no configured font can draw, at the file, line and column it came from.
// Without this a missing glyph would silently print as a blank.
func CheckGlyphs(f *Fonts, d *model.Department, l *diag.List) {
	report := func(pos diag.Pos, field, text string, face Face) {
		seen := map[rune]bool{}
		for _, r := range f.Missing(face, text) {
			if seen[r] {
				continue
			}
			seen[r] = true
			p := pos
			if p.Line > 0 && p.Column > 0 {
				// Point at the character itself when it sits on the value's line.
				if i := strings.IndexRune(text, r); i >= 0 && !strings.Contains(text[:i], "\n") {
					p.Column += len([]rune(text[:i]))
				}
			}
			l.Errorf(p, "missing-glyph", field, "换用常见字，或在 site.yaml 的 pdf.fallback 中设置一个含有此字的 TrueType 字体",
				"字体中没有“%c”（U+%04X），PDF 中会印成空白", r, r)
		}
	}
	markdown := func(m model.Markdown, what string) {
		for _, r := range f.Missing(Serif, m.Text) {
			i := strings.IndexRune(m.Text, r)
			l.Errorf(diag.At(m.File, []byte(m.Text), i), "missing-glyph", what, "换用常见字，或在 site.yaml 的 pdf.fallback 中设置一个含有此字的 TrueType 字体",
				"字体中没有“%c”（U+%04X），PDF 中会印成空白", r, r)
			break // one message a file is enough to act on
		}
	}
	report(d.At("name"), "name（部门名称）", d.Name, Sans)
	report(d.At("title"), "title（标题）", d.Title, Sans)
	report(d.At("publisher"), "publisher（发布机构）", d.Publisher, Serif)
	report(d.At("measures_heading"), "measures_heading（工作保障措施标题）", d.MeasuresTitle, Sans)
	for i, s := range d.SubTargets {
		report(d.At("sub_targets"), fmt.Sprintf("sub_targets[%d]（分项绩效目标）", i+1), s, Serif)
	}
	indicators(report, d.Indicators, "indicators")
	report(d.SpecialFunds.At("explanation"), "special_funds.explanation（说明）", d.SpecialFunds.Explanation, Serif)
	for i, sf := range d.SpecialFunds.Funds {
		p := fmt.Sprintf("special_funds.funds[%d]", i+1)
		report(sf.At("name"), p+".name（专项资金名称）", sf.Name, Sans)
		targets(report, sf.Targets, p+".targets")
		indicators(report, sf.Indicators, p+".indicators")
	}
	for i := range d.Spending {
		report(d.Spending[i].At("note"), fmt.Sprintf("spending[%d].note（说明）", i+1), d.Spending[i].Note, Serif)
	}
	markdown(d.OverallGoal, "总体绩效目标")
	markdown(d.Measures, "工作保障措施")
	for _, p := range d.Projects {
		report(p.At("name"), "name（项目名称）", p.Name, Sans)
		report(p.At("code"), "code（项目编码）", p.Code, Serif)
		report(p.At("template"), "template（项目绩效模板）", p.Template, Serif)
		report(p.At("purpose"), "purpose（资金用途）", p.Purpose, Serif)
		for i, fd := range p.Funds {
			report(fd.At("source"), fmt.Sprintf("funds[%d].source（资金性质）", i+1), fd.Kind, Serif)
		}
		for i, bl := range p.BudgetLines {
			report(bl.At("name"), fmt.Sprintf("budget_lines[%d].name（用途）", i+1), bl.Name, Serif)
		}
		for i, c := range p.Plan {
			report(c.At("label"), fmt.Sprintf("plan[%d].label（时间节点）", i+1), c.Label, Sans)
		}
		targets(report, p.Targets, "targets")
		indicators(report, p.Indicators, "indicators")
		markdown(p.Description, "项目说明")
	}
	// Memos and vouchers of the records printed in the reports.
	for i := range d.Records {
		r := &d.Records[i]
		if int(r.File) >= len(d.Spending) {
			continue
		}
		file := d.Spending[r.File].File
		for _, m := range []struct {
			text  string
			field int
		}{{r.Memo, model.FieldMemo}, {r.Voucher, model.FieldVoucher}} {
			for _, c := range f.Missing(Serif, m.text) {
				pos := diag.Pos{File: joinDir(d.Dir, file), Line: int(r.Line), Column: int(r.Col[m.field])}
				l.Errorf(pos, "missing-glyph", "", "换用常见字，或在 site.yaml 的 pdf.fallback 中设置一个含有此字的 TrueType 字体",
					"字体中没有“%c”（U+%04X），PDF 中会印成空白", c, c)
				break
			}
		}
	}
}

type reporter func(pos diag.Pos, field, text string, face Face)

func indicators(report reporter, rows []model.Indicator, path string) {
	for i, in := range rows {
		p := fmt.Sprintf("%s[%d]", path, i+1)
		report(in.At("level1"), p+".level1（一级指标）", in.Level1, Sans)
		report(in.At("level2"), p+".level2（二级指标）", in.Level2, Serif)
		report(in.At("name"), p+".name（三级指标）", in.Name, Sans)
		report(in.At("description"), p+".description（绩效指标描述）", in.Description, Serif)
		report(in.At("operator"), p+".operator（符号）", in.Operator.Raw, Serif)
		report(in.At("value"), p+".value（值）", in.Value, Serif)
		report(in.At("unit"), p+".unit（单位）", in.Unit, Serif)
		report(in.At("basis"), p+".basis（指标值确定依据）", in.Basis, Serif)
	}
}

func targets(report reporter, ts []model.Target, path string) {
	for i, t := range ts {
		report(t.At("text"), fmt.Sprintf("%s[%d].text（目标内容）", path, i+1), t.Text, Serif)
		report(t.At("label"), fmt.Sprintf("%s[%d].label（目标编号）", path, i+1), t.Label, Sans)
	}
}

func joinDir(dir, rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }

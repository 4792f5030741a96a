package pdf

import (
	"cmp"
	"fmt"

	"disclose/generator/derive"
	"disclose/generator/model"
	"disclose/generator/present"
)

// writeDepartment lays out one department's disclosure in full: its
// section (the same as the summary edition prints), then its findings and
// its projects' forms; base shifts the heading levels (1 inside the annual
// report, where the department is a level-1 heading).
func writeDepartment(l *layout, d *derive.Department, base int, o Options) {
	if base == 0 {
		l.newPage()
		l.add(op{kind: opText, x: marginLeft, y: l.y, face: Sans, size: 20, text: d.Title, color: black})
		l.y += 32
		l.add(op{kind: opText, x: marginLeft, y: l.y, face: Serif, size: 11, text: fmt.Sprintf("%s　%d年度　发布日期：%s", d.Name, d.Year, present.ChineseDate(d.Published)), color: gray})
		l.y += 24
	}
	s := SectionOf(d)
	// Pages with execution, monitoring or self-evaluation figures are
	// marked when any of them is illustrative (the footer says so).
	illustrative := len(s.Notes) > 0
	for _, p := range d.Projects {
		illustrative = illustrative || (p.Results != nil && p.Results.Illustrative)
	}
	l.whole = d.Illustrative // an illustrative year: every page is marked
	defer func() { l.illustrative, l.whole = false, false }()
	var form *present.EvalForm
	if d.Evaluation != nil {
		form = present.DeptEvaluation(d.Evaluation, d.Department.Budget, d.Indicators, d.Levels, d.Rules)
	}
	writeSection(l, s, base, form, illustrative)
	writeDeptYears(l, d, base+2)
	writeFindings(l, d, base+2)
	for _, p := range d.Projects {
		l.illustrative = false
		writeProject(l, d, p, base+2, o)
	}
}

// narrative lays out a Markdown narrative: paragraphs indented two
// characters and justified, its own headings below level.
func narrative(l *layout, m model.Markdown, level int) {
	for _, b := range blocks(m) {
		switch {
		case b.heading > 0:
			l.heading(min(level+b.heading-1, 4), b.text, 40)
		case b.item != "":
			l.paragraph(b.item+b.text, bodyText)
		default:
			l.paragraph(b.text, bodyText)
		}
	}
}

func illustrativeNotes(d *model.Department) []string {
	var notes []string
	if d.Illustrative {
		notes = append(notes, cmp.Or(d.Note, present.IllustrativeYearNote))
	}
	for _, f := range d.Spending {
		if f.Illustrative {
			notes = append(notes, present.SpendingNote(f.Note, present.Report))
		}
	}
	return notes
}

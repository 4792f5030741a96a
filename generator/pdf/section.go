package pdf

import (
	"fmt"
	"math/big"
	"path"
	"slices"
	"strings"

	"disclose/generator/derive"
	"disclose/generator/diag"
	"disclose/generator/model"
	"disclose/generator/money"
	"disclose/generator/present"
	"disclose/generator/rules"
)

// Section is what every report prints of a department before its
// projects' forms: its 部门整体绩效目标 and 专项资金绩效目标 (parts one and
// two) and its 预算项目一览 with the department's figures and counts. The
// summary edition of a combined report (合订本, see SummaryOnly) prints
// exactly this for each department; a build keeps it in its state (as
// JSON) so that edition is made again without loading unchanged
// departments. Nothing in it says where it was written.
type Section struct {
	Year       int
	Code, Name string
	Published  model.Date
	Origin     string
	// Notes are the 示例数据 notes: the spending's, and the year's when the
	// whole year is illustrative (Illustrative: every page is marked).
	Notes        []string
	Illustrative bool `json:",omitempty"`
	// Goal (总体绩效目标) and Measures are Markdown narratives (kept in the
	// state as their text, parsed again when read back).
	Goal          model.Markdown
	SubTargets    []string
	Indicators    []model.Indicator
	Levels        []model.Level
	MeasuresTitle string
	Measures      model.Markdown
	Funds         []model.SpecialFund
	// FundsNote explains why there are no special funds.
	FundsNote string
	// Rules keeps the framework only (which groups levels); nil when the
	// year has no rules, and then no counts are printed.
	Rules         *rules.Settings
	Projects      []SectionProject
	Budget, Spent money.Fen
	ExecutionRate *big.Rat
	Grades        []derive.Count
	Lights        []derive.LightCount
}

// SectionProject is a project's row in the 预算项目一览.
type SectionProject struct {
	Code, Name string
	Total      money.Amount
	// Adjusted and PublishedExecuted are the 全年预算数 and 全年执行数 the
	// results publish; Executed the 全年执行数 that counts.
	Adjusted, PublishedExecuted *money.Amount `json:",omitempty"`
	Executed                    money.Fen
	ExecutionRate               *big.Rat
}

// SectionOf takes d's Section.
func SectionOf(d *derive.Department) *Section {
	s := &Section{Year: d.Year, Code: d.Code, Name: d.Name, Published: d.Published, Origin: d.Origin,
		Notes: illustrativeNotes(d.Department), Illustrative: d.Illustrative, Goal: d.OverallGoal, SubTargets: d.SubTargets,
		Indicators: bare(d.Indicators), Levels: slices.Clone(d.Levels), MeasuresTitle: d.MeasuresTitle, Measures: d.Measures,
		Funds: slices.Clone(d.SpecialFunds.Funds), FundsNote: d.SpecialFunds.Explanation,
		Budget: d.Budget, Spent: d.Spent, ExecutionRate: d.ExecutionRate, Grades: d.Grades, Lights: d.Lights}
	if d.Rules != nil {
		s.Rules = &rules.Settings{Framework: d.Rules.Framework}
	}
	for i := range s.Levels {
		s.Levels[i].Source = diag.Source{}
	}
	for i := range s.Funds {
		f := &s.Funds[i]
		f.Source = diag.Source{}
		f.Indicators = bare(f.Indicators)
		f.Targets = slices.Clone(f.Targets)
		for j := range f.Targets {
			f.Targets[j].Source = diag.Source{}
		}
	}
	s.Projects = make([]SectionProject, len(d.Projects))
	for i, p := range d.Projects {
		sp := SectionProject{Code: p.Code, Name: p.Name, Total: p.Total, Executed: p.Executed, ExecutionRate: p.ExecutionRate}
		if p.Results != nil {
			sp.Adjusted, sp.PublishedExecuted = p.Results.Budget.Adjusted, p.Results.Budget.Executed
		}
		s.Projects[i] = sp
	}
	return s
}

// bare copies indicators without where they were written.
func bare(in []model.Indicator) []model.Indicator {
	out := slices.Clone(in)
	for i := range out {
		out[i].Source = diag.Source{}
	}
	return out
}

// writeSection lays out a department's section; base shifts the heading
// levels (1 inside the annual report). form is the department's own
// self-evaluation when it is printed (never in the summary edition), and
// illustrative marks the pages of figures that are 示例数据 from the
// self-evaluation on; it stays set for what follows the section.
func writeSection(l *layout, s *Section, base int, form *present.EvalForm, illustrative bool) {
	if s.Origin != "" {
		l.paragraph("公开来源："+s.Origin, grayNote)
	}
	for _, n := range s.Notes {
		l.note(present.IllustrativeLabel, n)
	}
	l.heading(base+1, "第一部分　部门整体绩效目标", 60)
	l.heading(base+2, "总体绩效目标", 40)
	if strings.TrimSpace(s.Goal.Text) == "" {
		unpublished(l, present.Unpublished{}.OverallGoal())
	}
	narrative(l, s.Goal, base+3)
	l.heading(base+2, "分项绩效目标", 40)
	for i, t := range s.SubTargets {
		l.paragraph(fmt.Sprintf("%d、%s", i+1, t), bodyText)
	}
	if len(s.SubTargets) == 0 {
		unpublished(l, present.Unpublished{}.SubTargets())
	}
	l.heading(base+2, "部门整体绩效指标", 80)
	it := indicatorTable("部门整体绩效指标", s.Indicators, s.Levels, s.Rules)
	it.noCaption = true // the heading above is its caption
	l.table(it)
	if len(s.Indicators) == 0 {
		unpublished(l, present.Unpublished{}.DeptIndicators())
	}
	if form != nil {
		l.illustrative = illustrative
		l.heading(base+2, "部门整体支出绩效自评", 80)
		writeForm(l, form)
		l.illustrative = false
	}
	heading := present.MeasuresHeading(s.MeasuresTitle)
	l.heading(base+2, heading, 40)
	if strings.TrimSpace(s.Measures.Text) == "" {
		unpublished(l, present.Unpublished{}.Measures(heading))
	}
	narrative(l, s.Measures, base+3)
	writeFunds(l, s, base)
	l.heading(base+1, "第三部分　预算项目绩效目标", 60)
	l.illustrative = illustrative
	writeOverview(l, s)
}

// writeFunds lays out part two, the 专项资金绩效目标.
func writeFunds(l *layout, s *Section, base int) {
	l.heading(base+1, "第二部分　专项资金绩效目标", 60)
	if len(s.Funds) == 0 {
		l.table(table{caption: "专项资金绩效目标表", widths: []float64{3, 2, 3, 3}, size: tableSize,
			header: [][]*cell{headerRow("专项资金名称", "金额（万元）", "绩效目标", "绩效指标")},
			rows:   [][]*cell{{{text: "（无）", face: Serif, align: alignCenter, colSpan: 4}, nil, nil, nil}}})
		if s.FundsNote != "" {
			l.paragraph(s.FundsNote, bodyText)
		} else {
			unpublished(l, present.Unpublished{}.SpecialFunds())
		}
	}
	for _, sf := range s.Funds {
		l.heading(base+2, sf.Name, 40)
		l.paragraph(fmt.Sprintf("金额：%s万元", present.Wan(sf.Amount)), textStyle{face: Serif, size: bodySize, leading: bodyLeading, color: black})
		if len(sf.Targets) > 0 {
			l.table(targetsTable(sf.Targets))
		}
		l.table(indicatorTable(sf.Name+" 绩效指标", sf.Indicators, nil, s.Rules))
	}
}

// writeOverview lays out the 预算项目一览 and the counts by grade and by
// monitoring status.
func writeOverview(l *layout, s *Section) {
	overview := table{caption: "预算项目一览", widths: []float64{4, 5, 3, 3, 2.4}, size: tableSize,
		header: [][]*cell{headerRow("项目编码", "项目名称", "全年预算数（万元）", "全年执行数（万元）", "执行率")}}
	for _, p := range s.Projects {
		overview.rows = append(overview.rows, []*cell{txt(p.Code), txt(p.Name), right(wanAdjusted(p.Adjusted, p.Total)),
			right(present.WanOf(p.PublishedExecuted, p.Executed)), right(present.Pct(p.ExecutionRate))})
	}
	overview.rows = append(overview.rows, []*cell{{text: "合计", face: Sans, colSpan: 2, fill: true}, nil, right(present.WanFen(s.Budget)), right(present.WanFen(s.Spent)), right(present.Pct(s.ExecutionRate))})
	l.table(overview)
	if len(s.Projects) == 0 || s.Rules == nil {
		return
	}
	// Two tables, not one with an empty spacer column between them.
	grades := table{caption: "绩效自评等级概览（项目数）", widths: []float64{3, 2}, size: tableSize,
		header: [][]*cell{headerRow("自评等级", "项目数")}}
	for _, g := range s.Grades {
		grades.rows = append(grades.rows, []*cell{txt(g.Name), right(fmt.Sprint(g.Count))})
	}
	lights := table{caption: "执行进度概览（项目数）", widths: []float64{3, 2}, size: tableSize,
		header: [][]*cell{headerRow("执行进度", "项目数")}}
	for _, g := range s.Lights {
		lights.rows = append(lights.rows, []*cell{txt(present.Light(g.Status)), right(fmt.Sprint(g.Count))})
	}
	if len(grades.rows) > 0 {
		l.table(grades)
	}
	if len(lights.rows) > 0 {
		l.table(lights)
	}
}

// sectionPart lays out a department for the summary edition of a combined
// report: its section and where its projects' forms are.
func sectionPart(f *Fonts, s *Section) *YearPart {
	l := newLayout(f)
	l.newPage()
	l.heading(1, s.Name, 60)
	l.whole = s.Illustrative
	// The summary edition has no results: only the spending's notes make
	// its figures illustrative.
	writeSection(l, s, 1, nil, len(s.Notes) > 0)
	l.paragraph(fmt.Sprintf("本合订本只列各部门的项目一览；各项目的绩效目标表、执行情况和图表见该部门的报告 %s。", path.Base(present.DeptReport(s.Year, s.Code))), grayNote)
	return &YearPart{l: l, published: s.Published}
}

package pdf

import (
	"fmt"
	"math/big"
	"slices"

	"disclose/generator/assets"
	"disclose/generator/derive"
	"disclose/generator/diag"
	"disclose/generator/model"
	"disclose/generator/money"
	"disclose/generator/present"
	"disclose/generator/rules"
)

// DefaultMaxRecords is how many spending records a project may have and
// still have them listed in print; past it the report points to the open
// data, which always holds them all. A report lists what a reader checks,
// not a ledger.
const DefaultMaxRecords = 50

// DefaultAnnualProjects is how many projects a year may have for its
// combined report to print every project in full.
const DefaultAnnualProjects = 200

// Output receives the reports, by slash-separated path from the site root.
type Output interface {
	WriteFile(rel string, data []byte) error
}

// Writer writes a site's reports with one set of options; its methods may
// run concurrently.
type Writer struct {
	f     *Fonts
	o     Options
	cache string
}

// NewWriter takes the report options from site.yaml.
func NewWriter(f *Fonts, site *model.Site, cache string) *Writer {
	o := Options{SiteTitle: site.Title, Publisher: site.Publisher, MaxRecords: DefaultMaxRecords, AnnualProjects: DefaultAnnualProjects, Lang: site.Locale}
	if site.PDF.MaxRecords != nil {
		o.MaxRecords = *site.PDF.MaxRecords
	}
	if site.PDF.AnnualProjects != nil {
		o.AnnualProjects = *site.PDF.AnnualProjects
	}
	return &Writer{f: f, o: o, cache: cache}
}

// Department writes d's report into out and returns its path and size.
func (w *Writer) Department(d *derive.Department, out Output) (string, int64, error) {
	return w.write(present.DeptReport(d.Year, d.Code), out, func() ([]byte, error) { return Department(w.f, d, w.o) })
}

// YearPart lays out d for a combined report (summary: as SummaryOnly
// says for the year's project count).
func (w *Writer) YearPart(d *derive.Department, summary bool) *YearPart {
	return yearPart(w.f, d, summary, w.o)
}

// YearFromParts writes the combined report of a year from its departments'
// parts, in the site's order.
func (w *Writer) YearFromParts(year int, parts []*YearPart, out Output) (string, int64, error) {
	return w.write(present.YearReport(year), out, func() ([]byte, error) { return yearFromParts(w.f, year, parts, w.o) })
}

// SummaryOnly says whether a year with this many projects gets a combined
// report that lists each department's projects without their forms: the
// departments given to Year may then be the outlines Section keeps.
func (w *Writer) SummaryOnly(projects int) bool { return projects > w.o.AnnualProjects }

func (w *Writer) write(path string, out Output, render func() ([]byte, error)) (string, int64, error) {
	data, err := render()
	if err == nil {
		err = out.WriteFile(path, data)
	}
	return path, int64(len(data)), err
}

// Finish reports any character the fonts could not draw and ships the
// fonts' licences beside the reports.
func (w *Writer) Finish(out Output) error {
	if m := w.f.drawnMissing(); len(m) > 0 {
		return fmt.Errorf("字体中没有这些字符，PDF 会印成空白：%q", string(m))
	}
	if w.f.files[Serif] == notoSerif || w.f.files[Sans] == notoSans {
		return assets.Copy(w.cache, FontLicences, out.WriteFile)
	}
	return nil
}

// SectionData keeps of a department what its part of a summary-only
// combined report prints (see SummaryOnly): the department's own targets,
// indicators and measures and one line per project, without the
// projects' forms, records, results or the positions of what was written.
// A build cache stores it (as JSON) so that the combined report can be
// made again without loading unchanged departments.
type SectionData struct {
	Department    *model.Department
	Budget, Spent money.Fen
	ExecutionRate *big.Rat
	Through       model.Date
	Grades        []derive.Count
	Lights        []derive.LightCount
	Projects      []SectionProject
}

// SectionProject is a project's line in the combined report.
type SectionProject struct {
	Code, Name string
	Total      money.Amount
	// Adjusted and PublishedExecuted are the 全年预算数 and 全年执行数 the
	// results publish; Executed the 全年执行数 that counts.
	Adjusted, PublishedExecuted *money.Amount `json:",omitempty"`
	Spent, Executed             money.Fen
	ExecutionRate               *big.Rat
}

// Section takes d's SectionData.
func Section(d *derive.Department) *SectionData {
	md := *d.Department
	md.Projects, md.Records = nil, nil
	md.Source, md.Dir = diag.Source{}, ""
	if md.Rules != nil {
		// Only its presence and framework (which groups levels) are printed.
		md.Rules = &rules.Settings{Framework: md.Rules.Framework}
	}
	md.Indicators = bare(md.Indicators)
	md.Levels = slices.Clone(md.Levels)
	for i := range md.Levels {
		md.Levels[i].Source = diag.Source{}
	}
	md.SpecialFunds.Source = diag.Source{}
	md.SpecialFunds.Funds = slices.Clone(md.SpecialFunds.Funds)
	for i := range md.SpecialFunds.Funds {
		f := &md.SpecialFunds.Funds[i]
		f.Source = diag.Source{}
		f.Indicators = bare(f.Indicators)
		f.Targets = slices.Clone(f.Targets)
		for j := range f.Targets {
			f.Targets[j].Source = diag.Source{}
		}
	}
	md.Spending = slices.Clone(md.Spending)
	for i := range md.Spending {
		md.Spending[i].Source = diag.Source{}
	}
	s := &SectionData{Department: &md, Budget: d.Budget, Spent: d.Spent, ExecutionRate: d.ExecutionRate,
		Through: d.Through, Grades: d.Grades, Lights: d.Lights}
	for _, p := range d.Projects {
		sp := SectionProject{Code: p.Code, Name: p.Name, Total: p.Total, Spent: p.Spent, Executed: p.Executed, ExecutionRate: p.ExecutionRate}
		if p.Results != nil {
			sp.Adjusted, sp.PublishedExecuted = p.Results.Budget.Adjusted, p.Results.Budget.Executed
		}
		s.Projects = append(s.Projects, sp)
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

// Derived is the department as Year needs it for the summary.
func (s *SectionData) Derived() *derive.Department {
	d := &derive.Department{Department: s.Department, Budget: s.Budget, Spent: s.Spent, ExecutionRate: s.ExecutionRate,
		Through: s.Through, Grades: s.Grades, Lights: s.Lights}
	for _, p := range s.Projects {
		mp := &model.Project{Code: p.Code, Name: p.Name, Total: p.Total}
		if p.Adjusted != nil || p.PublishedExecuted != nil {
			mp.Results = &model.Results{Budget: model.BudgetFigures{Adjusted: p.Adjusted, Executed: p.PublishedExecuted}}
		}
		d.Projects = append(d.Projects, &derive.Project{Project: mp, Spent: p.Spent, Executed: p.Executed, ExecutionRate: p.ExecutionRate})
	}
	return d
}

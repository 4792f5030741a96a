package pdf

import (
	"fmt"

	"disclose/generator/assets"
	"disclose/generator/derive"
	"disclose/generator/model"
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

// Year writes the combined report of a year's departments into out.
func (w *Writer) Year(year int, depts []*derive.Department, out Output) (string, int64, error) {
	return w.write(present.YearReport(year), out, func() ([]byte, error) { return Year(w.f, year, depts, w.o) })
}

// SummaryOnly says whether a year with this many projects gets a combined
// report that lists each department's projects without their forms: the
// departments given to Year may then be the outlines Section keeps.
func (w *Writer) SummaryOnly(projects int) bool { return projects > w.o.AnnualProjects }

func (w *Writer) write(path string, out Output, make func() ([]byte, error)) (string, int64, error) {
	data, err := make()
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

// Section keeps of a department what its part of a summary-only combined
// report prints (see SummaryOnly): the department's own targets, indicators
// and measures and one line per project, without the projects' forms,
// records or results. A build cache stores it (as JSON) so that the
// combined report can be made again without loading unchanged departments.
func Section(d *derive.Department) *derive.Department {
	md := *d.Department
	md.Projects, md.Records = nil, nil
	if md.Rules != nil {
		md.Rules = &rules.Settings{} // only its presence is printed
	}
	s := &derive.Department{Department: &md, Budget: d.Budget, Spent: d.Spent, ExecutionRate: d.ExecutionRate,
		Through: d.Through, Grades: d.Grades, Lights: d.Lights}
	for _, p := range d.Projects {
		s.Projects = append(s.Projects, &derive.Project{
			Project: &model.Project{Code: p.Code, Name: p.Name, Total: p.Total},
			Spent:   p.Spent, ExecutionRate: p.ExecutionRate,
		})
	}
	return s
}

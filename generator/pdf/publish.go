package pdf

import (
	"fmt"

	"disclose/generator/assets"
	"disclose/generator/derive"
	"disclose/generator/model"
	"disclose/generator/present"
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
	o := Options{SiteTitle: site.Title, Publisher: site.Publisher, MaxRecords: DefaultMaxRecords, AnnualProjects: DefaultAnnualProjects, AnnualVolume: present.AnnualVolume(site), Lang: site.Locale}
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

// FullPart lays out d in full for a combined report.
func (w *Writer) FullPart(d *derive.Department) *YearPart { return fullPart(w.f, d, w.o) }

// SectionPart lays out a department's section for the summary edition of
// a combined report (see SummaryOnly).
func (w *Writer) SectionPart(s *Section) *YearPart { return sectionPart(w.f, s) }

// Volumes splits a year's departments into the volumes of its combined
// report.
func (w *Writer) Volumes(departments int) []present.Volume {
	return present.Volumes(departments, w.o.AnnualVolume)
}

// VolumeFromParts writes one volume of a year's combined report from its
// departments' parts, in the site's order.
func (w *Writer) VolumeFromParts(year int, v present.Volume, parts []*YearPart, out Output) (string, int64, error) {
	return w.write(v.Report(year), out, func() ([]byte, error) { return yearFromParts(w.f, year, v, parts, w.o) })
}

// SummaryOnly says whether a year with this many projects gets a combined
// report that lists each department's projects without their forms: its
// parts are then made from Sections (SectionPart), else from the whole
// departments (FullPart).
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

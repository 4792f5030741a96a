package pdf

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"sync"

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

// WriteAll writes every department's report and every year's combined
// report under out, on all cores, with the fonts' licences, and returns the
// size of each report by its path (for the web pages' links).
func WriteAll(f *Fonts, site *model.Site, depts []*derive.Department, out, cache string) (map[string]int64, error) {
	o := Options{SiteTitle: site.Title, Publisher: site.Publisher, MaxRecords: DefaultMaxRecords, AnnualProjects: DefaultAnnualProjects, Lang: site.Locale}
	if site.PDF.MaxRecords != nil {
		o.MaxRecords = *site.PDF.MaxRecords
	}
	if site.PDF.AnnualProjects != nil {
		o.AnnualProjects = *site.PDF.AnnualProjects
	}
	type job struct {
		path string
		make func() ([]byte, error)
	}
	var jobs []job
	years := map[int][]*derive.Department{}
	var order []int
	for _, d := range depts {
		jobs = append(jobs, job{present.DeptReport(d.Year, d.Code), func() ([]byte, error) { return Department(f, d, o) }})
		if years[d.Year] == nil {
			order = append(order, d.Year)
		}
		years[d.Year] = append(years[d.Year], d)
	}
	for _, y := range order {
		jobs = append(jobs, job{present.YearReport(y), func() ([]byte, error) { return Year(f, y, years[y], o) }})
	}
	sizes := make(map[string]int64, len(jobs))
	var mu sync.Mutex
	var firstErr error
	next := make(chan job)
	var wg sync.WaitGroup
	for range max(1, min(len(jobs), cpus())) {
		wg.Go(func() {
			for j := range next {
				data, err := j.make()
				if err == nil {
					p := filepath.Join(out, filepath.FromSlash(j.path))
					if err = os.MkdirAll(filepath.Dir(p), 0o755); err == nil {
						err = os.WriteFile(p, data, 0o644)
					}
				}
				mu.Lock()
				if err != nil {
					firstErr = cmp.Or(firstErr, err)
				}
				sizes[j.path] = int64(len(data))
				mu.Unlock()
			}
		})
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	if m := f.drawnMissing(); len(m) > 0 {
		return nil, fmt.Errorf("字体中没有这些字符，PDF 会印成空白：%q", string(m))
	}
	if f.files[Serif] == notoSerif || f.files[Sans] == notoSans {
		if err := assets.Copy(cache, out, FontLicences); err != nil {
			return nil, err
		}
	}
	return sizes, nil
}

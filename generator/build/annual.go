package build

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"disclose/generator/buildcache"
	"disclose/generator/derive"
	"disclose/generator/diag"
	"disclose/generator/load"
	"disclose/generator/pdf"
	"disclose/generator/present"
	"disclose/generator/publish"
	"disclose/generator/workers"
)

// annual makes each year's combined report, in volumes of at most
// pdf.annual_volume departments (present.Volumes), and keeps each volume
// none of whose departments changed: a rebuild writes one volume again,
// whatever the size of the province. A year with more projects than the
// combined report prints in full is made from the departments' sections
// (pdf.Section: those of unchanged departments from the state, laid out
// while the changed ones are rendered). A smaller year is printed from the
// derived departments: a changed one is kept from the pipeline while its
// year may still print in full, an unchanged one (not loaded by this
// build) is loaded here. Departments are grouped by their year folder and
// taken in folder order, which is the site's order whenever the content is
// valid (check stops the build otherwise).
type annual struct {
	pw      *pdf.Writer
	stage   *publish.Staging
	state   *buildcache.State // the last build's
	next    *buildcache.State // this build's, the reports' parts added
	reports map[string]int64  // each report written or kept, with its size
	parts   *partCache
	years   []*annualYear
	yearOf  map[*deptResult]*annualYear
	mu      sync.Mutex // reports and next, while volumes are made
}

type annualYear struct {
	year    int
	depts   []*deptResult
	volumes []*annualVolume
	kept    bool            // every volume
	parts   []*pdf.YearPart // laid out early (or read), for unchanged departments of volumes made
	saved   []bool          // parts read from the cache, not to be saved again

	// projects counts the year's projects known so far: the unchanged
	// departments', then each changed one's as it is derived; held are the
	// derived departments kept while the count is within the limit.
	mu       sync.Mutex
	projects int
	held     []*deptResult
}

// annualVolume is one volume of a year's combined report, a part of the
// state of its own ("year:2021", or "year:2021#3" when the year has
// more than one).
type annualVolume struct {
	present.Volume
	key  string
	fp   string
	kept bool
}

// plan runs once every department is fingerprinted: it keeps the reports
// that did not change and prepares the laying out of the rest.
func (a *annual) plan(results []*deptResult) {
	sorted := slices.Clone(results)
	slices.SortStableFunc(sorted, func(x, y *deptResult) int { return strings.Compare(x.dir.Path, y.dir.Path) })
	byYear := map[string]*annualYear{}
	a.yearOf = map[*deptResult]*annualYear{}
	for _, dr := range sorted {
		y := byYear[dr.dir.Year]
		if y == nil {
			n, _ := strconv.Atoi(dr.dir.Year)
			y = &annualYear{year: n}
			byYear[dr.dir.Year] = y
			a.years = append(a.years, y)
		}
		y.depts = append(y.depts, dr)
		a.yearOf[dr] = y
	}
	for _, y := range a.years {
		for _, v := range a.pw.Volumes(len(y.depts)) {
			key := fmt.Sprintf("year:%d", y.year)
			if v.Of > 1 {
				key += fmt.Sprintf("#%d", v.Number)
			}
			y.volumes = append(y.volumes, &annualVolume{Volume: v, key: key})
		}
		a.planYear(y)
	}
}

// fingerprint is the volume's: the global fingerprint, its place among
// the year's volumes and its departments'.
func (v *annualVolume) fingerprint(global string, depts []*deptResult) string {
	h := buildcache.NewHasher()
	h.String("global", global)
	h.String("volume", fmt.Sprintf("%d/%d", v.Number, v.Of))
	for _, dr := range depts[v.From:v.To] {
		if dr.fp == "" {
			return "" // a full build: made at the end, fingerprinted then
		}
		h.String(dr.key, dr.fp)
	}
	return h.Sum()
}

func (a *annual) planYear(y *annualYear) {
	cachedProjects := 0
	for _, dr := range y.depts {
		if dr.cached != nil {
			cachedProjects += len(dr.sum.Codes.Projects)
		}
	}
	y.projects = cachedProjects
	y.kept = true
	for _, v := range y.volumes {
		if v.fp = v.fingerprint(a.next.Global, y.depts); v.fp == "" {
			y.kept = false
			continue
		}
		if part, ok := a.state.Lookup(a.stage.BuildID, a.next.Global, v.key, v.fp); ok && len(part.Outputs) == 1 {
			var size int64
			if json.Unmarshal(part.Data, &size) == nil && keepAll(a.stage, part.Outputs) {
				a.reports[part.Outputs[0]], a.next.Parts[v.key], v.kept = size, part, true
				continue
			}
		}
		y.kept = false
	}
	if y.kept || !a.pw.SummaryOnly(cachedProjects) {
		return // may be printed in full: laid out at the end
	}
	y.parts = make([]*pdf.YearPart, len(y.depts))
	y.saved = make([]bool, len(y.depts))
}

// layOutUnchanged lays out the parts of the unchanged departments of the
// volumes to be made, while the changed departments are rendered.
func (a *annual) layOutUnchanged() {
	for _, y := range a.years {
		if y.parts == nil {
			continue
		}
		for _, v := range y.volumes {
			if !v.kept {
				a.layOutVolume(y, v)
			}
		}
	}
}

func (a *annual) layOutVolume(y *annualYear, v *annualVolume) {
	for i := v.From; i < v.To; i++ {
		if dr := y.depts[i]; dr.cached != nil && dr.sum.Section != nil {
			if y.parts[i] = a.parts.load(dr, partSection); y.parts[i] != nil {
				y.saved[i] = true
			} else if s := dr.sum.Section.get(); s != nil {
				y.parts[i] = a.pw.SectionPart(s)
			}
		}
	}
}

// derived keeps a changed department, derived, for its year's combined
// report while the year may print it in full (its projects known so far
// within the limit), so that the report need not load it again. Past the
// limit the year prints sections and lets go of those kept. It runs on the
// pipeline's workers, before the department's section is known.
func (a *annual) derived(dr *deptResult, dd *derive.Department) {
	y := a.yearOf[dr]
	if y == nil || y.kept || y.parts != nil {
		return // kept, or known to print sections only
	}
	y.mu.Lock()
	defer y.mu.Unlock()
	y.projects += len(dr.sum.Codes.Projects)
	if a.pw.SummaryOnly(y.projects) {
		for _, h := range y.held {
			h.derived = nil
		}
		y.held = nil
		return
	}
	dr.derived = dd
	y.held = append(y.held, dr)
}

// finish runs once every department's section is known.
func (a *annual) finish() error {
	for _, y := range a.years {
		for _, dr := range y.depts {
			if dr.sum == nil || dr.failed {
				return nil // the build stops with the department's errors
			}
		}
	}
	// Volumes are made on all cores: a full build's last minute at 10×.
	type todo struct {
		y *annualYear
		v *annualVolume
	}
	var todos []todo
	for _, y := range a.years {
		for _, v := range y.volumes {
			if !v.kept {
				todos = append(todos, todo{y, v})
			}
		}
	}
	errs := make([]error, len(todos))
	workers.Each(len(todos), func(i int) { errs[i] = a.makeVolume(todos[i].y, todos[i].v) })
	if err := errors.Join(errs...); err != nil {
		return err
	}
	a.parts.prune(a.years, a.kindOf)
	return nil
}

// kindOf says how a year's combined report prints its departments.
func (a *annual) kindOf(y *annualYear) string {
	projects := 0
	for _, dr := range y.depts {
		projects += len(dr.sum.Codes.Projects)
	}
	if a.pw.SummaryOnly(projects) {
		return partSection
	}
	return partFull
}

// makeVolume writes one volume of a year's combined report.
func (a *annual) makeVolume(y *annualYear, v *annualVolume) error {
	if v.fp == "" { // a full build: the departments' fingerprints are known now
		v.fp = v.fingerprint(a.next.Global, y.depts)
	}
	kind := a.kindOf(y)
	depts := y.depts[v.From:v.To]
	parts := make([]*pdf.YearPart, len(depts))
	saved := make([]bool, len(depts))
	dl := &diag.List{}
	for i, dr := range depts {
		switch {
		case y.parts != nil && y.parts[v.From+i] != nil:
			parts[i], saved[i] = y.parts[v.From+i], y.saved[v.From+i]
		case kind == partSection:
			if parts[i] = a.parts.load(dr, kind); parts[i] != nil {
				saved[i] = true
			} else {
				s := dr.sum.Section.get()
				if s == nil {
					return fmt.Errorf("%d 年合订本：%s 的部分不在增量构建记录中，请完整构建（--clean）", y.year, dr.key)
				}
				parts[i] = a.pw.SectionPart(s)
			}
		default:
			dd := dr.derived
			dr.derived = nil
			if parts[i] = a.parts.load(dr, kind); parts[i] != nil {
				saved[i] = true
				continue
			}
			if dd == nil {
				// Unchanged: this build has not loaded it. (Nor one
				// rendered again for a missing file: its turn may not
				// be over.)
				dd = derive.Dept(load.Department(dr.dir, dl))
				if dr.prev != nil { // its comparison with last year, as its pages have it
					derive.CompareYears(dd, dr.prev.past.wait())
					if dr.prev.past.failed() {
						return errStateDamaged
					}
				}
			}
			parts[i] = a.pw.FullPart(dd)
		}
	}
	if dl.HasErrors() {
		return fmt.Errorf("%d 年合订本：部门内容在构建中被修改，请重新构建", y.year)
	}
	path, size, err := a.pw.VolumeFromParts(y.year, v.Volume, parts, a.stage)
	if err != nil {
		return err
	}
	a.mu.Lock()
	a.reports[path] = size
	a.mu.Unlock()
	for i, p := range parts {
		if !saved[i] {
			a.parts.save(depts[i], kind, p)
		}
	}
	data, _ := json.Marshal(size)
	a.mu.Lock()
	a.next.Parts[v.key] = &buildcache.Part{Fingerprint: v.fp, Outputs: []string{path}, Data: data}
	a.mu.Unlock()
	return nil
}

package build

import (
	"errors"
	"slices"
	"sync"

	"disclose/generator/buildcache"
	"disclose/generator/check"
	"disclose/generator/derive"
	"disclose/generator/diag"
	"disclose/generator/fileio"
	"disclose/generator/gitrev"
	"disclose/generator/load"
	"disclose/generator/model"
	"disclose/generator/pdf"
	"disclose/generator/publish"
	"disclose/generator/web"
)

// The build runs department by department: each is loaded, checked,
// derived, rendered and dropped before the next is taken, on as many
// workers as there are cores, so memory is bounded by the largest
// departments rather than the whole site. A department whose inputs have
// the fingerprint the last build recorded is not loaded at all: its files
// are hard-linked from the current output and its summary (index row,
// sitemap entries, open-data resources, combined-report section, codes for
// the checks across departments, warnings) is taken from the build cache.
// Site-wide pages are rendered last, from the summaries.

// deptSummary is what a build keeps of a department between builds.
type deptSummary struct {
	Web   *web.DeptSummary
	Codes check.CodeList
	// Places are its codes with where they were written, read only when
	// some code is used twice (state part "codes:").
	Places  *lazyJSON[check.Codes] `json:"-"`
	Section *lazyJSON[pdf.Section] `json:"-"` // for a summary-only combined report (state part "section:")
	// Detail is what its segment's site-wide files need (state part "detail:").
	Detail *lazyJSON[web.DeptDetail] `json:"-"`
	Report int64                     // the department's PDF size; -1 without PDFs
	Diags  []diag.Diagnostic         // its warnings
	// Past is what its next year compares with; nil when it failed.
	Past *lazyJSON[derive.PastYear] `json:"-"` // (state part "past:")
}

// deptResult is one department after its turn in the pipeline.
type deptResult struct {
	dir    load.DeptDir
	key    string      // year/folder, the cache key
	own    string      // the fingerprint of its own inputs
	fp     string      // own, with its earlier years' (chain)
	prev   *deptResult // its previous year's, nil when none
	next   bool        // a later year of it is built too, and needs its PastYear
	past   *pastSlot   // its PastYear, for its next year
	sum    *deptSummary
	cached *buildcache.Part // the cache's record, when the inputs are unchanged
	broken bool             // fingerprinting failed
	inputs []buildcache.Stamp
	tree   buildcache.TreeStamp
	dirs   []fileio.Listing // its folders' listings
	// prior is the last build's part when its stamps stand unchanged
	// (inputs is then nil: see inputStamps).
	prior    *buildcache.Part
	commits  []gitrev.Commit // those that touched the folder, in Git
	outputs  []string
	rendered bool
	failed   bool // content errors: nothing of it is published
	// derived is the department kept for its year's combined report
	// (annual.derived), until the report is laid out.
	derived *derive.Department
}

// inputStamps are the department's input stamps.
func (dr *deptResult) inputStamps() []buildcache.Stamp {
	if dr.prior != nil {
		return dr.prior.Stamps()
	}
	return dr.inputs
}

// sameInputs says whether the department's input stamps are part's.
func (dr *deptResult) sameInputs(part *buildcache.Part) bool {
	return dr.prior == part || slices.Equal(part.Stamps(), dr.inputStamps())
}

// pipeline is what every department's turn shares: the site's settings,
// the renderers, the output being staged and the last build's state.
type pipeline struct {
	site   *model.Site
	others check.Others
	global string            // the global fingerprint
	state  *buildcache.State // the last build's, nil for a clean build
	stage  *publish.Staging
	web    *web.Renderer
	pdf    *pdf.Writer // nil without PDFs
	fonts  *pdf.Fonts  // nil without PDFs
	annual *annual     // nil without PDFs
	hist   *historySource
	// tools waits for the templates (and fonts) being parsed meanwhile: a
	// department is loaded, checked and derived before it needs them.
	tools func() error
}

// recorder is an Output that remembers the paths written through it.
type recorder struct {
	out   *publish.Staging
	mu    sync.Mutex
	paths []string
}

func (r *recorder) WriteFile(rel string, data []byte) error {
	r.mu.Lock()
	r.paths = append(r.paths, rel)
	r.mu.Unlock()
	return r.out.WriteFile(rel, data)
}

// run takes one department through the pipeline, or links its files from
// the current output when the cache has it. ready is called once, as soon
// as the department's section is known, unless the cache had it (its
// section was known from the start).
//
// When the department was not fingerprinted beforehand (a full build), it
// is fingerprinted from the bytes load read.
func (p *pipeline) run(dr *deptResult, ready func()) error {
	if dr.cached != nil {
		if keepAll(p.stage, dr.cached.Outputs) {
			dr.outputs = dr.cached.Outputs
			return nil
		}
		// A file of the department is missing from the output: render it
		// again (its section, from the same inputs, is the one known).
		ready = func() {}
	}
	signalled := false
	signal := func() {
		if !signalled {
			signalled = true
			ready()
		}
	}
	defer signal()

	dr.rendered = true
	dl := &diag.List{}
	files := newReadOnce(dr.dir.Files)
	d := load.DepartmentFrom(dr.dir, dl, files.read)
	if dr.own == "" {
		if err := p.fingerprint(dr, files.kept); err != nil {
			return err
		}
	}
	check.DepartmentAmong(p.site, d, dl, p.others)
	var past *derive.PastYear
	if dr.prev != nil {
		past = dr.prev.past.wait()
		if dr.prev.past.failed() {
			return errStateDamaged
		}
		check.AcrossYears(p.site, d, lastYear(past), dl)
	}
	if p.fonts != nil && !dl.HasErrors() {
		pdf.CheckGlyphs(p.fonts, d, dl)
	}
	codes := check.CodesOf(d)
	sum := &deptSummary{Codes: codes.List(), Places: lazyOf(&codes), Diags: dl.Sorted(), Report: -1}
	if dl.HasErrors() {
		dr.failed = true
		sum.Web = &web.DeptSummary{Year: d.Year, Code: d.Code}
		if dr.cached == nil {
			dr.sum = sum
		}
		return nil
	}
	dd := derive.Dept(d)
	derive.CompareYears(dd, past)
	var py *derive.PastYear
	if dr.next { // kept only for a next year: a province of one year holds none
		py = derive.Past(dd, past)
		sum.Past = lazyOf(py)
	}
	dr.past.set(py)
	if p.pdf != nil {
		sum.Section = lazyOf(pdf.SectionOf(dd))
	}
	if dr.cached == nil {
		dr.sum = sum
		if p.annual != nil {
			p.annual.derived(dr, dd)
		}
	}
	signal()
	if err := p.tools(); err != nil {
		return err
	}
	if err := p.render(dr, dd, sum); err != nil {
		return err
	}
	// (Not the PastYear or the section: the next year and the annual
	// report read them meanwhile.)
	return errors.Join(sum.Detail.encodeNow(), sum.Places.encodeNow())
}

// render writes a derived department's PDF and pages.
func (p *pipeline) render(dr *deptResult, dd *derive.Department, sum *deptSummary) error {
	var history []web.Revision
	if p.hist != nil {
		var err error
		if history, err = p.hist.dept(dd.Department, dr.commits); err != nil {
			return err
		}
	}
	out := &recorder{out: p.stage}
	reports := map[string]int64{}
	if p.pdf != nil {
		path, size, err := p.pdf.Department(dd, out)
		if err != nil {
			return err
		}
		reports[path], sum.Report = size, size
	}
	ws, err := p.web.Department(dd, out, history, reports)
	if err != nil {
		return err
	}
	sum.Web, sum.Detail = ws, lazyOf(ws.Detail) // (dr.sum is sum, or the cache's equal summary)
	ws.Detail = nil                             // (the summary is small; its detail travels apart)
	dr.outputs = out.paths
	slices.Sort(dr.outputs)
	return nil
}

// keepAll links a department's files from the current output; if any is
// missing, those linked are removed and the department is rendered afresh.
func keepAll(stage *publish.Staging, outputs []string) bool {
	if stage.KeepAll(outputs) {
		return true
	}
	for i, rel := range outputs {
		if stage.Keep(rel) != nil {
			for _, done := range outputs[:i] {
				stage.Remove(done)
			}
			return false
		}
	}
	return true
}

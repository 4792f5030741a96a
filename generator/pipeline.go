package main

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"disclose/generator/buildcache"
	"disclose/generator/check"
	"disclose/generator/derive"
	"disclose/generator/diag"
	"disclose/generator/fileio"
	"disclose/generator/gitrev"
	"disclose/generator/load"
	"disclose/generator/model"
	"disclose/generator/pdf"
	"disclose/generator/present"
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
	Web     *web.DeptSummary
	Codes   check.Codes
	Section *pdf.SectionData  `json:",omitempty"` // for a summary-only combined report
	Report  int64             // the department's PDF size; -1 without PDFs
	Diags   []diag.Diagnostic // its warnings
}

// deptResult is one department after its turn in the pipeline.
type deptResult struct {
	dir      load.DeptDir
	key      string // year/folder, the cache key
	fp       string
	sum      *deptSummary
	cached   *buildcache.Part // the cache's record, when the inputs are unchanged
	broken   bool             // fingerprinting failed
	inputs   map[string]buildcache.Stamp
	commits  []gitrev.Commit // those that touched the folder, in Git
	outputs  []string
	rendered bool
	failed   bool // content errors: nothing of it is published
}

// buildResult counts what a build did.
type buildResult struct {
	pages, depts, rendered int
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

// build runs every stage and swaps the result into b.out; on any error the
// output folder is left exactly as it was. The caller holds the output's
// lock (see buildFlags.lockOutput) until build returns: the tidying after
// a killed build, the staging, the swap and the state all need it.
func build(lock *publish.OutputLock, b buildFlags, o web.Options, report io.Writer) (buildResult, error) {
	var res buildResult
	if err := checkOutput(b.content, b.out); err != nil {
		return res, err
	}
	lap := stopwatch(report)
	site, dirs, diags := load.Settings(b.content)
	check.Settings(site, diags)
	if diags.HasErrors() {
		_ = diags.WriteText(report)
		return res, errContent
	}
	// The fonts and templates are parsed while the departments are
	// fingerprinted, which needs neither.
	var fonts *pdf.Fonts
	var pw *pdf.Writer
	var r *web.Renderer
	var toolsErr error
	var tools sync.WaitGroup
	fontKey := fontFiles(site.Dir, site.PDF.Serif, site.PDF.Sans, site.PDF.Fallback)
	tools.Go(func() {
		if b.pdf {
			if fonts, toolsErr = loadFonts(fontKey, b.cache); toolsErr != nil {
				return
			}
			pw = pdf.NewWriter(fonts, site, b.cache)
		}
		r, toolsErr = web.New(site, o)
	})
	lap("settings")
	repo, inGit := gitrev.Find(b.content)
	repoRel := ""
	var err error
	if inGit {
		if repoRel, err = repo.Rel(b.content); err != nil {
			inGit = false
		}
	}
	var hist *historySource
	if inGit && site.History.Shown() {
		hist = &historySource{repo: repo, rel: repoRel, since: site.History.Since}
	}
	global, err := globalFingerprint(b, o, site, fontKey, inGit)
	if err != nil {
		tools.Wait()
		return res, err
	}
	statePath := buildcache.Path(b.cache, b.content, b.out)
	state := buildcache.Load(statePath)
	if b.clean {
		state = nil
	}
	stage, err := lock.Begin()
	if err != nil {
		tools.Wait()
		return res, err
	}
	fail := func(err error) (buildResult, error) {
		stage.Abort()
		return res, err
	}

	// Each department, on all cores. The combined annual reports need only
	// each department's fingerprint and section, known long before its
	// pages are written: they are made meanwhile, on their own goroutine.
	results := make([]*deptResult, len(dirs))
	var firstErr error
	var errMu sync.Mutex
	setErr := func(err error) {
		errMu.Lock()
		firstErr = cmp.Or(firstErr, err)
		errMu.Unlock()
	}
	var sectionsKnown, annual sync.WaitGroup
	sectionsKnown.Add(len(dirs))
	nextState := &buildcache.State{Global: global, Parts: map[string]*buildcache.Part{}}
	reports := map[string]int64{}
	for i, dir := range dirs {
		rel, _ := filepath.Rel(b.content, dir.Path)
		results[i] = &deptResult{dir: dir, key: filepath.ToSlash(rel)}
	}
	// First every department's fingerprint and cache lookup (quick: only
	// changed files are read), so that the annual reports can start as
	// soon as the departments that changed are derived. Without a state
	// that describes the current output nothing can be kept: each
	// department is then fingerprinted as it is loaded, from the bytes load
	// reads (a full build reads every file once).
	if state.Usable(stage.BuildID, global) {
		inParallel(len(dirs), func(i int) {
			// (A changed file is read here and again by load: keeping the
			// bytes until the department's turn would hold every changed
			// file of the site at once.)
			dr := results[i]
			if err := fingerprintDept(dr, b, global, state, stage, hist, nil); err != nil {
				dr.broken = true
				setErr(err)
			}
			if dr.cached != nil || dr.broken {
				sectionsKnown.Done()
			}
		})
	}
	lap("fingerprints")
	tools.Wait()
	if toolsErr != nil {
		return fail(toolsErr)
	}
	if b.pdf {
		plan := planAnnual(results, state, stage, pw, nextState, reports)
		annual.Go(func() {
			plan.layOutUnchanged()
			sectionsKnown.Wait()
			if err := plan.finish(); err != nil {
				setErr(err)
			}
		})
	}
	// The departments to render first, then those kept.
	var order []int
	for i, dr := range results {
		if dr.cached == nil {
			order = append(order, i)
		}
	}
	dirty := len(order)
	for i, dr := range results {
		if dr.cached != nil {
			order = append(order, i)
		}
	}
	// An incremental build with a few departments to render spends most of
	// its time on the annual report, one long task: it gets a core of its
	// own, and the departments (rendering and linking) share the rest.
	workers := runtime.GOMAXPROCS(0)
	if b.pdf && workers > 1 && dirty < workers {
		workers--
	}
	others := otherDepartments(dirs)
	inParallelOn(workers, len(order), func(k int) {
		dr := results[order[k]]
		if dr.broken {
			return // fingerprinting failed: the build stops
		}
		fp := func(read func(string) ([]byte, fs.FileInfo, error)) error {
			return fingerprintDept(dr, b, global, state, stage, hist, read)
		}
		if err := buildDept(dr, site, others, fp, stage, r, pw, fonts, hist, sectionsKnown.Done); err != nil {
			setErr(err)
		}
	})
	lap("departments")
	annual.Wait()
	lap("annual reports")
	if firstErr != nil {
		return fail(firstErr)
	}

	// The site's order: year, then folder (as load.Site sorts).
	slices.SortStableFunc(results, func(a, b *deptResult) int {
		if a.sum.Codes.Year != b.sum.Codes.Year {
			return a.sum.Codes.Year - b.sum.Codes.Year
		}
		return strings.Compare(a.dir.Path, b.dir.Path)
	})
	codes := make([]check.Codes, 0, len(results))
	for _, dr := range results {
		codes = append(codes, dr.sum.Codes)
		for _, d := range dr.sum.Diags {
			diags.Add(d)
		}
	}
	check.Duplicates(codes, diags)
	if e, w := diags.Count(); e+w > 0 {
		_ = diags.WriteText(report)
	}
	if diags.HasErrors() {
		return fail(errContent)
	}

	id := buildcache.NewHasher()
	id.String("global", global)
	var sums []*web.DeptSummary
	for _, dr := range results {
		var data []byte
		if dr.cached != nil && !dr.rendered {
			data = dr.cached.Data // unchanged: not encoded again
		} else if data, err = json.Marshal(dr.sum); err != nil {
			return fail(err)
		}
		nextState.Parts["dept:"+dr.key] = &buildcache.Part{Fingerprint: dr.fp, Outputs: dr.outputs, Data: data, Inputs: dr.inputs}
		id.String(dr.key, dr.fp)
		sums = append(sums, dr.sum.Web)
		if dr.sum.Report >= 0 {
			w := dr.sum.Web
			reports[present.DeptReport(w.Year, w.Code)] = dr.sum.Report
		}
		res.depts++
		res.pages += 1 + dr.sum.Web.Projects
		if dr.rendered {
			res.rendered++
		}
	}
	res.pages += 2 // index and 404

	if b.pdf {
		if err := pw.Finish(stage); err != nil {
			return fail(err)
		}
	}
	if err := r.Site(sums, stage, reports); err != nil {
		return fail(err)
	}
	lap("site pages")
	buildID := id.Sum()
	if err := stage.Commit(buildID); err != nil {
		return res, err
	}
	lap("publish")
	// The state is saved only once the output it describes is in place; a
	// kill before this leaves a state whose BuildID the output no longer
	// has, which the next build ignores.
	nextState.BuildID = buildID
	if err := nextState.Save(statePath); err != nil {
		fmt.Fprintf(report, "disclose build: 未能保存增量构建记录（下次将完整构建）：%v\n", err)
	}
	buildcache.Prune(b.cache, 30*24*time.Hour)
	lap("state")
	return res, nil
}

// stopwatch returns a function that, when DISCLOSE_TIMING is set, prints
// the time since its last call with a stage's name.
func stopwatch(w io.Writer) func(stage string) {
	if os.Getenv("DISCLOSE_TIMING") == "" {
		return func(string) {}
	}
	last := time.Now()
	return func(stage string) {
		now := time.Now()
		fmt.Fprintf(w, "timing %-16s %6.3f s\n", stage, now.Sub(last).Seconds())
		last = now
	}
}

// fingerprintDept hashes a department's inputs and looks it up in the
// cache (dr.cached is set on a hit).
func fingerprintDept(dr *deptResult, b buildFlags, global string, state *buildcache.State, stage *publish.Staging,
	hist *historySource, read func(string) ([]byte, fs.FileInfo, error)) error {
	dir := dr.dir
	h := buildcache.NewHasher()
	h.Read = read
	h.Files = dir.Files
	h.String("global", global)
	if dir.RulesFile != "" {
		if err := h.File("rules", dir.RulesFile); err != nil {
			return err
		}
	}
	if state != nil {
		if old, ok := state.Parts["dept:"+dr.key]; ok {
			h.Known, h.Since = old.Inputs, state.Saved
		}
	}
	if err := h.Tree(dir.Path); err != nil {
		return err
	}
	dr.inputs = h.Seen
	if hist != nil {
		var err error
		if dr.commits, err = hist.log(dr.key); err != nil {
			return err
		}
		for _, c := range dr.commits {
			h.String("commit", c.Hash)
		}
	}
	fp := h.Sum()
	if part, ok := state.Lookup(stage.BuildID, global, "dept:"+dr.key, fp); ok {
		var sum deptSummary
		if json.Unmarshal(part.Data, &sum) == nil && sum.Web != nil {
			dr.cached, dr.sum = part, &sum
		}
	}
	dr.fp = fp
	return nil
}

// buildDept takes one department through the pipeline, or links its
// files from the current output when the cache has it. ready is called
// once, as soon as the department's section is known, unless the cache
// had it (its section was known from the start).
//
// When the department was not fingerprinted beforehand (a full build),
// fingerprint is called with the reader load read its files through.
func buildDept(dr *deptResult, site *model.Site, others check.Others, fingerprint func(func(string) ([]byte, fs.FileInfo, error)) error, stage *publish.Staging,
	r *web.Renderer, pw *pdf.Writer, fonts *pdf.Fonts, hist *historySource, ready func()) error {
	if dr.cached != nil {
		if keepAll(stage, dr.cached.Outputs) {
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
	if dr.fp == "" {
		if err := fingerprint(files.kept); err != nil {
			return err
		}
	}
	check.DepartmentAmong(site, d, dl, others)
	if fonts != nil && !dl.HasErrors() {
		pdf.CheckGlyphs(fonts, d, dl)
	}
	sum := &deptSummary{Codes: check.CodesOf(d), Diags: dl.Sorted(), Report: -1}
	if dl.HasErrors() {
		dr.failed = true
		sum.Web = &web.DeptSummary{Year: d.Year, Code: d.Code}
		if dr.cached == nil {
			dr.sum = sum
		}
		return nil
	}
	dd := derive.Dept(d)
	if pw != nil {
		sum.Section = pdf.Section(dd)
	}
	if dr.cached == nil {
		dr.sum = sum
	}
	signal()
	var history []web.Revision
	if hist != nil {
		var err error
		if history, err = hist.dept(d, dr.commits); err != nil {
			return err
		}
	}
	out := &recorder{out: stage}
	reports := map[string]int64{}
	if pw != nil {
		path, size, err := pw.Department(dd, out)
		if err != nil {
			return err
		}
		reports[path], sum.Report = size, size
	}
	ws, err := r.Department(dd, out, history, reports)
	if err != nil {
		return err
	}
	sum.Web = ws // (dr.sum is sum, or the cache's equal summary)
	dr.outputs = out.paths
	slices.Sort(dr.outputs)
	return nil
}

// readOnce reads a department's files once, for load and for the
// fingerprint alike, keeping each file's bytes with what stat said just
// before they were read: what is hashed is what was loaded.
type readOnce struct {
	guard *fileio.Guard
	mu    sync.Mutex
	files map[string]readFile
}

type readFile struct {
	data []byte
	st   fs.FileInfo
}

func newReadOnce(g *fileio.Guard) *readOnce { return &readOnce{guard: g, files: map[string]readFile{}} }

// get returns the file's bytes, read once: stat, then read, so that a
// change made meanwhile shows at the next build.
func (r *readOnce) get(path string) (readFile, error) {
	path = filepath.Clean(path)
	r.mu.Lock()
	f, ok := r.files[path]
	r.mu.Unlock()
	if ok {
		return f, nil
	}
	var err error
	if f.data, f.st, err = r.guard.ReadFile(path); err != nil {
		return readFile{}, err
	}
	r.mu.Lock()
	r.files[path] = f
	r.mu.Unlock()
	return f, nil
}

// read serves load.
func (r *readOnce) read(path string) ([]byte, error) {
	f, err := r.get(path)
	return f.data, err
}

// kept serves the fingerprint (buildcache.Hasher.Read).
func (r *readOnce) kept(path string) ([]byte, fs.FileInfo, error) {
	f, err := r.get(path)
	return f.data, f.st, err
}

// inParallel runs f(0..n-1) on all cores.
func inParallel(n int, f func(i int)) { inParallelOn(runtime.GOMAXPROCS(0), n, f) }

// inParallelOn runs f(0..n-1) on the given number of workers.
func inParallelOn(workers, n int, f func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(n, workers)) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// keepAll links a department's files from the current output; if any is
// missing, those linked are removed and the department is rendered afresh.
func keepAll(stage *publish.Staging, outputs []string) bool {
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

// annual makes each year's combined report, or keeps it when no
// department of the year changed. A year with more projects than the
// combined report prints in full is made from the sections the cache
// keeps, and the sections of unchanged departments are laid out while the
// changed ones are rendered; a smaller year from its departments, loaded
// again. Departments are grouped by their year folder and taken in folder
// order, which is the site's order whenever the content is valid (check
// stops the build otherwise).
type annual struct {
	pw      *pdf.Writer
	stage   *publish.Staging
	state   *buildcache.State
	next    *buildcache.State
	reports map[string]int64
	years   []*annualYear
}

type annualYear struct {
	year  int
	key   string
	fp    string
	depts []*deptResult
	kept  bool
	parts []*pdf.YearPart // laid out early, for unchanged departments
}

// planAnnual runs once every department is fingerprinted: it keeps the
// reports that did not change and starts laying out the rest.
func planAnnual(results []*deptResult, state *buildcache.State, stage *publish.Staging, pw *pdf.Writer,
	next *buildcache.State, reports map[string]int64) *annual {
	a := &annual{pw: pw, stage: stage, state: state, next: next, reports: reports}
	sorted := slices.Clone(results)
	slices.SortStableFunc(sorted, func(x, y *deptResult) int { return strings.Compare(x.dir.Path, y.dir.Path) })
	byYear := map[string]*annualYear{}
	for _, dr := range sorted {
		y := byYear[dr.dir.Year]
		if y == nil {
			n, _ := strconv.Atoi(dr.dir.Year)
			y = &annualYear{year: n, key: "year:" + dr.dir.Year}
			byYear[dr.dir.Year] = y
			a.years = append(a.years, y)
		}
		y.depts = append(y.depts, dr)
	}
	for _, y := range a.years {
		h := buildcache.NewHasher()
		h.String("global", next.Global)
		cachedProjects := 0
		for _, dr := range y.depts {
			h.String(dr.key, dr.fp)
			if dr.cached != nil {
				cachedProjects += len(dr.sum.Codes.Projects)
			}
		}
		known := true
		for _, dr := range y.depts {
			known = known && dr.fp != ""
		}
		if !known {
			continue // a full build: made at the end, fingerprinted then
		}
		y.fp = h.Sum()
		if part, ok := state.Lookup(stage.BuildID, next.Global, y.key, y.fp); ok && len(part.Outputs) == 1 {
			var size int64
			if json.Unmarshal(part.Data, &size) == nil && keepAll(stage, part.Outputs) {
				reports[part.Outputs[0]], next.Parts[y.key], y.kept = size, part, true
				continue
			}
		}
		if !pw.SummaryOnly(cachedProjects) {
			continue // may be printed in full: laid out at the end
		}
		y.parts = make([]*pdf.YearPart, len(y.depts))
	}
	return a
}

// layOutUnchanged lays out the parts of the unchanged departments of the
// years to be made, while the changed departments are rendered.
func (a *annual) layOutUnchanged() {
	for _, y := range a.years {
		for i, dr := range y.depts {
			if y.parts != nil && dr.cached != nil && dr.sum.Section != nil {
				y.parts[i] = a.pw.YearPart(dr.sum.Section.Derived(), true)
			}
		}
	}
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
	for _, y := range a.years {
		if y.kept {
			continue
		}
		if y.fp == "" { // a full build: the departments' fingerprints are known now
			h := buildcache.NewHasher()
			h.String("global", a.next.Global)
			for _, dr := range y.depts {
				h.String(dr.key, dr.fp)
			}
			y.fp = h.Sum()
		}
		projects := 0
		for _, dr := range y.depts {
			projects += len(dr.sum.Codes.Projects)
		}
		parts := make([]*pdf.YearPart, len(y.depts))
		if a.pw.SummaryOnly(projects) {
			for i, dr := range y.depts {
				if y.parts != nil && y.parts[i] != nil {
					parts[i] = y.parts[i]
				} else {
					parts[i] = a.pw.YearPart(dr.sum.Section.Derived(), true)
				}
			}
		} else {
			dl := &diag.List{}
			for i, dr := range y.depts {
				d := load.Department(dr.dir, dl)
				parts[i] = a.pw.YearPart(derive.Dept(d), false)
			}
			if dl.HasErrors() {
				return fmt.Errorf("%d 年合订本：部门内容在构建中被修改，请重新构建", y.year)
			}
		}
		path, size, err := a.pw.YearFromParts(y.year, parts, a.stage)
		if err != nil {
			return err
		}
		a.reports[path] = size
		data, _ := json.Marshal(size)
		a.next.Parts[y.key] = &buildcache.Part{Fingerprint: y.fp, Outputs: []string{path}, Data: data}
	}
	return nil
}

// programSum fingerprints the running program: a new disclose renders
// everything again.
var programSum = sync.OnceValues(func() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	h := buildcache.NewHasher()
	if err := h.File("program", exe); err != nil {
		return "", err
	}
	return h.Sum(), nil
})

// globalFingerprint covers what every page depends on: the program, the
// options, site.yaml, the site's templates and fonts.
func globalFingerprint(b buildFlags, o web.Options, site *model.Site, fonts pdf.FontFiles, inGit bool) (string, error) {
	prog, err := programSum()
	if err != nil {
		return "", err
	}
	h := buildcache.NewHasher()
	h.String("program", prog)
	h.String("options", fmt.Sprintf("pdf=%t csp=%q git=%t", b.pdf, o.CSP, inGit))
	if err := h.File("site.yaml", site.File); err != nil {
		return "", err
	}
	if o.Templates != "" {
		h.String("templates", "")
		if err := h.Tree(o.Templates); err != nil {
			return "", err
		}
	}
	if b.pdf {
		for _, f := range []string{fonts.Serif, fonts.Sans, fonts.Fallback} {
			if f != "" {
				if err := h.File("font", f); err != nil {
					return "", err
				}
			}
		}
	}
	sum := sha256.Sum256([]byte(h.Sum()))
	return hex.EncodeToString(sum[:]), nil
}

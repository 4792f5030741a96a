package build

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"disclose/generator/buildcache"
	"disclose/generator/check"
	"disclose/generator/diag"
	"disclose/generator/fileio"
	"disclose/generator/load"
	"disclose/generator/pdf"
	"disclose/generator/present"
	"disclose/generator/publish"
	"disclose/generator/web"
	"disclose/generator/workers"
)

// builder is one build: the pipeline every department goes through, and
// what the build gathers from them.
type builder struct {
	pipeline
	cfg       Config
	opts      web.Options
	report    io.Writer
	lap       func(stage string)
	dirs      []load.DeptDir
	diags     *diag.List
	statePath string
	results   []*deptResult
	next      *buildcache.State
	nextMu    sync.Mutex       // next.Parts, written from several goroutines
	reports   map[string]int64 // every PDF written or kept, with its size

	// Fonts and templates are parsed on a goroutine meanwhile.
	tools    sync.WaitGroup
	toolsErr error
	// Details that a changed segment will need, decoded meanwhile.
	prefetch sync.WaitGroup

	errMu    sync.Mutex
	firstErr error
	// checkedAcross: every department was checked, alone and across.
	checkedAcross bool
}

// prepare reads the settings, fingerprints the site and begins staging.
func (b *builder) prepare(lock *publish.OutputLock) error {
	// The state is read while the settings are (at 10× the province each
	// takes a few milliseconds of a rebuild's 0.3 s, on one core).
	b.statePath = buildcache.Path(b.cfg.Cache, b.cfg.Content, b.cfg.Out)
	var stateRead sync.WaitGroup
	if !b.cfg.Clean {
		stateRead.Go(func() { b.state = buildcache.Load(b.statePath) })
	}
	defer stateRead.Wait()
	site, dirs, diags := load.Settings(b.cfg.Content)
	check.Settings(site, diags)
	if diags.HasErrors() {
		_ = diags.WriteText(b.report)
		return ErrContent
	}
	b.site, b.dirs, b.diags = site, dirs, diags
	fonts := fontFiles(site)
	b.startTools(fonts)
	b.lap("settings")
	g := globalInputs{cfg: b.cfg, web: b.opts, site: site, fonts: fonts}
	b.hist, g.inGit = findHistory(b.cfg.Content, site)
	var err error
	if b.global, err = g.fingerprint(); err != nil {
		b.tools.Wait()
		return err
	}
	stateRead.Wait()
	if b.stage, err = lock.Begin(); err != nil {
		b.tools.Wait()
		return err
	}
	b.next = &buildcache.State{Global: b.global, Parts: map[string]*buildcache.Part{}}
	b.reports = map[string]int64{}
	return nil
}

// startTools parses the fonts and templates while the departments are
// fingerprinted, which needs neither.
func (b *builder) startTools(fonts pdf.FontFiles) {
	b.tools.Go(func() {
		if b.cfg.PDF {
			if b.fonts, b.toolsErr = loadFonts(fonts, b.cfg.Cache); b.toolsErr != nil {
				return
			}
			b.pdf = pdf.NewWriter(b.fonts, b.site, b.cfg.Cache)
		}
		b.web, b.toolsErr = web.New(b.site, b.opts)
	})
}

func (b *builder) setErr(err error) {
	b.errMu.Lock()
	b.firstErr = cmp.Or(b.firstErr, err)
	b.errMu.Unlock()
}

// departments takes each department through the pipeline, on all cores,
// and checks them across departments. The combined annual reports need
// only each department's fingerprint and section, known long before its
// pages are written: they are made meanwhile, on their own goroutine.
func (b *builder) departments() (Result, error) {
	var sectionsKnown, annualDone sync.WaitGroup
	sectionsKnown.Add(len(b.dirs))
	b.results = make([]*deptResult, len(b.dirs))
	for i, dir := range b.dirs {
		rel, _ := filepath.Rel(b.cfg.Content, dir.Path)
		b.results[i] = &deptResult{dir: dir, key: filepath.ToSlash(rel), past: newPastSlot()}
	}
	for i, j := range previousYears(b.dirs) {
		if j >= 0 {
			b.results[i].prev = b.results[j]
			b.results[j].next = true
		}
	}
	b.fingerprintAll(sectionsKnown.Done)
	b.lap("fingerprints")
	b.pipeline.tools = func() error {
		b.tools.Wait()
		return b.toolsErr
	}
	if b.cfg.PDF {
		// The annual reports need the fonts from the start.
		if err := b.pipeline.tools(); err != nil {
			return Result{}, err
		}
		a := &annual{pw: b.pdf, stage: b.stage, state: b.state, next: b.next, reports: b.reports,
			parts: &partCache{dir: filepath.Join(filepath.Dir(b.statePath), "parts"), global: b.global, read: b.state.Usable(b.stage.BuildID, b.global)}}
		a.plan(b.results)
		b.annual = a
		full := !a.parts.read
		annualDone.Go(func() {
			a.layOutUnchanged()
			sectionsKnown.Wait()
			if full {
				// Each department was fingerprinted as it loaded: the
				// report and its parts are named by the fingerprints.
				b.chain()
			}
			if err := a.finish(); err != nil {
				b.setErr(err)
			}
		})
	}
	order, n := b.order()
	b.prefetchDetails()
	b.others = otherDepartments(b.dirs)
	workers.On(n, len(order), func(k int) {
		dr := b.results[order[k]]
		defer dr.past.set(nil) // whatever happens, its next year does not wait for ever
		if dr.broken {
			return // fingerprinting failed: the build stops
		}
		if err := b.run(dr, sectionsKnown.Done); err != nil {
			b.setErr(err)
		}
	})
	b.lap("departments")
	annualDone.Wait()
	b.lap("annual reports")
	if err := b.pipeline.tools(); err != nil { // (the site's pages need them)
		return Result{}, err
	}
	if b.firstErr != nil {
		return Result{}, b.firstErr
	}
	if err := b.acrossDepartments(); err != nil {
		return Result{}, err
	}
	return b.summarize()
}

// fingerprintAll fingerprints every department and looks it up in the
// cache first (quick: only changed files are read), so that the annual
// reports can start as soon as the departments that changed are derived.
// Without a state that describes the current output nothing can be kept:
// each department is then fingerprinted as it is loaded, from the bytes
// load reads (a full build reads every file once). known is called for
// each department whose section is known already.
func (b *builder) fingerprintAll(known func()) {
	if !b.state.Usable(b.stage.BuildID, b.global) {
		return
	}
	workers.Each(len(b.dirs), func(i int) {
		// (A changed file is read here and again by load: keeping the
		// bytes until the department's turn would hold every changed
		// file of the site at once.)
		dr := b.results[i]
		if err := b.fingerprint(dr, nil); err != nil {
			dr.broken = true
			b.setErr(err)
		}
	})
	b.chain()
	workers.Each(len(b.dirs), func(i int) {
		dr := b.results[i]
		if !dr.broken {
			b.lookup(dr)
		}
		if dr.cached != nil {
			dr.past.setLazy(dr.sum.Past) // known from the start
		}
		if dr.cached != nil || dr.broken {
			known()
		}
	})
}

// order lists the departments to render first, oldest year first (a
// department waits for its previous year's), then those kept, and says on
// how many workers.
func (b *builder) order() ([]int, int) {
	var order []int
	for _, i := range byYear(b.dirs) {
		dr := b.results[i]
		if dr.cached == nil {
			order = append(order, i)
		}
	}
	dirty := len(order)
	for i, dr := range b.results {
		if dr.cached != nil {
			order = append(order, i)
		}
	}
	// An incremental build with a few departments to render spends most of
	// its time on the annual report, one long task: it gets a core of its
	// own, and the departments (rendering and linking) share the rest.
	n := workers.Cores()
	if b.cfg.PDF && n > 1 && dirty < n {
		n--
	}
	return order, n
}

// acrossDepartments puts the departments in the site's order (year, then
// folder, as load.Site sorts) and runs the checks across them.
func (b *builder) acrossDepartments() error {
	slices.SortStableFunc(b.results, func(x, y *deptResult) int {
		if x.sum.Codes.Year != y.sum.Codes.Year {
			return x.sum.Codes.Year - y.sum.Codes.Year
		}
		return strings.Compare(x.dir.Path, y.dir.Path)
	})
	lists := make([]check.CodeList, 0, len(b.results))
	for _, dr := range b.results {
		lists = append(lists, dr.sum.Codes)
		for _, d := range dr.sum.Diags {
			b.diags.Add(d)
		}
	}
	if !check.Unique(lists) { // rare: only then are the codes' places read
		codes := make([]check.Codes, 0, len(b.results))
		for _, dr := range b.results {
			c := dr.sum.Places.get()
			if c == nil {
				return errStateDamaged
			}
			codes = append(codes, *c)
		}
		check.Duplicates(codes, b.diags)
	}
	b.checkedAcross = true // (run writes the diagnostics)
	if b.diags.HasErrors() {
		return ErrContent
	}
	return nil
}

// summarize records each department in the next state, then writes the
// annual reports' outline and the site-wide pages from the summaries.
func (b *builder) summarize() (Result, error) {
	var res Result
	id := buildcache.NewHasher()
	id.String("global", b.global)
	b.chain() // a full build fingerprints each department as it loads it
	var sums []*web.DeptSummary
	for _, dr := range b.results {
		if c := dr.cached; c != nil && !dr.rendered && c.Fingerprint == dr.fp && slices.Equal(c.Outputs, dr.outputs) && c.Tree == dr.tree && dr.sameInputs(c) &&
			slices.EqualFunc(c.Dirs, dr.dirs, fileio.Listing.Equal) {
			b.next.Parts["dept:"+dr.key] = c // unchanged, stamps too: not encoded or written again
		} else {
			var data []byte
			if dr.cached != nil && !dr.rendered {
				data = dr.cached.Data // unchanged: not encoded again
			} else {
				var err error
				if data, err = json.Marshal(dr.sum); err != nil {
					return res, err
				}
			}
			b.next.Parts["dept:"+dr.key] = &buildcache.Part{Fingerprint: dr.fp, Outputs: dr.outputs, Data: data, Inputs: dr.inputStamps(), Tree: dr.tree, Dirs: dr.dirs}
		}
		if err := b.keepLazy(dr); err != nil {
			return res, err
		}
		id.String(dr.key, dr.fp)
		sums = append(sums, dr.sum.Web)
		if dr.sum.Report >= 0 {
			w := dr.sum.Web
			b.reports[present.DeptReport(w.Year, w.Code)] = dr.sum.Report
		}
		res.Depts++
		res.Pages += 1 + dr.sum.Web.Projects
		if dr.rendered {
			res.Rendered++
		}
	}
	res.Pages += 4 // index, 404, search and the project explorer
	if b.cfg.PDF {
		if err := b.pdf.Finish(b.stage); err != nil {
			return res, err
		}
	}
	// The site-wide pages need only the summaries' heads: they are written
	// while the segments are (on two cores a rebuild's two longest steps).
	var pages sync.WaitGroup
	var pagesErr error
	pages.Go(func() { pagesErr = b.web.Site(sums, b.stage, b.reports) })
	pieces, same, err := b.segments()
	pages.Wait()
	b.lap("segments, pages")
	if err = cmp.Or(err, pagesErr); err != nil {
		return res, err
	}
	if err := b.catalog(pieces, same); err != nil {
		return res, err
	}
	b.lap("catalog")
	b.next.BuildID = id.Sum()
	return res, nil
}

// publish swaps the staged output in and saves the state.
func (b *builder) publish() error {
	if err := b.stage.Commit(b.next.BuildID); err != nil {
		return err
	}
	b.lap("publish")
	// The state is saved only once the output it describes is in place; a
	// kill before this leaves a state whose BuildID the output no longer
	// has, which the next build ignores.
	if err := b.next.Save(b.statePath); err != nil {
		fmt.Fprintf(b.report, "disclose build: 未能保存增量构建记录（下次将完整构建）：%v\n", err)
	}
	buildcache.Prune(b.cfg.Cache, 30*24*time.Hour)
	b.lap("state")
	return nil
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

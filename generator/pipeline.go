package main

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"disclose/generator/buildcache"
	"disclose/generator/check"
	"disclose/generator/derive"
	"disclose/generator/diag"
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
	Section *derive.Department `json:",omitempty"` // for a summary-only combined report
	Report  int64              // the department's PDF size; -1 without PDFs
	Diags   []diag.Diagnostic  // its warnings
}

// deptResult is one department after its turn in the pipeline.
type deptResult struct {
	dir      load.DeptDir
	key      string // year/folder, the cache key
	fp       string
	sum      *deptSummary
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
// output folder is left exactly as it was.
func build(b buildFlags, o web.Options, report io.Writer) (buildResult, error) {
	var res buildResult
	site, dirs, diags := load.Settings(b.content)
	check.Settings(site, diags)
	if diags.HasErrors() {
		_ = diags.WriteText(report)
		return res, errContent
	}
	var fonts *pdf.Fonts
	var pw *pdf.Writer
	fontKey := fontFiles(site.Dir, site.PDF.Serif, site.PDF.Sans, site.PDF.Fallback)
	if b.pdf {
		var err error
		if fonts, err = loadFonts(fontKey, b.cache); err != nil {
			return res, err
		}
		pw = pdf.NewWriter(fonts, site, b.cache)
	}
	r, err := web.New(site, o)
	if err != nil {
		return res, err
	}
	repo, inGit := gitrev.Find(b.content)
	repoRel := ""
	if inGit {
		if repoRel, err = repo.Rel(b.content); err != nil {
			inGit = false
		}
	}
	global, err := globalFingerprint(b, o, site, fontKey, inGit)
	if err != nil {
		return res, err
	}
	statePath := buildcache.Path(b.cache, b.content, b.out)
	state := buildcache.Load(statePath)
	if b.clean {
		state = nil
	}
	stage, err := publish.Begin(b.out)
	if err != nil {
		return res, err
	}
	fail := func(err error) (buildResult, error) {
		stage.Abort()
		return res, err
	}

	// Each department, on all cores.
	results := make([]*deptResult, len(dirs))
	var firstErr error
	var errMu sync.Mutex
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(len(dirs), runtime.GOMAXPROCS(0))) {
		wg.Go(func() {
			for i := range next {
				dr, err := buildDept(b, site, dirs[i], global, state, stage, r, pw, fonts, repo, repoRel, inGit)
				results[i] = dr
				if err != nil {
					errMu.Lock()
					firstErr = cmp.Or(firstErr, err)
					errMu.Unlock()
				}
			}
		})
	}
	for i := range dirs {
		next <- i
	}
	close(next)
	wg.Wait()
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

	next2 := &buildcache.State{BuildID: "", Global: global, Parts: map[string]*buildcache.Part{}}
	id := buildcache.NewHasher()
	id.String("global", global)
	reports := map[string]int64{}
	var sums []*web.DeptSummary
	for _, dr := range results {
		data, err := json.Marshal(dr.sum)
		if err != nil {
			return fail(err)
		}
		next2.Parts["dept:"+dr.key] = &buildcache.Part{Fingerprint: dr.fp, Outputs: dr.outputs, Data: data}
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

	// Each year's combined report.
	if b.pdf {
		if err := yearReports(results, state, stage, pw, next2, reports); err != nil {
			return fail(err)
		}
		if err := pw.Finish(stage); err != nil {
			return fail(err)
		}
	}
	if err := r.Site(sums, stage, reports); err != nil {
		return fail(err)
	}
	buildID := id.Sum()
	if err := stage.Commit(buildID); err != nil {
		return res, err
	}
	// The state is saved only once the output it describes is in place; a
	// kill before this leaves a state whose BuildID the output no longer
	// has, which the next build ignores.
	next2.BuildID = buildID
	if err := next2.Save(statePath); err != nil {
		fmt.Fprintf(report, "disclose build: 未能保存增量构建记录（下次将完整构建）：%v\n", err)
	}
	return res, nil
}

// buildDept takes one department through the pipeline, or from the cache.
func buildDept(b buildFlags, site *model.Site, dir load.DeptDir, global string, state *buildcache.State, stage *publish.Staging,
	r *web.Renderer, pw *pdf.Writer, fonts *pdf.Fonts, repo *gitrev.Repo, repoRel string, inGit bool) (*deptResult, error) {
	rel, _ := filepath.Rel(b.content, dir.Path)
	dr := &deptResult{dir: dir, key: filepath.ToSlash(rel)}
	h := buildcache.NewHasher()
	h.String("global", global)
	if dir.RulesFile != "" {
		if err := h.File("rules", dir.RulesFile); err != nil {
			return dr, err
		}
	}
	if err := h.Tree(dir.Path); err != nil {
		return dr, err
	}
	var commits []gitrev.Commit
	if inGit {
		var err error
		if commits, err = repo.Log(filepath.ToSlash(filepath.Join(repoRel, dr.key))); err != nil {
			return dr, err
		}
		for _, c := range commits {
			h.String("commit", c.Hash)
		}
	}
	dr.fp = h.Sum()

	if part, ok := state.Lookup(stage.BuildID, global, "dept:"+dr.key, dr.fp); ok {
		var sum deptSummary
		if json.Unmarshal(part.Data, &sum) == nil && sum.Web != nil && keepAll(stage, part.Outputs) {
			dr.sum, dr.outputs = &sum, part.Outputs
			return dr, nil
		}
	}

	dr.rendered = true
	dl := &diag.List{}
	d := load.Department(dir.Path, dir.Rules, dl)
	check.Department(site, d, dl)
	if fonts != nil && !dl.HasErrors() {
		pdf.CheckGlyphs(fonts, d, dl)
	}
	dr.sum = &deptSummary{Codes: check.CodesOf(d), Diags: dl.Sorted(), Report: -1}
	if dl.HasErrors() {
		dr.failed = true
		dr.sum.Web = &web.DeptSummary{Year: d.Year, Code: d.Code}
		return dr, nil
	}
	dd := derive.Dept(d)
	var history []web.Revision
	if inGit {
		var err error
		if history, err = deptHistory(repo, repoRel, d, commits); err != nil {
			return dr, err
		}
	}
	out := &recorder{out: stage}
	reports := map[string]int64{}
	if pw != nil {
		path, size, err := pw.Department(dd, out)
		if err != nil {
			return dr, err
		}
		reports[path], dr.sum.Report = size, size
		dr.sum.Section = pdf.Section(dd)
	}
	sum, err := r.Department(dd, out, history, reports)
	if err != nil {
		return dr, err
	}
	dr.sum.Web = sum
	dr.outputs = out.paths
	slices.Sort(dr.outputs)
	return dr, nil
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

// yearReports writes each year's combined report, or keeps it when no
// department of the year changed. A year with more projects than the
// combined report prints in full is made from the sections the cache
// keeps; a smaller one from its departments, loaded again.
func yearReports(results []*deptResult, state *buildcache.State,
	stage *publish.Staging, pw *pdf.Writer, next *buildcache.State, reports map[string]int64) error {
	var years []int
	byYear := map[int][]*deptResult{}
	for _, dr := range results {
		y := dr.sum.Codes.Year
		if byYear[y] == nil {
			years = append(years, y)
		}
		byYear[y] = append(byYear[y], dr)
	}
	for _, y := range years {
		h := buildcache.NewHasher()
		h.String("global", next.Global)
		projects := 0
		for _, dr := range byYear[y] {
			h.String(dr.key, dr.fp)
			projects += dr.sum.Web.Projects
		}
		fp, key := h.Sum(), "year:"+strconv.Itoa(y)
		if part, ok := state.Lookup(stage.BuildID, next.Global, key, fp); ok && len(part.Outputs) == 1 && keepAll(stage, part.Outputs) {
			var size int64
			if json.Unmarshal(part.Data, &size) == nil {
				reports[part.Outputs[0]] = size
				next.Parts[key] = part
				continue
			}
			stage.Remove(part.Outputs[0])
		}
		var depts []*derive.Department
		if pw.SummaryOnly(projects) {
			for _, dr := range byYear[y] {
				depts = append(depts, dr.sum.Section)
			}
		} else {
			dl := &diag.List{}
			for _, dr := range byYear[y] {
				d := load.Department(dr.dir.Path, dr.dir.Rules, dl)
				depts = append(depts, derive.Dept(d))
			}
			if dl.HasErrors() {
				return fmt.Errorf("%d 年合订本：部门内容在构建中被修改，请重新构建", y)
			}
		}
		path, size, err := pw.Year(y, depts, stage)
		if err != nil {
			return err
		}
		reports[path] = size
		data, _ := json.Marshal(size)
		next.Parts[key] = &buildcache.Part{Fingerprint: fp, Outputs: []string{path}, Data: data}
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

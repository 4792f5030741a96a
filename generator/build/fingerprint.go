package build

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"sync"

	"disclose/generator/buildcache"
	"disclose/generator/check"
	"disclose/generator/derive"
	"disclose/generator/model"
	"disclose/generator/pdf"
	"disclose/generator/web"
)

// programSum fingerprints the running program: a new disclose renders
// everything again. It is remembered under the cache folder by the
// program file's stamp (once per process: the program does not change).
func programSum(cache string) (string, error) {
	programOnce.Do(func() {
		exe, err := os.Executable()
		if err != nil {
			programErr = err
			return
		}
		programSumValue, programErr = buildcache.Remembered(cache, exe, func() (string, error) {
			h := buildcache.NewHasher()
			if err := h.File("program", exe); err != nil {
				return "", err
			}
			return h.Sum(), nil
		})
	})
	return programSumValue, programErr
}

var (
	programOnce     sync.Once
	programSumValue string
	programErr      error
)

// globalInputs is what every page depends on besides its department.
type globalInputs struct {
	cfg   Config
	web   web.Options
	site  *model.Site
	fonts pdf.FontFiles
	inGit bool
}

// fingerprint covers the program, the options, site.yaml, the site's
// templates and fonts.
func (g globalInputs) fingerprint() (string, error) {
	prog, err := programSum(g.cfg.Cache)
	if err != nil {
		return "", err
	}
	h := buildcache.NewHasher()
	h.String("program", prog)
	h.String("options", fmt.Sprintf("pdf=%t csp=%q git=%t", g.cfg.PDF, g.web.CSP, g.inGit))
	if err := h.File("site.yaml", g.site.File); err != nil {
		return "", err
	}
	if g.web.Templates != "" {
		h.String("templates", "")
		if err := h.Tree(g.web.Templates); err != nil {
			return "", err
		}
	}
	if g.cfg.PDF {
		for _, f := range []string{g.fonts.Serif, g.fonts.Sans, g.fonts.Fallback} {
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

// fingerprint hashes a department's own inputs (dr.own; chain adds its
// earlier years'). read, when not nil, gives the bytes load read (a full
// build reads every file once).
func (p *pipeline) fingerprint(dr *deptResult, read func(string) ([]byte, fs.FileInfo, error)) error {
	dir := dr.dir
	h := buildcache.NewHasher()
	h.Read = read
	h.Files = dir.Files
	h.String("global", p.global)
	if dir.RulesFile != "" {
		if err := h.File("rules", dir.RulesFile); err != nil {
			return err
		}
	}
	var old *buildcache.Part
	if p.state != nil {
		if old, _ = p.state.Part("dept:" + dr.key); old != nil {
			h.KnownFrom, h.KnownTree, h.KnownDirs, h.Since = old.Stamps, old.Tree, old.Dirs, p.state.Saved
		}
	}
	if err := h.Tree(dir.Path); err != nil {
		return err
	}
	dr.inputs, dr.tree, dr.dirs, dr.prior = h.Seen, h.SeenTree, h.SeenDirs, nil
	if h.Reused {
		dr.prior = old
	}
	if p.hist != nil {
		var err error
		if dr.commits, err = p.hist.log(dr.key); err != nil {
			return err
		}
		for _, c := range dr.commits {
			h.String("commit", c.Hash)
		}
	}
	dr.own = h.Sum()
	return nil
}

// lookup finds a fingerprinted department in the cache (dr.cached is set
// on a hit).
func (p *pipeline) lookup(dr *deptResult) {
	if part, ok := p.state.Lookup(p.stage.BuildID, p.global, "dept:"+dr.key, dr.fp); ok {
		var sum deptSummary
		if json.Unmarshal(part.Data, &sum) == nil && sum.Web != nil {
			sum.Past = lazyFrom[derive.PastYear](p.state, "past:"+dr.key, dr.fp)
			sum.Section = lazyFrom[pdf.Section](p.state, "section:"+dr.key, dr.fp)
			sum.Detail = lazyFrom[web.DeptDetail](p.state, "detail:"+dr.key, dr.fp)
			sum.Places = lazyFrom[check.Codes](p.state, "codes:"+dr.key, dr.fp)
			// A summary saved before its next year existed has no PastYear:
			// the department is derived again to give one.
			if dr.next && sum.Past == nil {
				return
			}
			dr.cached, dr.sum = part, &sum
		}
	}
}

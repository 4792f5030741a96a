package build

import (
	"fmt"
	"os"
	"path"
	"sync"

	"disclose/generator/gitrev"
	"disclose/generator/model"
	"disclose/generator/semdiff"
	"disclose/generator/web"
)

// historyCache keeps each loaded revision of a department: commits never
// change, and disclose serve rebuilds often.
var historyCache sync.Map // "hash|year/code" → semdiff.Side

// historySource is where the 修订记录 comes from: the repository holding
// the content folder (at rel), and the first revision to show (site.yaml
// history.since, "" for the department's whole history).
type historySource struct {
	repo  *gitrev.Repo
	rel   string
	since string
	commitLog
}

// dept is the revision history (修订记录) of a department, newest first:
// for each commit (from log), what changed in its published content, in
// the domain's terms, with the commit's correction note. Commits that
// change nothing a reader sees are left out, and no commit subject is ever
// shown. The first publication (the since commit, or the commit that added
// the department) is summarized, not listed change by change.
func (h *historySource) dept(d *model.Department, commits []gitrev.Commit) ([]web.Revision, error) {
	var sinceHash string
	if h.since != "" && len(commits) > 0 {
		sinceHash = commits[len(commits)-1].Hash
	}
	empty := semdiff.Side{Label: "（无）", Site: &model.Site{}}
	var revs []web.Revision
	for _, c := range commits {
		newSide, err := h.deptAt(c.Hash, d)
		if err != nil {
			return nil, err
		}
		oldSide := empty
		if c.Parent != "" && c.Hash != sinceHash {
			if oldSide, err = h.deptAt(c.Parent, d); err != nil {
				return nil, err
			}
		}
		first := len(oldSide.Depts) == 0
		r := semdiff.Compare(oldSide, newSide)
		var kept []semdiff.Change
		for _, ch := range r.Changes {
			if ch.Path[0].Kind == semdiff.Site {
				continue
			}
			if len(ch.Path) > 1 && ch.Path[0].Kind == semdiff.Department { // the page is the department's own
				ch.Path = ch.Path[1:]
			}
			kept = append(kept, ch)
		}
		r.Changes = kept
		if len(kept) == 0 {
			continue // formatting, comments or files the pages do not show
		}
		lines := r.Lines()
		if first {
			lines = r.FirstLines()
		}
		revs = append(revs, web.Revision{Date: c.Date, Note: c.Note, First: first, Changes: lines})
	}
	return revs, nil
}

// deptAt loads one department as it was at a commit: site.yaml, the year's
// rules and the department's folder, read through git.
func (h *historySource) deptAt(hash string, d *model.Department) (semdiff.Side, error) {
	key := fmt.Sprintf("%s|%s|%d/%s", h.repo.Top, hash, d.Year, d.Code)
	if s, ok := historyCache.Load(key); ok {
		return s.(semdiff.Side), nil
	}
	tmp, err := os.MkdirTemp("", "disclose-history-")
	if err != nil {
		return semdiff.Side{}, err
	}
	defer os.RemoveAll(tmp)
	year := path.Join(h.rel, fmt.Sprint(d.Year))
	if err := h.repo.Extract(hash, []string{path.Join(h.rel, "site.yaml"), path.Join(year, "rules.yaml"), path.Join(year, d.Code)}, tmp); err != nil {
		return semdiff.Side{}, err
	}
	s := loadSide(path.Join(tmp, h.rel), hash[:10])
	s.Root, s.Diags = "", nil // the folder is gone once loaded
	historyCache.Store(key, s)
	return s, nil
}

// findHistory says where the 修订记录 comes from (nil when not shown) and
// whether the content is in Git at all.
func findHistory(content string, site *model.Site) (*historySource, bool) {
	repo, inGit := gitrev.Find(content)
	if !inGit {
		return nil, false
	}
	rel, err := repo.Rel(content)
	if err != nil {
		return nil, false
	}
	if !site.History.Shown() {
		return nil, true
	}
	return &historySource{repo: repo, rel: rel, since: site.History.Since}, true
}

package main

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

// deptHistory is the revision history (修订记录) of a department: each
// commit that touched its folder (commits, newest first, from repo.Log),
// with its changes in the domain's terms.
func deptHistory(repo *gitrev.Repo, rel string, d *model.Department, commits []gitrev.Commit) ([]web.Revision, error) {
	var revs []web.Revision
	for _, c := range commits {
		newSide, err := deptAt(repo, rel, c.Hash, d)
		if err != nil {
			return nil, err
		}
		oldSide := semdiff.Side{Label: "（无）", Site: &model.Site{}}
		if c.Parent != "" {
			if oldSide, err = deptAt(repo, rel, c.Parent, d); err != nil {
				return nil, err
			}
		}
		r := semdiff.Compare(oldSide, newSide)
		var kept []semdiff.Change
		for _, ch := range r.Changes {
			if ch.Path[0] == "网站设置" {
				continue
			}
			if len(ch.Path) > 1 { // the page is the department's own
				ch.Path = ch.Path[1:]
			}
			kept = append(kept, ch)
		}
		r.Changes = kept
		lines := r.Lines()
		if len(lines) == 0 {
			lines = []string{"格式或注释修改，公开内容未变"}
		}
		revs = append(revs, web.Revision{Date: c.Date, Subject: c.Subject, Hash: c.Hash[:10], Changes: lines})
	}
	return revs, nil
}

// deptAt loads one department as it was at a commit: site.yaml, the year's
// rules and the department's folder, read through git.
func deptAt(repo *gitrev.Repo, rel, hash string, d *model.Department) (semdiff.Side, error) {
	key := fmt.Sprintf("%s|%d/%s", hash, d.Year, d.Code)
	if s, ok := historyCache.Load(key); ok {
		return s.(semdiff.Side), nil
	}
	tmp, err := os.MkdirTemp("", "disclose-history-")
	if err != nil {
		return semdiff.Side{}, err
	}
	defer os.RemoveAll(tmp)
	year := path.Join(rel, fmt.Sprint(d.Year))
	if err := repo.Extract(hash, []string{path.Join(rel, "site.yaml"), path.Join(year, "rules.yaml"), path.Join(year, d.Code)}, tmp); err != nil {
		return semdiff.Side{}, err
	}
	s := loadSide(path.Join(tmp, rel), hash[:10])
	s.Root, s.Diags = "", nil // the folder is gone once loaded
	historyCache.Store(key, s)
	return s, nil
}

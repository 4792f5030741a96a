package build

import (
	"path"
	"strings"
	"sync"

	"disclose/generator/gitrev"
)

// commitLog is one git log of the whole content folder, split by
// department on demand: a province's thousand departments cost one git
// process, not one each walking the whole history.
type commitLog struct {
	once    sync.Once
	commits []gitrev.Changed
	first   gitrev.Commit // the since commit
	err     error
}

// log lists the commits that may have changed a department's published
// content ("YEAR/CODE"), newest first: those touching its folder or its
// year's rules. With since set, the since commit closes the list even when
// it touched neither (it is the first publication).
func (h *historySource) log(key string) ([]gitrev.Commit, error) {
	l := &h.commitLog
	l.once.Do(func() {
		if l.commits, l.err = h.repo.LogFiles(h.since, h.rel); l.err == nil && h.since != "" {
			l.first, l.err = h.repo.At(h.since)
		}
	})
	if l.err != nil {
		return nil, l.err
	}
	year, _, _ := strings.Cut(key, "/")
	dept, rules := path.Join(h.rel, key), path.Join(h.rel, year, "rules.yaml")
	var commits []gitrev.Commit
	for _, c := range l.commits {
		if c.Touches(dept, rules) {
			commits = append(commits, c.Commit)
		}
	}
	if h.since != "" && (len(commits) == 0 || commits[len(commits)-1].Hash != l.first.Hash) {
		commits = append(commits, l.first)
	}
	return commits, nil
}

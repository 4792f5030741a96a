package build

import (
	"cmp"
	"path/filepath"
	"slices"
	"strconv"
	"sync"

	"disclose/generator/buildcache"
	"disclose/generator/check"
	"disclose/generator/derive"
	"disclose/generator/load"
)

// A department is compared with its previous year (与上年对比): the same
// folder in the nearest earlier year. Its previous year's PastYear, small,
// comes from that department's turn in the pipeline or from the cache, so
// no department is loaded twice; the departments are taken oldest year
// first, so a department waits only for one already being built.

// yearOf is a department folder's year, 0 when the folder is not a year.
func yearOf(dir load.DeptDir) int {
	y, _ := strconv.Atoi(dir.Year)
	return y
}

// byYear lists the indices of dirs, oldest year first, stably.
func byYear(dirs []load.DeptDir) []int {
	order := make([]int, len(dirs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(yearOf(dirs[a]), yearOf(dirs[b])) })
	return order
}

// previousYears gives each department the index of its previous year's,
// -1 when it has none.
func previousYears(dirs []load.DeptDir) []int {
	prev := make([]int, len(dirs))
	last := map[string]int{}
	for _, i := range byYear(dirs) {
		code := filepath.Base(dirs[i].Path)
		j, ok := last[code]
		prev[i] = -1
		if ok && yearOf(dirs[j]) < yearOf(dirs[i]) {
			prev[i] = j
		}
		last[code] = i
	}
	return prev
}

// lastYear is what check needs of a PastYear.
func lastYear(py *derive.PastYear) *check.LastYear {
	if py == nil || len(py.Totals) == 0 {
		return nil
	}
	ly := &check.LastYear{Year: py.Totals[len(py.Totals)-1].Year}
	for _, p := range py.Projects {
		ly.Projects = append(ly.Projects, check.LastProject{Code: p.Code, Name: p.Name, Indicators: p.Indicators})
	}
	return ly
}

// pastSlot holds a department's PastYear for its next year, once known.
type pastSlot struct {
	once sync.Once
	done chan struct{}
	past *derive.PastYear
	lazy *lazyJSON[derive.PastYear] // from the state: decoded when waited for
}

// setLazy publishes a PastYear kept in the state, decoded only if a next
// year that is rendered asks for it.
func (s *pastSlot) setLazy(l *lazyJSON[derive.PastYear]) {
	s.once.Do(func() {
		s.lazy = l
		close(s.done)
	})
}

func newPastSlot() *pastSlot { return &pastSlot{done: make(chan struct{})} }

// set publishes the PastYear (nil: none, the department failed); only the
// first call counts.
func (s *pastSlot) set(py *derive.PastYear) {
	s.once.Do(func() {
		s.past = py
		close(s.done)
	})
}

// failed says whether a PastYear kept in the state could not be read
// (after wait).
func (s *pastSlot) failed() bool { return s.lazy != nil && s.lazy.failed }

// wait returns the PastYear once it is known.
func (s *pastSlot) wait() *derive.PastYear {
	<-s.done
	if s.lazy != nil {
		return s.lazy.get()
	}
	return s.past
}

// chain makes each department's fingerprint from its own inputs' and its
// previous year's fingerprint: its pages show the earlier years' figures,
// so a change in 2021 renders 2022 again. Oldest year first.
func (b *builder) chain() {
	for _, i := range byYear(b.dirs) {
		dr := b.results[i]
		h := buildcache.NewHasher()
		h.String("own", dr.own)
		if dr.prev != nil {
			h.String("previous", dr.prev.fp)
		}
		dr.fp = h.Sum()
	}
}

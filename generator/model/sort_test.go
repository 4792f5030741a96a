package model

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortRecords sorts records long enough for the radix sort, on a
// year's dates, one or several files, and against a comparison sort.
func TestSortRecords(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, c := range []struct{ n, files, days int }{{10, 1, 365}, {600, 1, 365}, {5000, 3, 365}, {5000, 1, 1}, {3000, 4000, 20000}} {
		var rs []*Record
		seen := map[[2]int32]bool{}
		for len(rs) < c.n {
			f, l := int32(rng.IntN(c.files)), int32(rng.IntN(1<<20)+1)
			if seen[[2]int32{f, l}] {
				continue
			}
			seen[[2]int32{f, l}] = true
			d, _ := NewDate(2021, 1, 1)
			d.days += int32(rng.IntN(c.days))
			rs = append(rs, &Record{Date: d, File: f, Line: l})
		}
		want := slices.Clone(rs)
		slices.SortFunc(want, func(a, b *Record) int {
			return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
		})
		SortRecords(rs)
		if !slices.Equal(rs, want) {
			t.Errorf("%+v: order differs from the comparison sort", c)
		}
	}
}

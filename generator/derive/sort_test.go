package derive

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"

	"disclose/generator/model"
)

// TestSortByDatePacked: the packed-key sort orders records exactly as
// comparing date, file and line does, dates before 1970 included.
func TestSortByDatePacked(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	for _, lo := range []int{1900, 2020} {
		var rs []*model.Record
		for range 2000 {
			d, _ := model.NewDate(lo+r.IntN(3), 1+r.IntN(12), 1+r.IntN(28))
			rs = append(rs, &model.Record{Date: d, File: int32(r.IntN(3)), Line: int32(r.IntN(500))})
		}
		want := slices.Clone(rs)
		slices.SortStableFunc(want, func(a, b *model.Record) int {
			return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
		})
		sortByDate(rs)
		for i := range rs {
			if rs[i].Date != want[i].Date || rs[i].File != want[i].File || rs[i].Line != want[i].Line {
				t.Fatalf("from %d: record %d is %+v, want %+v", lo, i, *rs[i], *want[i])
			}
		}
	}
}

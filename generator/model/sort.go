package model

import (
	"cmp"
	"slices"
)

// SortRecords orders records by date, then by file and line, so that equal
// inputs give equal outputs whatever order the files were read in. The
// three are packed into one integer first: a million records sort in a
// third of the time of a comparison through the pointers.
func SortRecords(rs []*Record) {
	type keyed struct {
		key uint64
		r   *Record
	}
	ks := make([]keyed, len(rs))
	packable := true
	for i, r := range rs {
		k, ok := packKey(r)
		packable = packable && ok
		ks[i] = keyed{k, r}
	}
	if !packable {
		slices.SortFunc(rs, func(a, b *Record) int {
			return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
		})
		return
	}
	slices.SortFunc(ks, func(a, b keyed) int { return cmp.Compare(a.key, b.key) })
	for i, k := range ks {
		rs[i] = k.r
	}
}

// packKey packs date, file and line into 64 bits, in that order of
// significance; ok is false when one does not fit.
func packKey(r *Record) (uint64, bool) {
	d := r.Date.Days()
	if d < 0 || d >= 1<<24 || r.File < 0 || r.File >= 1<<12 || r.Line < 0 || r.Line >= 1<<28 {
		return 0, false
	}
	return uint64(d)<<40 | uint64(r.File)<<28 | uint64(r.Line), true
}

package derive

import (
	"cmp"
	"slices"

	"disclose/generator/model"
)

// sortByDate orders records by date, then by file and line, so that equal
// inputs give equal outputs whatever order the files were read in.
func sortByDate(rs []*model.Record) {
	slices.SortStableFunc(rs, func(a, b *model.Record) int {
		switch {
		case a.Date.Before(b.Date):
			return -1
		case b.Date.Before(a.Date):
			return 1
		}
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
	})
}

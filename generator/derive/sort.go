package derive

import (
	"cmp"
	"slices"

	"disclose/generator/model"
)

// sortByDate orders records by date, then by file and line, so that equal
// inputs give equal outputs whatever order the files were read in.
func sortByDate(rs []*model.Record) {
	slices.SortFunc(rs, func(a, b *model.Record) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
	})
}

package web

import (
	"fmt"
	"strings"
	"testing"
)

// TestVolumeLinks: a year in volumes links each volume written, named by
// its first and last departments; a year in one book has no volume links
// (its one report is YearView.Report).
func TestVolumeLinks(t *testing.T) {
	year := func(n int) *YearView {
		y := &YearView{Year: 2021}
		for i := range n {
			y.Departments = append(y.Departments, IndexRow{DeptSummary: &DeptSummary{Name: fmt.Sprintf("局%d", i+1)}})
		}
		return y
	}
	reports := map[string]int64{"2021/report-2021.pdf": 1 << 20, "2021/report-2021-1.pdf": 1 << 20, "2021/report-2021-2.pdf": 2 << 20}
	for _, c := range []struct {
		n, per int
		want   string
	}{
		{3, 3, "[]"},
		{3, 2, "[1 2021/report-2021-1.pdf 局1–局2 1.0 MB, 2 2021/report-2021-2.pdf 局3–局3 2.0 MB]"},
		{5, 2, "[1 2021/report-2021-1.pdf 局1–局2 1.0 MB, 2 2021/report-2021-2.pdf 局3–局4 2.0 MB]"}, // the third not written
	} {
		var got []string
		for _, l := range volumeLinks(year(c.n), reports, c.per) {
			got = append(got, fmt.Sprintf("%d %s %s–%s %s", l.Number, l.Href, l.First, l.Last, l.Size))
		}
		if s := "[" + strings.Join(got, ", ") + "]"; s != c.want {
			t.Errorf("%d departments in volumes of %d: %s, want %s", c.n, c.per, s, c.want)
		}
	}
}

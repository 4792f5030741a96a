package pdf

import (
	"fmt"
	"strings"
	"testing"

	"disclose/generator/assets"
)

// rowsPerPage lays out a table of n one-line rows and counts, per page,
// the rows drawn.
func rowsPerPage(f *Fonts, n int) []int {
	l := newLayout(f)
	l.newPage()
	t := table{caption: "表", widths: []float64{1, 3}, size: 9, header: [][]*cell{headerRow("序号", "资金总额（万元）")}}
	for i := range n {
		t.rows = append(t.rows, []*cell{txt(fmt.Sprintf("行%d", i+1)), right("1.00")})
	}
	l.table(t)
	var counts []int
	for _, pg := range l.pages {
		c := 0
		for _, o := range pg.ops {
			if strings.HasPrefix(o.text, "行") {
				c++
			}
		}
		counts = append(counts, c)
	}
	return counts
}

// No page holds one row alone under a repeated header.
func TestNoOrphanContinuationRow(t *testing.T) {
	f, err := LoadFonts(assets.CacheDir(), FontFiles{})
	if err != nil {
		t.Skipf("fonts (make assets): %v", err)
	}
	fit := rowsPerPage(f, 200)[0]
	for n := fit - 1; n <= fit+3; n++ {
		counts := rowsPerPage(f, n)
		for p, c := range counts[1:] {
			if c == 1 {
				t.Errorf("%d rows: page %d continues the table with one row (%v)", n, p+2, counts)
			}
		}
	}
}

// A column header breaks before its unit, never inside it.
func TestHeaderBreaksBeforeUnit(t *testing.T) {
	f, err := LoadFonts(assets.CacheDir(), FontFiles{})
	if err != nil {
		t.Skipf("fonts (make assets): %v", err)
	}
	l := newLayout(f)
	for _, c := range []struct {
		text  string
		width float64
		want  []string
	}{
		{"资金总额（万元）", 200, []string{"资金总额（万元）"}},
		{"资金总额（万元）", 40, []string{"资金总额", "（万元）"}},
		{"计划金额（元）", 30, []string{"计划金", "额", "（元）"}},
	} {
		var got []string
		for _, ln := range l.cellLines(&cell{text: c.text, face: Sans}, 9, c.width) {
			got = append(got, ln.text)
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s at %.0f pt: %q, want %q", c.text, c.width, got, c.want)
		}
	}
}

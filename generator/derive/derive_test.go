package derive_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"disclose/generator/check"
	"disclose/generator/derive"
	"disclose/generator/internal/testutil"
	"disclose/generator/load"
	"disclose/generator/num"
)

func loadSite(t *testing.T, dir string) []*derive.Department {
	t.Helper()
	site, diags := load.Site(dir)
	check.Site(site, diags)
	if diags.HasErrors() {
		t.Fatalf("content has errors: %v", diags.Sorted())
	}
	return derive.Site(site)
}

// TestSeedFigures compares the derived figures of the sample project with
// figures worked out by hand from the illustrative spending file.
func TestSeedFigures(t *testing.T) {
	depts := loadSite(t, testutil.ContentDir())
	p := depts[0].Projects[0]
	if p.Spent != 191_610_70 {
		t.Errorf("spent %s, want 191610.70", p.Spent)
	}
	if got := num.Format(p.ExecutionRate, 2); got != "91.24" {
		t.Errorf("execution rate %s%%, want 91.24%%", got)
	}
	want := []struct{ planned, actual, actualPct, deviation string }{
		{"0.00", "1260.00", "0.60", "0.60"},
		{"63000.00", "60661.50", "28.89", "-1.11"},
		{"126000.00", "114740.30", "54.64", "-5.36"},
		{"189000.00", "191610.70", "91.24", "1.24"},
	}
	for i, w := range want {
		c := p.Checkpoints[i]
		got := [4]string{c.Planned.String(), c.Actual.String(), num.Format(c.ActualPercent, 2), num.Format(c.Deviation, 2)}
		if got != [4]string{w.planned, w.actual, w.actualPct, w.deviation} || !c.Reached {
			t.Errorf("checkpoint %s: %v, want %+v", c.Label, got, w)
		}
	}
	lines := []struct{ spent, rate, planned12, actual3 string }{
		{"144000.00", "90.00", "144000.00", "0.00"},
		{"38000.00", "95.00", "36000.00", "0.00"},
		{"9610.70", "96.11", "9000.00", "1260.00"},
	}
	for i, w := range lines {
		l := p.Lines[i]
		got := [4]string{l.Spent.String(), num.Format(l.ExecutionRate, 2), l.Checkpoints[3].Planned.String(), l.Checkpoints[0].Actual.String()}
		if got != [4]string{w.spent, w.rate, w.planned12, w.actual3} {
			t.Errorf("line %s: %v, want %+v", l.Name, got, w)
		}
	}
	if p.Monthly[11] != 42_760_00 || p.Cumulative[11] != p.Spent {
		t.Errorf("December %s, cumulative %s", p.Monthly[11], p.Cumulative[11])
	}
	d := depts[0]
	if d.Budget != 210_000_00 || d.Spent != p.Spent {
		t.Errorf("department budget %s spent %s", d.Budget, d.Spent)
	}
}

// TestRecordsThrough leaves checkpoints after the records' end unreached.
func TestRecordsThrough(t *testing.T) {
	dir := testutil.CopyContent(t)
	dept := filepath.Join(dir, "2021/dkb/department.yaml")
	data, _ := os.ReadFile(dept)
	data = append(data, "records_through: 2021-06-30\n"...)
	os.WriteFile(dept, data, 0o644)
	csv := filepath.Join(dir, "2021/dkb/spending/2021-illustrative.csv")
	data, _ = os.ReadFile(csv)
	os.WriteFile(csv, data[:indexAfter(data, "2021-06-25")], 0o644)
	p := loadSite(t, dir)[0].Projects[0]
	reached := []bool{true, true, false, false}
	for i, c := range p.Checkpoints {
		if c.Reached != reached[i] {
			t.Errorf("checkpoint %s reached=%v", c.Label, c.Reached)
		}
	}
	if p.Checkpoints[1].Actual != 60_661_50 {
		t.Errorf("June actual %s", p.Checkpoints[1].Actual)
	}
}

// indexAfter returns the offset just past the line holding s.
func indexAfter(b []byte, s string) int {
	for i := 0; i+len(s) <= len(b); i++ {
		if string(b[i:i+len(s)]) == s {
			for j := i; j < len(b); j++ {
				if b[j] == '\n' {
					return j + 1
				}
			}
		}
	}
	return len(b)
}

// TestEncodingsGiveIdenticalFigures loads the same spending records saved as
// UTF-8, UTF-8 with BOM, GB18030 and GB18030 with Windows line ends.
func TestEncodingsGiveIdenticalFigures(t *testing.T) {
	base, err := os.ReadFile(filepath.Join(testutil.ContentDir(), "2021/dkb/spending/2021-illustrative.csv"))
	if err != nil {
		t.Fatal(err)
	}
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(base)
	if err != nil {
		t.Fatal(err)
	}
	crlf := make([]byte, 0, len(gb)+64)
	for _, c := range gb {
		if c == '\n' {
			crlf = append(crlf, '\r')
		}
		crlf = append(crlf, c)
	}
	variants := map[string][]byte{
		"UTF-8":          base,
		"UTF-8 with BOM": append([]byte("\xEF\xBB\xBF"), base...),
		"GB18030":        gb,
		"GB18030 CRLF":   crlf,
	}
	var first *derive.Project
	figures := func(p *derive.Project) string {
		s := fmt.Sprint(p.Spent, p.Records, p.Monthly, p.Cumulative, num.Format(p.ExecutionRate, 6))
		cps := func(cs []derive.Checkpoint) {
			for _, c := range cs {
				s += fmt.Sprint(c.Planned, c.Reached, c.Actual, num.Format(c.ActualPercent, 6), num.Format(c.Deviation, 6))
			}
		}
		cps(p.Checkpoints)
		for _, l := range p.Lines {
			s += fmt.Sprint(l.Spent, num.Format(l.ExecutionRate, 6))
			cps(l.Checkpoints)
		}
		return s
	}
	for _, name := range []string{"UTF-8", "UTF-8 with BOM", "GB18030", "GB18030 CRLF"} {
		dir := testutil.CopyContent(t)
		if err := os.WriteFile(filepath.Join(dir, "2021/dkb/spending/2021-illustrative.csv"), variants[name], 0o644); err != nil {
			t.Fatal(err)
		}
		p := loadSite(t, dir)[0].Projects[0]
		if first == nil {
			first = p
			continue
		}
		if got, want := figures(p), figures(first); got != want {
			t.Errorf("%s gives different figures:\n%s\nwant\n%s", name, got, want)
		}
	}
}

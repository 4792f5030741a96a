package model

import (
	"strings"
	"testing"
)

func TestParseDate(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2021-03-15", "2021-03-15"}, {"2021/3/5", "2021-03-05"}, {"2021.12.31", "2021-12-31"},
		{"2021年3月15日", "2021-03-15"}, {"20210315", "2021-03-15"}, {" 2021-01-01 ", "2021-01-01"},
		{"2021-02-29", ""}, {"2020-02-29", "2020-02-29"}, {"2021-13-01", ""}, {"21-3-15", ""},
		{"2021-3", ""}, {"44561", ""}, {"", ""}, {"2021年3月", ""}, {"2021-03-15T00:00", ""},
	} {
		d, err := ParseDate(tc.in)
		if d.String() != tc.want || (err == nil) != (tc.want != "") {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", tc.in, d, err, tc.want)
		}
	}
	d, _ := NewDate(2021, 12, 31)
	if d.Year() != 2021 || d.Month() != 12 {
		t.Errorf("%s: year %d month %d", d, d.Year(), d.Month())
	}
	first, _ := NewDate(1970, 1, 1)
	if first.IsZero() {
		t.Error("1970-01-01 must not be the zero date")
	}
}

// FuzzParseDateFastPath: the fast path for YYYY-MM-DD accepts exactly what
// the general reader accepts, with the same date.
func FuzzParseDateFastPath(f *testing.F) {
	for _, s := range []string{"2021-03-15", "2021-02-29", "2020-02-29", "0000-01-01", "2021-1a-01", "2021-00-10", "9999-12-31", "1899-12-31"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fast, ok := parseISO(s)
		slow, err := parseDate(s)
		if ok && (err != nil || fast != slow) {
			t.Errorf("%q: fast path %v, general reader %v %v", s, fast, slow, err)
		}
		if !ok && len(s) == 10 && s[4] == '-' && s[7] == '-' && err == nil && strings.Count(s, "-") == 2 && !strings.ContainsAny(s, "+ ") {
			t.Errorf("%q: the fast path refused a date the general reader takes (%v)", s, slow)
		}
	})
}

// TestCivilMatchesTime: the calendar arithmetic agrees with the time
// package on every day from 1900 to 2200.
func TestCivilMatchesTime(t *testing.T) {
	first, _ := NewDate(1900, 1, 1)
	last, _ := NewDate(2200, 12, 31)
	for d := first; !d.After(last); d.days++ {
		if d.IsZero() {
			continue // 1969-12-31 is the zero date's number
		}
		tm := d.Time()
		if got, want := d.String(), tm.Format("2006-01-02"); got != want {
			t.Fatalf("day %d: %s, want %s", d.days, got, want)
		}
		if d.Year() != tm.Year() || d.Month() != int(tm.Month()) {
			t.Fatalf("day %d: year %d month %d, want %s", d.days, d.Year(), d.Month(), tm)
		}
	}
}

func TestAppendString(t *testing.T) {
	for _, s := range []string{"2021-03-15", "1900-01-01", "2099-12-31"} {
		d, _ := ParseDate(s)
		if got := string(d.AppendString([]byte("x"))); got != "x"+s {
			t.Errorf("%s: %q", s, got)
		}
	}
	if got := string(Date{}.AppendString(nil)); got != "" {
		t.Errorf("zero date: %q", got)
	}
}

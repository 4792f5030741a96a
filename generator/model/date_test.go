package model

import "testing"

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

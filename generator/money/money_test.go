package money

import (
	"errors"
	"testing"
)

func TestParseYuan(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Fen
		err  error
	}{
		{"1260.00", 126000, nil},
		{"1260", 126000, nil},
		{"0.5", 50, nil},
		{"1,234.56", 123456, nil},
		{"12,345,678.90", 1234567890, nil},
		{"-120.00", -12000, nil},
		{"(120.00)", -12000, nil},
		{"¥48,000.00", 4800000, nil},
		{"￥1.01", 101, nil},
		{" 7.1 ", 710, nil},
		{"abc", 0, ErrSyntax},
		{"", 0, ErrSyntax},
		{"1,23", 0, ErrSyntax},
		{"1234,567", 0, ErrSyntax},
		{"1.2.3", 0, ErrSyntax},
		{"12.", 0, ErrSyntax},
		{".5", 50, nil}, // some systems drop the leading zero
		{"--1", 0, ErrSyntax},
		{"-(1)", 0, ErrSyntax},
		{"1e3", 0, ErrSyntax},
		{"1260.005", 0, ErrPrecision},
		{"99999999999999999999", 0, ErrRange},
	} {
		got, err := ParseYuan(tc.in)
		if !errors.Is(err, tc.err) || got != tc.want {
			t.Errorf("ParseYuan(%q) = %d, %v; want %d, %v", tc.in, got, err, tc.want, tc.err)
		}
	}
}

func TestParseWan(t *testing.T) {
	for _, tc := range []struct {
		in     string
		fen    Fen
		places int
		err    error
	}{
		{"21", 21_000_000, 0, nil},
		{"16.00", 16_000_000, 2, nil},
		{"0.35", 350_000, 2, nil},
		{"0.000001", 1, 6, nil},
		{"0.0000001", 0, 0, ErrPrecision},
		{"16万", 0, 0, ErrSyntax},
		{"1,000", 0, 0, ErrSyntax},
	} {
		fen, places, err := ParseWan(tc.in)
		if !errors.Is(err, tc.err) || fen != tc.fen || places != tc.places {
			t.Errorf("ParseWan(%q) = %d, %d, %v; want %d, %d, %v", tc.in, fen, places, err, tc.fen, tc.places, tc.err)
		}
	}
}

func TestFormat(t *testing.T) {
	for _, tc := range []struct {
		f          Fen
		yuan       string
		wan0, wan2 string
	}{
		{21_000_000, "210,000.00", "21", "21.00"},
		{19_161_070, "191,610.70", "19", "19.16"},
		{-12000, "-120.00", "-0", "-0.01"},
		{5_000, "50.00", "0", "0.01"},     // 0.005万元 rounds half up
		{4_999, "49.99", "0", "0.00"},     // just under half
		{-5_000, "-50.00", "-0", "-0.01"}, // half away from zero
		{0, "0.00", "0", "0.00"},
		{123_456_789_01, "123,456,789.01", "12346", "12345.68"},
	} {
		if got := tc.f.Yuan(); got != tc.yuan {
			t.Errorf("%d.Yuan() = %s, want %s", tc.f, got, tc.yuan)
		}
		if got := tc.f.Wan(0); got != tc.wan0 && !(tc.wan0 == "-0" && got == "0") {
			t.Errorf("%d.Wan(0) = %s, want %s", tc.f, got, tc.wan0)
		}
		if got := tc.f.Wan(2); got != tc.wan2 {
			t.Errorf("%d.Wan(2) = %s, want %s", tc.f, got, tc.wan2)
		}
	}
}

func TestAppendPlain(t *testing.T) {
	for _, f := range []Fen{0, 1, -1, 9, 10, 99, 100, 12345, -12345, 1 << 40, -(1 << 40), -5} {
		if got := string(f.AppendPlain([]byte("x"))); got != "x"+f.String() {
			t.Errorf("%d: %q, want %q", f, got, "x"+f.String())
		}
	}
}

// TestAmountKeepsTheSourcePrecision: an amount is shown again as the form
// printed it, in its unit and with its decimals, and in 万元 exactly.
func TestAmountKeepsTheSourcePrecision(t *testing.T) {
	cases := []struct {
		in, published, wan, text string
		fen                      Fen
	}{
		{"207.4538", "207.4538万元", "207.4538", "207.4538", 207_453_800},
		{"21", "21万元", "21", "21", 21_000_000},
		{"16.00", "16.00万元", "16.00", "16.00", 16_000_000},
		{"0.355", "0.355万元", "0.355", "0.355", 355_000},
		{"21万元", "21万元", "21", "21", 21_000_000},
		{"215,457.6元", "215,457.6元", "21.54576", "215457.6元", 21_545_760},
		{"250000.00元", "250,000.00元", "25.000000", "250000.00元", 25_000_000},
		{"9034元", "9,034元", "0.9034", "9034元", 903_400},
		{"0元", "0元", "0.0000", "0元", 0},
	}
	for _, c := range cases {
		var a Amount
		if err := a.UnmarshalText([]byte(c.in)); err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		text, _ := a.MarshalText()
		if a.Fen != c.fen || a.Published() != c.published || a.String() != c.wan || string(text) != c.text {
			t.Errorf("%q: fen %d published %q 万元 %q text %q; want %d %q %q %q", c.in, a.Fen, a.Published(), a.String(), text, c.fen, c.published, c.wan, c.text)
		}
	}
	for _, bad := range []string{"1.234元", "abc元", "12万", "1,23元"} {
		var a Amount
		if err := a.UnmarshalText([]byte(bad)); err == nil {
			t.Errorf("%q accepted as %+v", bad, a)
		}
	}
}

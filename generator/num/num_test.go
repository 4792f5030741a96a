package num

import (
	"math"
	"math/big"
	"testing"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in, out string
		ok      bool
	}{
		{"90.00", "90.00", true}, {"100", "100", true}, {"-1.5", "-1.5", true}, {"0", "0", true},
		{"1e2", "", false}, {"", "", false}, {"1.", "", false}, {".5", "", false}, {"100%", "", false}, {"１００", "", false},
	} {
		d, err := Parse(tc.in)
		if (err == nil) != tc.ok || (tc.ok && d.String() != tc.out) {
			t.Errorf("Parse(%q) = %s, %v", tc.in, d, err)
		}
	}
	if MustParse("30").Cmp(MustParse("30.00")) != 0 {
		t.Error("30 != 30.00")
	}
}

func TestFormat(t *testing.T) {
	for _, tc := range []struct {
		num, den int64
		places   int
		want     string
	}{
		{1, 3, 2, "0.33"}, {2, 3, 2, "0.67"}, {1, 200, 2, "0.01"}, {-1, 200, 2, "-0.01"},
		{1, 400, 2, "0.00"}, {-1, 400, 2, "0.00"}, {8999, 100, 0, "90"}, {191_610_70 * 100, 210_000_00, 2, "91.24"},
	} {
		if got := Format(big.NewRat(tc.num, tc.den), tc.places); got != tc.want {
			t.Errorf("Format(%d/%d, %d) = %s, want %s", tc.num, tc.den, tc.places, got, tc.want)
		}
	}
	if Percent(1, 0) != nil {
		t.Error("a rate of nothing must be undefined")
	}
}

// FuzzFormatSmall: the machine-integer path of Format writes exactly what
// the big.Int path writes.
func FuzzFormatSmall(f *testing.F) {
	f.Add(int64(1), int64(3), 2)
	f.Add(int64(-5), int64(1000), 2)
	f.Add(int64(math.MaxInt64), int64(7), 0)
	f.Add(int64(-1), int64(200), 2)
	f.Add(int64(19161070), int64(210000), 2)
	f.Fuzz(func(t *testing.T, n, d int64, places int) {
		if d == 0 || places < 0 || places > 12 {
			return
		}
		r := big.NewRat(n, d)
		small, ok := formatSmall(r, places)
		if big := formatBig(r, places); ok && small != big {
			t.Errorf("%d/%d at %d places: %q, want %q", n, d, places, small, big)
		}
	})
}

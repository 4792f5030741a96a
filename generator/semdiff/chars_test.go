package semdiff

import (
	"strings"
	"testing"
	"testing/quick"
)

func apply(segs []Segment) (a, b string) {
	var x, y strings.Builder
	for _, s := range segs {
		if s.Op != "+" {
			x.WriteString(s.Text)
		}
		if s.Op != "-" {
			y.WriteString(s.Text)
		}
	}
	return x.String(), y.String()
}

func TestChars(t *testing.T) {
	for _, tc := range []struct{ a, b, want string }{
		{"资金使用规范，符合相关制度", "资金使用规范，符合有关制度", "=资金使用规范，符合 -相 +有 =关制度"},
		{"平台续建情况是否达标，，对应", "平台续建情况是否达标，对应", "=平台续建情况是否达标， -， =对应"},
		{"", "新增", "+新增"},
		{"删除", "", "-删除"},
		{"不变", "不变", "=不变"},
	} {
		var got []string
		for _, s := range Chars(tc.a, tc.b) {
			got = append(got, s.Op+s.Text)
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("Chars(%q, %q) = %q, want %q", tc.a, tc.b, strings.Join(got, " "), tc.want)
		}
	}
}

// TestCharsRebuildsBoth: whatever the texts, the diff's kept and deleted
// runs give the old text and its kept and inserted runs the new.
func TestCharsRebuildsBoth(t *testing.T) {
	f := func(a, b string) bool {
		x, y := apply(Chars(a, b))
		return x == string([]rune(a)) && y == string([]rune(b))
	}
	if err := quick.Check(f, &quick.Config{MaxCount: 500}); err != nil {
		t.Error(err)
	}
}

package check

import (
	"math/rand/v2"
	"testing"
)

// TestFirstControl compares firstControl with the rune-by-rune scan on
// text made of the characters either treats specially.
func TestFirstControl(t *testing.T) {
	pieces := []string{"a", "中", "\t", "\n", "\r", "\x00", "\x07", "\x0b", "\x7f", "\u0080", "\u0085", "\u009f", "\u00a0", "\u00c2",
		"\ufffd", "\ufffe", "\uffff", "\uffef", "\uefbf", "\xff", "\xc2", "\xef\xbf", "\xe4\xb8", "é", "😀"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		s := ""
		for range rng.IntN(6) {
			s += pieces[rng.IntN(len(pieces))]
		}
		i, r := firstControl(s)
		wi, wr := firstControlRunes(s)
		if i != wi || (i >= 0 && r != wr) {
			t.Fatalf("%q: got %d %U, want %d %U", s, i, r, wi, wr)
		}
	}
}

package web

import (
	"bytes"
	"encoding/csv"
	"testing"
)

// FuzzCSVField: our CSV writer writes a row exactly as encoding/csv does.
func FuzzCSVField(f *testing.F) {
	f.Add("a", "b,c", "d\"e")
	f.Add(" lead", "\\.", "line\r\nbreak")
	f.Add("", "\u3000全角空格", "=1+2")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		var want bytes.Buffer
		w := csv.NewWriter(&want)
		_ = w.Write([]string{a, b, c})
		w.Flush()
		var got []byte
		for i, s := range []string{a, b, c} {
			got = appendCSVField(got, i, s)
		}
		got = append(got, '\n')
		if w.Error() == nil && string(got) != want.String() {
			t.Errorf("%q: got %q, want %q", []string{a, b, c}, got, want.String())
		}
	})
}

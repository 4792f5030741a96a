package textenc

import (
	"strings"
	"testing"

	"disclose/generator/diag"
)

func TestUTF16(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"UTF-16LE", []byte{0xFF, 0xFE, '1', 0, ',', 0}},
		{"UTF-16BE", []byte{0xFE, 0xFF, 0, '1', 0, ','}},
	} {
		for _, read := range []struct {
			name string
			f    func(*diag.List) bool
		}{
			{"Decode", func(d *diag.List) bool { _, _, ok := Decode("f.csv", tc.data, d); return ok }},
			{"CheckUTF8", func(d *diag.List) bool { return CheckUTF8("f.md", tc.data, d) }},
		} {
			t.Run(tc.name+" "+read.name, func(t *testing.T) {
				diags := &diag.List{}
				if read.f(diags) {
					t.Fatal("accepted")
				}
				got := diags.Sorted()
				if len(got) != 1 || !strings.Contains(got[0].Message, "文件是 UTF-16 编码，请另存为 UTF-8") {
					t.Errorf("got %v", got)
				}
			})
		}
	}
}

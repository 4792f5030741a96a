package load

import (
	"bytes"
	"encoding/csv"
	"io"
	"slices"
	"testing"
)

// FuzzPlainCSV: on text with no quote and no CR, plainCSV gives
// encoding/csv's records and field positions.
func FuzzPlainCSV(f *testing.F) {
	for _, s := range []string{"a,b\n1,2\n", "a,b\n\n#c\n1,,2\n,\n", "x", "", "\n\n", "#\n# x,y\na", "日期,金额\n2021-01-01,1.00", "a,b\n \n ,\n", "\ufeffa\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		if bytes.IndexByte(text, '"') >= 0 || bytes.IndexByte(text, '\r') >= 0 {
			return
		}
		p := newRecordReader(text)
		if _, ok := p.(*plainCSV); !ok {
			t.Fatal("not plainCSV")
		}
		c := csv.NewReader(bytes.NewReader(text))
		c.Comment = '#'
		c.FieldsPerRecord = -1
		c.ReuseRecord = true
		for {
			pr, perr := p.Read()
			cr, cerr := c.Read()
			if perr != cerr && !(perr == io.EOF && cerr == io.EOF) {
				t.Fatalf("errors %v, csv %v on %q", perr, cerr, text)
			}
			if cerr != nil {
				return
			}
			if !slices.Equal(pr, cr) {
				t.Fatalf("record %q, csv %q on %q", pr, cr, text)
			}
			for i := range cr {
				pl, pc := p.FieldPos(i)
				cl, cc := c.FieldPos(i)
				if pl != cl || pc != cc {
					t.Fatalf("field %d at %d:%d, csv %d:%d on %q", i, pl, pc, cl, cc, text)
				}
			}
		}
	})
}

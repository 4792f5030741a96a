package pdf_test

import (
	"bytes"
	"testing"

	"disclose/generator/internal/testutil"
	"disclose/generator/model"
	"disclose/generator/pdf"
)

type memOut map[string][]byte

func (m memOut) WriteFile(rel string, data []byte) error { m[rel] = data; return nil }

// TestYearFromKeptParts: a combined report assembled from parts kept by an
// earlier build (encoded, decoded) has the bytes of one whose parts were
// all laid out afresh, in both editions; a damaged part is refused.
func TestYearFromKeptParts(t *testing.T) {
	f := loadFonts(t)
	depts := loadDepts(t, testutil.ContentDir())
	w := pdf.NewWriter(f, &model.Site{Title: "测试", Publisher: "测试"}, "")
	for _, summary := range []bool{false, true} {
		fresh := func() []*pdf.YearPart {
			var parts []*pdf.YearPart
			for _, d := range depts {
				if summary {
					parts = append(parts, w.SectionPart(pdf.SectionOf(d)))
				} else {
					parts = append(parts, w.FullPart(d))
				}
			}
			return parts
		}
		want, got := memOut{}, memOut{}
		path, _, err := w.VolumeFromParts(2021, w.Volumes(len(depts))[0], fresh(), want)
		if err != nil {
			t.Fatal(err)
		}
		written := fresh()
		if _, _, err := w.VolumeFromParts(2021, w.Volumes(len(depts))[0], written, memOut{}); err != nil {
			t.Fatal(err)
		}
		var kept []*pdf.YearPart
		for i, p := range written {
			data, err := p.Encode()
			if err != nil {
				t.Fatal(err)
			}
			if _, err := pdf.DecodePart(data[:len(data)-1]); err == nil {
				t.Error("a truncated part was accepted")
			}
			k, err := pdf.DecodePart(data)
			if err != nil {
				t.Fatal(err)
			}
			if i == 0 { // one part afresh, the others kept
				k = fresh()[0]
			}
			kept = append(kept, k)
		}
		if _, _, err := w.VolumeFromParts(2021, w.Volumes(len(depts))[0], kept, got); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(want[path], got[path]) {
			t.Errorf("summary=%t: the report from kept parts differs from a fresh one", summary)
		}
	}
}

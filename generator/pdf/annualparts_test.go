package pdf_test

import (
	"bytes"
	"strings"
	"testing"

	"disclose/generator/derive"
	"disclose/generator/internal/pdfcheck"
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

// TestVolume: a volume of a combined report in several is a report of its
// own: its file, its cover saying which volume, its departments in the
// contents and the bookmarks, its pages numbered from 1.
func TestVolume(t *testing.T) {
	f := loadFonts(t)
	depts := loadDepts(t, testutil.ContentDir())
	one := 1
	w := pdf.NewWriter(f, &model.Site{Title: "测试", Publisher: "测试", PDF: model.PDFSettings{AnnualVolume: &one}}, "")
	var parts []*pdf.YearPart
	for _, d := range []*derive.Department{depts[0], depts[0]} { // two volumes of one
		parts = append(parts, w.SectionPart(pdf.SectionOf(d)))
	}
	vs := w.Volumes(len(parts))
	if len(vs) != 2 {
		t.Fatalf("volumes %+v", vs)
	}
	out := memOut{}
	path, _, err := w.VolumeFromParts(2021, vs[1], parts[vs[1].From:vs[1].To], out)
	if err != nil {
		t.Fatal(err)
	}
	if path != "2021/report-2021-2.pdf" {
		t.Errorf("path %s", path)
	}
	r, err := pdfcheck.Check(out[path])
	if err != nil || len(r.Problems) > 0 {
		t.Fatalf("%v %v", err, r.Problems)
	}
	text := squeezeSpace(r.Text)
	for _, want := range []string{"各部门合订本", "第2册（共2册）", "第1页共", depts[0].Name} {
		if !strings.Contains(text, want) {
			t.Errorf("volume lacks %q", want)
		}
	}
	if n := strings.Count(text, "第一部分部门整体绩效目标"); n != 2 { // contents and body: one department
		t.Errorf("part one printed %d times, want 2", n)
	}
}

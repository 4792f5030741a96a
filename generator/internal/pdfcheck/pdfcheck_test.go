package pdfcheck

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/signintech/gopdf"

	"disclose/generator/assets"
)

func sample(t *testing.T, text string, compress ...bool) []byte {
	t.Helper()
	data, err := assets.Read(assets.CacheDir(), "npm/@expo-google-fonts/noto-serif-sc@0.4.3/package/400Regular/NotoSerifSC_400Regular.ttf")
	if err != nil {
		t.Fatalf("font (run make assets): %v", err)
	}
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
	if len(compress) > 0 && !compress[0] {
		pdf.SetNoCompression()
	}
	if err := pdf.AddTTFFontData("ABCDEF+Serif", data); err != nil {
		t.Fatal(err)
	}
	pdf.AddPage()
	pdf.SetFont("ABCDEF+Serif", "", 12)
	pdf.SetXY(50, 50)
	pdf.Text(text)
	return pdf.GetBytesPdf()
}

func TestCheckFindsRealGlyphs(t *testing.T) {
	r, err := Check(sample(t, "绩效目标 100% 21万元"))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Problems) != 0 || r.Glyphs != 14 || r.Fonts != 1 || r.Pages != 1 {
		t.Errorf("report %+v", r)
	}
	if !strings.Contains(r.Text, "绩效目标 100% 21万元") {
		t.Errorf("text %q", r.Text)
	}
}

// TestCheckCatchesBlankAndNotdef edits a PDF, keeping every byte offset,
// so that a character's text maps to an empty glyph, then so that glyph 0
// (.notdef) is drawn: the checker must report both. (A character missing
// from the font is caught earlier, before any PDF is written: gopdf would
// draw it as a space and the text layer would lose it.)
func TestCheckCatchesBlankAndNotdef(t *testing.T) {
	pdf := sample(t, "吉 ", false)
	blank := bytes.Replace(pdf, []byte("<0020>"), []byte("<5409>"), 1) // the space's glyph now claims to be 吉
	if bytes.Equal(blank, pdf) {
		t.Fatal("ToUnicode entry not found")
	}
	r, err := Check(blank)
	if err != nil || len(r.Problems) != 1 || !strings.Contains(r.Problems[0], "prints blank") {
		t.Errorf("blank glyph: %v %+v", err, r)
	}
	notdef := regexp.MustCompile(`<([0-9A-Fa-f]{4})0001>`).ReplaceAll(pdf, []byte("<${1}0000>"))
	r, err = Check(notdef)
	if err != nil || len(r.Problems) == 0 || !strings.Contains(strings.Join(r.Problems, ";"), ".notdef") {
		t.Errorf(".notdef glyph: %v %+v", err, r)
	}
}

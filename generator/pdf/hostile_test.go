package pdf_test

import (
	"bytes"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"disclose/generator/assets"
	"disclose/generator/derive"
	"disclose/generator/internal/pdfcheck"
	"disclose/generator/internal/testutil"
	"disclose/generator/markdown"
	"disclose/generator/pdf"
)

// renderWithin renders d in a goroutine and fails the test when it has not
// finished after limit: a hang must fail, not stall the suite.
func renderWithin(t *testing.T, f *pdf.Fonts, d *derive.Department, o pdf.Options, limit time.Duration) []byte {
	t.Helper()
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		data, err := pdf.Department(f, d, o)
		done <- result{data, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatal(r.err)
		}
		return r.data
	case <-time.After(limit):
		t.Fatalf("the report was not finished after %v", limit)
		return nil
	}
}

// TestAnyCharacterInPrintedText: line breaks, tabs and control characters
// in any printed field are laid out (a hard break) or left out of the
// drawing, never hang the build and never reach gopdf as glyphs.
func TestAnyCharacterInPrintedText(t *testing.T) {
	// Fonts of their own: a hang holds the fonts' lock for good.
	f, err := pdf.LoadFonts(assets.CacheDir(), pdf.FontFiles{})
	if err != nil {
		t.Fatalf("fonts (run make assets): %v", err)
	}
	cases := []struct {
		name string
		edit func(d *derive.Department, s string)
		text string
		want []string // lines of text that must be printed, in order
	}{
		{"block scalar in a basis", func(d *derive.Department, s string) { d.Indicators[0].Basis = s }, "第一行依据\n第二行依据\n", []string{"第一行依据", "第二行依据"}},
		{"CRLF in a description", func(d *derive.Department, s string) { d.Indicators[0].Description = s }, "描述甲\r\n描述乙", []string{"描述甲", "描述乙"}},
		{"lone CR in a memo", func(d *derive.Department, s string) { d.Projects[0].Recs[0].Memo = s }, "摘要甲\r摘要乙", []string{"摘要甲", "摘要乙"}},
		{"lone CR in a narrative", func(d *derive.Department, s string) { d.OverallGoal.Text, d.OverallGoal.Doc = s, markdown.Parse(s) }, "总体目标甲。\r总体目标乙。\n", []string{"总体目标甲。", "总体目标乙。"}},
		{"line separators in a sub-target", func(d *derive.Department, s string) { d.SubTargets[0] = s }, "分项甲\u2028分项乙\u2029分项丙", []string{"分项甲", "分项乙", "分项丙"}},
		{"tab in a project name", func(d *derive.Department, s string) { d.Projects[0].Name = s }, "项目\t名称", []string{"项目名称"}},
		{"line break in the title", func(d *derive.Department, s string) { d.Title = s }, "标题上行\n标题下行", []string{"标题上行", "标题下行"}},
		{"control characters in a purpose", func(d *derive.Department, s string) { d.Projects[0].Purpose = s }, "用途\x00\x01\x07\x1b\x7f\u0085\u009b说明", []string{"用途", "说明"}},
		{"line break in a heading", func(d *derive.Department, s string) { d.MeasuresTitle = s }, "保障\n措施", []string{"保障", "措施"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := loadDepts(t, testutil.ContentDir())[0]
			c.edit(d, c.text)
			data := renderWithin(t, f, d, opts, time.Minute)
			r, err := pdfcheck.Check(data)
			if err != nil || len(r.Problems) > 0 {
				t.Fatalf("pdfcheck: %v %v", err, r.Problems)
			}
			text := squeeze(r.Text)
			at := 0
			for _, w := range c.want {
				i := strings.Index(text[at:], w)
				if i < 0 {
					t.Fatalf("%q is not printed (after byte %d)", w, at)
				}
				at += i + len(w)
			}
			for _, ctl := range []string{"\x00", "\x01", "\x07", "\x1b", "\x7f", "\u0085", "\u009b", "\t"} {
				if strings.Contains(r.Text, ctl) {
					t.Errorf("control character %q reached the page", ctl)
				}
			}
			again := renderWithin(t, f, loadEdited(t, c.edit, c.text), opts, time.Minute)
			if !bytes.Equal(data, again) {
				t.Error("two renderings differ")
			}
		})
	}
	// Every character went through CheckGlyphs' rules or was left out:
	// gopdf was never asked for a glyph the fonts lack.
	if m := pdf.DrawnMissing(f); len(m) > 0 {
		t.Errorf("gopdf was asked to draw %q", string(m))
	}
}

func loadEdited(t *testing.T, edit func(*derive.Department, string), s string) *derive.Department {
	d := loadDepts(t, testutil.ContentDir())[0]
	edit(d, s)
	return d
}

// peakHeap runs f while sampling the heap, and returns the highest heap in
// use (HeapAlloc, live and not yet collected) above what was in use after
// a collection before f started.
func peakHeap(f func()) uint64 {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var peak atomic.Uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var s runtime.MemStats
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&s)
			if s.HeapAlloc > peak.Load() {
				peak.Store(s.HeapAlloc)
			}
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	f()
	close(stop)
	<-sampled
	if p := peak.Load(); p > base {
		return p - base
	}
	return 0
}

// TestLongCellsContinueOnTheNextPage: a cell longer than a page (10,000
// characters of 指标值确定依据, or a memo of MaxMemoChars) continues on
// the next pages, printed whole and in order, in memory bounded by its
// length.
func TestLongCellsContinueOnTheNextPage(t *testing.T) {
	f := loadFonts(t)
	long := strings.Repeat("依据《测试办法》第十二条规定，结合上年度实际完成情况确定。", 400)[:30000] // 10,000 characters
	long = strings.ToValidUTF8(long, "")
	memo := string([]rune(long)[:pdf.MaxMemoChars]) // the longest memo printed whole (TestLongMemoIsCut)
	cases := []struct {
		name string
		edit func(d *derive.Department)
		text string // the cell's text
	}{
		{"basis", func(d *derive.Department) { d.Indicators[0].Basis = long }, long},
		{"memo", func(d *derive.Department) { d.Projects[0].Recs[0].Memo = memo }, memo},
		{"merged level-1 cell", func(d *derive.Department) { d.Indicators[0].Level1 = long }, long},
	}
	const limit = 64 << 20
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := loadDepts(t, testutil.ContentDir())[0]
			c.edit(d)
			var data []byte
			peak := peakHeap(func() { data = renderWithin(t, f, d, opts, 2*time.Minute) })
			t.Logf("peak heap above the start: %.1f MB, PDF %d KB", float64(peak)/(1<<20), len(data)>>10)
			if peak > limit {
				t.Fatalf("a 10,000-character cell took %d MB of heap", peak>>20)
			}
			r, err := pdfcheck.Check(data)
			if err != nil || len(r.Problems) > 0 {
				t.Fatalf("pdfcheck: %v %v", err, r.Problems)
			}
			// Across pages the caption （续） and the header row come
			// between the cell's lines: its text must be a subsequence.
			if !subsequence(squeeze(c.text), squeeze(r.Text)) {
				t.Error("the long cell is not printed whole and in order")
			}
			if r.Pages < 4 {
				t.Errorf("%d pages: the cell did not continue on the next pages", r.Pages)
			}
		})
	}
}

// TestLongMemoIsCut: the records table prints a memo's first MaxMemoChars
// characters and then points to the open data, so that a memo of a
// million characters makes no more pages than one of MaxMemoChars+1, in
// bounded memory; a memo of MaxMemoChars is printed whole, unmarked.
func TestLongMemoIsCut(t *testing.T) {
	f := loadFonts(t)
	head := strings.Repeat("依据《测试办法》第十二条规定，结合上年度实际完成情况确定，共计21万元和100%。", pdf.MaxMemoChars/30)
	head = string([]rune(head)[:pdf.MaxMemoChars])
	const past = "鑫" // in no memo's first MaxMemoChars, nor elsewhere in the report
	mark := squeeze(pdf.MemoCut)
	pages := 0
	for _, c := range []struct {
		name string
		memo string
		cut  bool
	}{
		{"MaxMemoChars", head, false},
		{"one more", head + past, true},
		{"a million characters", head + strings.Repeat(past, 1_000_000-pdf.MaxMemoChars), true},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := loadDepts(t, testutil.ContentDir())[0]
			d.Projects[0].Recs[0].Memo = c.memo
			var data []byte
			peak := peakHeap(func() { data = renderWithin(t, f, d, opts, 2*time.Minute) })
			t.Logf("peak heap above the start: %.1f MB, PDF %d KB", float64(peak)/(1<<20), len(data)>>10)
			if peak > 64<<20 {
				t.Errorf("a memo of %d characters took %d MB of heap", len([]rune(c.memo)), peak>>20)
			}
			r, err := pdfcheck.Check(data)
			if err != nil || len(r.Problems) > 0 {
				t.Fatalf("pdfcheck: %v %v", err, r.Problems)
			}
			text := squeeze(r.Text)
			if strings.Contains(text, past) {
				t.Errorf("characters past the first %d of the memo are printed", pdf.MaxMemoChars)
			}
			want := head
			if c.cut {
				want += pdf.MemoCut
			}
			if !subsequence(squeeze(want), text) {
				t.Error("the memo's first characters are not printed whole and in order, with the mark when cut")
			}
			if got := strings.Contains(text, mark); got != c.cut {
				t.Errorf("the mark %q is printed: %v, want %v", pdf.MemoCut, got, c.cut)
			}
			if c.cut {
				if pages == 0 {
					pages = r.Pages
				} else if r.Pages != pages {
					t.Errorf("%d pages, and %d for a memo one character past the cap", r.Pages, pages)
				}
			}
		})
	}
}

func TestPDFLiteralCannotEndTheString(t *testing.T) {
	for in, want := range map[string]string{
		"zh-CN": "(zh-CN)",
		"zh-CN) /OpenAction << /S /JavaScript /JS (app.alert(1)) >> (": `(zh-CN\) /OpenAction << /S /JavaScript /JS \(app.alert\(1\)\) >> \()`,
		"a\\b\r\n中": `(a\\b\015\012\344\270\255)`,
	} {
		if got := pdf.PDFLiteral(in); got != want {
			t.Errorf("pdfLiteral(%q) = %s, want %s", in, got, want)
		}
	}
}

// subsequence reports whether the runes of a appear in b in order.
func subsequence(a, b string) bool {
	ar := []rune(a)
	i := 0
	for _, r := range b {
		if i < len(ar) && ar[i] == r {
			i++
		}
	}
	return i == len(ar)
}

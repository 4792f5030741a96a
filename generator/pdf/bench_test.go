package pdf_test

import (
	"os"
	"runtime"
	"strings"
	"testing"

	"disclose/generator/corpus"
	"disclose/generator/derive"
	"disclose/generator/internal/pdfcheck"
	"disclose/generator/internal/testutil"
	"disclose/generator/pdf"
)

// benchReport renders one department's report b.N times and reports its
// size, its pages, the time per page and the peak heap. Fonts are parsed
// once, outside the timing, as a build does.
func benchReport(b *testing.B, d *derive.Department) {
	f := loadFonts(b)
	var data []byte
	var peak uint64
	b.ReportAllocs()
	for b.Loop() {
		var err error
		if data, err = pdf.Department(f, d, opts); err != nil {
			b.Fatal(err)
		}
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		peak = max(peak, m.HeapInuse)
	}
	r, err := pdfcheck.Check(data)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(data))/1024, "KB")
	b.ReportMetric(float64(r.Pages), "pages")
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N)/float64(r.Pages), "ms/page")
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
}

// BenchmarkSampleReport is the sample department (targets: under 100 ms
// and 250 KB).
func BenchmarkSampleReport(b *testing.B) {
	benchReport(b, loadDepts(b, testutil.ContentDir())[0])
}

// BenchmarkReport100 is a synthetic department of 100 projects.
func BenchmarkReport100(b *testing.B) {
	dir := os.Getenv("BENCH_CONTENT")
	if dir == "" {
		dir = b.TempDir()
		if err := corpus.Write(dir, corpus.Options{Departments: 1, Projects: 100, Records: 20_000, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
	benchReport(b, loadDepts(b, dir)[0])
}

// longText is n characters of a real 指标值确定依据's mix: Chinese,
// punctuation, book-title marks, numbers with units.
func longText(n int) string {
	const unit = "依据《测试办法》第十二条规定，结合上年度实际完成情况确定，共计21万元和100%。"
	s := strings.Repeat(unit, n/len([]rune(unit))+1)
	return string([]rune(s)[:n])
}

var longSizes = []struct {
	name string
	n    int
}{{"100k", 100_000}, {"1M", 1_000_000}}

// BenchmarkBreakLong is the line breaker alone on a long text at the memo
// column's width, with the report's font: time and bytes per text.
func BenchmarkBreakLong(b *testing.B) {
	f := loadFonts(b)
	measure := func(r rune) float64 { return f.Width(pdf.Serif, r) * 8.5 }
	for _, s := range longSizes {
		b.Run(s.name, func(b *testing.B) {
			text := longText(s.n)
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			lines := 0
			for b.Loop() {
				lines = len(pdf.Break(text, 121, measure))
			}
			b.ReportMetric(float64(lines), "lines")
		})
	}
}

// BenchmarkLongCellReport is the sample department's report with one long
// cell: a 指标值确定依据 (printed whole, page after page) and a memo (cut
// at pdf.MaxMemoChars).
func BenchmarkLongCellReport(b *testing.B) {
	for _, s := range longSizes {
		text := longText(s.n)
		b.Run("basis-"+s.name, func(b *testing.B) {
			d := loadDepts(b, testutil.ContentDir())[0]
			d.Indicators[0].Basis = text
			benchReport(b, d)
		})
		b.Run("memo-"+s.name, func(b *testing.B) {
			d := loadDepts(b, testutil.ContentDir())[0]
			d.Projects[0].Recs[0].Memo = text
			benchReport(b, d)
		})
	}
}

// BenchmarkAnnual is the combined report of a year of two synthetic
// departments, printed in full and as the summary edition (each
// department's first two parts and its project list).
func BenchmarkAnnual(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.Write(dir, corpus.Options{Departments: 2, Projects: 30, Records: 2000, Seed: 3}); err != nil {
		b.Fatal(err)
	}
	depts := loadDepts(b, dir)
	f := loadFonts(b)
	for _, mode := range []struct {
		name     string
		projects int
	}{{"full", pdf.DefaultAnnualProjects}, {"summary", 0}} {
		b.Run(mode.name, func(b *testing.B) {
			o := opts
			o.AnnualProjects = mode.projects
			var data []byte
			b.ReportAllocs()
			for b.Loop() {
				var err error
				if data, err = pdf.Year(f, 2021, depts, o); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(data))/1024, "KB")
		})
	}
}

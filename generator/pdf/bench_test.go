package pdf_test

import (
	"os"
	"runtime"
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

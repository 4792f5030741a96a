package check_test

import (
	"runtime"
	"sync"
	"testing"

	"disclose/generator/check"
	"disclose/generator/corpus"
	"disclose/generator/load"
)

var (
	benchOnce sync.Once
	benchDir  string
)

// BenchmarkLoadCheck loads and checks one synthetic department of 500
// projects and 100,000 spending records. Peak heap is reported as
// peak-MB; scripts/bench-check measures the province size end to end.
func BenchmarkLoadCheck(b *testing.B) {
	benchOnce.Do(func() {
		benchDir = b.TempDir() + "/content"
		if err := corpus.Write(benchDir, corpus.Options{Departments: 1, Projects: 500, Records: 100_000, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	})
	b.ReportAllocs()
	var peak uint64
	for b.Loop() {
		site, diags := load.Site(benchDir)
		check.Site(site, diags)
		if diags.HasErrors() {
			b.Fatal(diags.Sorted()[0])
		}
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		peak = max(peak, m.HeapInuse)
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
	b.ReportMetric(100_000*float64(b.N)/b.Elapsed().Seconds(), "records/s")
}

package web_test

import (
	"os"
	"runtime"
	"testing"

	"disclose/generator/assets"
	"disclose/generator/check"
	"disclose/generator/corpus"
	"disclose/generator/derive"
	"disclose/generator/load"
	"disclose/generator/model"
	"disclose/generator/web"
)

// BenchmarkBuild renders the website of one synthetic department with 500
// projects and 100,000 records (load, check and derive excluded). It
// reports pages per second and the peak heap; scripts/bench-build measures
// the whole command.
func BenchmarkBuild(b *testing.B) {
	site, depts := benchDepartment(b)
	b.ReportAllocs()
	var peak uint64
	for b.Loop() {
		out, _ := os.MkdirTemp(b.TempDir(), "out")
		if err := web.Build(site, depts, out, web.Options{Cache: assets.CacheDir()}); err != nil {
			b.Fatal(err)
		}
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		peak = max(peak, m.HeapInuse)
	}
	b.ReportMetric(502*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
}

// benchDepartment is one synthetic department of 500 projects and 100,000
// records, loaded, checked and derived.
func benchDepartment(b *testing.B) (*model.Site, []*derive.Department) {
	content := b.TempDir()
	if err := corpus.Write(content, corpus.Options{Departments: 1, Projects: 500, Records: 100_000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	site, diags := load.Site(content)
	check.Site(site, diags)
	if diags.HasErrors() {
		b.Fatal(diags.Sorted()[0])
	}
	return site, derive.Site(site)
}

package web_test

import (
	"testing"

	"disclose/generator/assets"
	"disclose/generator/check"
	"disclose/generator/corpus"
	"disclose/generator/derive"
	"disclose/generator/load"
	"disclose/generator/web"
)

type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }

// BenchmarkDepartment renders one synthetic department of 500 projects and
// 100,000 records (its pages, open data and search entries) into nothing:
// the CPU of the render stage alone, without the file system.
func BenchmarkDepartment(b *testing.B) {
	content := b.TempDir()
	if err := corpus.Write(content, corpus.Options{Departments: 1, Projects: 500, Records: 100_000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	site, diags := load.Site(content)
	check.Site(site, diags)
	if diags.HasErrors() {
		b.Fatal(diags.Sorted()[0])
	}
	depts := derive.Site(site)
	r, err := web.New(site, web.Options{Cache: assets.CacheDir()})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Department(depts[0], discard{}, nil, nil); err != nil {
			b.Fatal(err)
		}
	}
}

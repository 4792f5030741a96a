package web_test

import (
	"testing"

	"disclose/generator/assets"
	"disclose/generator/web"
)

type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }

// BenchmarkDepartment renders one synthetic department of 500 projects and
// 100,000 records (its pages, open data and search entries) into nothing:
// the CPU of the render stage alone, without the file system.
func BenchmarkDepartment(b *testing.B) {
	site, depts := benchDepartment(b)
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

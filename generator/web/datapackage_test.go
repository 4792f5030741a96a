package web

import (
	"bytes"
	"testing"

	"disclose/generator/model"
)

type memOut map[string][]byte

func (m memOut) WriteFile(rel string, data []byte) error { m[rel] = data; return nil }

// TestDatapackageBytes: datapackage.json put together from its segments'
// pieces has the bytes json.Encoder gives the whole, for no tables, one,
// and several sharing column lists (with text that needs escaping), with a
// segment of none between.
func TestDatapackageBytes(t *testing.T) {
	cols := func(names ...string) []Column {
		var c []Column
		for _, n := range names {
			c = append(c, Column{Name: n, Type: "string", Description: n + " <说明> \"引\" \u2028"})
		}
		return c
	}
	res := func(path string, c []Column) Resource {
		r := Resource{Name: path, Path: path, Title: "表 & " + path, Profile: "tabular-data-resource", Format: "csv", Mediatype: "text/csv", Encoding: "utf-8"}
		r.Schema.Fields = c
		return r
	}
	a, b := cols("项目编码", "名称"), cols("年度")
	site := &model.Site{Title: "站点 <标题>", Publisher: "发布者"}
	// Each case: segments, each its departments' resources.
	for _, segs := range [][][]Resource{
		nil,
		{{}},
		{{res("2021/x/data/a.csv", a)}},
		{{res("2021/x/data/a.csv", a), res("2021/x/data/c.csv", nil), res("2021/x/data/b.csv", b)}, {}, {res("2021/y/data/a.csv", a), res("2021/y/data/b.csv", b)}},
	} {
		out := memOut{}
		w := &writer{out: out}
		var pieces []SegmentPiece
		var resources []Resource
		for _, rs := range segs {
			rs = append([]Resource(nil), rs...)
			sortResources(rs)
			piece, err := resourcesPiece(rs)
			if err != nil {
				t.Fatal(err)
			}
			pieces = append(pieces, SegmentPiece{Resources: piece})
			resources = append(resources, rs...)
		}
		writeDatapackage(w, site, pieces)
		if w.err != nil {
			t.Fatal(w.err)
		}
		want, _ := indentedJSON(map[string]any{
			"profile":     "tabular-data-package",
			"name":        "disclose-budget-performance",
			"title":       site.Title,
			"description": datapackageDescription,
			"publisher":   site.Publisher,
			"resources":   resources,
		}, "", "  ")
		if got := out["datapackage.json"]; !bytes.Equal(got, want) {
			t.Errorf("%d segments:\n%s\nwant\n%s", len(segs), got, want)
		}
	}
}

package web

import (
	"bytes"
	"testing"

	"disclose/generator/model"
)

type memOut map[string][]byte

func (m memOut) WriteFile(rel string, data []byte) error { m[rel] = data; return nil }

// TestDatapackageBytes: datapackage.json put together from its resources
// has the bytes json.Encoder gives the whole, for no tables, one, and
// several sharing column lists (with text that needs escaping).
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
	for _, depts := range [][]*DeptSummary{
		nil,
		{{}},
		{{Resources: []Resource{res("2021/x/data/a.csv", a)}}},
		{{Resources: []Resource{res("2021/y/data/a.csv", a), res("2021/y/data/b.csv", b)}}, {Resources: []Resource{res("2021/x/data/a.csv", a), res("2021/x/data/c.csv", nil), res("2021/x/data/b.csv", b)}}},
	} {
		out := memOut{}
		w := &writer{out: out}
		writeDatapackage(w, site, depts)
		if w.err != nil {
			t.Fatal(w.err)
		}
		var resources []Resource
		for _, d := range depts {
			resources = append(resources, d.Resources...)
		}
		sortResources(resources)
		want, _ := indentedJSON(map[string]any{
			"profile":     "tabular-data-package",
			"name":        "disclose-budget-performance",
			"title":       site.Title,
			"description": datapackageDescription,
			"publisher":   site.Publisher,
			"resources":   resources,
		}, "", "  ")
		if got := out["datapackage.json"]; !bytes.Equal(got, want) {
			t.Errorf("%d departments:\n%s\nwant\n%s", len(depts), got, want)
		}
	}
}

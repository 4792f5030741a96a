package web

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"slices"
	"strings"

	"disclose/generator/model"
)

// datapackage.json lists every open-data table of the site with its
// columns: at ten times a province, 28 MB, nearly all of it the same few
// column lists again and again. Each resource is encoded on its own and
// its column list once per distinct list, then put in place; the bytes
// are those json.Encoder would write for the whole (indented two spaces,
// HTML not escaped), which the tests compare.

// Each segment encodes its departments' resources once (Segment), and a
// build keeps the piece with the segment: a rebuild puts the pieces
// together without reading the departments.

func writeDatapackage(w *writer, site *model.Site, segs []SegmentPiece) {
	const marker = "\x00resources\x00"
	head, err := indentedJSON(map[string]any{
		"profile":     "tabular-data-package",
		"name":        "disclose-budget-performance",
		"title":       site.Title,
		"description": datapackageDescription,
		"publisher":   site.Publisher,
		"resources":   marker,
	}, "", "  ")
	if err != nil {
		w.fail(err)
		return
	}
	quoted, _ := json.Marshal(marker)
	i := bytes.Index(head, quoted)
	if i < 0 {
		w.fail(errMarker)
		return
	}
	size := len(head)
	for _, s := range segs {
		size += len(s.Resources) + 2
	}
	out := appendResources(append(make([]byte, 0, size+8), head[:i]...), segs)
	w.file("datapackage.json", append(out, head[i+len(quoted):]...))
}

const datapackageDescription = "预算绩效信息公开的开放数据：绩效指标、预算项目、预算明细、资金支出计划执行情况、绩效运行监控、绩效自评（计算得分与公布得分）和支出记录。金额单位为元，比率为百分数，得分为两位小数，均为精确的十进制数。"

func sortResources(r []Resource) {
	slices.SortFunc(r, func(a, b Resource) int { return cmp.Compare(a.Path, b.Path) })
}

var errMarker = errors.New("datapackage.json: marker not found")

// indentedJSON is v as json.Encoder writes it with SetIndent(prefix,
// indent) and HTML not escaped.
func indentedJSON(v any, prefix, indent string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, indent)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// appendResources appends the resources array as it stands in the
// document, at depth one, from the segments' pieces.
func appendResources(out []byte, segs []SegmentPiece) []byte {
	start := len(out)
	out = append(out, "[\n"...)
	empty := true
	for _, s := range segs {
		if len(s.Resources) == 0 {
			continue
		}
		if !empty {
			out = append(out, ",\n"...)
		}
		empty = false
		out = append(out, s.Resources...)
	}
	if empty {
		return append(out[:start], "null"...)
	}
	return append(out, "\n  ]"...)
}

// resourcesPiece is a run of resources as they stand in the array, at
// depth two, one after the other (no brackets): each column list encoded
// once per distinct list.
func resourcesPiece(resources []Resource) ([]byte, error) {
	const prefix, indent = "    ", "  "
	fields := map[string][]byte{} // column list → its text
	var key strings.Builder
	var out []byte
	for i, r := range resources {
		key.Reset()
		for _, c := range r.Schema.Fields {
			key.WriteString(c.Name + "\x00" + c.Type + "\x00" + c.Description + "\x00")
		}
		bare := r
		bare.Schema.Fields = nil
		text, err := indentedJSON(bare, prefix, indent)
		if err != nil {
			return nil, err
		}
		text = bytes.TrimSuffix(text, []byte("\n"))
		at := bytes.LastIndex(text, []byte(`"fields": null`))
		if at < 0 {
			return nil, errMarker
		}
		at += len(`"fields": `)
		f, ok := fields[key.String()]
		if !ok {
			whole, err := indentedJSON(r, prefix, indent)
			if err != nil {
				return nil, err
			}
			whole = bytes.TrimSuffix(whole, []byte("\n"))
			// The same text but for the value of "fields".
			after := len(text) - at - len("null")
			f = whole[at : len(whole)-after]
			fields[key.String()] = f
		}
		if i > 0 {
			out = append(out, ",\n"...)
		}
		out = append(out, prefix...)
		out = append(out, text[:at]...)
		out = append(out, f...)
		out = append(out, text[at+len("null"):]...)
	}
	return out, nil
}

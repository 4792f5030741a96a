package web

import (
	"encoding/json"
	"html/template"
	"strings"
	"sync"
)

// The three charts of every project page differ only in their data: two
// series and the axis labels. go-echarts fills a chart's defaults by
// reflection and finish marshals maps of its structs, for 15,000 charts at
// 1×; so each kind's JSON is made once, with one-point stand-ins for the
// data, and cut around them (chartShape), and a chart's JSON is those
// pieces with its own data written between them: the bytes finish gives,
// which TestChartShapes compares for many data. Data the cut pieces are not
// sure to fit (an empty series, a value that is not a plain number or the
// missing mark) goes through go-echarts and finish.

// chartShape is a kind of chart, its JSON made by build, cut around the
// data.
type chartShape struct {
	build func(labels []string, a, b []any) template.JS
	once  sync.Once
	// parts are the JSON before series a's data, between a's and b's,
	// between b's and the labels, and after the labels; nil when the JSON
	// could not be cut so (every chart then goes through build).
	parts []string
}

var (
	planShape    = &chartShape{build: planOptions}
	monthlyShape = &chartShape{build: monthlyOptions}
	linesShape   = &chartShape{build: linesOptions}
)

// The stand-in for a point's value and for a label: a string no chart has.
const (
	standIn       = "\x00"
	standInData   = `[{"value":"\u0000"}]`
	standInLabels = `["\u0000"]`
)

func (s *chartShape) cut() {
	js := string(s.build([]string{standIn}, []any{standIn}, []any{standIn}))
	if strings.Count(js, `\u0000`) != 3 || strings.Count(js, standInData) != 2 || strings.Count(js, standInLabels) != 1 {
		return
	}
	i := strings.Index(js, standInData)
	j := i + len(standInData) + strings.Index(js[i+len(standInData):], standInData)
	k := strings.Index(js, standInLabels)
	if k < j {
		return
	}
	s.parts = []string{js[:i], js[i+len(standInData) : j], js[j+len(standInData) : k], js[k+len(standInLabels):]}
}

// options is the chart's JSON for labels and the two series a and b.
func (s *chartShape) options(labels []string, a, b []any) template.JS {
	s.once.Do(s.cut)
	if s.parts == nil || len(labels) == 0 || len(a) == 0 || len(b) == 0 {
		return s.build(labels, a, b)
	}
	names, err := json.Marshal(labels) // escaped for HTML, as finish's json.Marshal does
	if err != nil {
		return s.build(labels, a, b)
	}
	out := make([]byte, 0, len(s.parts[0])+len(s.parts[1])+len(s.parts[2])+len(s.parts[3])+len(names)+16*(len(a)+len(b)))
	out = append(out, s.parts[0]...)
	out, ok := appendSeries(out, a)
	out = append(out, s.parts[1]...)
	out, okB := appendSeries(out, b)
	out = append(out, s.parts[2]...)
	out = append(out, names...)
	out = append(out, s.parts[3]...)
	if !ok || !okB {
		return s.build(labels, a, b)
	}
	return template.JS(out)
}

// appendSeries writes a series' data as go-echarts' LineData or BarData
// with only a Value; false for a value other than a plain number or the
// missing mark.
func appendSeries(out []byte, values []any) ([]byte, bool) {
	out = append(out, '[')
	for i, v := range values {
		if i > 0 {
			out = append(out, ',')
		}
		out = append(out, `{"value":`...)
		switch v := v.(type) {
		case json.Number:
			if !plainNumber(string(v)) {
				return out, false
			}
			out = append(out, v...)
		case string:
			if v != missing {
				return out, false
			}
			out = append(out, `"-"`...)
		default:
			return out, false
		}
		out = append(out, '}')
	}
	return append(out, ']'), true
}

// plainNumber reports whether s is -?(0|[1-9][0-9]*)(.[0-9]+)?, a number
// encoding/json writes as it is.
func plainNumber(s string) bool {
	s = strings.TrimPrefix(s, "-")
	whole, frac, dot := strings.Cut(s, ".")
	if whole == "" || (len(whole) > 1 && whole[0] == '0') || (dot && frac == "") {
		return false
	}
	for _, part := range []string{whole, frac} {
		for i := 0; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				return false
			}
		}
	}
	return true
}

package web

import (
	"encoding/json"
	"math/rand"
	"testing"
)

// TestChartShapes: a chart's JSON written into its kind's cut pieces is
// the JSON go-echarts and finish give, whatever the labels and data.
func TestChartShapes(t *testing.T) {
	labels := []string{"6月底", "<script>&", "\u2028\u2029", "bad \xff", `"q" \ back`, "", "资金用途", "a+b"}
	values := []any{json.Number("12.00"), json.Number("-3.5"), json.Number("0.00"), json.Number("100"), missing,
		json.Number("1e5"), json.Number("-0.5E-3"), json.Number("0"), "x"}
	rng := rand.New(rand.NewSource(19))
	fast := 0
	for _, s := range []*chartShape{planShape, monthlyShape, linesShape} {
		for range 2000 {
			n := rng.Intn(14)
			ls, a, b := make([]string, n), make([]any, n), make([]any, n)
			for i := range n {
				ls[i] = labels[rng.Intn(len(labels))]
				a[i] = values[rng.Intn(5)]
				b[i] = values[rng.Intn(5)]
			}
			if n > 0 && rng.Intn(10) == 0 {
				a[rng.Intn(n)] = values[5+rng.Intn(4)]
			}
			if got, want := s.options(ls, a, b), s.build(ls, a, b); got != want {
				t.Fatalf("labels %q, data %v %v:\n got %s\nwant %s", ls, a, b, got, want)
			}
		}
		if s.parts == nil {
			t.Error("a chart kind's JSON could not be cut: every chart goes through go-echarts")
		}
		fast++
	}
	if fast != 3 {
		t.Fatal("not every kind tried")
	}
}

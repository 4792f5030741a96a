package present

import (
	"fmt"
	"testing"
)

func TestVolumes(t *testing.T) {
	for _, c := range []struct {
		n, per int
		want   string // each volume's size
	}{
		{0, 100, "[]"},
		{1, 100, "[1]"},
		{100, 100, "[100]"},
		{101, 100, "[51 50]"},
		{1000, 100, "[100 100 100 100 100 100 100 100 100 100]"},
		{1001, 100, "[91 91 91 91 91 91 91 91 91 91 91]"},
		{3, 2, "[2 1]"},
	} {
		vs := Volumes(c.n, c.per)
		var sizes []int
		next := 0
		for i, v := range vs {
			if v.From != next || v.Number != i+1 || v.Of != len(vs) || v.To-v.From > c.per {
				t.Errorf("Volumes(%d, %d)[%d] = %+v", c.n, c.per, i, v)
			}
			sizes = append(sizes, v.To-v.From)
			next = v.To
		}
		if got := fmt.Sprint(sizes); c.n > 0 && (got != c.want || next != c.n) || c.n == 0 && len(vs) != 0 {
			t.Errorf("Volumes(%d, %d) sizes %s, want %s", c.n, c.per, got, c.want)
		}
	}
	if got := (Volume{Number: 1, Of: 1}).Report(2021); got != "2021/report-2021.pdf" {
		t.Errorf("single volume: %s", got)
	}
	if got := (Volume{Number: 3, Of: 10}).Report(2021); got != "2021/report-2021-3.pdf" {
		t.Errorf("third of ten: %s", got)
	}
}

package semdiff

// Segment is a run of a character-level diff: kept (=), deleted (-) or
// inserted (+) text.
type Segment struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// Chars diffs two texts character by character (Myers' O(ND) algorithm),
// which is what Chinese prose needs: it has no spaces to diff words by.
func Chars(a, b string) []Segment {
	return merge(myers([]rune(a), []rune(b)))
}

type edit struct {
	op byte // '=', '-', '+'
	r  rune
}

func myers(a, b []rune) []edit {
	n, m := len(a), len(b)
	max := n + m
	if max == 0 {
		return nil
	}
	off := max
	v := make([]int, 2*max+2)
	var trace [][]int
	for d := 0; d <= max; d++ {
		trace = append(trace, append([]int(nil), v...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				return backtrack(trace, a, b, off, d)
			}
		}
	}
	return nil
}

func backtrack(trace [][]int, a, b []rune, off, d int) []edit {
	x, y := len(a), len(b)
	var out []edit
	for ; d > 0; d-- {
		v := trace[d]
		k := x - y
		var pk int
		if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := v[off+pk]
		py := px - pk
		for x > px && y > py {
			out = append(out, edit{'=', a[x-1]})
			x--
			y--
		}
		if x == px {
			out = append(out, edit{'+', b[y-1]})
			y--
		} else {
			out = append(out, edit{'-', a[x-1]})
			x--
		}
	}
	for x > 0 && y > 0 {
		out = append(out, edit{'=', a[x-1]})
		x--
		y--
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

func merge(edits []edit) []Segment {
	var out []Segment
	for _, e := range edits {
		op := string(e.op)
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += string(e.r)
			continue
		}
		out = append(out, Segment{Op: op, Text: string(e.r)})
	}
	return out
}

// Context trims long kept runs to a few characters each side of a change,
// so that a one-character edit in a long paragraph reads at a glance.
func Context(segs []Segment, keep int) []Segment {
	out := make([]Segment, 0, len(segs))
	for i, s := range segs {
		r := []rune(s.Text)
		if s.Op != "=" || len(r) <= 2*keep+1 {
			out = append(out, s)
			continue
		}
		switch {
		case i == 0:
			out = append(out, Segment{"=", "…" + string(r[len(r)-keep:])})
		case i == len(segs)-1:
			out = append(out, Segment{"=", string(r[:keep]) + "…"})
		default:
			out = append(out, Segment{"=", string(r[:keep]) + "…" + string(r[len(r)-keep:])})
		}
	}
	return out
}

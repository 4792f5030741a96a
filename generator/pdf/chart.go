package pdf

import (
	"math/big"

	"disclose/generator/derive"
	"disclose/generator/num"
)

// planChart draws a project's planned against actual cumulative execution
// at each checkpoint as vector graphics, from the same derived figures as
// the website's chart, with every value printed beside its point so that it
// reads on paper, in black and white too (plan dashed, actual solid).
func (l *layout) planChart(p *derive.Project, caption string) {
	const (
		height = 62 * mm
		size   = 8.0
	)
	l.room(height + 30)
	l.add(op{kind: opText, x: marginLeft, y: l.y + 1, face: Sans, size: 10.5, text: caption, color: black})
	l.y += 20
	top := l.y + 14 // room for the legend
	left := marginLeft + 34
	right := marginLeft + bodyW - 10
	bottom := l.y + height - 16
	plotH := bottom - top

	// Legend.
	lx := marginLeft + bodyW/2 - 80
	for i, s := range []struct {
		name string
		c    rgb
		dash bool
	}{{"计划累计进度", planC, true}, {"实际累计进度", actualC, false}} {
		x := lx + float64(i)*90
		l.add(op{kind: opLine, x: x, y: l.y + 5, w: 18, color: s.c, width: 1.5, dash: s.dash})
		l.add(op{kind: opText, x: x + 22, y: l.y + 1, face: Serif, size: size, text: s.name, color: black})
	}

	// The scale runs to 100%, or further when spending passed the budget.
	maxPct := 100.0
	for _, c := range p.Checkpoints {
		if c.ActualPercent != nil {
			if v, _ := c.ActualPercent.Float64(); v > maxPct { // layout only: the printed values are exact
				maxPct = v
			}
		}
	}
	steps := 5
	step := 20.0
	for maxPct > step*float64(steps) {
		step += 20
	}
	yOf := func(v float64) float64 { return bottom - v/(step*float64(steps))*plotH }
	for s := 0; s <= steps; s++ {
		v := step * float64(s)
		y := yOf(v)
		c, w := rgb{0xd0, 0xd0, 0xd0}, 0.4
		if s == 0 {
			c, w = rule, 0.8
		}
		l.add(op{kind: opLine, x: left, y: y, w: right - left, color: c, width: w})
		label := num.Format(new(big.Rat).SetFloat64(v), 0) + "%"
		l.add(op{kind: opText, x: left - 4 - l.measure(Serif, size, label), y: y - size/2, face: Serif, size: size, text: label, color: gray})
	}
	n := len(p.Checkpoints)
	if n == 0 {
		l.y = bottom + 18
		return
	}
	xOf := func(i int) float64 {
		slot := (right - left) / float64(n)
		return left + slot*(float64(i)+0.5)
	}
	for i, c := range p.Checkpoints {
		w := l.measure(Serif, size, c.Label)
		l.add(op{kind: opText, x: xOf(i) - w/2, y: bottom + 4, face: Serif, size: size, text: c.Label, color: black})
	}
	// At each point the higher value's label goes above it, the lower's
	// below, so that the two never sit on each other.
	series := func(vals, other []*big.Rat, c rgb, dash bool) {
		prev := -1
		var px, py float64
		for i, v := range vals {
			if v == nil {
				continue
			}
			f, _ := v.Float64()
			x, y := xOf(i), yOf(f)
			if prev >= 0 {
				l.add(op{kind: opLine, x: px, y: py, w: x - px, h: y - py, color: c, width: 1.5, dash: dash})
			}
			l.add(op{kind: opCircle, x: x, y: y, w: 2.2, color: c, fill: true})
			label := num.Format(v, 2) + "%"
			lw := l.measure(Serif, size, label)
			ly := y - size - 5
			if other[i] != nil && v.Cmp(other[i]) < 0 || (other[i] != nil && v.Cmp(other[i]) == 0 && !dash) {
				ly = y + 4
				if ly+size+2 > bottom { // it would cover the category label: stack it above the other's
					o, _ := other[i].Float64()
					ly = min(y, yOf(o)) - 2*size - 8
				}
			}
			l.add(op{kind: opRect, x: x - lw/2 - 1, y: ly - 0.5, w: lw + 2, h: size + 1.5, color: rgb{0xff, 0xff, 0xff}, fill: true})
			l.add(op{kind: opText, x: x - lw/2, y: ly, face: Serif, size: size, text: label, color: c})
			prev, px, py = i, x, y
		}
	}
	planned := make([]*big.Rat, n)
	actual := make([]*big.Rat, n)
	for i, c := range p.Checkpoints {
		planned[i] = c.PlannedPercent
		if c.Reached {
			actual[i] = c.ActualPercent
		}
	}
	series(planned, actual, planC, true)
	series(actual, planned, actualC, false)
	l.y = bottom + 30 // below the category labels, with a gap
}

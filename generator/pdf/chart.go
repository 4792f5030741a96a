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
	const size = chartSize
	f := l.chartHead(caption, []legendItem{{"计划累计进度", planC, true, false}, {"实际累计进度", actualC, false, false}})
	bottom := f.bottom

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
	yOf := func(v float64) float64 { return bottom - v/(step*float64(steps))*f.height() }
	l.valueAxis(f, steps, func(s int) string { return num.Format(new(big.Rat).SetFloat64(step*float64(s)), 0) + "%" })
	n := len(p.Checkpoints)
	if n == 0 {
		l.y = bottom + 18
		return
	}
	labels := make([]string, n)
	for i, c := range p.Checkpoints {
		labels[i] = c.Label
	}
	xOf := l.categories(f, labels)
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

// chartSize is the size of a chart's legend, axis and value labels.
const chartSize = 8.0

// chartFrame is a chart's plot area on the page.
type chartFrame struct{ left, right, top, bottom float64 }

func (f chartFrame) height() float64 { return f.bottom - f.top }

// legendItem is a series in a chart's legend: a line (dashed or not) or,
// for bars, a filled box.
type legendItem struct {
	name      string
	c         rgb
	dash, bar bool
}

// chartHead makes room for a chart 62 mm high, writes its caption and
// legend, and returns the plot area, with room left of it for the value
// axis's labels and below it for the categories'.
func (l *layout) chartHead(caption string, legend []legendItem) chartFrame {
	const height = 62 * mm
	l.room(height + 30)
	l.add(op{kind: opText, x: marginLeft, y: l.y + 1, face: Sans, size: 10.5, text: caption, color: black})
	l.y += 20
	f := chartFrame{left: marginLeft + 34, right: marginLeft + bodyW - 10, top: l.y + 14, bottom: l.y + height - 16}
	lx := marginLeft + bodyW/2 - 80
	for i, s := range legend {
		x := lx + float64(i)*90
		if s.bar {
			l.add(op{kind: opRect, x: x + 4, y: l.y + 1, w: 10, h: 8, color: s.c, fill: true})
		} else {
			l.add(op{kind: opLine, x: x, y: l.y + 5, w: 18, color: s.c, width: 1.5, dash: s.dash})
		}
		l.add(op{kind: opText, x: x + 22, y: l.y + 1, face: Serif, size: chartSize, text: s.name, color: black})
	}
	return f
}

// valueAxis draws steps+1 grid lines evenly from the bottom to the top of
// the plot, each labelled on the left by label(step).
func (l *layout) valueAxis(f chartFrame, steps int, label func(int) string) {
	for s := 0; s <= steps; s++ {
		y := f.bottom - float64(s)/float64(steps)*f.height()
		c, w := rgb{0xd0, 0xd0, 0xd0}, 0.4
		if s == 0 {
			c, w = rule, 0.8
		}
		l.add(op{kind: opLine, x: f.left, y: y, w: f.right - f.left, color: c, width: w})
		text := label(s)
		l.add(op{kind: opText, x: f.left - 4 - l.measure(Serif, chartSize, text), y: y - chartSize/2, face: Serif, size: chartSize, text: text, color: gray})
	}
}

// categories writes the labels under the plot, one to an equal slot, and
// returns the middle of slot i.
func (l *layout) categories(f chartFrame, labels []string) func(i int) float64 {
	slot := (f.right - f.left) / float64(len(labels))
	xOf := func(i int) float64 { return f.left + slot*(float64(i)+0.5) }
	for i, s := range labels {
		w := l.measure(Serif, chartSize, s)
		l.add(op{kind: opText, x: xOf(i) - w/2, y: f.bottom + 4, face: Serif, size: chartSize, text: s, color: black})
	}
	return xOf
}

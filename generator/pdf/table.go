package pdf

import "strings"

// Tables drawn like the official forms: cells merged across rows (一级/二级
// 指标) and columns, text wrapped inside cells, the header repeated at the
// top of every page the table continues on, a row never cut through a line
// of text, and a merged cell's label repeated on each page it spans.

// Alignment of a cell's text.
const (
	alignLeft = iota
	alignCenter
	alignRight
)

// cell is one cell as the caller describes it. span cells cover the cells
// below (rowSpan) and to the right (colSpan); covered positions are nil.
type cell struct {
	text    string
	face    Face
	align   int
	rowSpan int
	colSpan int
	fill    bool // shaded, as header and label cells are
}

// table is a table to lay out. widths are relative column widths.
type table struct {
	caption string
	widths  []float64
	header  [][]*cell
	rows    [][]*cell
	size    float64
	// noCaption: the heading just above says it; the caption appears only
	// on continuation pages (（续）).
	noCaption bool
	// headerAt places the header before body row headerAt instead of at
	// the top (a form whose upper rows have no columns, the official
	// 项目支出绩效目标表); it is repeated on the pages after it.
	headerAt int
}

const cellPad = 3.0

// laid is a cell with its lines.
type laid struct {
	*cell
	lines []Line
	w     float64
}

func (l *layout) leading(size float64) float64 { return size * 1.45 }

// lay breaks every cell of rows into lines and returns each row's height
// when its cells stand alone (merged cells handled by the caller).
func (l *layout) lay(rows [][]*cell, xs []float64, size float64) ([][]*laid, []float64) {
	out := make([][]*laid, len(rows))
	heights := make([]float64, len(rows))
	for i, row := range rows {
		out[i] = make([]*laid, len(row))
		heights[i] = l.leading(size) + 2*cellPad
		for j, c := range row {
			if c == nil {
				continue
			}
			cs := max(c.colSpan, 1)
			w := xs[min(j+cs, len(xs)-1)] - xs[j]
			lc := &laid{cell: c, w: w, lines: l.cellLines(c, size, w-2*cellPad)}
			out[i][j] = lc
			if max(c.rowSpan, 1) == 1 {
				heights[i] = max(heights[i], float64(len(lc.lines))*l.leading(size)+2*cellPad)
			}
		}
	}
	return out, heights
}

// cellLines breaks a cell's text. A label that does not fit on one line
// breaks before its unit in brackets, never inside it: 资金总额 /（万元）.
func (l *layout) cellLines(c *cell, size, width float64) []Line {
	lines := l.breakText(c.face, size, c.text, width)
	if len(lines) < 2 {
		return lines
	}
	if i := strings.LastIndex(c.text, "（"); i > 0 && strings.HasSuffix(c.text, "）") {
		unit := l.breakText(c.face, size, c.text[i:], width)
		if len(unit) == 1 {
			return append(l.breakText(c.face, size, c.text[:i], width), unit...)
		}
	}
	return lines
}

// spanFit grows the last row of each merged cell so that its text fits.
func (l *layout) spanFit(cells [][]*laid, heights []float64, size float64) {
	for i, row := range cells {
		for _, c := range row {
			if c == nil || max(c.rowSpan, 1) == 1 {
				continue
			}
			end := min(i+c.rowSpan, len(heights))
			have := 0.0
			for k := i; k < end; k++ {
				have += heights[k]
			}
			if need := float64(len(c.lines))*l.leading(size) + 2*cellPad; need > have {
				heights[end-1] += need - have
			}
		}
	}
}

// spanOf finds, for row i and column j, the row where the cell covering it
// starts, and that cell (nil when nothing covers it).
func spanOf(cells [][]*laid, i, j int) (int, *laid) {
	for k := i; k >= 0; k-- {
		if c := cells[k][j]; c != nil {
			if k+max(c.rowSpan, 1) > i {
				return k, c
			}
			return -1, nil
		}
	}
	return -1, nil
}

// table lays out t at the cursor.
func (l *layout) table(t table) {
	size := t.size
	total := 0.0
	for _, w := range t.widths {
		total += w
	}
	xs := make([]float64, len(t.widths)+1)
	xs[0] = marginLeft
	for i, w := range t.widths {
		xs[i+1] = xs[i] + w/total*bodyW
	}
	head, headH := l.lay(t.header, xs, size)
	l.spanFit(head, headH, size)
	body, bodyHts := l.lay(t.rows, xs, size)
	l.spanFit(body, bodyHts, size)
	headTotal := 0.0
	for _, h := range headH {
		headTotal += h
	}
	capSize := size + 0.5
	capH := l.leading(capSize) + 2

	drawHeader := func() {
		if len(head) > 0 {
			l.drawRows(laidRows{head, headH, xs, size}, 0, len(head), l.y, true)
		}
		l.y += headTotal
	}
	// Caption, header and the first row stay together.
	first := 0.0
	if len(bodyHts) > 0 {
		first = bodyHts[0]
	}
	if t.noCaption {
		capH = 0
	}
	l.room(capH + headTotal + min(first, bodyH/2))
	if !t.noCaption {
		l.add(op{kind: opText, x: marginLeft, y: l.y + 1, face: Sans, size: capSize, text: t.caption, color: black})
	}
	l.y += capH
	headerOn := false // the header is on this page
	if t.headerAt == 0 {
		drawHeader()
		headerOn = true
	}

	fullPage := bodyH - headTotal - l.leading(capSize)
	// fresh: this page holds the header and no body row yet, so a row that
	// does not fit must be cut here (a new page would not hold it either:
	// comparing heights instead once added pages without end).
	fresh := false
	for i := 0; i < len(body); {
		if i >= t.headerAt && !headerOn {
			if bodyBottom-l.y < headTotal+min(bodyHts[i], bodyH/2) {
				l.continueTable(capSize, t.caption)
			}
			drawHeader()
			headerOn, fresh = true, true
		}
		avail := bodyBottom - l.y
		j, used := i, 0.0
		for j < len(body) {
			if i < t.headerAt && j == t.headerAt {
				break // the header goes before this row
			}
			h := bodyHts[j]
			// Keep a merged group on one page when a page can hold it.
			if end := groupEnd(body, j); j > i && end > j+1 {
				gh := 0.0
				for k := j; k < end; k++ {
					gh += bodyHts[k]
				}
				if used+gh > avail && gh <= fullPage {
					break
				}
			}
			if used+h > avail+0.01 {
				break
			}
			used += h
			j++
		}
		// No page holds one last row alone under a repeated header: two go.
		if j < len(body) && len(body)-j == 1 && j-i >= 2 {
			j--
		}
		if j == i {
			if !fresh && avail < fullPage-0.01 {
				l.continueTable(capSize, t.caption)
				headerOn = false
				if i >= t.headerAt {
					drawHeader()
					headerOn = true
				}
				fresh = true
				continue
			}
			// A row taller than a page: cut it between lines.
			body, bodyHts = l.splitRow(body, bodyHts, i, avail, size)
			if i < t.headerAt {
				t.headerAt++ // the split row's rest is one more row above it
			}
			continue
		}
		// Merged labels continued from the last page need room here too.
		for jcol := range xs[:len(xs)-1] {
			start, c := spanOf(body, i, jcol)
			if c == nil || start == i {
				continue
			}
			end := min(start+c.rowSpan, j)
			have := 0.0
			for k := i; k < end; k++ {
				have += bodyHts[k]
			}
			if need := float64(len(c.lines))*l.leading(size) + 2*cellPad; need > have {
				bodyHts[end-1] += need - have
			}
		}
		l.drawRows(laidRows{body, bodyHts, xs, size}, i, j, l.y, false)
		for k := i; k < j; k++ {
			l.y += bodyHts[k]
		}
		i = j
		fresh = false
		if i == t.headerAt && i > 0 && i < len(body) {
			continue // the header is drawn next, on this page if it fits
		}
		if i < len(body) {
			l.continueTable(capSize, t.caption)
			headerOn = false
			if i >= t.headerAt {
				drawHeader()
				headerOn = true
			}
			fresh = true
		}
	}
	l.y += 8
}

// continueTable starts a new page for a table that goes on, with its caption
// marked （续）.
func (l *layout) continueTable(capSize float64, caption string) {
	l.newPage()
	l.add(op{kind: opText, x: marginLeft, y: l.y + 1, face: Sans, size: capSize, text: caption + "（续）", color: black})
	l.y += l.leading(capSize) + 2
}

// groupEnd is the row after the largest merged group starting at row i.
func groupEnd(body [][]*laid, i int) int {
	end := i + 1
	for _, c := range body[i] {
		if c != nil && c.rowSpan > 1 {
			end = max(end, min(i+c.rowSpan, len(body)))
		}
	}
	return end
}

// splitRow cuts row i so that its first part fits in avail: every cell keeps
// the lines that fit, the rest move to a new row below.
func (l *layout) splitRow(body [][]*laid, hts []float64, i int, avail, size float64) ([][]*laid, []float64) {
	n := max(1, int((avail-2*cellPad)/l.leading(size)))
	top := make([]*laid, len(body[i]))
	rest := make([]*laid, len(body[i]))
	restH := l.leading(size) + 2*cellPad
	for j, c := range body[i] {
		if c == nil {
			continue
		}
		a, b := *c, *c
		if len(c.lines) > n {
			a.lines, b.lines = c.lines[:n], c.lines[n:]
		} else {
			b.lines = nil
		}
		a.rowSpan, b.rowSpan = 1, 1
		top[j], rest[j] = &a, &b
		restH = max(restH, float64(len(b.lines))*l.leading(size)+2*cellPad)
	}
	body = append(body[:i], append([][]*laid{top, rest}, body[i+1:]...)...)
	hts = append(hts[:i], append([]float64{avail, restH}, hts[i+1:]...)...)
	return body, hts
}

// laidRows are a table's rows laid out: cells, row heights, column edges
// and the type size.
type laidRows struct {
	cells [][]*laid
	hts   []float64
	xs    []float64
	size  float64
}

// drawRows draws rows [from, to) starting at y. A merged cell that began
// above from, or runs past to, is drawn over the part inside the range, its
// label repeated.
func (l *layout) drawRows(t laidRows, from, to int, y float64, header bool) {
	cells, hts, xs, size := t.cells, t.hts, t.xs, t.size
	rowY := make([]float64, to-from+1)
	rowY[0] = y
	for k := from; k < to; k++ {
		rowY[k-from+1] = rowY[k-from] + hts[k]
	}
	// Row by row, so that text extraction reads the table as people do.
	for k := from; k < to; k++ {
		for j := 0; j < len(xs)-1; j++ {
			start, c := spanOf(cells, k, j)
			if c == nil || (start != k && k != from) {
				continue
			}
			end := min(start+max(c.rowSpan, 1), to)
			top, bottom := rowY[k-from], rowY[end-from]
			cs := max(c.colSpan, 1)
			x0, x1 := xs[j], xs[min(j+cs, len(xs)-1)]
			if c.fill || header {
				l.add(op{kind: opRect, x: x0, y: top, w: x1 - x0, h: bottom - top, color: shade, fill: true})
			}
			l.add(op{kind: opRect, x: x0, y: top, w: x1 - x0, h: bottom - top, color: rule, width: 0.5})
			lead := l.leading(size)
			ty := top + cellPad + (lead-size)/2
			if header {
				ty += max(0, (bottom-top-2*cellPad-float64(len(c.lines))*lead)/2) // header labels centred
			}
			for _, ln := range c.lines {
				x := x0 + cellPad
				switch c.align {
				case alignCenter:
					x = x0 + (x1-x0-ln.Width)/2
				case alignRight:
					x = x1 - cellPad - ln.Width
				}
				// Cells are set ragged, as the forms are: justifying a
				// narrow column spreads its characters apart.
				l.textLine(x, ty, ln, x1-x0-2*cellPad, textStyle{face: c.face, size: size, color: black})
				ty += lead
			}
		}
	}
}

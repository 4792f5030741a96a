package pdf

import "unicode/utf8"

// The layout engine places text, tables and drawings on A4 pages as a list
// of drawing operations; render.go then writes them with gopdf. Laying out
// first lets the contents list know every heading's page, and every footer
// know the page count, before anything is written.

// mm is one millimetre in PDF points.
const mm = 72.0 / 25.4

// Page geometry of GB/T 9704: A4, text block 156 × 225 mm, 37 mm from the top
// and 28 mm from the left edge.
const (
	pageW      = 595.0
	pageH      = 842.0
	marginTop  = 37 * mm
	marginLeft = 28 * mm
	bodyW      = 156 * mm
	bodyH      = 225 * mm
	bodyBottom = marginTop + bodyH
	footerY    = bodyBottom + 7*mm // the page number sits 7 mm below the text block
)

// Colours used in the reports.
type rgb struct{ r, g, b uint8 }

var (
	black   = rgb{0x1b, 0x1b, 0x1b}
	gray    = rgb{0x55, 0x55, 0x55}
	rule    = rgb{0x70, 0x70, 0x70}
	accent  = rgb{0x8c, 0x1b, 0x13}
	shade   = rgb{0xee, 0xeb, 0xe6}
	warnBg  = rgb{0xff, 0xf4, 0xd6}
	planC   = rgb{0x1f, 0x5f, 0xa8}
	actualC = rgb{0xb3, 0x59, 0x00}
)

type opKind int

const (
	opText opKind = iota
	opLine
	opRect
	opCircle
)

// op is one drawing operation; y is measured from the top of the page and
// for text is the top of the line box.
type op struct {
	kind       opKind
	x, y, w, h float64
	face       Face
	size       float64
	spacing    float64 // extra space after each character, to justify
	text       string
	color      rgb
	width      float64 // line width
	dash       bool
	fill       bool
}

// page is one page's operations; illustrative marks a page that shows
// figures made up for demonstration, whose footer then says so; whole, a
// page of an illustrative year, all of whose content is made up.
type page struct {
	ops                 []op
	illustrative, whole bool
}

// heading is a bookmarked heading: its level (1 is a part), text and place.
type heading struct {
	level int
	text  string
	page  int // index into layout.pages
	y     float64
}

type layout struct {
	fonts    *Fonts
	pages    []*page
	y        float64 // next free position, from the top of the page
	headings []heading
	// illustrative: what is added now shows illustrative figures (every
	// page it lands on is marked).
	illustrative bool
	whole        bool // the whole section is illustrative
}

func newLayout(f *Fonts) *layout { return &layout{fonts: f} }

func (l *layout) cur() *page { return l.pages[len(l.pages)-1] }

func (l *layout) newPage() {
	l.pages = append(l.pages, &page{})
	l.y = marginTop
}

// room makes sure h points fit below the cursor, starting a page if not.
func (l *layout) room(h float64) {
	if len(l.pages) == 0 || l.y+h > bodyBottom+0.01 {
		l.newPage()
	}
}

func (l *layout) add(o op) {
	pg := l.cur()
	pg.ops = append(pg.ops, o)
	pg.illustrative = pg.illustrative || l.illustrative || l.whole
	pg.whole = pg.whole || l.whole
}

// measure returns the width of s in face at size.
func (l *layout) measure(face Face, size float64, s string) float64 {
	w := 0.0
	for _, r := range s {
		w += l.fonts.Width(face, r) * size
	}
	return w
}

func (l *layout) breakText(face Face, size float64, s string, width float64) []Line {
	return Break(s, width, func(r rune) float64 { return l.fonts.Width(face, r) * size })
}

// textLine adds one line of text at x, justified to width unless it is the
// last line of its paragraph.
func (l *layout) textLine(x, y float64, ln Line, width float64, st textStyle) {
	o := op{kind: opText, x: x, y: y, face: st.face, size: st.size, text: ln.Text(), color: st.color}
	if n := utf8.RuneCountInString(o.text); st.justify && !ln.Last && n > 1 && width > ln.Width {
		o.spacing = (width - ln.Width) / float64(n-1)
	}
	l.add(o)
}

// textStyle is how a run of text is set.
type textStyle struct {
	face          Face
	size, leading float64
	indent        bool // the first line indented by two characters
	justify       bool
	color         rgb
}

// The styles most paragraphs take: body text, a note, a small note.
var (
	bodyText      = textStyle{face: Serif, size: bodySize, leading: bodyLeading, indent: true, justify: true, color: black}
	grayNote      = textStyle{face: Serif, size: 10.5, leading: 18, color: gray}
	smallGrayNote = textStyle{face: Serif, size: 9.5, leading: 15, color: gray}
)

// paragraph sets text across the text block in its style.
func (l *layout) paragraph(text string, st textStyle) {
	face, size, leading := st.face, st.size, st.leading
	first := 0.0
	if st.indent {
		first = 2 * size
	}
	lines := BreakIndent(text, bodyW-first, bodyW, func(r rune) float64 { return l.fonts.Width(face, r) * size })
	for i, ln := range lines {
		l.room(leading)
		x, w := marginLeft, bodyW
		if i == 0 {
			x, w = marginLeft+first, bodyW-first
		}
		l.textLine(x, l.y+(leading-size)/2, ln, w, st)
		l.y += leading
	}
}

// heading sets a heading and records it for the contents and bookmarks. It
// keeps with at least keep points of what follows.
func (l *layout) heading(level int, text string, keep float64) {
	sizes := map[int]float64{1: 16, 2: 14, 3: 12, 4: 11}
	size := sizes[min(level, 4)]
	before := map[int]float64{1: 14, 2: 10, 3: 8, 4: 6}[min(level, 4)]
	lines := l.breakText(Sans, size, text, bodyW)
	h := float64(len(lines))*size*1.5 + before
	if len(l.pages) > 0 && l.y > marginTop+1 {
		l.room(h + keep)
		if l.y > marginTop+1 {
			l.y += before
		}
	} else {
		l.room(h + keep)
	}
	l.headings = append(l.headings, heading{level: level, text: text, page: len(l.pages) - 1, y: l.y})
	c := black
	if level == 1 {
		c = accent
	}
	for _, ln := range lines {
		l.textLine(marginLeft, l.y+size*0.25, ln, bodyW, textStyle{face: Sans, size: size, color: c})
		l.y += size * 1.5
	}
	if level == 1 {
		l.add(op{kind: opLine, x: marginLeft, y: l.y, w: bodyW, color: accent, width: 1})
		l.y += 6
	}
	l.y += 2
}

// note sets a shaded notice (示例数据).
func (l *layout) note(label, text string) {
	size, leading, pad := 9.5, 15.0, 5.0
	lines := l.breakText(Serif, size, text, bodyW-2*pad-l.measure(Sans, size, label)-size)
	h := float64(len(lines))*leading + 2*pad
	l.room(h)
	l.add(op{kind: opRect, x: marginLeft, y: l.y, w: bodyW, h: h, color: warnBg, fill: true})
	l.add(op{kind: opRect, x: marginLeft, y: l.y, w: 2, h: h, color: rgb{0xb0, 0x78, 0x00}, fill: true})
	l.add(op{kind: opText, x: marginLeft + pad + 2, y: l.y + pad + (leading-size)/2, face: Sans, size: size, text: label, color: black})
	x := marginLeft + pad + 2 + l.measure(Sans, size, label) + size
	for i, ln := range lines {
		l.textLine(x, l.y+pad+float64(i)*leading+(leading-size)/2, ln, bodyW-(x-marginLeft)-pad, textStyle{face: Serif, size: size, color: black})
	}
	l.y += h + 6
}

// lastLevel is the level of the latest heading.
func (l *layout) lastLevel() int {
	if len(l.headings) == 0 {
		return 0
	}
	return l.headings[len(l.headings)-1].level
}

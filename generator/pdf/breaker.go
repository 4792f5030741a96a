package pdf

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Chinese line breaking (禁则处理). A line may break between any two Chinese
// characters, and at spaces in Latin text, but:
//   - no line starts with closing punctuation （，。、）」 and the like),
//   - no line ends with opening punctuation （（「《“ and the like),
//   - a number stays whole with its decimal point, separators, percent sign
//     and a following unit such as 万元 (100%, 21万元, 1,234.50元),
//   - a Latin word stays whole.
// Text is cut into atoms that may not be split (a Chinese character, a
// number with its unit, a Latin word, a punctuation mark) and laid greedily
// into lines. When an atom does not fit, the line breaks at the last place
// the rules allow, carrying the atoms after it to the next line; closing
// punctuation with no allowed break before it hangs past the line's end
// (行末悬挂) rather than start the next line.

// noStart may not begin a line.
const noStart = "，。、；：？！）」』》〉】〕〗〙〛｝］’”…‥·・—～%‰,.;:?!)]}>％°℃"

// noEnd may not end a line.
const noEnd = "（「『《〈【〔〖〘〚｛［‘“([{<"

// units stay with the number before them.
var units = []string{"万元", "亿元", "千元", "百元", "元", "万", "亿", "%", "％", "‰", "个", "次", "人次", "人", "台", "项", "家", "天", "年", "月", "日", "分", "倍"}

func isNoStart(r rune) bool { return noStartSet.has(r) }
func isNoEnd(r rune) bool   { return noEndSet.has(r) }

// The breaker asks of every atom; looking through the strings took
// 40% of its time.
var noStartSet, noEndSet = newRuneSet(noStart), newRuneSet(noEnd)

// runeSet is a set of characters: a table for ASCII, a map for the rest.
type runeSet struct {
	ascii [128]bool
	other map[rune]bool
}

func newRuneSet(s string) *runeSet {
	set := &runeSet{other: map[rune]bool{}}
	for _, r := range s {
		if r < 128 {
			set.ascii[r] = true
		} else {
			set.other[r] = true
		}
	}
	return set
}

func (s *runeSet) has(r rune) bool {
	if r >= 0 && r < 128 {
		return s.ascii[r]
	}
	return s.other[r]
}

func isLatin(r rune) bool {
	return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-' || r == '/' || r == '@' || r == '&' || r == '#' || r == '+' || r == '=')
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// atom is a piece of text that is never split across lines: bytes
// [start, end) of its paragraph, with its first and last character and its
// width. Atoms are read one at a time from the paragraph (atomReader), never
// stored for the whole of it, so that a text of millions of characters
// costs its lines, not an object per character.
type atom struct {
	start, end  int
	first, last rune
	w           float64
	space       bool // a breakable space: dropped at a line's end or start
}

// cursor is where the next atom starts. An atom wider than the narrowest
// line is cut into characters: until splitEnd, atoms are single characters.
type cursor struct{ pos, splitEnd int }

// atomReader cuts a paragraph into unbreakable pieces: a run of spaces, a
// number with its unit, a Latin word, or one other character.
type atomReader struct {
	text    string
	limit   float64 // an atom wider than this is cut into characters
	measure func(rune) float64
}

// next returns the atom at c and the cursor after it.
func (ar *atomReader) next(c cursor) (atom, cursor) {
	if c.pos < c.splitEnd {
		ch := ar.char(c.pos)
		return ch, cursor{ch.end, c.splitEnd}
	}
	a := ar.whole(c.pos)
	if !a.space && a.w > ar.limit {
		// Cut an over-long word or number by characters; a closing mark
		// still never starts a line.
		ch := ar.char(a.start)
		return ch, cursor{ch.end, a.end}
	}
	return a, cursor{pos: a.end}
}

// char is the one character at i as an atom.
func (ar *atomReader) char(i int) atom {
	r, n := utf8.DecodeRuneInString(ar.text[i:])
	return atom{start: i, end: i + n, first: r, last: r, w: ar.measure(r)}
}

// whole is the atom that starts at i.
func (ar *atomReader) whole(i int) atom {
	t := ar.text
	r, n := utf8.DecodeRuneInString(t[i:])
	j := i + n
	switch {
	case r == ' ' || r == '\t':
		for j < len(t) && (t[j] == ' ' || t[j] == '\t') {
			j++
		}
		// A run of spaces is one space.
		return atom{start: i, end: j, first: ' ', last: ' ', w: ar.measure(' '), space: true}
	case isDigit(r):
		// (Byte tests: a byte of a multi-byte character is never an ASCII
		// digit, point or comma.)
		for j < len(t) && (isDigit(rune(t[j])) || ((t[j] == '.' || t[j] == ',') && j+1 < len(t) && isDigit(rune(t[j+1])))) {
			j++
		}
		for _, u := range units {
			if strings.HasPrefix(t[j:], u) {
				j += len(u)
				break
			}
		}
		// Letters glued to digits (2021Q1, 5G) are one word.
		j = ar.latin(j)
	case isLatin(r):
		j = ar.latin(j)
	}
	// The width is summed character by character from zero, in order, as
	// every width of the breaker is: the same text gives the same floats.
	w := 0.0
	last := r
	for _, c := range t[i:j] {
		w += ar.measure(c)
		last = c
	}
	return atom{start: i, end: j, first: r, last: last, w: w}
}

// latin skips the Latin letters and digits from j.
func (ar *atomReader) latin(j int) int {
	for j < len(ar.text) {
		r, n := utf8.DecodeRuneInString(ar.text[j:])
		if !isLatin(r) {
			break
		}
		j += n
	}
	return j
}

// Line is one laid-out line: its text and its natural width.
type Line struct {
	text  string
	Width float64
	// Last is true for the last line of a paragraph (not justified).
	Last bool
}

// Text is the line's text.
func (l Line) Text() string { return l.text }

// lineText is the text of the atoms in s: a run of spaces is one space.
func lineText(s string) string {
	if !strings.Contains(s, "  ") && !strings.Contains(s, "\t") {
		return s // a slice of the paragraph, no copy
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' || s[i] == '\t' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteByte(s[i])
	}
	return b.String()
}

// breakable reports whether a line may break between atoms a and b.
func breakable(a, b atom) bool {
	if a.space || b.space {
		return true
	}
	return !isNoStart(b.first) && !isNoEnd(a.last)
}

// Break lays text into lines no wider than width, measuring each rune with
// measure. Only hanging closing punctuation may pass the width; an atom
// wider than a whole line is cut by characters.
func Break(text string, width float64, measure func(rune) float64) []Line {
	return BreakIndent(text, width, width, measure)
}

// BreakIndent is Break with a first line of its own width (an indent).
// A line break in text (LF, CRLF, a lone CR, U+2028/2029, and Word's
// U+000B) is a hard break; a tab is a space; other control characters
// are dropped (check reports them). Lines hold slices of text where they
// can: memory is the lines', not a copy per character.
func BreakIndent(text string, firstWidth, width float64, measure func(rune) float64) []Line {
	if !utf8.ValidString(text) {
		text = validRunes(text)
	}
	var lines []Line
	for i, p := range paragraphs(text) {
		fw := width
		if i == 0 {
			fw = firstWidth
		}
		lines = breakParagraph(lines, p, fw, width, measure)
	}
	return lines
}

// validRunes replaces each byte that is not UTF-8 by U+FFFD, as a
// conversion to []rune does.
func validRunes(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r)
	}
	return b.String()
}

// isLayoutControl reports whether r is laid out rather than drawn: a line
// break, a tab or another control character.
func isLayoutControl(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r <= 0x9f) || r == 0x2028 || r == 0x2029
}

func isHardBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == 0x0b || r == 0x0c || r == 0x85 || r == 0x2028 || r == 0x2029
}

// paragraphs splits text at its hard breaks, tabs made spaces and other
// control characters dropped. Text without any is returned as it is.
func paragraphs(text string) []string {
	if strings.IndexFunc(text, isLayoutControl) < 0 {
		return []string{text}
	}
	var paras []string
	var b strings.Builder
	prevCR := false
	for _, r := range text {
		switch {
		case r == '\n' && prevCR: // the LF of a CRLF
		case isHardBreak(r):
			paras = append(paras, b.String())
			b.Reset()
		case r == '\t':
			b.WriteRune(' ')
		case isLayoutControl(r):
		default:
			b.WriteRune(r)
		}
		prevCR = r == '\r'
	}
	return append(paras, b.String())
}

// breakParagraph lays out one paragraph, without hard breaks, appending its
// lines to lines (the last marked Last). Atoms are laid greedily; when one
// does not fit, the line breaks before it if the rules allow, else at the
// last allowed break on the line (the atoms after it are read again for the
// next line: each atom is carried at most once), else closing punctuation
// hangs and anything else breaks here. Only the current line's ends are
// kept, not its atoms, so a line of any length costs the same.
func breakParagraph(lines []Line, text string, firstWidth, width float64, measure func(rune) float64) []Line {
	const eps = 1e-9
	first := len(lines)
	lineWidth := func() float64 {
		if len(lines) == first {
			return firstWidth
		}
		return width
	}
	ar := atomReader{text: text, limit: min(firstWidth, width) + eps, measure: measure}
	// The line being filled: its atoms' count, bytes and width (summed in
	// order from zero), and its last atom.
	var (
		n          int
		start, end int
		curW       float64
		last       atom
	)
	// The last allowed break inside the line: before atom brk (0: none),
	// which starts at brkAt; the width of the atoms before it and the last
	// of them.
	var (
		brk     int
		brkAt   cursor
		brkW    float64
		brkLast atom
	)
	add := func(a atom, at cursor) {
		if n == 0 {
			start = a.start
		} else if breakable(last, a) {
			brk, brkAt, brkW, brkLast = n, at, curW, last
		}
		n++
		curW += a.w
		last = a
		end = a.end
	}
	flush := func(isLast bool) {
		if n > 0 && last.space { // no trailing space (spaces are never adjacent)
			curW -= last.w
			end = last.start
		}
		if n == 0 {
			start, end = 0, 0
		}
		lines = append(lines, Line{text: lineText(text[start:end]), Width: curW, Last: isLast})
		n, curW, brk = 0, 0, 0
	}
	for at := (cursor{}); at.pos < len(text); {
		a, after := ar.next(at)
		if a.space && n == 0 {
			at = after // no leading space
			continue
		}
		if curW+a.w <= lineWidth()+eps || n == 0 {
			add(a, at)
			at = after
			continue
		}
		if a.space {
			flush(false)
			at = after
			continue
		}
		if breakable(last, a) {
			flush(false) // a starts the next line
			continue
		}
		if brk > 0 {
			// Break at the last allowed place and carry the rest.
			n, curW, last, end = brk, brkW, brkLast, brkLast.end
			flush(false)
			at = brkAt
			continue
		}
		// No allowed break at all: closing punctuation hangs, anything
		// else breaks here (a line of one unbreakable run).
		if isNoStart(a.first) {
			add(a, at)
			at = after
			continue
		}
		flush(false)
	}
	flush(true)
	return lines
}

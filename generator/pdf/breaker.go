package pdf

import (
	"strings"
	"unicode"
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

func isNoStart(r rune) bool { return containsRune(noStart, r) }
func isNoEnd(r rune) bool   { return containsRune(noEnd, r) }

func containsRune(s string, r rune) bool {
	for _, c := range s {
		if c == r {
			return true
		}
	}
	return false
}

func isLatin(r rune) bool {
	return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-' || r == '/' || r == '@' || r == '&' || r == '#' || r == '+' || r == '=')
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// atom is a piece of text that is never split across lines.
type atom struct {
	text  []rune
	space bool // a breakable space: dropped at a line's end or start
}

// atoms cuts text into unbreakable pieces.
func atoms(text []rune) []atom {
	var out []atom
	for i := 0; i < len(text); {
		r := text[i]
		switch {
		case r == ' ' || r == '\t':
			j := i
			for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
				j++
			}
			out = append(out, atom{text: []rune{' '}, space: true})
			i = j
		case isDigit(r):
			j := i + 1
			for j < len(text) && (isDigit(text[j]) || ((text[j] == '.' || text[j] == ',') && j+1 < len(text) && isDigit(text[j+1]))) {
				j++
			}
			for _, u := range units {
				if hasPrefix(text[j:], u) {
					j += len([]rune(u))
					break
				}
			}
			// Letters glued to digits (2021Q1, 5G) are one word.
			for j < len(text) && isLatin(text[j]) {
				j++
			}
			out = append(out, atom{text: text[i:j]})
			i = j
		case isLatin(r):
			j := i + 1
			for j < len(text) && isLatin(text[j]) {
				j++
			}
			out = append(out, atom{text: text[i:j]})
			i = j
		default:
			out = append(out, atom{text: text[i : i+1]})
			i++
		}
	}
	return out
}

func hasPrefix(s []rune, p string) bool {
	pr := []rune(p)
	if len(s) < len(pr) {
		return false
	}
	for i := range pr {
		if s[i] != pr[i] {
			return false
		}
	}
	return true
}

// Line is one laid-out line: its atoms and its natural width.
type Line struct {
	Atoms []string
	Width float64
	// Last is true for the last line of a paragraph (not justified).
	Last bool
}

// Text is the line's text.
func (l Line) Text() string {
	s := ""
	for _, a := range l.Atoms {
		s += a
	}
	return s
}

// breakable reports whether a line may break between atoms a and b.
func breakable(a, b atom) bool {
	if a.space || b.space {
		return true
	}
	return !isNoStart(b.text[0]) && !isNoEnd(a.text[len(a.text)-1])
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
// are dropped (check reports them).
func BreakIndent(text string, firstWidth, width float64, measure func(rune) float64) []Line {
	paras := paragraphs(text)
	if len(paras) == 1 {
		return breakParagraph(paras[0], firstWidth, width, measure)
	}
	var lines []Line
	for i, p := range paras {
		fw := width
		if i == 0 {
			fw = firstWidth
		}
		ls := breakParagraph(p, fw, width, measure)
		if len(ls) == 0 {
			ls = []Line{{Last: true}} // an empty line keeps its place
		}
		ls[len(ls)-1].Last = true
		lines = append(lines, ls...)
	}
	return lines
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

// breakParagraph lays out one paragraph, without hard breaks.
func breakParagraph(text string, firstWidth, width float64, measure func(rune) float64) []Line {
	const eps = 1e-9
	var lines []Line
	lineWidth := func() float64 {
		if len(lines) == 0 {
			return firstWidth
		}
		return width
	}
	widthOf := func(a atom) float64 {
		w := 0.0
		for _, r := range a.text {
			w += measure(r)
		}
		return w
	}
	var cur []atom
	curW := 0.0
	flush := func(last bool) {
		for len(cur) > 0 && cur[len(cur)-1].space { // no trailing space
			curW -= widthOf(cur[len(cur)-1])
			cur = cur[:len(cur)-1]
		}
		l := Line{Width: curW, Last: last}
		for _, a := range cur {
			l.Atoms = append(l.Atoms, string(a.text))
		}
		lines = append(lines, l)
		cur, curW = nil, 0
	}
	var queue []atom
	for _, a := range atoms([]rune(text)) {
		w := widthOf(a)
		if !a.space && w > min(firstWidth, width)+eps {
			// Cut an over-long word or number by characters; a closing
			// mark still never starts a line.
			for _, r := range a.text {
				queue = append(queue, atom{text: []rune{r}})
			}
			continue
		}
		queue = append(queue, a)
	}
	// The queue is read by index; a break that carries atoms to the next
	// line steps the index back to the first of them (they were taken in
	// order, so they are contiguous), rather than copying the queue.
	var curAt []int // queue index of each atom in cur
	for i := 0; i < len(queue); {
		a := queue[i]
		i++
		if a.space && len(cur) == 0 {
			continue // no leading space
		}
		w := widthOf(a)
		if curW+w <= lineWidth()+eps || len(cur) == 0 {
			cur = append(cur, a)
			curAt = append(curAt, i-1)
			curW += w
			continue
		}
		if a.space {
			flush(false)
			curAt = curAt[:0]
			continue
		}
		if breakable(cur[len(cur)-1], a) {
			flush(false)
			curAt = curAt[:0]
			i-- // a starts the next line
			continue
		}
		// Find the last allowed break inside the line and carry the rest.
		k := len(cur) - 1
		for k > 0 && !breakable(cur[k-1], cur[k]) {
			k--
		}
		if k > 0 {
			i = curAt[k]
			cur = cur[:k]
			curW = 0
			for _, c := range cur {
				curW += widthOf(c)
			}
			flush(false)
			curAt = curAt[:0]
			continue
		}
		// No allowed break at all: closing punctuation hangs, anything
		// else breaks here (a line of one unbreakable run).
		if isNoStart(a.text[0]) {
			cur = append(cur, a)
			curAt = append(curAt, i-1)
			curW += w
			continue
		}
		flush(false)
		curAt = curAt[:0]
		i--
	}
	flush(true)
	return lines
}

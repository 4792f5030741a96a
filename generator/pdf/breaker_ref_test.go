package pdf

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// The breaker as it was before it was made compact (an atom and a string
// per Chinese character, the whole paragraph's atoms held at once), kept
// as the oracle that the compact breaker gives the very same lines:
// TestBreakSameAsReference and FuzzBreak compare the two. Quadratic on a
// long run of closing punctuation; fine for test inputs. When a rule of the
// breaker changes on purpose, change it here too (or retire this file).

// atom is a piece of text that is never split across lines.
type refAtom struct {
	text  []rune
	space bool // a breakable space: dropped at a line's end or start
}

// atoms cuts text into unbreakable pieces.
func refAtoms(text []rune) []refAtom {
	var out []refAtom
	for i := 0; i < len(text); {
		r := text[i]
		switch {
		case r == ' ' || r == '\t':
			j := i
			for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
				j++
			}
			out = append(out, refAtom{text: []rune{' '}, space: true})
			i = j
		case isDigit(r):
			j := i + 1
			for j < len(text) && (isDigit(text[j]) || ((text[j] == '.' || text[j] == ',') && j+1 < len(text) && isDigit(text[j+1]))) {
				j++
			}
			for _, u := range units {
				if refHasPrefix(text[j:], u) {
					j += len([]rune(u))
					break
				}
			}
			// Letters glued to digits (2021Q1, 5G) are one word.
			for j < len(text) && isLatin(text[j]) {
				j++
			}
			out = append(out, refAtom{text: text[i:j]})
			i = j
		case isLatin(r):
			j := i + 1
			for j < len(text) && isLatin(text[j]) {
				j++
			}
			out = append(out, refAtom{text: text[i:j]})
			i = j
		default:
			out = append(out, refAtom{text: text[i : i+1]})
			i++
		}
	}
	return out
}

func refHasPrefix(s []rune, p string) bool {
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
type refLine struct {
	Atoms []string
	Width float64
	// Last is true for the last line of a paragraph (not justified).
	Last bool
}

// Text is the line's text.
func (l refLine) Text() string {
	s := ""
	for _, a := range l.Atoms {
		s += a
	}
	return s
}

// breakable reports whether a line may break between atoms a and b.
func refBreakable(a, b refAtom) bool {
	if a.space || b.space {
		return true
	}
	return !isNoStart(b.text[0]) && !isNoEnd(a.text[len(a.text)-1])
}

// Break lays text into lines no wider than width, measuring each rune with
// measure. Only hanging closing punctuation may pass the width; an atom
// wider than a whole line is cut by characters.
func refBreak(text string, width float64, measure func(rune) float64) []refLine {
	return refBreakIndent(text, width, width, measure)
}

// BreakIndent is Break with a first line of its own width (an indent).
// A line break in text (LF, CRLF, a lone CR, U+2028/2029, and Word's
// U+000B) is a hard break; a tab is a space; other control characters
// are dropped (check reports them).
func refBreakIndent(text string, firstWidth, width float64, measure func(rune) float64) []refLine {
	paras := paragraphs(text)
	if len(paras) == 1 {
		return refBreakParagraph(paras[0], firstWidth, width, measure)
	}
	var lines []refLine
	for i, p := range paras {
		fw := width
		if i == 0 {
			fw = firstWidth
		}
		ls := refBreakParagraph(p, fw, width, measure)
		if len(ls) == 0 {
			ls = []refLine{{Last: true}} // an empty line keeps its place
		}
		ls[len(ls)-1].Last = true
		lines = append(lines, ls...)
	}
	return lines
}

// breakParagraph lays out one paragraph, without hard breaks.
func refBreakParagraph(text string, firstWidth, width float64, measure func(rune) float64) []refLine {
	const eps = 1e-9
	var lines []refLine
	lineWidth := func() float64 {
		if len(lines) == 0 {
			return firstWidth
		}
		return width
	}
	widthOf := func(a refAtom) float64 {
		w := 0.0
		for _, r := range a.text {
			w += measure(r)
		}
		return w
	}
	var cur []refAtom
	curW := 0.0
	flush := func(last bool) {
		for len(cur) > 0 && cur[len(cur)-1].space { // no trailing space
			curW -= widthOf(cur[len(cur)-1])
			cur = cur[:len(cur)-1]
		}
		l := refLine{Width: curW, Last: last}
		for _, a := range cur {
			l.Atoms = append(l.Atoms, string(a.text))
		}
		lines = append(lines, l)
		cur, curW = nil, 0
	}
	var queue []refAtom
	for _, a := range refAtoms([]rune(text)) {
		w := widthOf(a)
		if !a.space && w > min(firstWidth, width)+eps {
			// Cut an over-long word or number by characters; a closing
			// mark still never starts a line.
			for _, r := range a.text {
				queue = append(queue, refAtom{text: []rune{r}})
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
		if refBreakable(cur[len(cur)-1], a) {
			flush(false)
			curAt = curAt[:0]
			i-- // a starts the next line
			continue
		}
		// Find the last allowed break inside the line and carry the rest.
		k := len(cur) - 1
		for k > 0 && !refBreakable(cur[k-1], cur[k]) {
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

// sameLines reports where the compact breaker's lines differ from the
// reference's: text, width to the bit, and the paragraph ends.
func sameLines(got []Line, want []refLine) string {
	if len(got) != len(want) {
		return fmt.Sprintf("%d lines, want %d", len(got), len(want))
	}
	for i := range got {
		if got[i].Text() != want[i].Text() || math.Float64bits(got[i].Width) != math.Float64bits(want[i].Width) || got[i].Last != want[i].Last {
			return fmt.Sprintf("line %d is %q %v %v, want %q %v %v", i+1, got[i].Text(), got[i].Width, got[i].Last, want[i].Text(), want[i].Width, want[i].Last)
		}
	}
	return ""
}

// TestBreakSameAsReference: on random text made of the pieces the rules
// care about, at many widths and indents, the compact breaker gives the
// reference's lines exactly.
func TestBreakSameAsReference(t *testing.T) {
	pieces := []string{
		"一", "二", "绩", "效", "，", "。", "、", "；", "：", "？", "！", "）", "」", "》", "”", "…", "—", "·",
		"（", "「", "《", "“", "‘", "(", "[", ")", ".", ",", "%", "％", "‰", "°",
		"0", "1", "21", "100", "1,234.50", "3.", ",5", "2021", "万元", "元", "万", "人次", "年", "%以上",
		"a", "GB/T", "goldmark", "Q1", "5G", "-", "_", "@", "aaaaaaaaaaaaaaaa", "1234567890123",
		" ", "  ", "\t", "\n", "\r", "\r\n", "\u2028", "\u2029", "\v", "\x00", "\x07", "\u0085", "\u009b",
		"\xff", "\xe4\xb8", "𠮷", "😀", "\u00a0", "　",
	}
	rng := rand.New(rand.NewPCG(12, 2028))
	for n := 0; n < 4000; n++ {
		var b strings.Builder
		for k := rng.IntN(60); k > 0; k-- {
			p := pieces[rng.IntN(len(pieces))]
			if rng.IntN(8) == 0 { // runs: of closing marks, of one character
				p = strings.Repeat(p, 1+rng.IntN(30))
			}
			b.WriteString(p)
		}
		text := b.String()
		width := 0.5 + float64(rng.IntN(60))/4
		first := width - float64(rng.IntN(9))/4
		if first <= 0 {
			first = width
		}
		for _, m := range []func(rune) float64{mono, uneven} {
			if d := sameLines(BreakIndent(text, first, width, m), refBreakIndent(text, first, width, m)); d != "" {
				t.Fatalf("BreakIndent(%q, %v, %v): %s", text, first, width, d)
			}
		}
	}
}

// uneven measures characters in widths with no exact binary fraction, as a
// real font's do, so that widths summed in another order would differ.
func uneven(r rune) float64 {
	if r == ' ' {
		return 0.3
	}
	return 0.1 * float64(3+int(r)%9)
}

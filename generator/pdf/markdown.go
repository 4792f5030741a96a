package pdf

import (
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"

	"disclose/generator/model"
)

// block is a paragraph, list item or heading of a narrative.
type block struct {
	heading int // 0 for a paragraph
	text    string
	item    string // the list marker, "1、" or "•", for list items
}

// blocks reads the narrative load parsed into blocks of plain text, the way
// the website renders it: soft line breaks between Chinese characters join
// without a space.
func blocks(m model.Markdown) []block {
	doc := m.Doc
	if doc == nil {
		return nil
	}
	source := doc.Source
	var out []block
	var inline func(n ast.Node, b *strings.Builder)
	inline = func(n ast.Node, b *strings.Builder) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch t := c.(type) {
			case *ast.Text:
				b.Write(t.Segment.Value(source))
				if t.SoftLineBreak() || t.HardLineBreak() {
					b.WriteString("\x00")
				}
			case *ast.String:
				b.Write(t.Value)
			default:
				inline(c, b)
			}
		}
	}
	join := func(s string) string {
		parts := strings.Split(s, "\x00")
		var b strings.Builder
		for i, p := range parts {
			if i > 0 && !cjkEdge(parts[i-1], p) {
				b.WriteByte(' ')
			}
			b.WriteString(p)
		}
		return b.String()
	}
	var walk func(n ast.Node, marker string)
	walk = func(n ast.Node, marker string) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch t := c.(type) {
			case *ast.Heading:
				var b strings.Builder
				inline(t, &b)
				out = append(out, block{heading: t.Level, text: join(b.String())})
			case *ast.Paragraph, *ast.TextBlock:
				var b strings.Builder
				inline(t, &b)
				out = append(out, block{text: join(b.String()), item: marker})
				marker = ""
			case *ast.List:
				i := t.Start
				if i == 0 {
					i = 1
				}
				for item := t.FirstChild(); item != nil; item = item.NextSibling() {
					m := "•"
					if t.IsOrdered() {
						m = itoa(i) + "、"
						i++
					}
					walk(item, m)
				}
			default:
				walk(c, marker)
			}
		}
	}
	walk(doc.Root, "")
	return out
}

// cjkEdge reports whether a line break between a and b joins without a
// space: when either side of it is Chinese.
func cjkEdge(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) == 0 || len(rb) == 0 {
		return true
	}
	return isCJK(ra[len(ra)-1]) || isCJK(rb[0])
}

func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

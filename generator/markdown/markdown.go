// Package markdown configures goldmark the one way disclose reads narrative:
// CommonMark with GFM tables, footnotes and the CJK extension, raw HTML
// dropped. load parses each narrative once into a Doc; check, web and pdf
// walk that Doc, so what is checked is what is shown and printed.
package markdown

import (
	"bytes"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// md is shared: goldmark's parser and renderer are safe for concurrent use.
// GFM is spelt out to give its tables no alignment of their own: goldmark
// writes an aligned cell's text-align as a style attribute, which the
// pages' content security policy (style-src 'self') blocks; alignedCells
// gives the cell a class the site's style sheet aligns instead.
var md = goldmark.New(goldmark.WithExtensions(
	extension.Linkify,
	extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
	extension.Strikethrough,
	extension.TaskList,
	extension.Footnote,
	extension.NewCJK(
		extension.WithEastAsianLineBreaks(extension.EastAsianLineBreaksCSS3Draft),
		extension.WithEscapedSpace(),
	),
), goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(alignedCells{}, 1000))))

// alignedCells marks each aligned table cell with the class align-left,
// align-center or align-right.
type alignedCells struct{}

func (alignedCells) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if c, ok := n.(*extast.TableCell); ok && entering && c.Alignment != extast.AlignNone {
			c.SetAttributeString("class", []byte("align-"+c.Alignment.String()))
		}
		return ast.WalkContinue, nil
	})
}

// Doc is a narrative parsed once: goldmark's tree and the source its
// segments point into (they are offsets, so the two travel together).
// Walking Root never changes it; render HTML only through HTML.
type Doc struct {
	Source []byte
	Root   ast.Node

	once sync.Once
	html []byte
	err  error
}

// Parse parses a narrative. It never sets html.WithUnsafe: raw HTML and
// javascript: links in content are dropped when rendered.
func Parse(s string) *Doc {
	src := []byte(s)
	return &Doc{Source: src, Root: md.Parser().Parse(text.NewReader(src))}
}

// HTML renders the document, once, and keeps it: a page and its summary
// may both ask. A nil Doc (no file) renders as nothing.
func (d *Doc) HTML() ([]byte, error) {
	if d == nil {
		return nil, nil
	}
	d.once.Do(func() {
		var b bytes.Buffer
		d.err = md.Renderer().Render(&b, d.Source, d.Root)
		d.html = b.Bytes()
	})
	return d.html, d.err
}

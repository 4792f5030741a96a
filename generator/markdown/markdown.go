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
	"github.com/yuin/goldmark/text"
)

// md is shared: goldmark's parser and renderer are safe for concurrent use.
var md = goldmark.New(goldmark.WithExtensions(
	extension.GFM,
	extension.Footnote,
	extension.NewCJK(
		extension.WithEastAsianLineBreaks(extension.EastAsianLineBreaksCSS3Draft),
		extension.WithEscapedSpace(),
	),
))

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

// HTML renders the document, once: goldmark's table renderer writes each
// aligned cell's style into the node as it renders it, so a second
// rendering would repeat the style and two at a time would race. A nil Doc
// (no file) renders as nothing.
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

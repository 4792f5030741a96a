// Package markdown configures goldmark the one way disclose reads narrative:
// CommonMark with GFM tables, footnotes and the CJK extension, raw HTML
// dropped. The checker and the renderers share it so that what is checked
// is what is shown.
package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// New returns the goldmark instance for narrative text. It never sets
// html.WithUnsafe: raw HTML and javascript: links in content are dropped.
func New() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(
		extension.GFM,
		extension.Footnote,
		extension.NewCJK(
			extension.WithEastAsianLineBreaks(extension.EastAsianLineBreaksCSS3Draft),
			extension.WithEscapedSpace(),
		),
	))
}

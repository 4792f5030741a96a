package pdf

import (
	"compress/zlib"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/signintech/gopdf"

	"disclose/generator/present"
)

// Info is the document information of a report.
type Info struct {
	Title, Author, Subject, Keywords string
	// Created is taken from the content (the publication date), never the
	// clock, so that the same content gives the same bytes.
	Created time.Time
	Lang    string
}

// IllustrativeFooter is the line under the page number of every page that
// shows illustrative figures, IllustrativeYearFooter of every page of an
// illustrative year: the note at the start of the section may be pages
// away.
const (
	IllustrativeFooter     = present.IllustrativeFooter
	IllustrativeYearFooter = present.IllustrativeYearFooter
)

// write renders laid-out pages with gopdf. numbered pages carry the footer
// 第 N 页 共 M 页; the first skip pages (the cover) carry none. extra, when
// not nil, runs once the pages are drawn.
func write(f *Fonts, pages []*page, skip int, info Info, extra func(*gopdf.GoPdf) error) ([]byte, error) {
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: gopdf.Rect{W: pageW, H: pageH}})
	// Streams are deflated afterwards, by compressStreams.
	pdf.SetCompressLevel(zlib.NoCompression)
	pdf.SetInfo(gopdf.PdfInfo{Title: info.Title, Author: info.Author, Subject: info.Subject, Creator: "disclose", Producer: "disclose (gopdf)", CreationDate: info.Created})
	for face := range numFaces {
		if fam := f.family[face]; fam != "" {
			if err := pdf.AddTTFFontFromFontContainer(fam, f.container); err != nil {
				return nil, err
			}
		}
	}
	total := len(pages) - skip
	for i, pg := range pages {
		pdf.AddPage()
		pen := &pen{}
		ops := pg.ops
		if i >= skip {
			footer := fmt.Sprintf("第 %d 页 共 %d 页", i-skip+1, total)
			w := 0.0
			for _, r := range footer {
				w += f.Width(Serif, r) * 9
			}
			ops = append(ops, op{kind: opText, x: (pageW - w) / 2, y: footerY, face: Serif, size: 9, text: footer, color: gray})
			if pg.illustrative {
				note := IllustrativeFooter
				if pg.whole {
					note = IllustrativeYearFooter
				}
				ops = append(ops, op{kind: opText, x: marginLeft, y: footerY + 5*mm, face: Serif, size: 8, text: note, color: gray})
			}
		}
		for _, o := range ops {
			if err := draw(pdf, f, pen, o); err != nil {
				return nil, fmt.Errorf("第 %d 页：%w", i+1, err)
			}
		}
	}
	if extra != nil {
		if err := extra(pdf); err != nil {
			return nil, err
		}
	}
	data, err := pdf.GetBytesPdfReturnErr()
	if err != nil {
		return nil, err
	}
	return compressStreams(data)
}

// pen remembers the stroke colour and width set on the current page, so
// that the borders of a table's cells do not set them again for every
// cell. (Fill and text colours are set before every draw: gopdf
// otherwise lets text take the last fill colour.)
type pen struct {
	set   bool
	color rgb
	width float64
}

func (p *pen) stroke(pdf *gopdf.GoPdf, c rgb, width float64) {
	if p.set && p.color == c && p.width == width {
		return
	}
	pdf.SetStrokeColor(c.r, c.g, c.b)
	pdf.SetLineWidth(width)
	*p = pen{set: true, color: c, width: width}
}

// draw writes one operation.
func draw(pdf *gopdf.GoPdf, f *Fonts, pen *pen, o op) error {
	switch o.kind {
	case opText:
		return drawText(pdf, f, o)
	case opLine:
		pen.stroke(pdf, o.color, o.width)
		if o.dash {
			pdf.SetCustomLineType([]float64{4, 2.5}, 0)
		} else {
			pdf.SetLineType("solid")
		}
		pdf.Line(o.x, o.y, o.x+o.w, o.y+o.h)
		pdf.SetLineType("solid")
	case opRect:
		if o.fill {
			pdf.SetFillColor(o.color.r, o.color.g, o.color.b)
			pdf.RectFromUpperLeftWithStyle(o.x, o.y, o.w, o.h, "F")
		} else {
			pen.stroke(pdf, o.color, o.width)
			pdf.RectFromUpperLeftWithStyle(o.x, o.y, o.w, o.h, "D")
		}
	case opCircle:
		pdf.SetFillColor(o.color.r, o.color.g, o.color.b)
		pen.stroke(pdf, o.color, 0.5)
		pdf.Oval(o.x-o.w, o.y-o.w, o.x+o.w, o.y+o.w)
	}
	return nil
}

// drawText writes a text run by run: characters only the fallback face has
// are set in it. Runs are slices of the text (a line of a long cell is
// not copied character by character).
func drawText(pdf *gopdf.GoPdf, f *Fonts, o op) error {
	x := o.x
	text := o.text
	if !utf8.ValidString(text) || strings.IndexFunc(text, isLayoutControl) >= 0 {
		// Controls are laid out, never drawn; a byte that is not UTF-8
		// is U+FFFD, as a conversion to []rune makes it.
		text = strings.Map(func(r rune) rune {
			if isLayoutControl(r) {
				return -1
			}
			return r
		}, text)
	}
	for start := 0; start < len(text); {
		r, n := utf8.DecodeRuneInString(text[start:])
		face := f.faceFor(o.face, r)
		end := start + n
		for end < len(text) {
			r, n := utf8.DecodeRuneInString(text[end:])
			if f.faceFor(o.face, r) != face {
				break
			}
			end += n
		}
		run := text[start:end]
		if err := pdf.SetFont(f.family[face], "", o.size); err != nil {
			return err
		}
		if err := pdf.SetCharSpacing(o.spacing); err != nil {
			return err
		}
		pdf.SetTextColor(o.color.r, o.color.g, o.color.b)
		pdf.SetXY(x, o.y)
		if err := pdf.Cell(nil, run); err != nil {
			return err
		}
		for _, r := range run {
			x += f.Width(face, r)*o.size + o.spacing
		}
		start = end
	}
	return nil
}

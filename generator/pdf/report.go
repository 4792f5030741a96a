// Package pdf writes the printable reports: per department and year a PDF
// that reads like the official forms (cover, contents, the three parts in
// the source document's order, tables with merged cells and repeated
// headers, each project's execution chart as vector graphics), and per year
// one combined report. It uses gopdf with TrueType fonts parsed once per
// build, its own Chinese line breaker, and GB/T 9704 page geometry. Output
// is byte-identical for the same content: dates come from the content.
package pdf

import (
	"fmt"
	"strings"
	"time"

	"github.com/signintech/gopdf"

	"disclose/generator/derive"
	"disclose/generator/model"
	"disclose/generator/present"
)

// Options controls the reports.
type Options struct {
	// SiteTitle and Publisher appear on the annual report's cover.
	SiteTitle, Publisher string
	// MaxRecords is the most spending records listed per project; a project
	// with more lists none and points to the open data instead.
	MaxRecords int
	// AnnualProjects is the most projects a year may have for the combined
	// annual report to print every project's forms; past it the combined
	// report prints each department's first two parts and its project list,
	// and the department reports carry the forms. (A province's 5,000
	// projects would make a 20,000-page book no reader could use.)
	AnnualProjects int
	// AnnualVolume is the most departments in one volume of a combined
	// report (present.Volumes); Year ignores it.
	AnnualVolume int
	Lang         string
}

// The body text sizes (pt): 小四 for prose, 五号 for tables.
const (
	bodySize    = 12.0
	bodyLeading = 21.0
	tableSize   = 9.5
)

// Department renders the report of one department and year.
func Department(f *Fonts, d *derive.Department, o Options) ([]byte, error) {
	l := newLayout(f)
	writeDepartment(l, d, 0, o)
	return assemble(f, l, nil, cover{[]string{d.Title, d.Name}, d.Publisher, d.Published}, Info{
		Title:    fmt.Sprintf("%s（%s）", d.Title, d.Name),
		Author:   d.Publisher,
		Subject:  fmt.Sprintf("%s %d年度预算绩效目标公开", d.Name, d.Year),
		Keywords: fmt.Sprintf("绩效目标, 预算绩效, %d, %s", d.Year, d.Name),
		Created:  created(d.Published),
		Lang:     o.Lang,
	})
}

// Year renders the combined annual report of the departments of one year.
func Year(f *Fonts, year int, depts []*derive.Department, o Options) ([]byte, error) {
	projects := 0
	for _, d := range depts {
		projects += len(d.Projects)
	}
	parts := make([]*YearPart, len(depts))
	for i, d := range depts {
		if projects > o.AnnualProjects {
			parts[i] = sectionPart(f, SectionOf(d))
		} else {
			parts[i] = fullPart(f, d, o)
		}
	}
	return yearFromParts(f, year, present.Volume{Number: 1, Of: 1, To: len(parts)}, parts, o)
}

// YearPart is one department laid out for a combined report: parts are
// laid out independently (each starts a page), so a build lays out a
// changed department's while it has it and those of unchanged
// departments while it renders the changed ones. A part is then written
// into content streams (annualparts.go), which a build keeps.
type YearPart struct {
	l         *layout  // nil once written
	w         *written // nil until written
	published model.Date
}

// fullPart lays out d in full for a combined report.
func fullPart(f *Fonts, d *derive.Department, o Options) *YearPart {
	l := newLayout(f)
	l.newPage()
	l.heading(1, d.Name, 60)
	writeDepartment(l, d, 1, o)
	return &YearPart{l: l, published: d.Published}
}

// yearFromParts puts the parts of volume v one after the other, behind a
// cover and the contents: the parts are written first (those not written
// yet), and the report is assembled from their content streams.
func yearFromParts(f *Fonts, year int, v present.Volume, parts []*YearPart, o Options) ([]byte, error) {
	if err := writeParts(f, parts); err != nil {
		return nil, err
	}
	l := newLayout(f)
	latest := model.Date{}
	for _, p := range parts {
		offset := len(l.pages)
		for _, pg := range p.w.Pages {
			l.pages = append(l.pages, &page{illustrative: pg.Illustrative, whole: pg.Whole})
		}
		for _, h := range p.w.Headings {
			l.headings = append(l.headings, heading{level: h.Level, text: h.Text, page: h.Page + offset, y: h.Y})
		}
		if p.published.After(latest) {
			latest = p.published
		}
	}
	title := fmt.Sprintf("%d年度预算绩效目标公开", year)
	lines, volume := []string{title, "各部门合订本"}, ""
	if v.Of > 1 {
		volume = fmt.Sprintf("第 %d 册（共 %d 册）", v.Number, v.Of)
		lines = append(lines, volume)
	}
	return assemble(f, l, parts, cover{lines, o.Publisher, latest}, Info{
		Title:    fmt.Sprintf("%s%s（%s）", title, volume, o.SiteTitle),
		Author:   o.Publisher,
		Subject:  fmt.Sprintf("%d年度各部门预算绩效目标合订本%s，共 %d 个部门", year, volume, len(parts)),
		Keywords: fmt.Sprintf("绩效目标, 预算绩效, %d, 合订本", year),
		Created:  created(latest),
		Lang:     o.Lang,
	})
}

// created is the publication date at midnight, China Standard Time.
func created(d model.Date) time.Time {
	if d.IsZero() {
		return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	t := d.Time()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.FixedZone("CST", 8*3600))
}

// cover is what the cover page says: the title's lines, who publishes, when.
type cover struct {
	lines     []string
	publisher string
	published model.Date
}

// assemble puts the cover and the contents in front of the laid-out body
// and writes the PDF. When every page of the body is of an illustrative
// year, the cover and the contents say so too. parts, when not nil, are
// the written parts whose streams the body's (empty) pages take.
func assemble(f *Fonts, body *layout, parts []*YearPart, c cover, info Info) ([]byte, error) {
	whole := len(body.pages) > 0
	for _, pg := range body.pages {
		whole = whole && pg.whole
	}
	coverPage := coverLayout(f, c.lines, c.publisher, c.published)
	// The contents need the page count of the contents: lay them out once
	// to count, then again with the final numbers (their width cannot
	// change the count: the numbers are right-aligned in a fixed column).
	toc := contentsLayout(f, body.headings, 0)
	toc = contentsLayout(f, body.headings, len(toc.pages))
	if whole {
		coverPage.whole = true
		coverPage.add(op{kind: opText, x: (pageW - coverPage.measure(Serif, 9, IllustrativeYearFooter)) / 2, y: 240 * mm, face: Serif, size: 9, text: IllustrativeYearFooter, color: gray})
		for _, pg := range toc.pages {
			pg.illustrative, pg.whole = true, true
		}
	}
	pages := append(append(coverPage.pages, toc.pages...), body.pages...)
	var extra func(*gopdf.GoPdf) error
	if parts != nil {
		extra = measureChars(f, parts)
	}
	data, err := write(f, pages, 1, info, extra)
	if err == nil && parts != nil {
		data, err = splice(data, len(coverPage.pages)+len(toc.pages), parts)
	}
	if err != nil {
		return nil, err
	}
	return finish(data, body.headings, 1+len(toc.pages), info)
}

func coverLayout(f *Fonts, lines []string, publisher string, published model.Date) *layout {
	l := newLayout(f)
	l.newPage()
	center := func(y float64, face Face, size float64, s string, c rgb) {
		for _, ln := range l.breakText(face, size, s, bodyW) {
			l.add(op{kind: opText, x: (pageW - ln.Width) / 2, y: y, face: face, size: size, text: ln.Text(), color: c})
			y += size * 1.5
		}
	}
	l.add(op{kind: opLine, x: marginLeft, y: 92 * mm, w: bodyW, color: accent, width: 1.5})
	center(105*mm, Sans, 26, lines[0], black)
	for i, s := range lines[1:] {
		center(125*mm+float64(i)*12*mm, Sans, 18, s, black)
	}
	l.add(op{kind: opLine, x: marginLeft, y: 150 * mm, w: bodyW, color: accent, width: 1.5})
	center(215*mm, Serif, 14, publisher, black)
	center(225*mm, Serif, 14, present.ChineseDate(published), black)
	return l
}

// contentsLayout lists the headings down to level 3 with their page
// numbers; tocPages is the number of contents pages (page 1 is the first
// page after the cover).
func contentsLayout(f *Fonts, heads []heading, tocPages int) *layout {
	l := newLayout(f)
	l.newPage()
	l.add(op{kind: opText, x: marginLeft + bodyW/2 - l.measure(Sans, 16, "目　录")/2, y: l.y, face: Sans, size: 16, text: "目　录", color: black})
	l.y += 36
	const size, leading = 11.0, 20.0
	numW := l.measure(Serif, size, "0000")
	for _, h := range heads {
		if h.level > 3 {
			continue
		}
		face := Serif
		if h.level == 1 {
			face = Sans
		}
		indent := float64(h.level-1) * 2 * size
		pageNo := fmt.Sprint(tocPages + h.page + 1)
		avail := bodyW - indent - numW - size
		lines := l.breakText(face, size, h.text, avail)
		for i, ln := range lines {
			l.room(leading)
			l.add(op{kind: opText, x: marginLeft + indent, y: l.y + (leading-size)/2, face: face, size: size, text: ln.Text(), color: black})
			if i == len(lines)-1 {
				// Dotted leader to the right-aligned page number.
				start := marginLeft + indent + ln.Width + 4
				end := marginLeft + bodyW - l.measure(Serif, size, pageNo) - 4
				if end > start {
					dots := strings.Repeat("·", int((end-start)/l.measure(Serif, size, "·")))
					l.add(op{kind: opText, x: end - l.measure(Serif, size, dots), y: l.y + (leading-size)/2, face: Serif, size: size, text: dots, color: gray})
				}
				l.add(op{kind: opText, x: marginLeft + bodyW - l.measure(Serif, size, pageNo), y: l.y + (leading-size)/2, face: Serif, size: size, text: pageNo, color: black})
			}
			l.y += leading
		}
	}
	return l
}

package pdf

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"

	"github.com/signintech/gopdf"

	"disclose/generator/model"
)

// A combined report is written in two steps, so that a rebuild writes
// again only what changed: each department's part is written once into
// content streams (its pages without their footers, which hold page
// numbers that move), and the report is then assembled from those
// streams behind a cover and the contents written with the footers.
// A build keeps each part's streams (Encode) and an unchanged department's
// part is read back (DecodePart) instead of laid out and written again.
// A full build takes the same two steps, so both give the same bytes.

// partPage is one page of a written part.
type partPage struct {
	Stream       []byte `json:"-"` // deflated, without the footer
	Illustrative bool   `json:",omitempty"`
	Whole        bool   `json:",omitempty"`
}

// partHeading is a heading of a written part, for the contents and the
// outline.
type partHeading struct {
	Level int
	Text  string
	Page  int
	Y     float64
}

// written is a part as content streams: its pages, headings and the
// characters each face draws (in the order first drawn), which the
// report's fonts must hold.
type written struct {
	Published model.Date
	Pages     []partPage
	Headings  []partHeading
	Chars     [numFaces]string
}

// Written says whether the part is written into content streams already.
func (p *YearPart) Written() bool { return p.w != nil }

// Encode is a written part as bytes, for the build's cache.
func (p *YearPart) Encode() ([]byte, error) {
	if p.w == nil {
		return nil, errors.New("pdf: part not written")
	}
	head, err := json.Marshal(p.w)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.Write(head)
	b.WriteByte('\n')
	for _, pg := range p.w.Pages {
		fmt.Fprintf(&b, "%d\n", len(pg.Stream))
		b.Write(pg.Stream)
	}
	return b.Bytes(), nil
}

// DecodePart reads a part that Encode wrote.
func DecodePart(data []byte) (*YearPart, error) {
	bad := errors.New("pdf: damaged part")
	head, rest, ok := bytes.Cut(data, []byte("\n"))
	w := &written{}
	if !ok || json.Unmarshal(head, w) != nil {
		return nil, bad
	}
	for i := range w.Pages {
		n, tail, ok := bytes.Cut(rest, []byte("\n"))
		size, err := strconv.Atoi(string(n))
		if !ok || err != nil || size < 0 || size > len(tail) {
			return nil, bad
		}
		w.Pages[i].Stream, rest = tail[:size], tail[size:]
	}
	if len(rest) != 0 {
		return nil, bad
	}
	return &YearPart{w: w, published: w.Published}, nil
}

// writeParts writes the parts not yet written, all in one document (one
// font subset for them all, thrown away: the report's fonts are written
// with the cover).
func writeParts(f *Fonts, parts []*YearPart) error {
	var pages []*page
	var todo []*YearPart
	for _, p := range parts {
		if p.w == nil {
			todo = append(todo, p)
			pages = append(pages, p.l.pages...)
		}
	}
	if len(todo) == 0 {
		return nil
	}
	data, err := write(f, pages, len(pages), Info{}, nil)
	if err != nil {
		return err
	}
	streams, err := pageStreams(data)
	if err != nil {
		return err
	}
	if len(streams) != len(pages) {
		return errors.New("pdf: pages written do not match the parts")
	}
	for _, p := range todo {
		w := &written{Published: p.published}
		seen := [numFaces]map[rune]bool{}
		chars := [numFaces][]rune{}
		for _, pg := range p.l.pages {
			w.Pages = append(w.Pages, partPage{Stream: streams[0], Illustrative: pg.illustrative, Whole: pg.whole})
			streams = streams[1:]
			for _, o := range pg.ops {
				if o.kind == opText {
					addChars(f, o, &seen, &chars)
				}
			}
		}
		for face := range numFaces {
			w.Chars[face] = string(chars[face])
		}
		for _, h := range p.l.headings {
			w.Headings = append(w.Headings, partHeading{Level: h.level, Text: h.text, Page: h.page, Y: h.y})
		}
		p.w, p.l = w, nil
	}
	return nil
}

// addChars notes the characters a text operation draws, by the face that
// draws each (as drawText chooses it).
func addChars(f *Fonts, o op, seen *[numFaces]map[rune]bool, chars *[numFaces][]rune) {
	for _, r := range o.text {
		if isLayoutControl(r) {
			continue
		}
		face := f.faceFor(o.face, r)
		if seen[face] == nil {
			seen[face] = map[rune]bool{}
		}
		if !seen[face][r] {
			seen[face][r] = true
			chars[face] = append(chars[face], r)
		}
	}
}

// measureChars adds the parts' characters to the document's font subsets.
func measureChars(f *Fonts, parts []*YearPart) func(*gopdf.GoPdf) error {
	return func(pdf *gopdf.GoPdf) error {
		for _, p := range parts {
			for face, s := range p.w.Chars {
				if s == "" || f.family[face] == "" {
					continue
				}
				if err := pdf.SetFont(f.family[face], "", 10); err != nil {
					return err
				}
				if _, err := pdf.MeasureTextWidth(s); err != nil {
					return err
				}
			}
		}
		return nil
	}
}

var (
	kidsRe     = regexp.MustCompile(`/Kids\s*\[([^\]]*)\]`)
	refRe      = regexp.MustCompile(`(\d+) 0 R`)
	contentsRe = regexp.MustCompile(`/Contents\s+(\d+) 0 R`)
)

// objects are the objects of a PDF as gopdf writes it (one table, objects
// numbered from 1 in order), each from "N 0 obj" to the next.
type objects struct {
	pdf     []byte
	offsets []int // by object number; [0] unused
	xref    int
	trailer []byte // "trailer" up to "startxref"
}

func parseObjects(pdf []byte) (*objects, error) {
	bad := errors.New("pdf: unexpected PDF structure from gopdf")
	m := xrefAt.FindSubmatch(pdf[max(0, len(pdf)-1024):])
	if m == nil {
		return nil, bad
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if xref <= 0 || xref >= len(pdf) {
		return nil, bad
	}
	table := pdf[xref:]
	var n int
	if _, err := fmt.Sscanf(string(table[:min(len(table), 32)]), "xref\n0 %d\n", &n); err != nil || n < 1 {
		return nil, bad
	}
	head := bytes.IndexByte(table[5:], '\n') + 6
	if head < 6 || len(table) < head+20*n {
		return nil, bad
	}
	o := &objects{pdf: pdf, offsets: make([]int, n), xref: xref}
	for i := 1; i < n; i++ {
		e := table[head+20*i : head+20*i+20]
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || off <= 0 || off >= xref || (i > 1 && off <= o.offsets[i-1]) {
			return nil, bad
		}
		o.offsets[i] = off
	}
	t, s := bytes.Index(table, []byte("trailer")), bytes.LastIndex(table, []byte("startxref"))
	if t < 0 || s < t {
		return nil, bad
	}
	o.trailer = table[t:s]
	return o, nil
}

// object is object id's bytes, "N 0 obj" to the next object.
func (o *objects) object(id int) []byte {
	end := o.xref
	if id+1 < len(o.offsets) {
		end = o.offsets[id+1]
	}
	return o.pdf[o.offsets[id]:end]
}

// pages lists the page objects in order (the page tree is object 2).
func (o *objects) pages() ([]int, error) {
	if len(o.offsets) < 3 {
		return nil, errors.New("pdf: no page tree")
	}
	kids := kidsRe.FindSubmatch(o.object(2))
	if kids == nil {
		return nil, errors.New("pdf: no page tree")
	}
	var ids []int
	for _, m := range refRe.FindAllSubmatch(kids[1], -1) {
		id, _ := strconv.Atoi(string(m[1]))
		if id <= 0 || id >= len(o.offsets) {
			return nil, errors.New("pdf: page out of range")
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// contents is the content stream object of page object id.
func (o *objects) contents(id int) (int, []int, error) {
	obj := o.object(id)
	m := contentsRe.FindSubmatchIndex(obj)
	if m == nil {
		return 0, nil, fmt.Errorf("pdf: page %d has no contents", id)
	}
	c, _ := strconv.Atoi(string(obj[m[2]:m[3]]))
	if c <= 0 || c >= len(o.offsets) {
		return 0, nil, fmt.Errorf("pdf: page %d: contents out of range", id)
	}
	return c, m, nil
}

// parsePages reads a PDF's objects and its pages' object numbers, in order.
func parsePages(pdf []byte) (*objects, []int, error) {
	o, err := parseObjects(pdf)
	if err != nil {
		return nil, nil, err
	}
	ids, err := o.pages()
	return o, ids, err
}

// pageStreams are the deflated content streams of a PDF's pages, in order.
func pageStreams(pdf []byte) ([][]byte, error) {
	o, ids, err := parsePages(pdf)
	if err != nil {
		return nil, err
	}
	streams := make([][]byte, len(ids))
	for i, id := range ids {
		c, _, err := o.contents(id)
		if err != nil {
			return nil, err
		}
		obj := o.object(c)
		lm := lengthKey.FindSubmatch(obj)
		at := bytes.Index(obj, []byte("stream\n"))
		if lm == nil || at < 0 || !bytes.Contains(obj[:at], []byte("/FlateDecode")) {
			return nil, fmt.Errorf("pdf: page %d: stream not deflated", i+1)
		}
		n, _ := strconv.Atoi(string(lm[1]))
		at += len("stream\n")
		if at+n > len(obj) {
			return nil, fmt.Errorf("pdf: page %d: stream too short", i+1)
		}
		streams[i] = obj[at : at+n]
	}
	return streams, nil
}

// splice puts each part's page streams in front of the footers of the
// assembled report's body pages (those from first on): each such page's
// contents become [its part's stream, its footer], the part's streams
// new objects after the others.
func splice(pdf []byte, first int, parts []*YearPart) ([]byte, error) {
	o, ids, err := parsePages(pdf)
	if err != nil {
		return nil, err
	}
	var streams [][]byte
	for _, p := range parts {
		for _, pg := range p.w.Pages {
			streams = append(streams, pg.Stream)
		}
	}
	if len(ids) != first+len(streams) {
		return nil, errors.New("pdf: body pages do not match the parts")
	}
	body := map[int]int{} // page object → its part stream's object
	n := len(o.offsets)
	for k, id := range ids[first:] {
		body[id] = n + k
	}
	size := len(pdf)
	for _, s := range streams {
		size += len(s) + 96
	}
	out := bytes.NewBuffer(make([]byte, 0, size))
	out.Write(pdf[:o.offsets[1]])
	offsets := make([]int, n+len(streams))
	for id := 1; id < n; id++ {
		offsets[id] = out.Len()
		obj := o.object(id)
		s, ok := body[id]
		if !ok {
			out.Write(obj)
			continue
		}
		_, m, err := o.contents(id)
		if err != nil {
			return nil, err
		}
		out.Write(obj[:m[0]])
		fmt.Fprintf(out, "/Contents [%d 0 R %s 0 R]", s, obj[m[2]:m[3]])
		out.Write(obj[m[1]:])
	}
	for k, s := range streams {
		offsets[n+k] = out.Len()
		fmt.Fprintf(out, "%d 0 obj\n<<\n/Length %d\n/Filter /FlateDecode\n>>\nstream\n", n+k, len(s))
		out.Write(s)
		out.WriteString("\nendstream\nendobj\n\n")
	}
	xref := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for _, off := range offsets[1:] {
		fmt.Fprintf(out, "%010d 00000 n \n", off)
	}
	trailer := regexp.MustCompile(`/Size \d+`).ReplaceAll(o.trailer, []byte(fmt.Sprintf("/Size %d", len(offsets))))
	out.Write(trailer)
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", xref)
	return out.Bytes(), nil
}

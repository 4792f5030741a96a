// Package pdfcheck verifies what the eye would see in a PDF that disclose
// wrote: every glyph drawn for a character that has text is a real glyph,
// neither .notdef (glyph 0) nor an empty outline, in a font embedded in the
// file. pdffonts and pdftotext pass even when glyphs print as blanks; this
// reads the content streams, the ToUnicode maps and the embedded TrueType
// subsets themselves. It understands the PDF that gopdf writes (plus the
// incremental update disclose appends), not PDF in general.
package pdfcheck

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
)

// Report is what Check found.
type Report struct {
	Pages    int
	Fonts    int      // embedded fonts used
	Glyphs   int      // glyphs drawn
	Problems []string // empty when every glyph is real
	Text     string   // the drawn text, in drawing order
}

type object struct {
	dict   string
	stream []byte
}

var (
	objRe    = regexp.MustCompile(`(?m)^(\d+) 0 obj`)
	refRe    = regexp.MustCompile(`(\d+) 0 R`)
	lengthRe = regexp.MustCompile(`/Length (\d+)`)
)

// objects reads every object; a later definition (an incremental update)
// replaces an earlier one.
func objects(pdf []byte) map[int]object {
	out := map[int]object{}
	locs := objRe.FindAllSubmatchIndex(pdf, -1)
	for i, loc := range locs {
		id, _ := strconv.Atoi(string(pdf[loc[2]:loc[3]]))
		end := len(pdf)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		body := pdf[loc[1]:end]
		o := object{}
		if s := bytes.Index(body, []byte("stream")); s >= 0 && bytes.Contains(body[:s], []byte("<<")) && !bytes.Contains(body[:s], []byte("endobj")) {
			o.dict = string(body[:s])
			start := s + len("stream")
			if start < len(body) && body[start] == '\r' {
				start++
			}
			if start < len(body) && body[start] == '\n' {
				start++
			}
			n := -1
			if m := lengthRe.FindStringSubmatch(o.dict); m != nil {
				n, _ = strconv.Atoi(m[1])
			}
			if n < 0 || start+n > len(body) {
				n = bytes.Index(body[start:], []byte("endstream"))
			}
			raw := body[start : start+max(n, 0)]
			if strings.Contains(o.dict, "/FlateDecode") {
				if r, err := zlib.NewReader(bytes.NewReader(raw)); err == nil {
					if d, err := io.ReadAll(r); err == nil {
						raw = d
					}
				}
			}
			o.stream = raw
		} else if e := bytes.Index(body, []byte("endobj")); e >= 0 {
			o.dict = string(body[:e])
		}
		out[id] = o
	}
	return out
}

func ref(dict, key string) int {
	m := regexp.MustCompile(regexp.QuoteMeta(key) + `\s*\[?\s*(\d+) 0 R`).FindStringSubmatch(dict)
	if m == nil {
		return -1
	}
	id, _ := strconv.Atoi(m[1])
	return id
}

// font is an embedded Type0 font: its ToUnicode map and which glyphs of its
// TrueType subset have outlines.
type font struct {
	unicode map[uint16]string
	empty   func(gid uint16) bool
	name    string
}

func loadFont(objs map[int]object, id int) (*font, error) {
	f := &font{unicode: map[uint16]string{}}
	d := objs[id].dict
	if m := regexp.MustCompile(`/BaseFont\s*/(\S+)`).FindStringSubmatch(d); m != nil {
		f.name = m[1]
	}
	if tu := ref(d, "/ToUnicode"); tu >= 0 {
		parseCMap(objs[tu].stream, f.unicode)
	}
	desc := ref(d, "/DescendantFonts")
	if desc < 0 {
		return nil, fmt.Errorf("font %s has no descendant font", f.name)
	}
	fd := ref(objs[desc].dict, "/FontDescriptor")
	ff := -1
	if fd >= 0 {
		ff = ref(objs[fd].dict, "/FontFile2")
	}
	if ff < 0 {
		return nil, fmt.Errorf("font %s is not embedded", f.name)
	}
	empty, err := emptyGlyphs(objs[ff].stream)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", f.name, err)
	}
	f.empty = empty
	return f, nil
}

// parseCMap reads bfchar and bfrange entries of a ToUnicode CMap.
func parseCMap(cmap []byte, out map[uint16]string) {
	hexes := regexp.MustCompile(`<([0-9A-Fa-f]+)>`)
	decode := func(h string) string {
		b, _ := hex.DecodeString(h)
		u := make([]uint16, len(b)/2)
		for i := range u {
			u[i] = binary.BigEndian.Uint16(b[2*i:])
		}
		return string(utf16.Decode(u))
	}
	num := func(h string) uint16 { v, _ := strconv.ParseUint(h, 16, 16); return uint16(v) }
	for _, sec := range regexp.MustCompile(`(?s)beginbfchar(.*?)endbfchar`).FindAllSubmatch(cmap, -1) {
		for _, line := range strings.Split(string(sec[1]), "\n") {
			h := hexes.FindAllStringSubmatch(line, -1)
			if len(h) == 2 {
				out[num(h[0][1])] = decode(h[1][1])
			}
		}
	}
	for _, sec := range regexp.MustCompile(`(?s)beginbfrange(.*?)endbfrange`).FindAllSubmatch(cmap, -1) {
		for _, line := range strings.Split(string(sec[1]), "\n") {
			h := hexes.FindAllStringSubmatch(line, -1)
			if len(h) == 3 {
				lo, hi := num(h[0][1]), num(h[1][1])
				base := []rune(decode(h[2][1]))
				for g := lo; g <= hi && len(base) > 0; g++ {
					out[g] = string(base[0] + rune(g-lo))
					if g == 0xFFFF {
						break
					}
				}
			}
		}
	}
}

// emptyGlyphs reads a TrueType font's loca table: a glyph whose data has
// length zero draws nothing.
func emptyGlyphs(ttf []byte) (func(uint16) bool, error) {
	if len(ttf) < 12 {
		return nil, fmt.Errorf("embedded font is empty")
	}
	tables := map[string][]byte{}
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(ttf) {
			return nil, fmt.Errorf("truncated table directory")
		}
		tag := string(ttf[rec : rec+4])
		off := int(binary.BigEndian.Uint32(ttf[rec+8:]))
		length := int(binary.BigEndian.Uint32(ttf[rec+12:]))
		if off+length <= len(ttf) {
			tables[tag] = ttf[off : off+length]
		}
	}
	head, loca := tables["head"], tables["loca"]
	if len(head) < 54 || loca == nil {
		return nil, fmt.Errorf("embedded font has no head or loca table")
	}
	long := binary.BigEndian.Uint16(head[50:]) == 1
	offset := func(g int) (uint32, bool) {
		if long {
			if 4*g+4 > len(loca) {
				return 0, false
			}
			return binary.BigEndian.Uint32(loca[4*g:]), true
		}
		if 2*g+2 > len(loca) {
			return 0, false
		}
		return 2 * uint32(binary.BigEndian.Uint16(loca[2*g:])), true
	}
	return func(g uint16) bool {
		a, ok1 := offset(int(g))
		b, ok2 := offset(int(g) + 1)
		return !ok1 || !ok2 || a == b
	}, nil
}

var (
	tfRe  = regexp.MustCompile(`/(F\d+)\s+[\d.]+\s+Tf`)
	tjRe  = regexp.MustCompile(`<([0-9A-Fa-f]*)>`)
	opsRe = regexp.MustCompile(`/(F\d+)\s+[\d.]+\s+Tf|\[[^\]]*\]\s*TJ|<[0-9A-Fa-f]*>\s*Tj`)
)

// Check verifies a PDF.
func Check(pdf []byte) (*Report, error) {
	objs := objects(pdf)
	r := &Report{}
	fonts := map[int]*font{}
	var text strings.Builder
	// Pages in the order of the page tree's kids.
	root := ref(string(pdf[bytes.LastIndex(pdf, []byte("trailer")):]), "/Root")
	pages := ref(objs[root].dict, "/Pages")
	kids := regexp.MustCompile(`/Kids\s*\[([^\]]*)\]`).FindStringSubmatch(objs[pages].dict)
	if kids == nil {
		return nil, fmt.Errorf("no page tree")
	}
	for _, km := range refRe.FindAllStringSubmatch(kids[1], -1) {
		pid, _ := strconv.Atoi(km[1])
		r.Pages++
		pd := objs[pid].dict
		res := pd
		if rid := ref(pd, "/Resources"); rid >= 0 {
			res = objs[rid].dict
		}
		names := map[string]int{}
		if fm := regexp.MustCompile(`(?s)/Font\s*<<(.*?)>>`).FindStringSubmatch(res); fm != nil {
			for _, e := range regexp.MustCompile(`/(F\d+)\s+(\d+) 0 R`).FindAllStringSubmatch(fm[1], -1) {
				id, _ := strconv.Atoi(e[2])
				names[e[1]] = id
			}
		}
		var content []byte
		if cm := regexp.MustCompile(`/Contents\s*\[?([\d\s0R]*)\]?`).FindStringSubmatch(pd); cm != nil {
			for _, c := range refRe.FindAllStringSubmatch(cm[1], -1) {
				cid, _ := strconv.Atoi(c[1])
				content = append(content, objs[cid].stream...)
				content = append(content, '\n')
			}
		}
		var cur *font
		for _, op := range opsRe.FindAll(content, -1) {
			if m := tfRe.FindSubmatch(op); m != nil {
				id, ok := names[string(m[1])]
				if !ok {
					r.Problems = append(r.Problems, fmt.Sprintf("page %d: font %s not in the page's resources", r.Pages, m[1]))
					continue
				}
				if fonts[id] == nil {
					f, err := loadFont(objs, id)
					if err != nil {
						r.Problems = append(r.Problems, fmt.Sprintf("page %d: %v", r.Pages, err))
						continue
					}
					fonts[id] = f
				}
				cur = fonts[id]
				continue
			}
			for _, h := range tjRe.FindAllSubmatch(op, -1) {
				b, _ := hex.DecodeString(string(h[1]))
				for i := 0; i+1 < len(b); i += 2 {
					gid := binary.BigEndian.Uint16(b[i:])
					r.Glyphs++
					if cur == nil {
						r.Problems = append(r.Problems, fmt.Sprintf("page %d: text with no font", r.Pages))
						continue
					}
					u, known := cur.unicode[gid]
					text.WriteString(u)
					blankOK := known && strings.TrimFunc(u, unicode.IsSpace) == ""
					switch {
					case gid == 0:
						r.Problems = append(r.Problems, fmt.Sprintf("page %d: .notdef glyph drawn for %q in %s", r.Pages, u, cur.name))
					case !known:
						r.Problems = append(r.Problems, fmt.Sprintf("page %d: glyph %d in %s has no text (ToUnicode)", r.Pages, gid, cur.name))
					case cur.empty(gid) && !blankOK:
						r.Problems = append(r.Problems, fmt.Sprintf("page %d: %q prints blank (empty glyph %d in %s)", r.Pages, u, gid, cur.name))
					}
				}
			}
			text.WriteString("\n")
		}
	}
	r.Fonts = len(fonts)
	r.Text = text.String()
	return r, nil
}

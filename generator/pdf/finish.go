package pdf

import (
	"bytes"
	"crypto/md5"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
)

// finish appends an incremental update to a PDF written by gopdf. gopdf's
// bookmarks are flat and point their parent at the page tree, its document
// information sits inline in the trailer and has no Keywords, and it writes
// no /ID; the update adds a proper nested outline, an information
// dictionary, the document language, and an /ID derived from the content
// (so the same content still gives the same bytes). The original bytes are
// left as they are: an incremental update only adds objects after them.
func finish(pdf []byte, heads []heading, pageOffset int, info Info) ([]byte, error) {
	// (Both are in the file's tail: a combined report is megabytes.)
	startxref := regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`).FindSubmatch(pdf[max(0, len(pdf)-1024):])
	size := regexp.MustCompile(`/Size (\d+)`).FindAllSubmatch(pdf[max(0, bytes.LastIndex(pdf, []byte("trailer"))):], -1)
	if startxref == nil || len(size) == 0 || !bytes.Contains(pdf, []byte("/Root 1 0 R")) {
		return nil, errors.New("finish: unexpected PDF structure from gopdf")
	}
	prev, _ := strconv.Atoi(string(startxref[1]))
	next, _ := strconv.Atoi(string(size[len(size)-1][1]))
	catalog, err := object(pdf, prev, 1)
	if err != nil {
		return nil, err
	}
	pagesObj, err := object(pdf, prev, 2)
	if err != nil {
		return nil, err
	}
	var pageIDs []int
	if kids := regexp.MustCompile(`/Kids\s*\[([^\]]*)\]`).FindSubmatch(pagesObj); kids != nil {
		for _, m := range regexp.MustCompile(`(\d+) 0 R`).FindAllSubmatch(kids[1], -1) {
			id, _ := strconv.Atoi(string(m[1]))
			pageIDs = append(pageIDs, id)
		}
	}

	var out bytes.Buffer
	out.Write(pdf)
	if !bytes.HasSuffix(pdf, []byte("\n")) {
		out.WriteByte('\n')
	}
	offsets := map[int]int{}
	put := func(id int, body string) {
		offsets[id] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", id, body)
	}
	infoID := next
	next++
	date := info.Created.Format("20060102150405-07'00'")
	put(infoID, fmt.Sprintf("<< /Title %s /Author %s /Subject %s /Keywords %s /Creator %s /Producer %s /CreationDate (D:%s) /ModDate (D:%s) >>",
		pdfText(info.Title), pdfText(info.Author), pdfText(info.Subject), pdfText(info.Keywords), pdfText("disclose"), pdfText("disclose (gopdf)"), date, date))

	outlineRef := ""
	if len(heads) > 0 && len(pageIDs) > 0 {
		rootID := next
		next++
		type node struct {
			h      heading
			id     int
			parent int
			kids   []*node
			count  int
		}
		root := &node{id: rootID}
		stack := []*node{root}
		for _, h := range heads {
			n := &node{h: h, id: next}
			next++
			for len(stack) > 1 && stack[len(stack)-1].h.level >= h.level {
				stack = stack[:len(stack)-1]
			}
			parent := stack[len(stack)-1]
			n.parent = parent.id
			parent.kids = append(parent.kids, n)
			stack = append(stack, n)
		}
		var count func(n *node) int
		count = func(n *node) int {
			c := 0
			for _, k := range n.kids {
				c += 1 + count(k)
			}
			n.count = c
			return c
		}
		count(root)
		write := func(n *node, siblings []*node, i int) {
			var b strings.Builder
			page := pageIDs[min(n.h.page+pageOffset, len(pageIDs)-1)]
			fmt.Fprintf(&b, "<< /Title %s /Parent %d 0 R /Dest [%d 0 R /XYZ 0 %.2f null]", pdfText(n.h.text), n.parent, page, pageH-n.h.y+4)
			if i > 0 {
				fmt.Fprintf(&b, " /Prev %d 0 R", siblings[i-1].id)
			}
			if i+1 < len(siblings) {
				fmt.Fprintf(&b, " /Next %d 0 R", siblings[i+1].id)
			}
			if len(n.kids) > 0 {
				fmt.Fprintf(&b, " /First %d 0 R /Last %d 0 R /Count %d", n.kids[0].id, n.kids[len(n.kids)-1].id, n.count)
			}
			b.WriteString(" >>")
			put(n.id, b.String())
		}
		var walk func(n *node)
		walk = func(n *node) {
			for i, k := range n.kids {
				write(k, n.kids, i)
				walk(k)
			}
		}
		put(rootID, fmt.Sprintf("<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>", root.kids[0].id, root.kids[len(root.kids)-1].id, root.count))
		walk(root)
		outlineRef = fmt.Sprintf(" /Outlines %d 0 R /PageMode /UseOutlines", rootID)
	}

	// The catalog again, with the outline, the language and the title shown
	// in the viewer's title bar (accessibility).
	dict := string(catalog)
	dict = regexp.MustCompile(`/Outlines \d+ 0 R|/PageMode /\w+`).ReplaceAllString(dict, "")
	dict = strings.TrimSpace(dict)
	dict = strings.TrimSuffix(dict, ">>")
	lang := info.Lang
	if lang == "" {
		lang = "zh-CN"
	}
	dict += fmt.Sprintf("%s /Lang %s /ViewerPreferences << /DisplayDocTitle true >> >>", outlineRef, pdfLiteral(lang))
	put(1, dict)

	xref := out.Len()
	ids := make([]int, 0, len(offsets))
	for id := range offsets {
		ids = append(ids, id)
	}
	sortInts(ids)
	out.WriteString("xref\n0 1\n0000000000 65535 f \n")
	for i := 0; i < len(ids); {
		j := i
		for j+1 < len(ids) && ids[j+1] == ids[j]+1 {
			j++
		}
		fmt.Fprintf(&out, "%d %d\n", ids[i], j-i+1)
		for k := i; k <= j; k++ {
			fmt.Fprintf(&out, "%010d 00000 n \n", offsets[ids[k]])
		}
		i = j + 1
	}
	sum := md5.Sum(pdf)
	id := strings.ToUpper(hex.EncodeToString(sum[:]))
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R /Prev %d /ID [<%s><%s>] >>\nstartxref\n%d\n%%%%EOF\n", next, infoID, prev, id, id, xref)
	return out.Bytes(), nil
}

// object returns the body of object id, found through the xref table at
// offset xref (gopdf writes one classic table, objects from 0).
func object(pdf []byte, xref, id int) ([]byte, error) {
	fail := fmt.Errorf("finish: object %d not found", id)
	if xref < 0 || xref >= len(pdf) {
		return nil, fail
	}
	lines := strings.SplitN(string(pdf[xref:]), "\n", id+4)
	if len(lines) < id+4 || strings.TrimSpace(lines[0]) != "xref" {
		return nil, fail
	}
	off, err := strconv.Atoi(strings.Fields(lines[2+id])[0])
	if err != nil || off >= len(pdf) {
		return nil, fail
	}
	body := pdf[off:]
	head := fmt.Sprintf("%d 0 obj", id)
	end := bytes.Index(body, []byte("endobj"))
	if !bytes.HasPrefix(body, []byte(head)) || end < 0 {
		return nil, fail
	}
	return bytes.TrimSpace(body[len(head):end]), nil
}

// pdfText encodes a text string as UTF-16BE with a byte order mark,
// surrogate pairs included (gopdf writes characters outside the BMP wrong).
func pdfText(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

func sortInts(a []int) { slices.Sort(a) }

// pdfLiteral writes s as a PDF literal string: parentheses and backslashes
// escaped, anything outside printable ASCII in octal, so that no value can
// end the string and add PDF syntax (an /OpenAction, say).
func pdfLiteral(s string) string {
	var b strings.Builder
	b.WriteByte('(')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '(' || c == ')' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20 || c > 0x7e:
			fmt.Fprintf(&b, "\\%03o", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(')')
	return b.String()
}

package load

import (
	"bytes"
	"strings"

	"gopkg.in/yaml.v3"
)

// quickYAML parses the YAML content files are written in (block mappings
// with plain keys, "- " lists, one-line plain or quoted values, whole-line
// comments) into the tree yaml.v3 would give: kinds, values, lines,
// columns, styles, and the !!null and !!bool tags the decoder asks about
// (other plain values keep Tag "", which Node.ShortTag resolves). It is
// several times faster: yaml.v3 was a fifth of a build's CPU. Anything
// else (line-end comments, multi-line and block values, flow collections,
// anchors, tags, tabs, CR, characters YAML treats specially) returns false
// and yaml.v3 parses the file; so does what yaml.v3 might reject. Its test
// compares the two trees on every file it accepts.
//
// data must be valid UTF-8.
func quickYAML(data []byte) (*yaml.Node, bool) {
	if !quickChars(data) {
		return nil, false
	}
	// Values are copied out (strings.Clone): a value the model keeps must
	// not keep the whole file alive.
	lines := bytes.Count(data, []byte{'\n'})
	p := &quickParser{src: string(data), nodes: make([]yaml.Node, 0, 2*lines+4), kids: make([]*yaml.Node, 0, 2*lines+4)}
	p.next()
	if p.done || p.ind != 0 {
		return nil, false
	}
	root := p.block(0)
	if p.bad || !p.done {
		return nil, false
	}
	return root, true
}

// quickChars: every character of data, valid UTF-8 (decodeYAML checked),
// one YAML reads as printable text, no tab, CR, BOM or line separator. The
// others are bytes below 0x20, DEL, C2 80–9F (U+0080–U+009F), E2 80 A8–A9
// (U+2028, U+2029), EF BB BF (U+FEFF) and EF BF BE–BF (U+FFFE, U+FFFF);
// C2, E2 and EF only ever start a character.
func quickChars(data []byte) bool {
	for i, c := range data {
		switch {
		case c < 0x20 && c != '\n', c == 0x7f:
			return false
		case c == 0xc2:
			if i+1 < len(data) && data[i+1] < 0xa0 {
				return false
			}
		case c != 0xe2 && c != 0xef, i+2 >= len(data):
		case c == 0xe2:
			if data[i+1] == 0x80 && (data[i+2] == 0xa8 || data[i+2] == 0xa9) {
				return false
			}
		case data[i+1] == 0xbb && data[i+2] == 0xbf, data[i+1] == 0xbf && data[i+2] >= 0xbe:
			return false
		}
	}
	return true
}

// quickParser walks the significant lines (not blank, not a comment); the
// current one is line (from 1), its indent and its text after the indent,
// trailing spaces cut. A list item's text after "- " becomes the current
// line, indented to where it starts.
type quickParser struct {
	src   string
	pos   int // start of the line after the current one
	line  int
	ind   int
	text  string
	done  bool
	bad   bool
	depth int
	nodes []yaml.Node  // allocated together: about two a line, more in chunks
	stack []*yaml.Node // the children of the lists and mappings being parsed
	kids  []*yaml.Node // their Content, allocated together as nodes
}

func (p *quickParser) node(kind yaml.Kind, tag string, col int) *yaml.Node {
	if len(p.nodes) == cap(p.nodes) {
		p.nodes = make([]yaml.Node, 0, 32)
	}
	p.nodes = p.nodes[:len(p.nodes)+1]
	n := &p.nodes[len(p.nodes)-1] // set field by field: no copy of a whole Node
	n.Kind, n.Tag, n.Line, n.Column = kind, tag, p.line, col
	return n
}

func (p *quickParser) next() {
	for p.pos < len(p.src) {
		end := strings.IndexByte(p.src[p.pos:], '\n')
		var l string
		if end < 0 {
			l, p.pos = p.src[p.pos:], len(p.src)
		} else {
			l, p.pos = p.src[p.pos:p.pos+end], p.pos+end+1
		}
		p.line++
		ind := 0
		for ind < len(l) && l[ind] == ' ' {
			ind++
		}
		t := strings.TrimRight(l[ind:], " ")
		if t == "" || t[0] == '#' {
			continue
		}
		p.ind, p.text = ind, t
		return
	}
	p.done = true
}

// content moves the children n's parse pushed since mark into its Content.
func (p *quickParser) content(n *yaml.Node, mark int) {
	kids := p.stack[mark:]
	if len(p.kids)+len(kids) > cap(p.kids) {
		p.kids = make([]*yaml.Node, 0, max(len(kids), 64))
	}
	at := len(p.kids)
	p.kids = append(p.kids, kids...)
	n.Content = p.kids[at:len(p.kids):len(p.kids)]
	p.stack = p.stack[:mark]
}

// block parses the mapping or list at the current line, indented by ind.
func (p *quickParser) block(ind int) *yaml.Node {
	if p.depth++; p.depth > 100 {
		p.bad = true
		return nil
	}
	defer func() { p.depth-- }()
	if p.text[0] == '-' {
		return p.list(ind)
	}
	return p.mapping(ind)
}

// keyLen is the length of a plain key ending in ":" then a space or the
// line's end, 0 if text does not start with one.
func keyLen(text string) int {
	k := 0
	for k < len(text) && k <= 128 {
		c := text[k]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' {
			k++
			continue
		}
		break
	}
	if k == 0 || k > 128 || k >= len(text) || text[k] != ':' || (k+1 < len(text) && text[k+1] != ' ') {
		return 0
	}
	return k
}

func (p *quickParser) mapping(ind int) *yaml.Node {
	n := p.node(yaml.MappingNode, "!!map", ind+1)
	defer p.content(n, len(p.stack))
	for !p.bad && !p.done && p.ind == ind {
		k := keyLen(p.text)
		if k == 0 {
			p.bad = true
			return nil
		}
		key := p.node(yaml.ScalarNode, plainTag(p.text[:k]), ind+1)
		key.Value = strings.Clone(p.text[:k])
		rest := strings.TrimLeft(p.text[k+1:], " ")
		var val *yaml.Node
		if rest == "" {
			p.next()
			if p.done || p.ind <= ind { // an empty value, or a list at the key's indent
				p.bad = true
				return nil
			}
			val = p.block(p.ind)
		} else {
			val = p.scalar(rest, ind+len(p.text)-len(rest))
			p.next()
		}
		p.stack = append(p.stack, key, val)
	}
	if !p.done && p.ind > ind {
		p.bad = true
	}
	return n
}

func (p *quickParser) list(ind int) *yaml.Node {
	n := p.node(yaml.SequenceNode, "!!seq", ind+1)
	defer p.content(n, len(p.stack))
	for !p.bad && !p.done && p.ind == ind {
		if len(p.text) < 2 || p.text[0] != '-' || p.text[1] != ' ' {
			p.bad = true
			return nil
		}
		rest := strings.TrimLeft(p.text[1:], " ")
		at := ind + len(p.text) - len(rest)
		var item *yaml.Node
		switch {
		case rest[0] == '-':
			p.bad = true
			return nil
		case keyLen(rest) > 0:
			p.ind, p.text = at, rest
			item = p.block(at)
		default:
			item = p.scalar(rest, at)
			p.next()
		}
		p.stack = append(p.stack, item)
	}
	if !p.done && p.ind > ind {
		p.bad = true
	}
	return n
}

// scalar is a one-line value starting at column at (from 0): double or
// single quoted with no escapes, or plain.
func (p *quickParser) scalar(s string, at int) *yaml.Node {
	n := p.node(yaml.ScalarNode, "", at+1)
	switch q := s[0]; q {
	case '"', '\'':
		end := strings.IndexByte(s[1:], q) + 1
		if end == 0 || end != len(s)-1 || (q == '"' && strings.IndexByte(s, '\\') >= 0) {
			p.bad = true
			return nil
		}
		n.Tag, n.Value = "!!str", strings.Clone(s[1:end])
		n.Style = yaml.DoubleQuotedStyle
		if q == '\'' {
			n.Style = yaml.SingleQuotedStyle
		}
		return n
	case '-':
		if len(s) < 2 || s[1] < '0' || s[1] > '9' {
			p.bad = true
			return nil
		}
	case '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '%', '@', '`':
		p.bad = true
		return nil
	}
	// A plain value ends at ": " or a final ":" (a mapping yaml.v3 then
	// refuses) and at " #" (a comment); a colon or # elsewhere is text, as
	// in 其中:农村 or 10:30.
	if strings.Contains(s, ": ") || strings.HasSuffix(s, ":") || strings.Contains(s, " #") || s == "<<" {
		p.bad = true
		return nil
	}
	n.Tag, n.Value = plainTag(s), strings.Clone(s)
	return n
}

// plainTag is yaml.v3's tag for the plain values the decoder tests (null,
// bool), "" for the others.
func plainTag(s string) string {
	switch s {
	case "~", "null", "Null", "NULL":
		return "!!null"
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return "!!bool"
	}
	return ""
}

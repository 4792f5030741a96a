package check

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"disclose/generator/diag"
	"disclose/generator/model"
)

// A control character (控制字符) is invisible on the page, draws as nothing
// or a box in the PDF and makes the HTML invalid; it usually comes from
// copying out of Word or a finance system. Tab and line ends are text.
func isControl(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
		return true
	case r == 0xfffe || r == 0xffff || r == utf8.RuneError:
		return true
	}
	return false
}

// firstControl returns the byte offset and the rune of the first control
// character of s, or -1.
func firstControl(s string) (int, rune) {
	if !utf8.ValidString(s) {
		return firstControlRunes(s)
	}
	// Valid UTF-8 (nearly all text): a control character is a byte below
	// 0x20 or DEL, or starts with C2 (U+0080–U+009F) or EF BF (U+FFFD–
	// U+FFFF); neither C2 nor EF is ever a continuation byte.
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b < 0x20 && b != '\t' && b != '\n' && b != '\r', b == 0x7f:
			return i, rune(b)
		case b == 0xc2 || b == 0xef:
			if r, _ := utf8.DecodeRuneInString(s[i:]); isControl(r) {
				return i, r
			}
		}
	}
	return -1, 0
}

// firstControlRunes is firstControl rune by rune, for text that is not
// valid UTF-8 (a broken byte is utf8.RuneError, a control character).
func firstControlRunes(s string) (int, rune) {
	for i := 0; i < len(s); i++ {
		b := s[i]
		// Fast path: only bytes below 0x20, DEL and multi-byte sequences
		// can start a control character.
		if b >= 0x20 && b < 0x7f {
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isControl(r) {
			return i, r
		}
		i += size - 1
	}
	return -1, 0
}

// controlHint says what to do about r.
func controlHint(r rune) string {
	switch r {
	case 0x0b:
		return "这是 Word 的手动换行符（Shift+Enter）：改为换行，或删去"
	case 0x0c:
		return "这是分页符：删去，或改为换行"
	case 0x85:
		return "这是下一行符（NEL）：改为换行"
	}
	return "删去该字符；如是从 Word、Excel 或财务系统复制时带入的，重新输入该处文字"
}

func controlName(r rune) string { return fmt.Sprintf("U+%04X", r) }

// controlText reports the first control character of a text written at pos
// in field.
func (c *checker) controlText(s string, pos diag.Pos, field string) {
	i, r := firstControl(s)
	if i < 0 {
		return
	}
	c.errorf(pos, "control-char", field, controlHint(r), "第 %d 个字符是控制字符 %s，不能公开", utf8.RuneCountInString(s[:i])+1, controlName(r))
}

// controlMarkdown reports every control character of a narrative at its
// own line and column.
func (c *checker) controlMarkdown(m model.Markdown) {
	var src []byte // made only for a message
	for off := 0; off < len(m.Text); {
		i, r := firstControl(m.Text[off:])
		if i < 0 {
			return
		}
		if src == nil {
			src = []byte(m.Text)
		}
		c.errorf(diag.At(m.File, src, off+i), "control-char", "", controlHint(r), "控制字符 %s 不能公开", controlName(r))
		off += i + utf8.RuneLen(r)
	}
}

// controlRecords reports control characters in the free-text fields of the
// spending records (the codes and budget lines must match YAML, which is
// checked itself). A record's file is named only when it has one: a
// million records are almost always clean.
func (c *checker) controlRecords(d *model.Department) {
	for i := range d.Records {
		r := &d.Records[i]
		for _, f := range [...]int{model.FieldVoucher, model.FieldMemo} {
			s := r.Voucher
			if f == model.FieldMemo {
				s = r.Memo
			}
			if j, _ := firstControl(s); j < 0 {
				continue
			}
			file := ""
			if int(r.File) < len(d.Spending) {
				file = spendingPath(d, int(r.File))
			}
			c.controlText(s, diag.Pos{File: file, Line: int(r.Line), Column: int(r.Col[f])}, recordFieldWords[f])
		}
	}
}

var sourceType = reflect.TypeFor[diag.Source]()

// controlYAML walks every text field decoded from YAML (the struct tags say
// which) and reports control characters, which a double-quoted YAML string
// can hold as escapes ("\x07", "\v").
func (c *checker) controlYAML(v any) {
	w := ctlWalk{c: c}
	w.value(reflect.ValueOf(v), "", diag.Pos{})
}

// A ctlWalk is one controlYAML's walk. The path to the value it is at
// (items[2].name) is spelled out only when a control character is found:
// every project's every text is walked.
type ctlWalk struct {
	c    *checker
	path []ctlStep
}

// A ctlStep is a struct field's YAML key, a map key, or a list's item
// (from 1, when key is "").
type ctlStep struct {
	key    string
	item   int
	mapKey bool
}

func (w *ctlWalk) pathString() string {
	s := ""
	for _, p := range w.path {
		switch {
		case p.key == "" && !p.mapKey:
			s += "[" + strconv.Itoa(p.item) + "]"
		case p.mapKey || s != "":
			s += "." + p.key
		default:
			s = p.key
		}
	}
	return s
}

// A ctlField is a struct field controlValue walks: its index, YAML key and title.
type ctlField struct {
	index      int
	key, title string
}

// ctlStruct is what controlValue needs of a struct type, read from its
// tags once per type.
type ctlStruct struct {
	source int // the diag.Source field, or -1
	fields []ctlField
}

var ctlStructs sync.Map // reflect.Type → *ctlStruct

func ctlStructOf(t reflect.Type) *ctlStruct {
	if s, ok := ctlStructs.Load(t); ok {
		return s.(*ctlStruct)
	}
	s := &ctlStruct{source: -1}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Type == sourceType {
			s.source = i
		}
	}
	for i := range t.NumField() {
		f := t.Field(i)
		key, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if key == "" || key == "-" || !f.IsExported() {
			continue
		}
		s.fields = append(s.fields, ctlField{index: i, key: key, title: f.Tag.Get("title")})
	}
	ctlStructs.Store(t, s)
	return s
}

func (w *ctlWalk) value(v reflect.Value, title string, pos diag.Pos) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			w.value(v.Elem(), title, pos)
		}
	case reflect.String:
		if i, _ := firstControl(v.String()); i >= 0 {
			w.c.controlText(v.String(), pos, w.pathString()+"（"+title+"）")
		}
	case reflect.Slice:
		for i := range v.Len() {
			w.path = append(w.path, ctlStep{item: i + 1})
			w.value(v.Index(i), title, pos)
			w.path = w.path[:len(w.path)-1]
		}
	case reflect.Map:
		// Maps hold settings keyed by code (severities); their keys are
		// checked against fixed lists.
		for _, k := range v.MapKeys() {
			w.path = append(w.path, ctlStep{key: fmt.Sprint(k.Interface()), mapKey: true})
			w.value(v.MapIndex(k), title, pos)
			w.path = w.path[:len(w.path)-1]
		}
	case reflect.Struct:
		s := ctlStructOf(v.Type())
		var src diag.Source
		if s.source >= 0 {
			src = sourceOf(v.Field(s.source))
		}
		for _, f := range s.fields {
			p := pos
			if src.Keys != nil || src.Pos.File != "" {
				p = src.At(f.key)
			}
			w.path = append(w.path, ctlStep{key: f.key})
			w.value(v.Field(f.index), f.title, p)
			w.path = w.path[:len(w.path)-1]
		}
	}
}

// sourceOf reads a diag.Source field through its address when it has one,
// which does not box a copy.
func sourceOf(f reflect.Value) diag.Source {
	if f.CanAddr() {
		return *f.Addr().Interface().(*diag.Source)
	}
	return f.Interface().(diag.Source)
}

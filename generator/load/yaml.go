package load

import (
	"bytes"
	"disclose/generator/textenc"
	"encoding"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"disclose/generator/diag"
	"disclose/generator/model"
	"disclose/generator/money"
	"disclose/generator/num"
)

// decodeYAML parses data as one YAML document and fills v (a pointer to a
// model struct), reporting every problem rather than stopping at the first.
// It returns false when nothing could be decoded.
func decodeYAML(file string, data []byte, v any, diags *diag.List) bool {
	if !textenc.CheckUTF8(file, data, diags) {
		return false
	}
	root, ok := quickYAML(data)
	if !ok {
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			diags.Add(yamlSyntaxError(file, data, err))
			return false
		}
		if doc.Kind == 0 || len(doc.Content) == 0 {
			diags.Errorf(diag.Pos{File: file}, "empty-file", "", "按内容说明填写必填项", "文件是空的")
			return false
		}
		root = doc.Content[0]
	}
	d := &decoder{file: file, diags: diags}
	d.value(root, reflect.ValueOf(v).Elem(), nil, "")
	return true
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlMessages explains libyaml's commonest messages in the user's terms.
var yamlMessages = map[string]string{
	"did not find expected '-' indicator":                    "列表项的缩进与上一项不一致",
	"did not find expected key":                              "缩进不一致，此处应是与上一行对齐的“键: 值”",
	"mapping values are not allowed in this context":         "此处不能出现“键: 值”：可能是缩进不对，或值中含有冒号需要加引号",
	"found character that cannot start any token":            "出现了不能作为开头的字符（如 Tab 缩进，或未加引号的 @、`）",
	"found a tab character that violates indentation":        "用了 Tab 缩进；YAML 只能用空格缩进",
	"did not find expected ',' or ']'":                       "方括号 [ ] 没有闭合",
	"did not find expected ',' or '}'":                       "花括号 { } 没有闭合",
	"found unexpected end of stream":                         "引号没有闭合",
	"could not find expected ':'":                            "缺少冒号，或多行文字需要加引号",
	"block sequence entries are not allowed in this context": "此处不能开始列表：“- ”前的缩进不对",
}

// yamlSyntaxError turns a yaml.v3 syntax error into a diagnostic. yaml.v3
// names the line where the enclosing block began, not where it went wrong,
// so the first line at which a prefix of the file stops parsing is found by
// bisection and reported instead.
func yamlSyntaxError(file string, data []byte, err error) diag.Diagnostic {
	if off, name := separatorAt(data); off >= 0 {
		return diag.Diagnostic{Severity: diag.Error, Pos: yamlPos(file, data, off), Code: "yaml-syntax",
			Message: "YAML 格式错误：这里有一个看不见的" + name + "（常随从 Word 或网页复制的文字带入），YAML 把它当作换行，这一行在这里被断开",
			Hint:    "删去这个字符；要保留它，把这段文字用英文双引号括起来（写成 \"……\"）；要在这里分行，改用 | 多行文字，在这里真正换行"}
	}
	msg := err.Error()
	pos := diag.Pos{File: file}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		pos.Line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	lines := yamlLines(data)
	parses := func(n int) bool {
		var node yaml.Node
		return yaml.Unmarshal(bytes.Join(lines[:n], nil), &node) == nil
	}
	if lo, hi := min(max(pos.Line-1, 0), len(lines)), len(lines); parses(lo) && !parses(hi) {
		for hi-lo > 1 { // parses(lo) && !parses(hi)
			mid := (lo + hi) / 2
			if parses(mid) {
				lo = mid
			} else {
				hi = mid
			}
		}
		pos.Line = hi
	}
	if zh, ok := yamlMessages[msg]; ok {
		msg = zh + "（" + msg + "）"
	}
	return diag.Diagnostic{Severity: diag.Error, Pos: pos, Code: "yaml-syntax",
		Message: "YAML 格式错误：" + msg,
		Hint:    "检查缩进（只用空格，同级对齐）、冒号后的空格和引号是否成对"}
}

// separatorNames are the characters YAML (1.1, as libyaml and yaml.v3
// read it) takes for line breaks besides CR and LF. Editors show no break
// there, so a plain value that holds one looks whole and is a syntax error.
var separatorNames = map[rune]string{
	'\u2028': "行分隔符 U+2028",
	'\u2029': "段分隔符 U+2029",
	'\u0085': "换行控制符 U+0085（NEL）",
}

// separatorAt finds the first U+2028, U+2029 or U+0085 that YAML read as a
// line break where it broke the file: its byte offset and name, or -1
// when the file does not parse for another reason (or has none). Inside
// quotes they are kept as text and do no harm, so the first one that does
// is found by bisection: the file with all of them replaced parses, and
// keeping the first k raw breaks it once k reaches the culprit.
func separatorAt(data []byte) (int, string) {
	var offs []int
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if separatorNames[r] != "" {
			offs = append(offs, i)
		}
		i += n
	}
	if len(offs) == 0 {
		return -1, ""
	}
	// parses reports whether data parses with all but the first k raw.
	parses := func(k int) bool {
		fixed := bytes.Clone(data)
		for _, o := range offs[k:] {
			_, n := utf8.DecodeRune(fixed[o:])
			copy(fixed[o:o+n], "xxx") // a letter keeps the line's indentation and structure
		}
		var node yaml.Node
		return yaml.Unmarshal(fixed, &node) == nil
	}
	if !parses(0) {
		return -1, ""
	}
	lo, hi := 0, len(offs) // parses(lo); the caller's data, parses(len(offs)), did not
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if parses(mid) {
			lo = mid
		} else {
			hi = mid
		}
	}
	off := offs[hi-1]
	r, _ := utf8.DecodeRune(data[off:])
	return off, separatorNames[r]
}

// yamlPos is the line and column (in characters) of byte off, lines ended
// as yamlLines ends them.
func yamlPos(file string, data []byte, off int) diag.Pos {
	lines := yamlLines(data[:off])
	return diag.Pos{File: file, Line: len(lines), Column: 1 + utf8.RuneCount(lines[len(lines)-1])}
}

// yamlLines splits data after each line end as YAML counts them: CRLF,
// LF, or a lone CR.
func yamlLines(data []byte) [][]byte {
	var lines [][]byte
	start := 0
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '\r':
			if i+1 < len(data) && data[i+1] == '\n' {
				i++
			}
		case '\n':
		default:
			continue
		}
		lines = append(lines, data[start:i+1])
		start = i + 1
	}
	return append(lines, data[start:])
}

type decoder struct {
	file  string
	diags *diag.List
}

func (d *decoder) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{File: d.file, Line: n.Line, Column: n.Column}
}

// label names a field for the user: its key path and Chinese title.
func label(path, title string) string {
	if title == "" {
		return path
	}
	return path + "（" + title + "）"
}

func kindWord(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "键值映射"
	case yaml.SequenceNode:
		return "列表"
	}
	return "单个值"
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// hintFor says what a valid value of a scalar type looks like.
func hintFor(t reflect.Type) (what, hint string) {
	switch t {
	case reflect.TypeFor[money.Amount]():
		return "金额", "以万元计的数字，最多 6 位小数，如 16 或 4.50"
	case reflect.TypeFor[num.Decimal]():
		return "数字", "不带单位的数字，如 90 或 30.00"
	case reflect.TypeFor[model.Date]():
		return "日期", "年-月-日，如 2021-03-31"
	case reflect.TypeFor[model.Operator]():
		return "指标符号", strings.Join(model.OperatorSpellings(), " ")
	case reflect.TypeFor[model.Polarity]():
		return "指标方向", "正向 或 反向"
	}
	return "值", ""
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// keyPath is where a value sits in the file, as a chain of keys and list
// positions; it is written out (plan[2].date) only for a message, not for
// each of the hundreds of thousands of values a province has.
type keyPath struct {
	parent *keyPath
	key    string
	index  int // a list position from 1, when key is ""
}

func (p *keyPath) String() string {
	if p == nil {
		return ""
	}
	if p.key == "" {
		return p.parent.String() + "[" + strconv.Itoa(p.index) + "]"
	}
	if p.parent == nil {
		return p.key
	}
	return p.parent.String() + "." + p.key
}

// isTextUnmarshaler caches, by type, whether a field decodes from text.
var isTextUnmarshaler sync.Map // reflect.Type → bool

func decodesText(t reflect.Type) bool {
	if ok, seen := isTextUnmarshaler.Load(t); seen {
		return ok.(bool)
	}
	ok := reflect.PointerTo(t).Implements(textUnmarshaler)
	isTextUnmarshaler.Store(t, ok)
	return ok
}

// value decodes n into v; path is the key path for messages, title the
// field's Chinese name.
func (d *decoder) value(n *yaml.Node, v reflect.Value, path *keyPath, title string) {
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	t := title
	field := func() string { return label(path.String(), t) }
	if v.Kind() == reflect.Pointer {
		if isNull(n) {
			return
		}
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		d.value(n, v.Elem(), path, t)
		return
	}
	if decodesText(v.Type()) {
		// The hint is worded only for a message: an operator's sorts the
		// spellings, once for each of a province's indicators otherwise.
		if n.Kind != yaml.ScalarNode {
			what, hint := hintFor(v.Type())
			d.diags.Errorf(d.pos(n), "wrong-type", field(), hint, "应为%s，这里写的是%s", what, kindWord(n))
			return
		}
		if isNull(n) {
			return
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(n.Value)); err != nil {
			what, hint := hintFor(v.Type())
			d.diags.Errorf(d.pos(n), "bad-value", field(), hint, "%q 不是有效的%s（%s）", n.Value, what, errText(err))
		}
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		if isNull(n) { // "budget:" with nothing under it: not given
			return
		}
		d.mapping(n, v, path, field)
	case reflect.Slice:
		if isNull(n) {
			return
		}
		if n.Kind != yaml.SequenceNode {
			d.diags.Errorf(d.pos(n), "wrong-type", field(), "每项以“- ”开头的列表", "应为列表，这里写的是%s", kindWord(n))
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, c := range n.Content {
			d.value(c, s.Index(i), &keyPath{parent: path, index: i + 1}, t)
		}
		v.Set(s)
	case reflect.Map:
		d.stringMap(n, v, field)
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			d.diags.Errorf(d.pos(n), "wrong-type", field(), "一段文字", "应为文字，这里写的是%s", kindWord(n))
			return
		}
		if !isNull(n) {
			v.SetString(n.Value)
		}
	case reflect.Int:
		i, err := strconv.Atoi(n.Value)
		if n.Kind != yaml.ScalarNode || err != nil {
			d.diags.Errorf(d.pos(n), "wrong-type", field(), "整数，如 2021", "%q 不是整数", n.Value)
			return
		}
		v.SetInt(int64(i))
	case reflect.Bool:
		b, err := strconv.ParseBool(n.Value)
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" || err != nil {
			d.diags.Errorf(d.pos(n), "wrong-type", field(), "true 或 false", "%q 不是 true 或 false", n.Value)
			return
		}
		v.SetBool(b)
	default:
		panic("load: no decoder for " + v.Type().String())
	}
}

func errText(err error) string {
	switch err {
	case money.ErrSyntax, num.ErrSyntax:
		return "含有数字以外的字符"
	case money.ErrPrecision:
		return "小数位数超过了分"
	case money.ErrRange:
		return "数值过大"
	}
	return err.Error()
}

func (d *decoder) stringMap(n *yaml.Node, v reflect.Value, field func() string) {
	if n.Kind != yaml.MappingNode {
		if !isNull(n) {
			d.diags.Errorf(d.pos(n), "wrong-type", field(), "“键: 值”的映射", "应为键值映射，这里写的是%s", kindWord(n))
		}
		return
	}
	m := reflect.MakeMap(v.Type())
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if val.Kind != yaml.ScalarNode {
			d.diags.Errorf(d.pos(val), "wrong-type", field()+"."+k.Value, "单个值", "应为单个值，这里写的是%s", kindWord(val))
			continue
		}
		m.SetMapIndex(reflect.ValueOf(k.Value), reflect.ValueOf(val.Value))
	}
	v.Set(m)
}

func (d *decoder) mapping(n *yaml.Node, v reflect.Value, path *keyPath, field func() string) {
	if n.Kind != yaml.MappingNode {
		d.diags.Errorf(d.pos(n), "wrong-type", field(), "“键: 值”的映射", "应为键值映射，这里写的是%s", kindWord(n))
		return
	}
	infos := model.Keys(v.Type())
	src := diag.Source{Pos: d.pos(n), Keys: make(map[string]diag.Pos, len(n.Content)/2)}
	prefix := func() string {
		if path == nil {
			return ""
		}
		return path.String() + "."
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		info, ok := findField(infos, k.Value)
		if !ok {
			d.unknownKey(k, infos, prefix())
			continue
		}
		if _, dup := src.Keys[k.Value]; dup {
			d.diags.Errorf(d.pos(k), "duplicate-key", label(prefix()+k.Value, info.Title), "每个键只写一次", "键 %q 重复出现", k.Value)
			continue
		}
		vp := d.pos(val)
		if isNull(val) && val.Line == 0 {
			vp = d.pos(k)
		}
		src.Keys[k.Value] = vp
		if info.Required && isNull(val) {
			d.diags.Errorf(vp, "missing", label(prefix()+k.Value, info.Title), "", "%s 不能为空", label(k.Value, info.Title))
			continue
		}
		d.value(val, v.FieldByIndex(info.Index), &keyPath{parent: path, key: k.Value}, info.Title)
	}
	for _, info := range infos {
		if _, ok := src.Keys[info.Name]; !ok && info.Required {
			where := "这里"
			if path != nil {
				where = path.String()
			}
			d.diags.Errorf(src.Pos, "missing", label(prefix()+info.Name, info.Title), fmt.Sprintf("加上一行 %s: …", info.Name), "%s缺少必填项 %s", where, label(info.Name, info.Title))
		}
	}
	if i := model.SourceIndex(v.Type()); i != nil {
		v.FieldByIndex(i).Set(reflect.ValueOf(src))
	}
}

func findField(infos []model.Key, key string) (model.Key, bool) {
	for _, f := range infos {
		if f.Name == key {
			return f, true
		}
	}
	return model.Key{}, false
}

func (d *decoder) unknownKey(k *yaml.Node, infos []model.Key, prefix string) {
	best, bestDist := model.Key{}, 1<<30
	for _, f := range infos {
		if dist := editDistance(strings.ToLower(k.Value), f.Name); dist < bestDist {
			best, bestDist = f, dist
		}
	}
	var hint string
	if bestDist <= max(1, len([]rune(best.Name))/3) {
		hint = fmt.Sprintf("%s（是不是拼错了？）", label(best.Name, best.Title))
	} else {
		keys := make([]string, len(infos))
		for i, f := range infos {
			keys[i] = f.Name
		}
		hint = "以下之一：" + strings.Join(keys, "、")
	}
	d.diags.Errorf(d.pos(k), "unknown-key", prefix+k.Value, hint, "未知的键 %q", k.Value)
}

// editDistance is the Levenshtein distance between a and b, in characters.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

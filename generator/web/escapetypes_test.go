package web

import (
	"bytes"
	"errors"
	"html/template"
	"reflect"
	"strings"
	"testing"
	"text/template/parse"
)

type tdInner struct {
	S string
	H template.HTML
}

type tdName string

// tdPtrString and tdPtrInt print through String when addressable: fmt
// finds the method on a field's address, html/template's escaper (given a
// copy) does not.
type (
	tdPtrString string
	tdPtrInt    int
)

func (s *tdPtrString) String() string { return "<ptr>" + string(*s) }
func (n *tdPtrInt) String() string    { return "<ptr>" }

type tdData struct {
	S, Empty string
	H        template.HTML
	N        int
	U        uint8
	Named    tdName
	PS       tdPtrString
	PN       tdPtrInt
	St       stringer
	Err      error
	Any      any
	AnyH     any
	M        map[string]string
	P        *tdInner
	Nil      *tdInner
	L        []string
	None     []string
	LA       []any
	A        [2]string
	Inner    tdInner
	Inners   []tdInner
	Attr     template.HTMLAttr
	URL      template.URL
}

func (d tdData) Method() string            { return d.S + "<m>" }
func (d *tdData) PtrMethod() string        { return d.S + "<pm>" }
func (d tdData) Pair() (string, error)     { return "<pair>", nil }
func (d tdData) HTMLMethod() template.HTML { return "<i>ok</i>" }
func (d tdData) Value() reflect.Value      { return reflect.ValueOf(d.St) }
func (d tdData) Inside() *tdInner          { return &d.Inner }

// typedSrc uses a value of nearly every kind a template meets, in text,
// attributes, URLs, RCDATA and script, through fields, methods, functions,
// variables (one assigned to), index, ranges and withs with their elses,
// and templates called with values of different types, with none and in
// another context.
const typedSrc = `{{define "layout"}}<title>{{.S}} {{.N}} {{.H}}</title>
<p title="{{.S}}" data-n="{{.N}}" data-h="{{.H}}" data-a="{{.Attr}}">{{.S}}|{{.Empty}}<i>e</i>|{{.H}}|{{.N}}|{{.U}}|{{.U | index .L 1}}|{{.Named}}|{{.PS}}|{{.PN}}|{{.St}}|{{.Err}}|{{.Any}}|{{.AnyH}}|{{.M.k}}|{{.M.missing}}|{{.P.S}}|{{.P.H}}|{{.Method}}|{{.PtrMethod}}|{{.Pair}}|{{.HTMLMethod}}|{{.Value}}|{{.Inside.S}}|{{.URL}}</p>
<p>{{index .L 1}}|{{index .LA 0}}|{{index .A 0}}|{{index .M "k"}}|{{index .S 0}}|{{printf "%s<" .S}}|{{len .L}}|{{"<lit>"}}|{{.Inner.S}}|{{(.Inner).H}}|{{(mark)}}|{{cnum 3}}|{{add .N 1}}|{{print .N}}|{{html .S}}|{{.S | printf "%q"}}|{{not .N}}|{{and .S .N}}|{{or .Empty .S}}</p>
<a href="{{.S}}">x</a><a href="/p?q={{.S}}&amp;n={{.N}}">y</a><a href="{{.URL}}">z</a>
{{range .L}}<i>{{.}}</i>{{else}}none{{end}}
{{range .None}}{{.}}{{else}}{{.S}}{{end}}
{{range $i, $e := .L}}{{$i}}={{$e}};{{end}}
{{range $e := .LA}}{{$e}};{{end}}
{{range $k, $v := .M}}{{$k}}={{$v}};{{end}}
{{range $x := .None}}{{$x}}{{else}}[{{$x}}]{{end}}
{{range .Inners}}{{.S}}{{.H}}{{end}}
{{with .S}}{{.}}{{else}}{{.N}}{{end}}{{with .Empty}}{{.}}{{else}}{{.N}}{{end}}
{{with $v := .Any}}{{$v}}{{.}}{{end}}
{{with .Nil}}{{.S}}{{else with .P}}{{.S}}{{end}}
{{$x := .S}}{{$x}}{{if .N}}{{$x := .N}}{{$x}}{{else}}{{$x := .H}}{{$x}}{{end}}{{$x}}
{{if .N}}{{$z := .N}}{{$z}}{{else}}{{$z := .H}}{{end}}
{{$y := .S}}{{if .N}}{{$y = .H}}{{end}}{{$y}}{{$.S}}
{{$w := .S}}{{if .Empty}}{{$w := .H}}{{$w}}{{else}}{{$w}}{{end}}{{with .Empty}}{{$w := .H}}{{$w}}{{else}}{{$w}}{{end}}
{{template "v" .S}}{{template "v" .St}}{{template "v" .H}}{{template "v" .N}}
{{template "w" .S}}{{template "w" .S}}{{template "w" .AnyH}}{{template "h" .H}}{{template "i" .N}}
{{template "n"}}{{template "inner" .Inner}}{{template "inner" .P}}
<p title="{{template "w2" .S}}">{{template "w2" .S}}</p>
<script>var x = {{.S}}, n = {{.N}};</script>
<style>p { color: {{.Named}} }</style>
{{end}}
{{define "v"}}<b>{{.}}</b>{{end}}
{{define "w"}}<u>{{.}}</u>{{end}}
{{define "w2"}}{{.}}{{end}}
{{define "h"}}<u>{{.}}</u><p title="{{.}}"></p>{{end}}
{{define "i"}}<u>{{.}}</u><p title="{{.}}"></p>{{end}}
{{define "n"}}<s>{{.}}</s>{{end}}
{{define "inner"}}<q cite="{{.S}}" title="{{.H}}">{{.H}}{{.S}}</q>{{end}}`

// TestTypedEscapes: the pages typedEscapes rewrites give the bytes
// html/template's own escapers give, and it does drop escapers.
func TestTypedEscapes(t *testing.T) {
	s := "<a href='x'>&amp; \"q\" + 1\x00 \xff</a>"
	data := &tdData{S: s, H: template.HTML("<b>粗</b> &lt;" + s), N: -12, U: 7, Named: tdName(s), PS: tdPtrString(s), PN: 3, St: stringer{s}, Err: errors.New(s),
		Any: s, AnyH: template.HTML(s), M: map[string]string{"k": s, "j": "+"}, P: &tdInner{s, "<i>p</i>"}, L: []string{"a&", s},
		LA: []any{s, template.HTML(s), 3}, A: [2]string{s, "b"}, Inner: tdInner{"in<", "<em>in</em>"}, Inners: []tdInner{{s, "<i>x</i>"}},
		Attr: template.HTMLAttr(`x="y"`), URL: template.URL("javascript:alert(1)")}

	var want bytes.Buffer
	plain := template.Must(template.New("").Funcs(funcs).Parse(typedSrc))
	if err := plain.ExecuteTemplate(&want, "layout", data); err != nil {
		t.Fatal(err)
	}
	typed := template.Must(template.New("").Funcs(funcs).Parse(typedSrc))
	useFastEscapers(typed)
	typedEscapes(typed, reflect.TypeFor[*tdData](), funcs, fastEscapers)
	var got pageWriter
	if err := typed.ExecuteTemplate(&got, "layout", data); err != nil {
		t.Fatal(err)
	}
	if got.buf.String() != want.String() {
		g, w := strings.Split(got.buf.String(), "\n"), strings.Split(want.String(), "\n")
		for i := range min(len(g), len(w)) {
			if g[i] != w[i] {
				t.Errorf("line %d:\n got %q\nwant %q", i+1, g[i], w[i])
			}
		}
	}
	if marks, dropped := rewritten(typed); marks < 20 || dropped < 10 {
		t.Errorf("%d values escaped by the writer, %d printed as they are: typedEscapes did not find the types", marks, dropped)
	}
}

// rewritten counts escapeMark nodes and the actions typedEscapes left with
// no escaper (by html/template's names) in set.
func rewritten(set *template.Template) (marks, bare int) {
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n == nil {
				return
			}
			afterMark := false
			for _, c := range n.Nodes {
				if tn, ok := c.(*parse.TextNode); ok && len(tn.Text) == 1 && &tn.Text[0] == &escapeMark[0] {
					marks++
					afterMark = true
					continue
				}
				if a, ok := c.(*parse.ActionNode); ok && !afterMark && len(a.Pipe.Decl) == 0 && !strings.Contains(a.String(), "_html_template_") {
					bare++
				}
				afterMark = false
				walk(c)
			}
		case *parse.IfNode:
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			walk(n.List)
			walk(n.ElseList)
		}
	}
	for _, tm := range set.Templates() {
		if tm.Tree != nil {
			walk(tm.Tree.Root)
		}
	}
	return marks, bare
}

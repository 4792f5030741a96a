package web

import (
	"bytes"
	"html/template"
	"reflect"
	"text/template/parse"
)

// Even one-argument escapers (escapers.go) are called by reflection: about
// 350 ns an action, two thirds of what printing a field costs, and a
// province's pages print two million. Where the type of an action's value
// is known before execution, no call is needed: html/template's text,
// attribute and RCDATA escapers give a plain string html.EscapeString's
// bytes (escapeHTML), an int its digits and template.HTML, in text, itself.
// So once a set is escaped, typedEscapes follows the data's Go types
// through every template reachable from "layout" (from Page, the data every
// page is executed with) and, for each action whose value has the same
// such type wherever it runs, drops the escaper: an int or HTML is printed
// as it is, and a plain string after escapeMark, a text node that tells
// pageWriter to escape the next write (text/template prints a value with
// one fmt.Fprint, one Write). Anything not known for certain (an interface,
// a map, a variable assigned to, a function of unknown result, a template
// called in another context) keeps its escaper.

// escapeMark is the text node before an action whose plain string value
// pageWriter escapes; it is recognized by its address, never written.
var escapeMark = []byte{0}

// pageWriter is the buffer a page is executed into.
type pageWriter struct {
	buf    bytes.Buffer
	escape bool // the next write is a value after escapeMark
}

func (w *pageWriter) Write(p []byte) (int, error) {
	switch {
	case len(p) == 1 && &p[0] == &escapeMark[0]:
		w.escape = true
	case w.escape:
		w.escape = false
		appendEscaped(&w.buf, p)
	default:
		w.buf.Write(p)
	}
	return len(p), nil
}

// appendEscaped writes p escaped as escapeHTML escapes a string.
func appendEscaped(b *bytes.Buffer, p []byte) {
	written := 0
	for i, c := range p {
		repl := htmlReplacement(c)
		if repl == "" {
			continue
		}
		b.Write(p[written:i])
		b.WriteString(repl)
		written = i + 1
	}
	b.Write(p[written:])
}

// The escapers typedEscapes may replace: each escapes a plain string as
// escapeHTML does. htmlEscaper alone gives template.HTML unchanged.
const (
	htmlEscaper   = "_html_template_htmlescaper"
	attrEscaper   = "_html_template_attrescaper"
	rcdataEscaper = "_html_template_rcdataescaper"
)

// How an action's value is printed without its escaper.
type printKind int

const (
	printUnknown printKind = iota
	printEscaped           // a plain string, after escapeMark
	printAsIs              // an int, or template.HTML in text
)

// escapeSite is an action that ends in a replaceable escaper: the list it
// is in, and what every analysis of it found.
type escapeSite struct {
	list *parse.ListNode
	kind printKind
	seen bool
}

type typedAnalysis struct {
	set   *template.Template
	funcs map[string]reflect.Type // the set's functions but the builtins
	done  map[analysed]bool
	// assigned are the variables a tree assigns to ({{$x = ...}}): their
	// type may change, so they are never known.
	assigned map[*parse.Tree]map[string]bool
	sites    map[*parse.ActionNode]*escapeSite
}

type analysed struct {
	tree *parse.Tree
	dot  reflect.Type
}

type variable struct {
	name string
	typ  reflect.Type // nil: not known
}

// typedEscapes rewrites set's escaped trees reachable from "layout" for
// data of type root, as described above. fns are the set's own functions.
func typedEscapes(set *template.Template, root reflect.Type, fns ...template.FuncMap) {
	a := &typedAnalysis{set: set, funcs: map[string]reflect.Type{}, done: map[analysed]bool{},
		assigned: map[*parse.Tree]map[string]bool{}, sites: map[*parse.ActionNode]*escapeSite{}}
	for _, m := range fns {
		for name, f := range m {
			a.funcs[name] = reflect.TypeOf(f)
		}
	}
	a.template("layout", root)
	edits := map[*parse.ListNode]map[*parse.ActionNode]printKind{}
	for n, s := range a.sites {
		if !s.seen || s.kind == printUnknown {
			continue
		}
		if edits[s.list] == nil {
			edits[s.list] = map[*parse.ActionNode]printKind{}
		}
		edits[s.list][n] = s.kind
	}
	for list, actions := range edits {
		nodes := make([]parse.Node, 0, len(list.Nodes)+len(actions))
		for _, n := range list.Nodes {
			if a, ok := n.(*parse.ActionNode); ok && actions[a] != printUnknown {
				a.Pipe.Cmds = a.Pipe.Cmds[:len(a.Pipe.Cmds)-1]
				if actions[a] == printEscaped {
					nodes = append(nodes, &parse.TextNode{NodeType: parse.NodeText, Pos: a.Pos, Text: escapeMark})
				}
			}
			nodes = append(nodes, n)
		}
		list.Nodes = nodes
	}
}

// template analyses the named template executed with dot of type dot.
func (a *typedAnalysis) template(name string, dot reflect.Type) {
	t := a.set.Lookup(name)
	if t == nil || t.Tree == nil {
		return // a template html/template derived for another context: not analysed, not changed
	}
	key := analysed{t.Tree, dot}
	if a.done[key] {
		return
	}
	a.done[key] = true
	if a.assigned[t.Tree] == nil {
		a.assigned[t.Tree] = map[string]bool{}
		assignments(t.Tree.Root, a.assigned[t.Tree])
	}
	s := &scope{a: a, tree: t.Tree, vars: []variable{{"$", dot}}}
	s.list(t.Tree.Root, dot)
}

// assignments collects the variables assigned to under n.
func assignments(n parse.Node, out map[string]bool) {
	pipe := func(p *parse.PipeNode) {
		if p != nil && p.IsAssign {
			for _, v := range p.Decl {
				out[v.Ident[0]] = true
			}
		}
	}
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				assignments(c, out)
			}
		}
	case *parse.ActionNode:
		pipe(n.Pipe)
	case *parse.IfNode:
		pipe(n.Pipe)
		assignments(n.List, out)
		assignments(n.ElseList, out)
	case *parse.RangeNode:
		pipe(n.Pipe)
		assignments(n.List, out)
		assignments(n.ElseList, out)
	case *parse.WithNode:
		pipe(n.Pipe)
		assignments(n.List, out)
		assignments(n.ElseList, out)
	case *parse.TemplateNode:
		pipe(n.Pipe)
	}
}

// action notes the type an escaped action's value has here.
func (s *scope) action(l *parse.ListNode, n *parse.ActionNode, dot reflect.Type) {
	cmds := n.Pipe.Cmds
	esc := ""
	if k := len(cmds); k >= 2 && len(n.Pipe.Decl) == 0 && len(cmds[k-1].Args) == 1 {
		if id, ok := cmds[k-1].Args[0].(*parse.IdentifierNode); ok {
			esc = id.Ident
		}
	}
	if esc != htmlEscaper && esc != attrEscaper && esc != rcdataEscaper {
		s.pipeline(n.Pipe, dot, true)
		return
	}
	var t reflect.Type
	for i, c := range cmds[:len(cmds)-1] {
		t = s.command(c, dot, i > 0)
	}
	site := s.a.sites[n]
	if site == nil {
		site = &escapeSite{list: l}
		s.a.sites[n] = site
	}
	kind := kindOf(t, esc)
	if site.seen && site.kind != kind {
		kind = printUnknown
	}
	site.kind, site.seen = kind, true
}

// kindOf is how a value of type t escaped by esc can be printed without it.
func kindOf(t reflect.Type, esc string) printKind {
	if t == nil || t.NumMethod() > 0 || reflect.PointerTo(t).NumMethod() > 0 {
		return printUnknown // fmt would call its String, Error or Format
	}
	switch {
	case t == reflect.TypeFor[template.HTML]():
		if esc == htmlEscaper {
			return printAsIs
		}
	case t.Kind() == reflect.String && t.PkgPath() != reflect.TypeFor[template.HTML]().PkgPath():
		return printEscaped
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Uint64:
		return printAsIs
	}
	return printUnknown
}

package web

import (
	"reflect"
	"strings"
	"text/template/parse"
)

// The Go type of a template's values before execution, as text/template
// finds them at run time (exec.go): for typedEscapes. nil is a type not
// known for certain.

// scope is one execution path through a tree: its variables in order of
// declaration, as text/template keeps them.
type scope struct {
	a    *typedAnalysis
	tree *parse.Tree
	vars []variable
}

// list analyses l with dot of type dot (nil: not known). Variables its
// actions declare end with it, as they end with the structure it is in.
func (s *scope) list(l *parse.ListNode, dot reflect.Type) {
	if l == nil {
		return
	}
	mark := len(s.vars)
	defer func() { s.vars = s.vars[:mark] }()
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			s.action(l, n, dot)
		case *parse.IfNode:
			s.branch(&n.BranchNode, dot, false)
		case *parse.WithNode:
			s.branch(&n.BranchNode, dot, true)
		case *parse.RangeNode:
			mark := len(s.vars)
			t := s.pipeline(n.Pipe, dot, false)
			var key, elem reflect.Type
			if c := deref(t); c != nil {
				switch c.Kind() {
				case reflect.Slice, reflect.Array:
					key, elem = reflect.TypeFor[int](), c.Elem()
				case reflect.Map:
					key, elem = c.Key(), c.Elem()
				}
			}
			switch len(n.Pipe.Decl) {
			case 1:
				s.declare(n.Pipe.Decl[0], elem)
			case 2:
				s.declare(n.Pipe.Decl[0], key)
				s.declare(n.Pipe.Decl[1], elem)
			}
			s.list(n.List, elem)
			s.vars = s.vars[:mark]
			for _, v := range n.Pipe.Decl { // holding the whole value in {{else}}
				s.declare(v, t)
			}
			s.list(n.ElseList, dot)
			s.vars = s.vars[:mark]
		case *parse.TemplateNode:
			s.a.template(n.Name, s.pipeline(n.Pipe, dot, true))
		}
	}
}

func (s *scope) branch(b *parse.BranchNode, dot reflect.Type, with bool) {
	mark := len(s.vars)
	t := s.pipeline(b.Pipe, dot, true)
	if with {
		s.list(b.List, t)
	} else {
		s.list(b.List, dot)
	}
	s.list(b.ElseList, dot)
	s.vars = s.vars[:mark]
}

// pipeline is the type of p's value; decl says whether its variables are
// declared (the caller pops them).
func (s *scope) pipeline(p *parse.PipeNode, dot reflect.Type, decl bool) reflect.Type {
	if p == nil {
		return nil
	}
	var t reflect.Type
	for i, c := range p.Cmds {
		t = s.command(c, dot, i > 0)
	}
	if t != nil && t.Kind() == reflect.Interface {
		t = nil
	}
	if decl {
		for _, v := range p.Decl {
			s.declare(v, t)
		}
	}
	return t
}

func (s *scope) declare(v *parse.VariableNode, t reflect.Type) {
	if s.a.assigned[s.tree][v.Ident[0]] {
		t = nil
	}
	s.vars = append(s.vars, variable{v.Ident[0], t})
}

func (s *scope) variable(name string) reflect.Type {
	for i := len(s.vars) - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			if s.a.assigned[s.tree][name] {
				return nil
			}
			return s.vars[i].typ
		}
	}
	return nil
}

// command is the type of c's value; piped says a value is piped into it
// (an argument more for a function; a result's type never depends on it
// but index's).
func (s *scope) command(c *parse.CommandNode, dot reflect.Type, piped bool) reflect.Type {
	switch n := c.Args[0].(type) {
	case *parse.FieldNode:
		return fields(dot, n.Ident)
	case *parse.ChainNode:
		return fields(s.arg(n.Node, dot), n.Field)
	case *parse.VariableNode:
		return fields(s.variable(n.Ident[0]), n.Ident[1:])
	case *parse.IdentifierNode:
		return s.call(n.Ident, c, dot, piped)
	case *parse.PipeNode:
		return s.pipeline(n, dot, true)
	case *parse.DotNode:
		return dot
	case *parse.StringNode:
		return reflect.TypeFor[string]()
	}
	return nil
}

// arg is the type of an argument or a chain's operand.
func (s *scope) arg(n parse.Node, dot reflect.Type) reflect.Type {
	switch n := n.(type) {
	case *parse.FieldNode, *parse.ChainNode, *parse.VariableNode, *parse.PipeNode, *parse.DotNode, *parse.StringNode:
		return s.command(&parse.CommandNode{Args: []parse.Node{n}}, dot, false)
	case *parse.IdentifierNode:
		return s.call(n.Ident, nil, dot, false)
	}
	return nil
}

// call is the result type of the function name.
func (s *scope) call(name string, c *parse.CommandNode, dot reflect.Type, piped bool) reflect.Type {
	if f, ok := s.a.funcs[name]; ok {
		return result(f)
	}
	switch name {
	case "len":
		return reflect.TypeFor[int]()
	case "not", "eq", "ne", "lt", "le", "gt", "ge":
		return reflect.TypeFor[bool]()
	case "print", "printf", "println", "html", "js", "urlquery":
		return reflect.TypeFor[string]()
	case "index":
		if c == nil || len(c.Args) < 3 || piped {
			return nil
		}
		t := s.arg(c.Args[1], dot)
		for range c.Args[2:] {
			if t = deref(t); t == nil {
				return nil
			}
			switch t.Kind() {
			case reflect.Slice, reflect.Array, reflect.Map:
				t = t.Elem()
			case reflect.String:
				t = reflect.TypeFor[byte]()
			default:
				return nil
			}
		}
		return t
	}
	if strings.HasPrefix(name, "_html_template_") {
		return reflect.TypeFor[string]() // html/template's escapers and filters
	}
	return nil
}

// result is the type of the value a function or method gives a template
// (a reflect.Value is unwrapped to whatever it holds).
func result(f reflect.Type) reflect.Type {
	if f.Kind() != reflect.Func || f.NumOut() == 0 || f.NumOut() > 2 || f.Out(0) == reflect.TypeFor[reflect.Value]() {
		return nil
	}
	return f.Out(0)
}

// fields is the type of t.f1.f2..., as text/template's evalField finds
// each: a method of the value (or of its address), else a struct field.
func fields(t reflect.Type, names []string) reflect.Type {
	for _, name := range names {
		if t = deref(t); t == nil {
			return nil
		}
		if m, ok := t.MethodByName(name); ok {
			t = result(m.Type)
			continue
		}
		f, isField := reflect.StructField{}, false
		if t.Kind() == reflect.Struct {
			f, isField = t.FieldByName(name)
		}
		if m, ok := reflect.PointerTo(t).MethodByName(name); ok {
			if isField {
				return nil // a field or a method, as the value is addressable or not
			}
			t = result(m.Type)
			continue
		}
		if !isField || !f.IsExported() {
			return nil // a map's key (may be missing) or an error
		}
		t = f.Type
	}
	if t != nil && t.Kind() == reflect.Interface {
		return nil
	}
	return t
}

// deref is t without its pointers; nil for an interface.
func deref(t reflect.Type) reflect.Type {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t != nil && t.Kind() == reflect.Interface {
		return nil
	}
	return t
}

package web

import (
	"html/template"
	"io"
	"strconv"
	"strings"
)

// html/template pipes every action's value through an escaper it names
// _html_template_htmlescaper (text) or _html_template_attrescaper (quoted
// attribute values). Those are variadic, and text/template calls them by
// reflection: building the argument slice cost more than the escaping, a
// tenth of a province's HTML build. fastEscapers replace the two, after a
// set is escaped (escaping installs the originals), by functions of one
// argument that give the same strings: plain strings, template.HTML and
// ints here, any other value through the original (a one-action template),
// so that a type html/template treats specially is never guessed at.
// TestFastEscapers compares them with html/template's own.
var fastEscapers = template.FuncMap{
	"_html_template_htmlescaper": func(v any) string {
		switch s := v.(type) {
		case string:
			return escapeHTML(s)
		case template.HTML:
			return string(s)
		case int:
			return strconv.Itoa(s)
		}
		return slowEscape(slowHTML, v, "", "")
	},
	"_html_template_attrescaper": func(v any) string {
		switch s := v.(type) {
		case string:
			return escapeHTML(s)
		case int:
			return strconv.Itoa(s)
		}
		return slowEscape(slowAttr, v, `<p title="`, `">`)
	},
}

var (
	slowHTML = template.Must(template.New("").Parse(`{{.}}`))
	slowAttr = template.Must(template.New("").Parse(`<p title="{{.}}">`))
)

func slowEscape(t *template.Template, v any, prefix, suffix string) string {
	var b strings.Builder
	if err := t.Execute(&b, v); err != nil {
		panic(err) // text/template recovers it, as it does the original's
	}
	return strings.TrimSuffix(strings.TrimPrefix(b.String(), prefix), suffix)
}

// escapeHTML is html/template's escaping of a plain string in text and in
// a quoted attribute value: NUL, quotes, &, +, < and >, byte by byte (a
// byte of a multi-byte or broken sequence is never one of them, and
// html/template leaves both as they are).
func escapeHTML(s string) string {
	i := strings.IndexAny(s, "\x00\"&'+<>")
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	written := 0
	for ; i < len(s); i++ {
		repl := htmlReplacement(s[i])
		if repl == "" {
			continue
		}
		b.WriteString(s[written:i])
		b.WriteString(repl)
		written = i + 1
	}
	b.WriteString(s[written:])
	return b.String()
}

// useFastEscapers escapes every template of set reachable from "layout"
// (an execution with no data: it fails after escaping, writing nothing
// that is kept) and then replaces the escapers.
func useFastEscapers(set *template.Template) {
	_ = set.ExecuteTemplate(io.Discard, "layout", nil)
	set.Funcs(fastEscapers)
}

// htmlReplacement is what html/template's text and attribute escapers
// write for the byte c, "" when c stays as it is.
func htmlReplacement(c byte) string {
	switch c {
	case 0:
		return "\uFFFD"
	case '"':
		return "&#34;"
	case '&':
		return "&amp;"
	case '\'':
		return "&#39;"
	case '+':
		return "&#43;"
	case '<':
		return "&lt;"
	case '>':
		return "&gt;"
	}
	return ""
}

package semdiff

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

var opWord = map[string]string{"added": "新增", "removed": "删除", "changed": "修改"}
var opMark = map[string]string{"added": "+", "removed": "-", "changed": "~"}

// ANSI colours for a terminal.
const (
	red    = "\x1b[31m"
	green  = "\x1b[32m"
	yellow = "\x1b[33m"
	bold   = "\x1b[1m"
	reset  = "\x1b[0m"
)

// line is the change's innermost place and what happened to it.
func (c Change) line(segments func([]Segment) string) string {
	return c.Path.Tail().Label + "：" + c.detail(segments)
}

// detail is what happened, without the place.
func (c Change) detail(segments func([]Segment) string) string {
	var b strings.Builder
	switch {
	case c.Text != nil:
		b.WriteString(segments(c.Text))
	case c.Op == "added":
		b.WriteString(c.New)
	case c.Op == "removed":
		b.WriteString(c.Old)
	default:
		fmt.Fprintf(&b, "%s → %s", c.Old, c.New)
	}
	if c.Delta != "" && c.Op == "changed" {
		fmt.Fprintf(&b, "（%s）", forPeople(c.Delta))
	}
	if c.Note != "" {
		fmt.Fprintf(&b, "，%s", c.Note)
	}
	return b.String()
}

// groups yields the changes under their department and, inside a
// project, their project.
func groups(changes []Change, each func(head Path, c Change)) {
	for _, c := range changes {
		n := min(2, len(c.Path)-1)
		if n == 2 && !c.inProject() {
			n = 1
		}
		each(c.Path[:n], Change{Op: c.Op, Kind: c.Kind, Path: c.Path[n:], Old: c.Old, New: c.New, Delta: c.Delta, Note: c.Note, Text: c.Text})
	}
}

// WriteText writes the report for a terminal; color adds ANSI colours.
func (r *Report) WriteText(w io.Writer, color bool) error {
	paint := func(code, s string) string {
		if !color {
			return s
		}
		return code + s + reset
	}
	segments := func(segs []Segment) string {
		var b strings.Builder
		for _, s := range segs {
			switch s.Op {
			case "-":
				b.WriteString(paint(red, "[-"+s.Text+"-]"))
			case "+":
				b.WriteString(paint(green, "{+"+s.Text+"+}"))
			default:
				b.WriteString(s.Text)
			}
		}
		return b.String()
	}
	var b strings.Builder
	if r.Empty() {
		fmt.Fprintf(&b, "%s 与 %s 之间没有变化。\n", r.Old, r.New)
		_, err := io.WriteString(w, b.String())
		return err
	}
	fmt.Fprintf(&b, "%s → %s：%d 处变化\n", r.Old, r.New, len(r.Changes))
	var last Path
	groups(r.Changes, func(head Path, c Change) {
		for i := range head {
			if i >= len(last) || !last[i].Is(head[i]) {
				for j := i; j < len(head); j++ {
					fmt.Fprintf(&b, "%s%s\n", strings.Repeat("  ", j), paint(bold, head[j].Label))
				}
				break
			}
		}
		last = head
		mark := opMark[c.Op]
		code := map[string]string{"+": green, "-": red, "~": yellow}[mark]
		rest := c.Path[:len(c.Path)-1].String()
		if rest != "" {
			rest += " › "
		}
		fmt.Fprintf(&b, "%s%s %s%s\n", strings.Repeat("  ", len(head)), paint(code, mark), rest, c.line(segments))
	})
	if len(r.Messages) > 0 {
		fmt.Fprintf(&b, "\n%s\n", paint(bold, "这次修改新出现的检查消息："))
		for _, m := range r.Messages {
			word := "警告"
			if m.Severity == "error" {
				word = paint(red, "错误")
			}
			fmt.Fprintf(&b, "  %s %s:%d [%s] %s\n", word, m.File, m.Line, m.Code, m.Text)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdEscape keeps user text literal in Markdown.
func mdEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "*", "\\*", "_", "\\_", "`", "\\`", "[", "\\[", "]", "\\]", "|", "\\|", "#", "\\#").Replace(s)
}

// WriteMarkdown writes the report to paste into a pull request.
func (r *Report) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	if r.Empty() {
		fmt.Fprintf(&b, "**%s → %s**：没有变化。\n", mdEscape(r.Old), mdEscape(r.New))
		_, err := io.WriteString(w, b.String())
		return err
	}
	fmt.Fprintf(&b, "## 内容变化：%s → %s（%d 处）\n", mdEscape(r.Old), mdEscape(r.New), len(r.Changes))
	segments := func(segs []Segment) string {
		var x strings.Builder
		for _, s := range segs {
			switch s.Op {
			case "-":
				x.WriteString("<del>" + mdEscape(s.Text) + "</del>")
			case "+":
				x.WriteString("<ins>" + mdEscape(s.Text) + "</ins>")
			default:
				x.WriteString(mdEscape(s.Text))
			}
		}
		return x.String()
	}
	var last Path
	groups(r.Changes, func(head Path, c Change) {
		for i := range head {
			if i >= len(last) || !last[i].Is(head[i]) {
				for j := i; j < len(head); j++ {
					fmt.Fprintf(&b, "\n%s %s\n\n", strings.Repeat("#", 3+j), mdEscape(head[j].Label))
				}
				break
			}
		}
		last = head
		rest := ""
		for _, p := range c.Path[:len(c.Path)-1] {
			rest += mdEscape(p.Label) + " › "
		}
		esc := Change{Op: c.Op, Path: Path{{Label: mdEscape(c.Path.Tail().Label)}}, Old: mdEscape(c.Old), New: mdEscape(c.New), Delta: c.Delta, Note: mdEscape(c.Note), Text: c.Text}
		fmt.Fprintf(&b, "- %s %s%s\n", opWord[c.Op], rest, esc.line(segments))
	})
	if len(r.Messages) > 0 {
		b.WriteString("\n### 这次修改新出现的检查消息\n\n")
		for _, m := range r.Messages {
			word := "警告"
			if m.Severity == "error" {
				word = "错误"
			}
			fmt.Fprintf(&b, "- %s `%s:%d` [%s] %s\n", word, m.File, m.Line, m.Code, mdEscape(m.Text))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON writes the report as JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// Lines writes each change as one plain line (the site's 修订记录).
func (r *Report) Lines() []string { return r.lines(false) }

// FirstLines are the lines of a first publication (the 修订记录's first
// entry): what was added is published, so it is said without 新增 and its
// place, as its summary alone.
func (r *Report) FirstLines() []string { return r.lines(true) }

func (r *Report) lines(first bool) []string {
	var out []string
	for _, c := range r.Changes {
		if first && c.Op == "added" {
			out = append(out, c.detail(plainSegments))
			continue
		}
		path := c.Path[:len(c.Path)-1].String()
		if path != "" {
			path += " › "
		}
		out = append(out, opWord[c.Op]+" "+path+c.line(plainSegments))
	}
	return out
}

// plainSegments writes a character diff in plain text.
func plainSegments(segs []Segment) string {
	var b strings.Builder
	for _, s := range segs {
		switch s.Op {
		case "-":
			b.WriteString("〔删：" + s.Text + "〕")
		case "+":
			b.WriteString("〔增：" + s.Text + "〕")
		default:
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

// forPeople writes a signed figure's minus as the typographic − (U+2212),
// as the pages write deviations; machines get the ASCII hyphen-minus.
func forPeople(signed string) string {
	if rest, ok := strings.CutPrefix(signed, "-"); ok {
		return "−" + rest
	}
	return signed
}

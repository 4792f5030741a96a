// Package diag holds the messages that loading and checking report to the
// user: each one points into the user's own file (file:line:column), names
// the field in the user's terms, and says what would be right.
package diag

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Severity says whether a message stops publication.
type Severity int

const (
	// Error stops the check and the build.
	Error Severity = iota
	// Warning is reported; --strict turns it into an error.
	Warning
)

// Word is the severity as the user reads it.
func (s Severity) Word() string {
	if s == Error {
		return "错误"
	}
	return "警告"
}

// MarshalText writes "error" or "warning" for machine readers.
func (s Severity) MarshalText() ([]byte, error) {
	if s == Error {
		return []byte("error"), nil
	}
	return []byte("warning"), nil
}

// UnmarshalText reads "error" or "warning".
func (s *Severity) UnmarshalText(b []byte) error {
	switch string(b) {
	case "error":
		*s = Error
	case "warning":
		*s = Warning
	default:
		return fmt.Errorf("unknown severity %q", b)
	}
	return nil
}

// Pos is a place in a user's file. Line and Column count from 1; Column
// counts characters, not bytes, as editors do. Zero means "the whole file"
// or "the whole line".
type Pos struct {
	File   string `json:"file"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
}

// String writes file:line:column, leaving out what is unknown.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Column == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
}

// Diagnostic is one message to the user.
type Diagnostic struct {
	Severity Severity `json:"severity"`
	Pos
	// Code names the rule, stable across versions, e.g. "budget-sum".
	Code string `json:"code"`
	// Field is the key path in the user's file with its Chinese name,
	// e.g. "budget_lines[2].amount（金额）".
	Field string `json:"field,omitempty"`
	// Message says what is wrong.
	Message string `json:"message"`
	// Hint says what would be right.
	Hint string `json:"hint,omitempty"`
}

// String writes the message as one line of text.
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.Pos.String())
	b.WriteString(": ")
	b.WriteString(d.Severity.Word())
	b.WriteString(": ")
	if d.Field != "" {
		b.WriteString(d.Field)
		b.WriteString(": ")
	}
	b.WriteString(d.Message)
	if d.Hint != "" {
		b.WriteString(" 应为：")
		b.WriteString(d.Hint)
	}
	b.WriteString(" [")
	b.WriteString(d.Code)
	b.WriteString("]")
	return b.String()
}

// List collects diagnostics; it is safe for concurrent use.
type List struct {
	mu    sync.Mutex
	items []Diagnostic
}

// Add records a diagnostic.
func (l *List) Add(d Diagnostic) {
	l.mu.Lock()
	l.items = append(l.items, d)
	l.mu.Unlock()
}

// Errorf records an error.
func (l *List) Errorf(pos Pos, code, field, hint, format string, args ...any) {
	l.Add(Diagnostic{Severity: Error, Pos: pos, Code: code, Field: field, Hint: hint, Message: fmt.Sprintf(format, args...)})
}

// Warnf records a warning.
func (l *List) Warnf(pos Pos, code, field, hint, format string, args ...any) {
	l.Add(Diagnostic{Severity: Warning, Pos: pos, Code: code, Field: field, Hint: hint, Message: fmt.Sprintf(format, args...)})
}

// Merge appends every diagnostic of o.
func (l *List) Merge(o *List) {
	for _, d := range o.Sorted() {
		l.Add(d)
	}
}

// Sorted returns the diagnostics ordered by file, line, column, code and
// message, so that output is the same on every run.
func (l *List) Sorted() []Diagnostic {
	l.mu.Lock()
	out := slices.Clone(l.items)
	l.mu.Unlock()
	slices.SortStableFunc(out, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Code, b.Code),
			cmp.Compare(a.Field, b.Field),
			cmp.Compare(a.Message, b.Message),
		)
	})
	return slices.CompactFunc(out, func(a, b Diagnostic) bool { return a == b })
}

// Count returns the number of errors and of warnings.
func (l *List) Count() (errors, warnings int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, d := range l.items {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// HasErrors reports whether any error was recorded.
func (l *List) HasErrors() bool {
	n, _ := l.Count()
	return n > 0
}

// Strict turns every warning into an error.
func (l *List) Strict() {
	l.mu.Lock()
	defer l.mu.Unlock()
	for i := range l.items {
		l.items[i].Severity = Error
	}
}

// WriteText writes one line per diagnostic and a summary line.
func (l *List) WriteText(w io.Writer) error {
	for _, d := range l.Sorted() {
		if _, err := fmt.Fprintln(w, d.String()); err != nil {
			return err
		}
	}
	e, wn := l.Count()
	_, err := fmt.Fprintf(w, "%d 个错误，%d 个警告\n", e, wn)
	return err
}

// WriteJSON writes {"errors":n,"warnings":n,"diagnostics":[...]}.
func (l *List) WriteJSON(w io.Writer) error {
	e, wn := l.Count()
	items := l.Sorted()
	if items == nil {
		items = []Diagnostic{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(struct {
		Errors      int          `json:"errors"`
		Warnings    int          `json:"warnings"`
		Diagnostics []Diagnostic `json:"diagnostics"`
	}{e, wn, items})
}

// At turns a byte offset in src into a position: its line, and its column
// counted in characters as they decode in UTF-8.
func At(file string, src []byte, off int) Pos {
	off = min(max(off, 0), len(src))
	line := 1 + bytes.Count(src[:off], []byte{'\n'})
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	return Pos{File: file, Line: line, Column: 1 + utf8.RuneCount(src[start:off])}
}

package semdiff

import (
	"bytes"
	"encoding/json"
	"strings"
)

// StepKind says what a step of a change's path is.
type StepKind uint8

const (
	// Unknown is a step read back from JSON, where only labels are kept.
	Unknown StepKind = iota
	// Site is the site's settings (网站设置).
	Site
	// Department is a department's year (ID "year/code").
	Department
	// Project is a project (ID its code).
	Project
	// Field is a field of a content type (Name its YAML key).
	Field
	// Item is an item of a list (Name the list's YAML key; ID the item's
	// identity key, or its position from 1 when items have none).
	Item
	// Entry is an entry of a map (ID its key).
	Entry
	// Record is a spending record (ID its voucher, empty without).
	Record
	// Figure is a text or a total semdiff names itself (Name such as
	// "overall_goal" or "budget_total"; ID the budget line of a line's
	// total).
	Figure
)

// Step is one place on a change's path: what it is (Kind, Name, ID: the
// key every decision tests) and Label, the words readers see.
type Step struct {
	Kind  StepKind
	Name  string
	ID    string
	Label string
}

// Is reports whether two steps are the same place, by key.
func (s Step) Is(t Step) bool { return s.Kind == t.Kind && s.Name == t.Name && s.ID == t.ID }

// Path is where a change is, outermost first. In JSON it is the list of
// labels (the published format of disclose diff --format json).
type Path []Step

// Labels are the path's steps as readers see them.
func (p Path) Labels() []string {
	out := make([]string, len(p))
	for i, s := range p {
		out[i] = s.Label
	}
	return out
}

// String joins the labels as the text report does.
func (p Path) String() string { return strings.Join(p.Labels(), " › ") }

// Tail is the innermost step.
func (p Path) Tail() Step { return p[len(p)-1] }

// With is a copy of the path with more steps (never sharing the backing
// array, so sibling paths stay apart).
func (p Path) With(s ...Step) Path {
	out := make(Path, len(p), len(p)+len(s))
	copy(out, p)
	return append(out, s...)
}

// MarshalJSON writes the labels, leaving < > & as they are: the encoder
// that calls it escapes them again when it is told to.
func (p Path) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(p.Labels()); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// UnmarshalJSON reads labels back; the steps' kinds are Unknown.
func (p *Path) UnmarshalJSON(b []byte) error {
	var labels []string
	if err := json.Unmarshal(b, &labels); err != nil {
		return err
	}
	*p = make(Path, len(labels))
	for i, l := range labels {
		(*p)[i] = Step{Label: l}
	}
	return nil
}

// figure is a step semdiff names itself.
func figure(name, label string) Step { return Step{Kind: Figure, Name: name, Label: label} }

// inProject reports whether the change sits inside a project (deeper than
// the project's own step).
func (c Change) inProject() bool { return len(c.Path) > 2 && c.Path[1].Kind == Project }

package importer

import (
	"cmp"
	"fmt"
	"io"
	"path/filepath"
	"slices"

	"github.com/xuri/excelize/v2"
)

// NoteKind says what a note asks of the officer.
type NoteKind string

// The kinds of notes, in the order the report lists them.
const (
	Read     NoteKind = "已读取" // what the forms said and where it went
	Assumed  NoteKind = "推定"  // what the import took for granted: to confirm
	ToSupply NoteKind = "待补充" // what the forms lack and the officer must give
)

// NoteKinds are the kinds in the report's order.
var NoteKinds = []NoteKind{Read, Assumed, ToSupply}

// Note is something the import read, assumed, or could not find, at a
// cell of a file (Cell empty: the file as a whole).
type Note struct {
	Kind    NoteKind `json:"kind"`
	File    string   `json:"file"`
	Sheet   string   `json:"sheet,omitempty"`
	Cell    string   `json:"cell,omitempty"` // as Excel names it: C12
	Where   string   `json:"where"`          // file, sheet and cell in the officer's words
	Message string   `json:"message"`
	row     int
	col     int
}

// Report lists the notes of an import.
type Report struct {
	Notes []Note
	Files []string // written, relative to the content folder
}

// place is a cell of a file; row < 0 is the file (or sheet) as a whole.
type place struct {
	file, sheet string
	row, col    int
}

func (g *Grid) at(r, c int) place { return place{g.File, g.Sheet, r, c} }

// fileAt is a file as a whole.
func fileAt(g *Grid) place { return place{g.File, g.Sheet, -1, -1} }

func (p place) where() string {
	base := filepath.Base(p.file)
	switch {
	case p.file == "":
		return ""
	case p.row < 0 && p.sheet == "":
		return base
	case p.row < 0:
		return fmt.Sprintf("%s「%s」", base, p.sheet)
	}
	g := Grid{File: p.file, Sheet: p.sheet}
	return g.Where(p.row, p.col)
}

func (r *Report) note(k NoteKind, at place, format string, args ...any) {
	n := Note{Kind: k, File: filepath.Base(at.file), Sheet: at.sheet, Where: at.where(), Message: fmt.Sprintf(format, args...), row: at.row, col: at.col}
	if at.row >= 0 {
		n.Cell, _ = excelize.CoordinatesToCellName(at.col+1, at.row+1)
	}
	r.Notes = append(r.Notes, n)
}

func (r *Report) read(at place, format string, args ...any) { r.note(Read, at, format, args...) }
func (r *Report) assume(at place, format string, args ...any) {
	r.note(Assumed, at, format, args...)
}
func (r *Report) supply(at place, format string, args ...any) {
	r.note(ToSupply, at, format, args...)
}

// Grouped returns the notes of one kind, by file and sheet in the order
// they were read, then row and column: the order an officer reads the
// forms in.
func (r *Report) Grouped(k NoteKind) []Note {
	files, sheets := map[string]int{}, map[string]int{}
	for _, n := range r.Notes {
		if _, ok := files[n.File]; !ok {
			files[n.File] = len(files)
		}
		if _, ok := sheets[n.File+"\x00"+n.Sheet]; !ok {
			sheets[n.File+"\x00"+n.Sheet] = len(sheets)
		}
	}
	var out []Note
	for _, n := range r.Notes {
		if n.Kind == k {
			out = append(out, n)
		}
	}
	slices.SortStableFunc(out, func(a, b Note) int {
		return cmp.Or(cmp.Compare(files[a.File], files[b.File]), cmp.Compare(sheets[a.File+"\x00"+a.Sheet], sheets[b.File+"\x00"+b.Sheet]), cmp.Compare(a.row, b.row), cmp.Compare(a.col, b.col))
	})
	return out
}

// WriteText prints the report grouped by kind, each note with its file,
// sheet and cell.
func (r *Report) WriteText(w io.Writer) error {
	if len(r.Notes) == 0 {
		return nil
	}
	if _, err := fmt.Fprintln(w, "\n导入报告："); err != nil {
		return err
	}
	for _, k := range NoteKinds {
		ns := r.Grouped(k)
		if len(ns) == 0 {
			continue
		}
		if _, err := fmt.Fprintf(w, "%s（%d）：\n", k, len(ns)); err != nil {
			return err
		}
		for _, n := range ns {
			if _, err := fmt.Fprintf(w, "  %s：%s\n", n.Where, n.Message); err != nil {
				return err
			}
		}
	}
	return nil
}

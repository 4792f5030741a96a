package web

// An open-data table is a list of typed rows (the structs department.json
// is written from, or a small row type of its own) and a list of columns,
// each declared once: its CSV header, its type and its description in
// datapackage.json, and the accessor that gives a row's cell. The CSV and
// the JSON are both written from the rows; neither is built from the other.

// col is one column of a table whose rows are R.
type col[R any] struct {
	Column
	cell func(*R) string
}

// text, number and day declare a column of strings (neutralized against
// formulas), numbers and dates (written by disclose, left as they are).
func text[R any](name, desc string, cell func(*R) string) col[R] {
	return col[R]{str(name, desc), cell}
}

func number[R any](name, desc string, cell func(*R) string) col[R] {
	return col[R]{numc(name, desc), cell}
}

func day[R any](name, desc string, cell func(*R) string) col[R] {
	return col[R]{date(name, desc), cell}
}

func str(name, desc string) Column  { return Column{Name: name, Type: "string", Description: desc} }
func numc(name, desc string) Column { return Column{Name: name, Type: "number", Description: desc} }
func date(name, desc string) Column { return Column{Name: name, Type: "date", Description: desc} }

// coded is a row of a department-wide table with the project it belongs
// to ("" for the department's own).
type coded[R any] struct {
	project string
	row     *R
}

// withCode puts the project's code before a row type's columns.
func withCode[R any](code string, cols []col[R]) []col[coded[R]] {
	out := []col[coded[R]]{text("项目编码", code, func(r *coded[R]) string { return r.project })}
	for _, c := range cols {
		out = append(out, col[coded[R]]{c.Column, func(r *coded[R]) string { return c.cell(r.row) }})
	}
	return out
}

// tableOf is the table of rows under cols.
func tableOf[R any](title string, cols []col[R], rows []R) Table {
	t := Table{Title: title, Columns: make([]Column, len(cols))}
	for i, c := range cols {
		t.Columns[i] = c.Column
	}
	t.AppendRows = func(b []byte) []byte {
		for i := range rows {
			for j, c := range cols {
				cell := c.cell(&rows[i])
				if c.Type == "string" {
					cell = neutralize(cell)
				}
				b = appendCSVField(b, j, cell)
			}
			b = append(b, '\n')
		}
		return b
	}
	return t
}

// numText is a number column's cell: empty for null.
func numText(n numNull) string { return string(n) }

// ptrText is an optional figure's cell.
func ptrText(n *numNull) string {
	if n == nil {
		return ""
	}
	return string(*n)
}

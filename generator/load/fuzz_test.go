package load

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"disclose/generator/diag"
	"disclose/generator/internal/testutil"
	"disclose/generator/model"
)

func sample(f *testing.F, rel string) []byte {
	data, err := os.ReadFile(filepath.Join(testutil.ContentDir(), rel))
	if err != nil {
		f.Fatal(err)
	}
	return data
}

// positionsInRange fails when a message points outside the input. Lines
// are counted as YAML and editors count them: a lone CR ends one too.
func positionsInRange(t *testing.T, diags *diag.List, data []byte) {
	lines := bytes.Count(data, []byte{'\n'}) + bytes.Count(data, []byte{'\r'}) - bytes.Count(data, []byte("\r\n")) + 1
	for _, d := range diags.Sorted() {
		if d.Line < 0 || d.Line > lines || d.Column < 0 || d.File == "" || d.Message == "" || d.Code == "" {
			t.Fatalf("message out of range (input has %d lines): %+v", lines, d)
		}
	}
}

// FuzzDecodeYAML feeds arbitrary bytes to the YAML decoder as a project and
// as a department file: it must never panic, and every message must point
// inside the file.
func FuzzDecodeYAML(f *testing.F) {
	f.Add(sample(f, "2021/dkb/projects/110-0303-JBN-1VKY.yaml"))
	f.Add(sample(f, "2021/dkb/department.yaml"))
	f.Add(sample(f, "site.yaml"))
	f.Add([]byte("code: [1, 2\nname: x\n"))
	f.Add([]byte("a: &x [1]\nb: *x\nplan: *x\n"))
	f.Add([]byte("\xEF\xBB\xBFtotal: 1e999\nbudget_lines: {name: 1}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, v := range []any{&model.Project{}, &model.Department{}, &model.Site{}} {
			diags := &diag.List{}
			decodeYAML("f.yaml", data, v, diags)
			positionsInRange(t, diags, data)
		}
	})
}

// FuzzReadSpending feeds arbitrary bytes to the spending CSV reader: it must
// never panic, every record must come from a line of the file, and every
// message must point inside it.
func FuzzReadSpending(f *testing.F) {
	csv := sample(f, "2021/dkb/spending/2021-illustrative.csv")
	f.Add(csv)
	f.Add(append([]byte("\xEF\xBB\xBF"), csv...))
	f.Add([]byte("date,project,budget_line,amount\n2021-01-01,P,L,\"1,000.00\"\n"))
	f.Add([]byte("\xc8\xd5\xc6\xda,\xcf\xee\xc4\xbf\xb1\xe0\xc2\xeb,\xd7\xca\xbd\xf0\xd3\xc3\xcd\xbe,\xbd\xf0\xb6\xee\r\n2021/1/2,P,L,(5.00)\r\n"))
	f.Add([]byte("date,project,budget_line,amount\n\"2021-01-01,P,L,1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		diags := &diag.List{}
		recs, _ := readSpending("s.csv", 0, data, diags)
		positionsInRange(t, diags, data)
		lines := int32(bytes.Count(data, []byte{'\n'}) + 1)
		text := bytes.Split(data, []byte{'\n'})
		for _, r := range recs {
			if r.Line < 1 || r.Line > lines || r.Date.IsZero() || r.Project == "" || r.BudgetLine == "" {
				t.Fatalf("record out of range (input has %d lines): %+v", lines, r)
			}
			// In a UTF-8 file, the project column points at the project code
			// (or the quote before it) on the record's line.
			line := []rune(string(text[r.Line-1]))
			if r.Line == 1 {
				line = []rune(strings.TrimPrefix(string(line), "\ufeff"))
			}
			if c := int(r.Col[model.FieldProject]); utf8.Valid(data) && c >= 1 && c <= len(line) {
				rest := strings.TrimLeft(string(line[c-1:]), " \t\"")
				if !strings.HasPrefix(rest, r.Project) {
					t.Fatalf("project column %d of line %d %q does not point at %q", c, r.Line, string(line), r.Project)
				}
			}
		}
	})
}

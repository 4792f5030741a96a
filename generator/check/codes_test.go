package check

import (
	"testing"

	"disclose/generator/diag"
)

// TestUniqueAgreesWithDuplicates: Unique, which a build asks first from
// the codes alone, is true exactly when Duplicates reports nothing.
func TestUniqueAgreesWithDuplicates(t *testing.T) {
	dept := func(year int, code string, projects ...string) Codes {
		c := Codes{Year: year, Code: code, At: diag.Pos{File: code + ".yaml", Line: 1}}
		for i, p := range projects {
			c.Projects = append(c.Projects, ProjectCode{Code: p, At: diag.Pos{File: p + ".yaml", Line: i + 1}})
		}
		return c
	}
	for _, tc := range []struct {
		name  string
		depts []Codes
	}{
		{"none", nil},
		{"distinct", []Codes{dept(2021, "a", "1", "2"), dept(2021, "b", "3")}},
		{"a project twice in a department", []Codes{dept(2021, "a", "1", "1")}},
		{"a project in two departments", []Codes{dept(2021, "a", "1"), dept(2021, "b", "1")}},
		{"a project in two years", []Codes{dept(2021, "a", "1"), dept(2022, "a", "1")}},
		{"a department twice", []Codes{dept(2021, "a"), dept(2021, "a")}},
		{"a department in two years", []Codes{dept(2021, "a"), dept(2022, "a")}},
		{"empty codes", []Codes{dept(2021, "", "", ""), dept(2021, "", "")}},
	} {
		var lists []CodeList
		for _, d := range tc.depts {
			lists = append(lists, d.List())
		}
		diags := &diag.List{}
		Duplicates(tc.depts, diags)
		e, w := diags.Count()
		if got, want := Unique(lists), e+w == 0; got != want {
			t.Errorf("%s: Unique %t, Duplicates reported %d", tc.name, got, e+w)
		}
	}
}

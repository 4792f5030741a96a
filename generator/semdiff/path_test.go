package semdiff_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"disclose/generator/check"
	"disclose/generator/derive"
	"disclose/generator/internal/testutil"
	"disclose/generator/load"
	"disclose/generator/model"
	"disclose/generator/money"
	"disclose/generator/semdiff"
)

func side(t *testing.T, label string, edit func(*model.Site)) semdiff.Side {
	t.Helper()
	site, diags := load.Site(testutil.ContentDir())
	check.Site(site, diags)
	if edit != nil {
		edit(site)
	}
	return semdiff.Side{Label: label, Site: site, Depts: derive.Site(site)}
}

type step struct {
	kind     semdiff.StepKind
	name, id string
}

// TestPathKeys: each step of a change's path carries its key (kind, name,
// identity), whatever its label says; JSON keeps the labels.
func TestPathKeys(t *testing.T) {
	old := side(t, "a", nil)
	d := old.Site.Departments[0]
	p := d.Projects[0]
	deptID := fmt.Sprintf("%d/%s", d.Year, d.Code)
	line := p.BudgetLines[0].Name
	tests := []struct {
		name string
		edit func(*model.Site)
		want []step
	}{
		{"site title", func(s *model.Site) { s.Title += "（改）" },
			[]step{{semdiff.Site, "", ""}, {semdiff.Field, "title", ""}}},
		{"project name that reads like a department", func(s *model.Site) { s.Departments[0].Projects[0].Name = "网站设置" },
			[]step{{semdiff.Department, "", deptID}, {semdiff.Project, "", p.Code}, {semdiff.Field, "name", ""}}},
		{"budget line amount", func(s *model.Site) { s.Departments[0].Projects[0].BudgetLines[0].Amount.Fen += money.Fen(100) },
			[]step{{semdiff.Department, "", deptID}, {semdiff.Project, "", p.Code}, {semdiff.Item, "budget_lines", line}, {semdiff.Field, "amount", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := semdiff.Compare(old, side(t, "b", tt.edit))
			var got []step
			for _, c := range r.Changes {
				if c.Kind == "total" {
					continue
				}
				for _, s := range c.Path {
					got = append(got, step{s.Kind, s.Name, s.ID})
				}
				var js bytes.Buffer
				if err := (&semdiff.Report{Changes: []semdiff.Change{c}}).WriteJSON(&js); err != nil {
					t.Fatal(err)
				}
				var back struct{ Changes []struct{ Path []string } }
				if err := json.Unmarshal(js.Bytes(), &back); err != nil || !slices.Equal(back.Changes[0].Path, c.Path.Labels()) {
					t.Errorf("JSON path %s, want the labels %q (%v)", js.Bytes(), c.Path.Labels(), err)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("steps %v, want %v", got, tt.want)
			}
		})
	}
}

// TestFirstLines: a first publication is summarized by what was added,
// even when a label holds the separator the lines use.
func TestFirstLines(t *testing.T) {
	empty := semdiff.Side{Label: "（无）", Site: &model.Site{}}
	n := side(t, "b", func(s *model.Site) { s.Departments[0].Name = "督查：考核办公室" })
	r := semdiff.Compare(empty, n)
	var want []string
	for _, c := range r.Changes {
		if c.Path[0].Kind == semdiff.Department {
			want = append(want, c.New)
		}
	}
	var got []string
	for i, l := range r.FirstLines() {
		if r.Changes[i].Path[0].Kind == semdiff.Department {
			got = append(got, l)
		}
	}
	if len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("first lines %q, want %q", got, want)
	}
}

package build

import (
	"reflect"
	"strings"
	"testing"

	"disclose/generator/check"
	"disclose/generator/diag"
	"disclose/generator/web"
)

// TestSummaryFileRoundTrip: a department's summary as the state keeps it
// gives back the summary, whatever its codes and files hold; damaged
// project lines are refused.
func TestSummaryFileRoundTrip(t *testing.T) {
	at := func(file string, line, col int) diag.Pos { return diag.Pos{File: file, Line: line, Column: col} }
	for _, projects := range [][]check.ProjectCode{
		nil,
		{{Code: "d001-0001", At: at("/c/2021/d001/projects/a.yaml", 1, 7)}},
		{
			{Code: `带 "引号" 的`, At: at("c/2021/第 1 局/projects/b c.yaml", 3, 12)},
			{Code: "line\nbreak", At: at("c/x.yaml", 0, 0)},
			{Code: "", At: at("", 2, 1)},
		},
	} {
		sum := &deptSummary{
			Web:    &web.DeptSummary{Year: 2021, Code: "d001", Name: "第1教育局", Projects: len(projects)},
			Codes:  check.Codes{Year: 2021, Code: "d001", Name: "第1教育局", At: at("/c/2021/d001/department.yaml", 1, 7), Projects: projects},
			Report: -1,
			Diags:  []diag.Diagnostic{{Severity: diag.Warning, Pos: at("/c/x.yaml", 4, 2), Field: "name", Message: "警告"}},
		}
		data, err := encodeSummary(sum)
		if err != nil {
			t.Fatal(err)
		}
		var back deptSummary
		if err := decodeSummary(data, &back); err != nil {
			t.Fatalf("%q: %v", data, err)
		}
		if !reflect.DeepEqual(&back, sum) {
			t.Errorf("%q\n gave %+v\n want %+v", data, back, *sum)
		}
	}
	good, _ := encodeSummary(&deptSummary{Web: &web.DeptSummary{}, Codes: check.Codes{Projects: []check.ProjectCode{{Code: "p", At: at("f", 1, 7)}}}})
	for name, edit := range map[string][2]string{
		"code unquoted":     {`"p" 1`, `p 1`},
		"line not a number": {`"p" 1 7`, `"p" x 7`},
		"file missing":      {` "f"`, ``},
		"head not JSON":     {`{"Web"`, `{Web`},
	} {
		bad := strings.Replace(string(good), edit[0], edit[1], 1)
		if bad == string(good) {
			t.Fatalf("%s: the edit did not apply to %q", name, good)
		}
		var s deptSummary
		if err := decodeSummary([]byte(bad), &s); err == nil {
			t.Errorf("%s: decoded %+v", name, s)
		}
	}
}

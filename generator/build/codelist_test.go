package build

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestCodeListJSON(t *testing.T) {
	for _, tc := range []struct {
		name     string
		projects []string
		asString bool // saved as one string
	}{
		{"none", nil, true},
		{"one", []string{"d001-0001"}, true},
		{"several", []string{"d001-0001", "d001-0002", "项目 三"}, true},
		{"a line break", []string{"a\nb", "c"}, false},
		{"an empty code", []string{"", "c"}, false},
		{"only an empty code", []string{""}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := codeList{Year: 2021, Code: "d001", Projects: tc.projects}
			data, err := json.Marshal(in)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(string(data), `"Projects":"`) || strings.Contains(string(data), `"Projects":""`); got != tc.asString {
				t.Errorf("saved as %s, want one string: %t", data, tc.asString)
			}
			var out codeList
			if err := json.Unmarshal(data, &out); err != nil {
				t.Fatal(err)
			}
			if len(in.Projects) == 0 && len(out.Projects) == 0 {
				out.Projects = in.Projects
			}
			if !reflect.DeepEqual(out, in) {
				t.Errorf("%s read back as %#v, want %#v", data, out, in)
			}
		})
	}
}

// A summary saved as an array of codes (as before, or for codes one string
// cannot carry) is read as such.
func TestCodeListReadsArrays(t *testing.T) {
	var l codeList
	if err := json.Unmarshal([]byte(`{"Year":2022,"Code":"x","Projects":["a","b"]}`), &l); err != nil {
		t.Fatal(err)
	}
	if want := (codeList{Year: 2022, Code: "x", Projects: []string{"a", "b"}}); !reflect.DeepEqual(l, want) {
		t.Errorf("got %#v, want %#v", l, want)
	}
	for _, bad := range []string{`{"Projects":1}`, `{"Projects":"\x"}`, `[]`} {
		if err := json.Unmarshal([]byte(bad), &l); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

package web_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"disclose/generator/derive"
	"disclose/generator/internal/testutil"
	"disclose/generator/load"
	"disclose/generator/present"
)

// assertOneRate: the execution rate of department.json, projects.csv and
// the self-evaluation is derive's, written as the pages write it.
func assertOneRate(t *testing.T, p *derive.Project, doc any, files map[string][]byte) {
	t.Helper()
	want := present.Pct(p.ExecutionRate)
	got := []string{jsonAt(t, doc, "projects.0.execution_rate_percent") + "%", csvRows(t, files["projects.csv"])[0]["执行率（%）"] + "%"}
	if p.Evaluation != nil {
		got = append(got, jsonAt(t, doc, "projects.0.evaluation.execution.rate_percent")+"%")
	}
	for _, g := range got {
		if g != want {
			t.Errorf("execution rate %s in the open data, the pages show %s", g, want)
		}
	}
}

// TestOpenDataRateIsThePages: on the sample, too, the rate is derive's.
func TestOpenDataRateIsThePages(t *testing.T) {
	files := tree(t, build(t, testutil.ContentDir()))
	site, _ := load.Site(testutil.ContentDir())
	p := derive.Site(site)[0].Projects[0]
	data := map[string][]byte{"projects.csv": files[dataDir+"projects.csv"]}
	assertOneRate(t, p, decode(t, files[dataDir+"department.json"]), data)
}

// TestOpenDataDescribed: datapackage.json describes every column of every
// CSV, in the CSV's order, with a type and a description; department.json
// keeps its keys in alphabetical order (one order, whatever encodes it);
// a second build writes the same bytes.
func TestOpenDataDescribed(t *testing.T) {
	_, files := dataOf(t, resultsPrinted)
	_, again := dataOf(t, resultsPrinted)
	for name, data := range files {
		if !bytes.Equal(data, again[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
	var pkg struct {
		Resources []struct {
			Path   string `json:"path"`
			Title  string `json:"title"`
			Schema struct {
				Fields []struct{ Name, Type, Description string } `json:"fields"`
			} `json:"schema"`
		} `json:"resources"`
	}
	if err := json.Unmarshal(files["datapackage.json"], &pkg); err != nil {
		t.Fatal(err)
	}
	described := map[string]bool{}
	for _, r := range pkg.Resources {
		if !strings.HasPrefix(r.Path, dataDir) {
			continue // the sample's other year: its files are not read here
		}
		file := strings.TrimPrefix(r.Path, dataDir)
		described[file] = true
		recs, err := csv.NewReader(bytes.NewReader(files[file][3:])).Read()
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		var names []string
		for _, f := range r.Schema.Fields {
			names = append(names, f.Name)
			if f.Description == "" || !slices.Contains([]string{"string", "number", "date"}, f.Type) || r.Title == "" {
				t.Errorf("%s: column %s is not described (%q, %q)", file, f.Name, f.Type, f.Description)
			}
		}
		if !slices.Equal(names, recs) {
			t.Errorf("%s: datapackage.json lists %v, the header is %v", file, names, recs)
		}
	}
	for _, f := range []string{"evaluation.csv", "evaluation-groups.csv", "findings.csv", "monitoring.csv", "monitoring-indicators.csv", "indicator-parts.csv"} {
		if !described[f] {
			t.Errorf("datapackage.json does not describe %s", f)
		}
	}
	var sorted func(path string, raw json.RawMessage)
	sorted = func(path string, raw json.RawMessage) {
		dec := json.NewDecoder(bytes.NewReader(raw))
		tok, _ := dec.Token()
		switch tok {
		case json.Delim('{'):
			var prev string
			for dec.More() {
				k, _ := dec.Token()
				var v json.RawMessage
				dec.Decode(&v)
				if key := k.(string); key < prev {
					t.Errorf("department.json %s: key %s after %s", path, key, prev)
				} else {
					prev = key
				}
				sorted(path+"."+k.(string), v)
			}
		case json.Delim('['):
			for dec.More() {
				var v json.RawMessage
				dec.Decode(&v)
				sorted(path+"[]", v)
			}
		}
	}
	sorted("", files["department.json"])
}

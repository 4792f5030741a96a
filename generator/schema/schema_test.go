package schema_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"disclose/generator/internal/testutil"
	"disclose/generator/schema"
)

var update = flag.Bool("update", false, "rewrite schema/ from the Go types")

// TestCommittedSchemaIsCurrent keeps schema/ (which the sample files name
// for editors) equal to what `disclose schema` writes.
func TestCommittedSchemaIsCurrent(t *testing.T) {
	dir := filepath.Join(testutil.Root(), "schema")
	for _, f := range schema.Files() {
		path := filepath.Join(dir, f.Name)
		if *update {
			if err := os.WriteFile(path, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(got, f.Data) {
			t.Errorf("%s is out of date: run `go run ./generator schema` (or go test ./generator/schema -update)", path)
		}
	}
}

// toJSON converts a YAML node to the JSON value an editor's YAML language
// server validates: numbers stay numbers, dates become strings.
func toJSON(n *yaml.Node) any {
	switch n.Kind {
	case yaml.DocumentNode:
		return toJSON(n.Content[0])
	case yaml.AliasNode:
		return toJSON(n.Alias)
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = toJSON(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		a := []any{}
		for _, c := range n.Content {
			a = append(a, toJSON(c))
		}
		return a
	}
	switch n.Tag {
	case "!!int", "!!float":
		return json.Number(n.Value)
	case "!!bool":
		return n.Value == "true"
	case "!!null":
		return nil
	}
	return n.Value
}

func compile(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	for _, f := range schema.Files() {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(f.Data))
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if err := c.AddResource(f.Name, doc); err != nil {
			t.Fatal(err)
		}
	}
	s, err := c.Compile(name)
	if err != nil {
		t.Fatalf("%s does not compile: %v", name, err)
	}
	return s
}

func instance(t *testing.T, data []byte) any {
	t.Helper()
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(toJSON(&n))
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// schemaFor names the schema of a content file, as its modeline does.
func schemaFor(rel string) string {
	switch {
	case filepath.Base(rel) == "site.yaml":
		return "site.schema.json"
	case filepath.Base(rel) == "department.yaml":
		return "department.schema.json"
	case strings.HasSuffix(rel, ".results.yaml"):
		return "results.schema.json"
	case filepath.Base(rel) == "rules.yaml":
		return "rules.schema.json"
	}
	return "project.schema.json"
}

// TestContentValidatesAgainstSchema validates every YAML file of content/
// with an independent JSON Schema implementation, and checks that each file
// names its schema for editors.
func TestContentValidatesAgainstSchema(t *testing.T) {
	if n := validateTree(t, testutil.ContentDir(), true); n < 3 {
		t.Fatalf("walked %d files", n)
	}
}

// validateTree validates every YAML file below root against its schema and,
// with modeline, checks that the file names its schema for editors. It
// returns the number of files.
func validateTree(t *testing.T, root string, modeline bool) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".yaml" {
			return err
		}
		n++
		rel, _ := filepath.Rel(root, p)
		data, _ := os.ReadFile(p)
		name := schemaFor(rel)
		if err := compile(t, name).Validate(instance(t, data)); err != nil {
			t.Errorf("%s does not validate against %s: %v", rel, name, err)
		}
		if !modeline {
			return nil
		}
		depth := strings.Count(filepath.ToSlash(rel), "/") + 1
		line := "# yaml-language-server: $schema=" + strings.Repeat("../", depth) + "schema/" + name
		if !strings.HasPrefix(string(data), line+"\n") {
			t.Errorf("%s does not start with %q", rel, line)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestSchemaRejects shows the schema catches what the loader catches.
func TestSchemaRejects(t *testing.T) {
	data, _ := os.ReadFile(filepath.Join(testutil.ContentDir(), "2021/dkb/projects/110-0303-JBN-1VKY.yaml"))
	s := compile(t, "project.schema.json")
	for _, tc := range []struct{ old, new string }{
		{"budget_lines:", "budget_line:"},
		{"total: 21", "total: 21万"},
		{`operator: ">="`, `operator: "≈"`},
		{"date: 2021-03-31", "date: 31/3/2021"},
		{"name: 督查考核专项经费\n", ""},
	} {
		bad := strings.Replace(string(data), tc.old, tc.new, 1)
		if s.Validate(instance(t, []byte(bad))) == nil {
			t.Errorf("schema accepts %q → %q", tc.old, tc.new)
		}
	}
	var doc map[string]any
	_ = json.Unmarshal(schema.Files()[2].Data, &doc)
	props := doc["properties"].(map[string]any)
	if title := props["total"].(map[string]any)["title"]; title != "项目资金总额（万元）" {
		t.Errorf("total has title %v, want the Chinese name", title)
	}
}

// TestRealFormsValidateAgainstSchema: the real published forms written as
// content (amounts in 元, weights in labels and ranges, every operator
// spelling they use) validate too, so an editor does not flag what the
// loader accepts.
func TestRealFormsValidateAgainstSchema(t *testing.T) {
	root := filepath.Join(testutil.Root(), "generator", "internal", "realforms", "testdata")
	if n := validateTree(t, root, false); n < 20 {
		t.Fatalf("walked %d files", n)
	}
}

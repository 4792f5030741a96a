package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"disclose/generator/corpus"
)

// sameTree reports where quickYAML's tree differs from yaml.v3's, "" when
// it does not: kinds, values, positions, styles, children, and the tag
// wherever quickYAML gives one or yaml.v3's is one the decoder tests.
func sameTree(q, y *yaml.Node, at string) string {
	switch {
	case q.Kind != y.Kind, q.Value != y.Value, q.Line != y.Line, q.Column != y.Column, q.Style != y.Style, len(q.Content) != len(y.Content):
		return at + ": quick " + dump(q) + ", yaml.v3 " + dump(y)
	case q.Tag != "" && q.Tag != y.Tag, q.Tag == "" && (y.Tag == "!!null" || y.Tag == "!!bool"):
		return at + ": tag " + q.Tag + " vs " + y.Tag
	}
	for i := range q.Content {
		if d := sameTree(q.Content[i], y.Content[i], at+"/"+q.Content[i].Value); d != "" {
			return d
		}
	}
	return ""
}

func dump(n *yaml.Node) string {
	b, _ := yaml.Marshal(map[string]any{"kind": n.Kind, "value": n.Value, "line": n.Line, "col": n.Column, "style": n.Style, "tag": n.Tag, "n": len(n.Content)})
	return strings.ReplaceAll(string(b), "\n", " ")
}

// compareQuick: when quickYAML accepts data, yaml.v3 must parse it to the
// same tree. It returns whether quickYAML accepted it.
func compareQuick(t *testing.T, name string, data []byte) bool {
	t.Helper()
	if !utf8.Valid(data) { // decodeYAML reports it before
		return false
	}
	q, ok := quickYAML(data)
	if !ok {
		return false
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s: quickYAML accepted what yaml.v3 rejects (%v):\n%s", name, err, data)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		t.Fatalf("%s: quickYAML accepted an empty document:\n%q", name, data)
	}
	if d := sameTree(q, doc.Content[0], ""); d != "" {
		t.Fatalf("%s: %s\n%s", name, d, data)
	}
	return true
}

// TestQuickYAMLSameTree: on every YAML file of the repository and of a
// generated corpus, and on edge cases, quickYAML gives yaml.v3's tree or
// declines; it accepts the files content is usually written as.
func TestQuickYAMLSameTree(t *testing.T) {
	var files []string
	filepath.WalkDir("../..", func(path string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() && (strings.HasSuffix(path, ".yaml") || strings.HasSuffix(path, ".yml")) {
			files = append(files, path)
		}
		return nil
	})
	dir := t.TempDir()
	if err := corpus.Write(dir, corpus.Options{Departments: 2, Projects: 6, Records: 100, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	filepath.WalkDir(dir, func(path string, e os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".yaml") {
			files = append(files, path)
		}
		return nil
	})
	accepted := map[string]bool{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		accepted[filepath.Base(f)] = compareQuick(t, f, data) || accepted[filepath.Base(f)]
	}
	for _, must := range []string{"department.yaml", "site.yaml"} {
		if !accepted[must] {
			t.Errorf("quickYAML declined every %s", must)
		}
	}
	for _, s := range quickCases {
		compareQuick(t, s, []byte(s))
	}
}

// quickCases are edge cases, accepted or not: either way the trees agree.
var quickCases = []string{
	"a: 1\n", "a: 1", "a:\n  b: 1\n", "a:\n- 1\n", "a:\n  - 1\n  - x: 2\n    y: 3\n", "a: ~\nb: null\nc: true\nd: False\ne: yes\n",
	"a: \"x y\"\nb: 'z'\nc: \"\"\n", "a: \"x\\\"y\"\n", "a: 'it''s'\n", "a: x # c\n", "# c\na: 1\n  # c\nb: 2\n",
	"a: 1\n b: 2\n", "a: 1\n  b\n", "a:\n", "a:\nb: 1\n", "- 1\n- 2\n", "-  a: 1\n   b: 2\n", "- - 1\n", "a: -1\nb: -x\n",
	"a: 1,2\nb: [1]\nc: x[1]\n", "a: x:y\n", "a: <<\n", "<<: 1\n", "a:  x  \n", "a: \"x\" y\n", "a: 'x\n  y'\n",
	"---\na: 1\n", "a: 1\n...\n", "a: 1\n\n\nb: 2\n", "a: 甲 乙\nb: \"丙\u2028\"\n", "a: \u00a0x\n", "a: x\u00a0\n",
	"a:\n  - b: 1\n  c: 2\n", "a:\n  - b: 1\n     c: 2\n", "  a: 1\n", "a: 1\r\n", "a:\t1\n", "\ufeffa: 1\n", "a: x\tb\n",
	"key: value\nkey: again\n", "a: .5\nb: 0x1F\nc: 2021-03-31\nd: 1e3\n", "a: =\nb: <\nc: x=y\n", "a: \"#\"\n", "a: '\"'\n",
	"a: x\u0085", "a: x\u2028", "a: x\ufeff", "a: x\uffff", "a: x\u0085\n", "a: x\u00a0", "a: 甲",
	"a: 其中:农村\n", "a: 10:30\n", "a: x#y\n", "a: x #y\n", "a: x:\n", "a: x: \n", "- a:b\n", "- a:b: c\n",
	"a: http://x.y/z#f\n", "a: ':'\n", "a: x::y\n", "a: x:#\n", "a: 甲：乙\n", "a:b: 1\n", "- x:\n", "a: x :y\n",
}

// FuzzQuickYAML: whatever the input, quickYAML declines or agrees with yaml.v3.
func FuzzQuickYAML(f *testing.F) {
	for _, s := range quickCases {
		f.Add([]byte(s))
	}
	f.Add([]byte("code: d001\nname: 项目\nfunds:\n  - source: 一般公共预算\n    amount: 292\nindicators:\n  - level1: 产出指标\n    operator: \">=\"\n    value: \"500\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		compareQuick(t, "fuzz", data)
	})
}

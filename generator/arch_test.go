package main

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// allowed lists, for each stage package, the project packages it may
// import (docs/ARCHITECTURE.md). main may import anything.
var allowed = map[string][]string{
	"money":      {},
	"num":        {},
	"diag":       {},
	"markdown":   {},
	"corpus":     {},
	"rules":      {"diag", "num"},
	"model":      {"diag", "money", "num", "rules"},
	"load":       {"diag", "fileio", "model", "money", "num", "rules", "textenc"},
	"textenc":    {"diag"},
	"importer":   {"diag", "model", "money", "num", "present", "rules", "textenc"},
	"check":      {"diag", "model", "money", "num", "rules", "markdown", "score"},
	"derive":     {"model", "money", "num", "rules", "score"},
	"score":      {"model", "money", "num", "rules"},
	"schema":     {"model", "money", "num", "rules"},
	"assets":     {},
	"console":    {},
	"buildcache": {"fileio"},
	"gitrev":     {},
	"semdiff":    {"derive", "diag", "model", "money", "num", "present", "rules"},
	"publish":    {"fileio"},
	"fileio":     {},
	"present":    {"model", "money", "num", "rules", "score"},
	"web":        {"assets", "derive", "markdown", "model", "money", "num", "present", "rules", "score"},
	"pdf":        {"assets", "derive", "diag", "markdown", "model", "money", "num", "present", "rules", "score"},
}

func TestImportRules(t *testing.T) {
	const prefix = "disclose/generator/"
	entries, _ := os.ReadDir(".")
	for _, e := range entries {
		if !e.IsDir() || e.Name() == "internal" || e.Name() == "testdata" {
			continue
		}
		pkg := e.Name()
		ok, known := allowed[pkg]
		if !known {
			t.Errorf("package %s has no import rule: add it to allowed and docs/ARCHITECTURE.md", pkg)
			continue
		}
		files, _ := filepath.Glob(filepath.Join(pkg, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			af, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range af.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				dep, isOurs := strings.CutPrefix(path, prefix)
				if !isOurs {
					continue
				}
				permitted := false
				for _, a := range ok {
					permitted = permitted || a == dep
				}
				if !permitted {
					t.Errorf("%s imports %s: the %s stage may import only %v", f, path, pkg, ok)
				}
			}
		}
	}
}

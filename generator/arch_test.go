package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// allowed lists, for each package, the project packages it may import
// (docs/ARCHITECTURE.md). build, the engine, ties the stages together; no
// stage imports it.
var allowed = map[string][]string{
	"build": {"assets", "buildcache", "check", "derive", "diag", "fileio", "gitrev", "load", "model",
		"pdf", "present", "publish", "semdiff", "web", "workers"},
	"money": {},
	"num":   {},
	"diag":  {},
	// Only load parses Markdown (model holds the document): check, web
	// and pdf walk what load parsed and may not import markdown.
	"markdown":   {},
	"workers":    {},
	"corpus":     {},
	"rules":      {"diag", "num"},
	"model":      {"diag", "markdown", "money", "num", "rules"},
	"load":       {"diag", "fileio", "markdown", "model", "money", "num", "rules", "textenc", "workers"},
	"textenc":    {"diag"},
	"importer":   {"diag", "model", "money", "num", "present", "rules", "textenc"},
	"check":      {"diag", "model", "money", "num", "rules", "score"},
	"derive":     {"model", "money", "num", "rules", "score"},
	"score":      {"model", "money", "num", "rules"},
	"schema":     {"model", "money", "num", "rules"},
	"assets":     {},
	"console":    {},
	"buildcache": {"fileio"},
	"gitrev":     {},
	"semdiff":    {"derive", "diag", "model", "money", "num", "present", "rules"},
	"publish":    {"fileio", "workers"},
	"fileio":     {},
	"present":    {"model", "money", "num", "rules", "score"},
	"web":        {"assets", "derive", "model", "money", "num", "present", "rules", "score", "workers"},
	"pdf":        {"assets", "derive", "diag", "model", "money", "num", "present", "rules", "score"},
}

// mainImports are what package main may import: the engine, and what a
// command runs beside it (import, gen-corpus, schema, the assets' cache,
// the console's encoding).
var mainImports = []string{"assets", "build", "console", "corpus", "importer", "schema"}

const prefix = "disclose/generator/"

func TestImportRules(t *testing.T) {
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
		if pkg != "build" && slices.Contains(ok, "build") {
			t.Errorf("%s may not import build: the engine runs the stages, never the reverse", pkg)
		}
		for f, deps := range imports(t, pkg) {
			for _, dep := range deps {
				if !slices.Contains(ok, dep) {
					t.Errorf("%s imports %s: the %s package may import only %v", f, dep, pkg, ok)
				}
			}
		}
	}
	// main parses flags, calls the engine and prints.
	usesBuild := false
	for f, deps := range imports(t, ".") {
		for _, dep := range deps {
			usesBuild = usesBuild || dep == "build"
			if !slices.Contains(mainImports, dep) {
				t.Errorf("%s imports %s: main may import only %v (the stages run in build)", f, dep, mainImports)
			}
		}
	}
	if !usesBuild {
		t.Error("main does not import build")
	}
}

// imports lists, for each non-test Go file of a folder, the project
// packages it imports (without the module prefix).
func imports(t *testing.T, dir string) map[string][]string {
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	out := map[string][]string{}
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
			if dep, isOurs := strings.CutPrefix(path, prefix); isOurs {
				out[f] = append(out[f], dep)
			}
		}
	}
	return out
}

// TestShape holds the engine and the renderers to the size issue 16 set:
// no file over 400 lines in build, web, pdf and semdiff (split by idea,
// as goldmark does), and no function of the engine with more than five
// parameters (a type's methods instead of long lists).
func TestShape(t *testing.T) {
	const maxLines, maxParams = 400, 5
	for _, pkg := range []string{"build", "web", "pdf", "semdiff"} {
		files, _ := filepath.Glob(filepath.Join(pkg, "*.go"))
		if len(files) == 0 {
			t.Fatalf("%s: no Go files", pkg)
		}
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if n := strings.Count(string(src), "\n"); n > maxLines {
				t.Errorf("%s: %d lines (at most %d: split it by idea)", f, n, maxLines)
			}
			if pkg != "build" {
				continue
			}
			fset := token.NewFileSet()
			af, err := parser.ParseFile(fset, f, src, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(af, func(n ast.Node) bool {
				var ft *ast.FuncType
				switch n := n.(type) {
				case *ast.FuncDecl:
					ft = n.Type
				case *ast.FuncLit:
					ft = n.Type
				default:
					return true
				}
				params := 0
				for _, p := range ft.Params.List {
					params += max(1, len(p.Names))
				}
				if params > maxParams {
					t.Errorf("%s: a function with %d parameters (at most %d)", fset.Position(ft.Pos()), params, maxParams)
				}
				return true
			})
		}
	}
}

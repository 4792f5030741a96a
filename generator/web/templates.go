package web

import (
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"

	"disclose/templates"
)

// pageKinds are the page templates; each is parsed with layout.html,
// partials.html and years.html into a set of its own, since each defines
// "main".
var pageKinds = []string{"index.html", "department.html", "project.html", "404.html", "projects.html", "search.html"}

// source reads a template or static file: the site's own copy when it has
// one, else the default embedded in the binary.
type source struct{ dir string }

func (s source) read(name string) ([]byte, string, error) {
	if s.dir != "" {
		p := filepath.Join(s.dir, filepath.FromSlash(name))
		if data, err := os.ReadFile(p); err == nil {
			return data, p, nil
		} else if !os.IsNotExist(err) {
			return nil, p, err
		}
	}
	data, err := fs.ReadFile(templates.FS, name)
	return data, "(内置) templates/" + name, err
}

// parse builds one template set per page kind.
func (s source) parse() (map[string]*template.Template, error) {
	sets := map[string]*template.Template{}
	for _, kind := range pageKinds {
		t := template.New("page:" + kind).Funcs(funcs)
		for _, name := range []string{"layout.html", "partials.html", "years.html", kind} {
			data, where, err := s.read(name)
			if err != nil {
				return nil, fmt.Errorf("模板 %s：%w", where, err)
			}
			if _, err := t.New(name).Parse(string(data)); err != nil {
				return nil, fmt.Errorf("模板 %s：%w", where, err)
			}
		}
		useFastEscapers(t)
		typedEscapes(t, reflect.TypeFor[Page](), funcs, fastEscapers)
		sets[kind] = t
	}
	return sets, nil
}

// static lists the static files: the embedded ones, with the site's copies
// (and additions) under its templates/static taking their place.
func (s source) static() (map[string][]byte, error) {
	out := map[string][]byte{}
	err := fs.WalkDir(templates.FS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, _, err := s.read(p)
		out[path.Base(p)] = data
		return err
	})
	if err != nil {
		return nil, err
	}
	if s.dir != "" {
		extra := filepath.Join(s.dir, "static")
		_ = filepath.WalkDir(extra, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			rel, _ := filepath.Rel(extra, p)
			if _, seen := out[filepath.ToSlash(rel)]; !seen {
				data, rerr := os.ReadFile(p)
				if rerr == nil {
					out[filepath.ToSlash(rel)] = data
				}
			}
			return nil
		})
	}
	return out, nil
}

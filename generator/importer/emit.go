package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

// required are lists a file must carry even when empty.
var required = map[string]bool{}

// numeric are the keys whose values are numbers (amounts, weights, scores,
// percentages): written unquoted, as a person writes them.
var numeric = map[string]bool{"total": true, "amount": true, "initial": true, "adjusted": true, "executed": true, "projected": true,
	"weight": true, "score": true, "share": true, "percent": true, "execution_rate": true, "execution_score": true, "execution_weight": true}

var plainNumber = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// tidy drops what a person would not write (keys with no value, false
// flags, empty lists and blocks) and unquotes numbers and dates.
func tidy(n *yaml.Node) bool {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			tidy(c)
		}
		return true
	case yaml.MappingNode:
		var keep []*yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if !tidy(v) && !(required[k.Value] && v.Kind == yaml.SequenceNode) {
				continue
			}
			if v.Kind == yaml.ScalarNode && v.Tag == "!!str" {
				switch {
				case numeric[k.Value] && plainNumber.MatchString(v.Value):
					v.Tag, v.Style = "!!float", 0
					if !strings.Contains(v.Value, ".") {
						v.Tag = "!!int"
					}
				case (k.Value == "published" || k.Value == "date" || k.Value == "records_through") && dateLike.MatchString(v.Value):
					v.Tag, v.Style = "!!timestamp", 0
				}
			}
			keep = append(keep, k, v)
		}
		n.Content = keep
		return len(keep) > 0
	case yaml.SequenceNode:
		for _, c := range n.Content {
			tidy(c)
		}
		return len(n.Content) > 0
	case yaml.ScalarNode:
		switch {
		case n.Tag == "!!null", n.Tag == "!!str" && n.Value == "", n.Tag == "!!bool" && n.Value == "false":
			return false
		}
	}
	return true
}

var dateLike = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

func yamlBytes(schema, comment string, v any) ([]byte, error) {
	var doc yaml.Node
	if err := doc.Encode(v); err != nil {
		return nil, err
	}
	tidy(&doc)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	return []byte("# yaml-language-server: $schema=" + schema + "\n# " + comment + "\n" + b.String()), nil
}

// emit writes the department's content files under dir and returns their
// paths relative to it.
func emit(d *imported, o Options, dir string) ([]string, error) {
	var files []string
	put := func(rel string, data []byte) error {
		if !filepath.IsLocal(filepath.FromSlash(rel)) {
			return fmt.Errorf("内部错误：%s 不在内容目录内", rel) // names are checked before
		}
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		// O_EXCL: two names that are one file (codes differing only in
		// case, on Windows or macOS) stop the import, never overwrite.
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("导入的内容中有两个文件同名（%s；编码只差大小写？）；导入不会覆盖，请改正编码", rel)
		}
		if err != nil {
			return err
		}
		files = append(files, rel)
		if _, err := f.Write(data); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
	ref := schemaRef(o.Out)
	site := fmt.Sprintf("# yaml-language-server: $schema="+ref("", "site")+"\ntitle: 预算绩效信息公开\npublisher: %s\nlocale: zh-CN\n", yamlString(d.dept.Publisher))
	if err := put("site.yaml", []byte(site)); err != nil {
		return nil, err
	}
	base := fmt.Sprintf("%d/%s/", o.Year, o.Code)
	data, err := yamlBytes(ref(base, "department"), "由 disclose import 从表格导入；导入报告列出了需要核对的地方。", d.dept)
	if err != nil {
		return nil, err
	}
	if err := put(base+"department.yaml", data); err != nil {
		return nil, err
	}
	for _, md := range []struct{ file, text string }{{"overall-goal.md", d.dept.OverallGoal.Text}, {"measures.md", d.dept.Measures.Text}} {
		if md.text == "" {
			continue // not in the forms: the page says so
		}
		if err := put(base+md.file, []byte(md.text+"\n")); err != nil {
			return nil, err
		}
	}
	for _, p := range d.projects {
		data, err := yamlBytes(ref(base+"projects/", "project"), "由 disclose import 从表格导入。", p)
		if err != nil {
			return nil, err
		}
		if err := put(base+"projects/"+p.Code+".yaml", data); err != nil {
			return nil, err
		}
		if p.Description.Text != "" {
			if err := put(base+"projects/"+p.Code+".md", []byte(p.Description.Text+"\n")); err != nil {
				return nil, err
			}
		}
		if p.Results != nil {
			data, err := yamlBytes(ref(base+"projects/", "results"), "由 disclose import 从表格导入。", p.Results)
			if err != nil {
				return nil, err
			}
			if err := put(base+"projects/"+p.Code+".results.yaml", data); err != nil {
				return nil, err
			}
		}
	}
	for name, rows := range d.records {
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		for _, r := range rows {
			if len(strings.Join(r, "")) == 0 {
				continue
			}
			_ = w.Write(r)
		}
		w.Flush()
		if err := put(base+name, b.Bytes()); err != nil {
			return nil, err
		}
	}
	return files, nil
}

func yamlString(s string) string {
	b, _ := yaml.Marshal(s)
	return strings.TrimSpace(string(b))
}

// schemaRef returns how a file written in dir (relative to out) names the
// schema: the schema/ folder of the nearest folder above out that has one
// (the project's own, as content/ beside schema/), else ../schema beside out.
func schemaRef(out string) func(dir, name string) string {
	root := filepath.Dir(out)
	if abs, err := filepath.Abs(out); err == nil {
		for d := abs; ; d = filepath.Dir(d) {
			if st, err := os.Stat(filepath.Join(d, "schema", "department.schema.json")); err == nil && st.Mode().IsRegular() {
				root = d
				if rel, err := filepath.Rel(abs, d); err == nil {
					root = filepath.Join(out, rel)
				}
				break
			}
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	return func(dir, name string) string {
		from := filepath.Join(out, filepath.FromSlash(dir))
		rel, err := filepath.Rel(from, filepath.Join(root, "schema", name+".schema.json"))
		if err != nil {
			return "../schema/" + name + ".schema.json"
		}
		return filepath.ToSlash(rel)
	}
}

// Package schema writes JSON Schemas for the content YAML files from the Go
// types themselves (their yaml, title, desc and req tags), so that editors
// with YAML language support offer completion and help in Chinese, and the
// schema can never disagree with the loader.
package schema

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"

	"disclose/generator/model"
	"disclose/generator/money"
	"disclose/generator/num"
	"disclose/generator/rules"
)

// File is one schema file to write.
type File struct {
	Name string
	Data []byte
}

// Files returns the schemas of site.yaml, department.yaml and project files.
func Files() []File {
	return []File{
		file("site.schema.json", reflect.TypeFor[model.Site](), "网站设置 site.yaml", "网站标题、发布机构、发布地址和规则设置。"),
		file("department.schema.json", reflect.TypeFor[model.Department](), "部门整体绩效目标 department.yaml", "一个部门一个年度的整体绩效目标、专项资金和支出记录文件。"),
		file("project.schema.json", reflect.TypeFor[model.Project](), "项目支出绩效目标 projects/编码.yaml", "一个预算项目的资金、支出计划、绩效目标和指标。"),
		file("results.schema.json", reflect.TypeFor[model.Results](), "绩效监控与自评 projects/编码.results.yaml", "一个项目的年中绩效运行监控和年终绩效自评结果。"),
		file("rules.schema.json", reflect.TypeFor[rules.Settings](), "年度规则 年度/rules.yaml", "只对这一年度生效的规则设置，逐项覆盖 site.yaml 中的规则。"),
	}
}

func file(name string, t reflect.Type, title, desc string) File {
	s := of(t)
	s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	s["title"] = title
	s["description"] = desc
	data, err := marshal(s)
	if err != nil {
		panic(err) // only maps, strings and slices: cannot fail
	}
	return File{Name: name, Data: data}
}

func marshal(v any) ([]byte, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(v)
	return []byte(b.String()), err
}

const decimalPattern = `^-?[0-9]+(\.[0-9]+)?$`

// of returns the schema of one Go type.
func of(t reflect.Type) map[string]any {
	switch t {
	case reflect.TypeFor[money.Amount]():
		// 万元 as a number or text ("21", "207.4538", "21万元"), or 元 with its
		// suffix as a form in 元 prints it ("215,457.6元").
		return map[string]any{"type": []string{"number", "string"},
			"pattern": `^(-?[0-9]+(\.[0-9]{1,6})?(万元)?|-?[0-9]{1,3}(,[0-9]{3})*(\.[0-9]{1,2})?元|-?[0-9]+(\.[0-9]{1,2})?元)$`}
	case reflect.TypeFor[model.Points]():
		return map[string]any{"type": []string{"number", "string"}, "pattern": `^[(（]?[0-9]+(\.[0-9]+)?([-–—～~至][0-9]+(\.[0-9]+)?)?[)）]?分?$`}
	case reflect.TypeFor[num.Decimal]():
		return map[string]any{"type": []string{"number", "string"}, "pattern": decimalPattern}
	case reflect.TypeFor[model.Date]():
		return map[string]any{"type": "string", "format": "date", "pattern": `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`}
	case reflect.TypeFor[model.Operator]():
		return map[string]any{"type": "string", "enum": model.OperatorSpellings()}
	case reflect.TypeFor[model.Polarity]():
		return map[string]any{"type": "string", "enum": []string{string(model.Positive), string(model.Negative)}}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return of(t.Elem())
	case reflect.String:
		// A value such as 100 or 90.00 is written unquoted and kept as text.
		return map[string]any{"type": []string{"string", "number"}}
	case reflect.Int:
		return map[string]any{"type": "integer"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Slice:
		return map[string]any{"type": "array", "items": of(t.Elem())}
	case reflect.Map:
		return severityMap()
	case reflect.Struct:
		return object(t)
	}
	panic("schema: no schema for " + t.String())
}

func object(t reflect.Type) map[string]any {
	props := map[string]any{}
	var required []string
	for _, k := range model.Keys(t) {
		p := of(k.Type)
		if k.Title != "" {
			p["title"] = k.Title
		}
		if k.Desc != "" {
			p["description"] = k.Desc
		} else if k.Title != "" {
			p["description"] = k.Title
		}
		props[k.Name] = p
		if k.Required {
			required = append(required, k.Name)
		}
	}
	s := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		s["required"] = required
	}
	return s
}

// severityMap is the schema of rules.severity: check codes to severities.
func severityMap() map[string]any {
	var codes []string
	for c := range rules.Adjustable {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	return map[string]any{
		"type":                 "object",
		"propertyNames":        map[string]any{"enum": codes},
		"additionalProperties": map[string]any{"enum": []string{"error", "warning", "off"}},
	}
}

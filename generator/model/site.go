package model

import (
	"disclose/generator/diag"
	"disclose/generator/rules"
)

// Site is everything under content/: the settings in site.yaml and every
// department of every year.
type Site struct {
	diag.Source `yaml:"-"`
	Title       string         `yaml:"title" title:"网站标题" req:"true"`
	Publisher   string         `yaml:"publisher" title:"发布机构" req:"true" desc:"网站的主办单位。"`
	Locale      string         `yaml:"locale" title:"语言" desc:"页面语言，默认 zh-CN。"`
	BasePath    string         `yaml:"base_path" title:"发布地址" desc:"网站发布后的地址，如 https://www.example.gov.cn/jxgk/，用于 sitemap.xml；页面内链接一律是相对链接。"`
	Rules       rules.Settings `yaml:"rules" title:"规则设置" desc:"覆盖内置的默认规则（指标体系、检查的严重程度等）。"`

	// Dir is the content folder; File its site.yaml.
	Dir  string `yaml:"-"`
	File string `yaml:"-"`
	// Departments of every year, ordered by year then code.
	Departments []*Department `yaml:"-"`
}

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
	PDF         PDFSettings    `yaml:"pdf" title:"PDF 报告" desc:"PDF 报告的字体和支出记录列印上限。"`

	// Dir is the content folder; File its site.yaml.
	Dir  string `yaml:"-"`
	File string `yaml:"-"`
	// Departments of every year, ordered by year then code.
	Departments []*Department `yaml:"-"`
}

// PDFSettings are the settings of the printed reports.
type PDFSettings struct {
	diag.Source    `yaml:"-"`
	Serif          string `yaml:"serif" title:"正文字体" desc:"TrueType 字体文件（.ttf，不支持 .ttc/.otf）的路径，相对于内容目录，如自己的仿宋；不填用 Noto Serif SC。"`
	Sans           string `yaml:"sans" title:"标题字体" desc:"TrueType 黑体类字体文件的路径；不填用 Noto Sans SC Bold。"`
	Fallback       string `yaml:"fallback" title:"备用字体" desc:"正文或标题字体缺少某字时改用的 TrueType 字体；不填则缺字是错误。"`
	AnnualProjects *int   `yaml:"annual_projects" title:"合订本完整列印的项目数上限" desc:"一年的项目不超过此数时，年度合订本列出每个项目的全部表格；超过时只列各部门的前两部分和项目一览，默认 200。"`
	MaxRecords     *int   `yaml:"max_records" title:"支出记录列印上限" desc:"项目的支出记录不超过此数时在 PDF 中逐条列出，默认 50。"`
}

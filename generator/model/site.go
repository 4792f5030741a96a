package model

import (
	"disclose/generator/diag"
	"disclose/generator/rules"
)

// Site is everything under content/: the settings in site.yaml and every
// department of every year.
type Site struct {
	diag.Source `yaml:"-"`
	Title       string          `yaml:"title" title:"网站标题" req:"true"`
	Publisher   string          `yaml:"publisher" title:"发布机构" req:"true" desc:"网站的主办单位。"`
	Locale      string          `yaml:"locale" title:"语言" desc:"页面语言，默认 zh-CN。"`
	BasePath    string          `yaml:"base_path" title:"发布地址" desc:"网站发布后的地址，如 https://www.example.gov.cn/jxgk/，用于 sitemap.xml；页面内链接一律是相对链接。"`
	Rules       rules.Settings  `yaml:"rules" title:"规则设置" desc:"覆盖内置的默认规则（指标体系、检查的严重程度等）。"`
	PDF         PDFSettings     `yaml:"pdf" title:"PDF 报告" desc:"PDF 报告的字体和支出记录列印上限。"`
	Files       FileSettings    `yaml:"files" title:"内容文件" desc:"内容文件的大小上限，以及内容目录之外允许读取的目录。"`
	History     HistorySettings `yaml:"history" title:"修订记录" desc:"部门页面的修订记录（内容放在 Git 仓库中时）：是否显示，从哪个版本开始。"`

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
	AnnualVolume   *int   `yaml:"annual_volume" title:"合订本每册的部门数上限" desc:"一年的部门多于此数时，年度合订本分册发布，各册部门数尽量相同，默认 100。"`
	MaxRecords     *int   `yaml:"max_records" title:"支出记录列印上限" desc:"项目的支出记录不超过此数时在 PDF 中逐条列出，默认 50。"`
}

// HistorySettings shape the 修订记录 a department page shows. Its entries
// come from what changed in the published content between revisions, never
// from commit subjects, which are written for colleagues, not readers.
type HistorySettings struct {
	diag.Source `yaml:"-"`
	Enabled     *bool  `yaml:"enabled" title:"显示修订记录" desc:"默认 true；false 时部门页面不显示修订记录。"`
	Since       string `yaml:"since" title:"首次公开的版本" desc:"Git 版本（提交哈希或标签）：这一版记为首次公开，更早的提交不列出；不填则从部门目录的第一个提交开始。"`
}

// Shown reports whether department pages carry a 修订记录.
func (h HistorySettings) Shown() bool { return h.Enabled == nil || *h.Enabled }

// FileSettings bound what content may make a build read.
type FileSettings struct {
	diag.Source `yaml:"-"`
	// AllowOutside are folders outside the content folder whose files
	// content may name (a font) or link to; by default none.
	AllowOutside  []string `yaml:"allow_outside" title:"允许读取的外部目录" desc:"内容目录之外允许读取的目录（绝对路径，或相对于内容目录），如系统字体目录 /usr/share/fonts；默认不允许：指向内容目录之外的路径和符号链接都是错误。"`
	MaxSpendingMB *int     `yaml:"max_spending_mb" title:"支出记录文件上限（MB）" desc:"一个支出记录 CSV 文件的大小上限，默认 256。"`
	MaxMarkdownMB *int     `yaml:"max_markdown_mb" title:"文字说明文件上限（MB）" desc:"一个 Markdown 文件的大小上限，默认 4。"`
	MaxYAMLMB     *int     `yaml:"max_yaml_mb" title:"YAML 文件上限（MB）" desc:"一个 YAML 文件的大小上限，默认 16。"`
	MaxFontMB     *int     `yaml:"max_font_mb" title:"字体文件上限（MB）" desc:"一个字体文件的大小上限，默认 64。"`
}

// The default file size limits, in MB.
const (
	DefaultMaxSpendingMB = 256
	DefaultMaxMarkdownMB = 4
	DefaultMaxYAMLMB     = 16
	DefaultMaxFontMB     = 64
)

package check

import (
	"net/url"
	"regexp"
	"strings"

	"disclose/generator/model"
)

// basePath checks that site.yaml's base_path is a web address (http or
// https) or a path: it is written into sitemap.xml and the pages, where a
// javascript:, data: or file: address would run or open something else.
func (c *checker) basePath(site *model.Site) {
	p := site.BasePath
	if p == "" {
		return
	}
	const field, hint = "base_path（发布地址）", "网站的 http(s) 地址，如 https://www.example.gov.cn/jxgk/，或路径，如 /jxgk/"
	if strings.ContainsAny(p, " \t\r\n\"'<>\\`") {
		c.errorf(site.At("base_path"), "base-path", field, hint, "发布地址 %q 中有空白、引号、尖括号或反斜杠", p)
		return
	}
	u, err := url.Parse(p)
	switch {
	case err != nil:
		c.errorf(site.At("base_path"), "base-path", field, hint, "发布地址 %q 不是有效的网址", p)
	case u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https":
		c.errorf(site.At("base_path"), "base-path", field, hint, "发布地址只能是 http 或 https 网址或路径，不能是 %s: 地址", u.Scheme)
	case u.Scheme != "" && u.Host == "":
		c.errorf(site.At("base_path"), "base-path", field, hint, "发布地址 %q 缺少网站域名", p)
	case u.Scheme == "" && u.Host != "":
		c.errorf(site.At("base_path"), "base-path", field, hint, "发布地址 %q 以 // 开头：写出 https://，或写成以一个 / 开头的路径", p)
	}
}

// languageTag is the shape of a BCP 47 tag as pages and PDFs use it: a
// language, then subtags of letters and digits (zh-CN, zh-Hans-CN, en).
var languageTag = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)

// locale checks site.yaml's locale: it becomes the pages' lang and the
// PDFs' /Lang, where anything but a language tag is wrong.
func (c *checker) locale(site *model.Site) {
	if site.Locale == "" || languageTag.MatchString(site.Locale) {
		return
	}
	c.errorf(site.At("locale"), "locale", "locale（语言）", "语言代码，如 zh-CN", "%q 不是语言代码", site.Locale)
}

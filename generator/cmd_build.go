package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"disclose/generator/assets"
	"disclose/generator/derive"
	"disclose/generator/model"
	"disclose/generator/pdf"
	"disclose/generator/publish"
	"disclose/generator/web"
)

// buildFlags are shared by build and serve.
type buildFlags struct {
	content, out, templates, cache string
	pdf                            bool
}

func (b *buildFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&b.content, "content", "content", "内容目录")
	fs.StringVar(&b.out, "out", "public", "输出目录（整体替换；只替换 disclose 生成的目录）")
	fs.StringVar(&b.templates, "templates", "templates", "模板目录：其中的文件替换内置的同名模板；不存在时只用内置模板")
	fs.StringVar(&b.cache, "cache", assets.CacheDir(), "第三方文件（ECharts、字体）的缓存目录，由 make assets 填充")
	fs.BoolVar(&b.pdf, "pdf", true, "同时生成 PDF 报告；--pdf=false 只生成网页（预览时更快）")
}

func (b *buildFlags) webOptions() web.Options {
	o := web.Options{Cache: b.cache}
	if st, err := os.Stat(b.templates); err == nil && st.IsDir() {
		o.Templates = b.templates
	}
	return o
}

// errContent marks a build stopped by errors in the content.
var errContent = errors.New("内容有错误，未生成网站")

// fontCache keeps parsed fonts for the life of the process (disclose serve
// rebuilds many times; parsing the CJK fonts costs about 0.1 s).
var fontCache struct {
	sync.Mutex
	key   pdf.FontFiles
	fonts *pdf.Fonts
}

func loadFonts(site *model.Site, cache string) (*pdf.Fonts, error) {
	rel := func(p string) string {
		if p == "" || filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(site.Dir, p)
	}
	key := pdf.FontFiles{Serif: rel(site.PDF.Serif), Sans: rel(site.PDF.Sans), Fallback: rel(site.PDF.Fallback)}
	fontCache.Lock()
	defer fontCache.Unlock()
	if fontCache.fonts != nil && fontCache.key == key {
		return fontCache.fonts, nil
	}
	f, err := pdf.LoadFonts(cache, key)
	if err != nil {
		return nil, err
	}
	fontCache.key, fontCache.fonts = key, f
	return f, nil
}

// build runs every stage and swaps the result into b.out; on any error the
// output folder is left exactly as it was.
func build(b buildFlags, o web.Options, report io.Writer) (pages int, err error) {
	site, diags := loadAndCheck(b.content)
	var fonts *pdf.Fonts
	if !diags.HasErrors() && b.pdf {
		if fonts, err = loadFonts(site, b.cache); err != nil {
			return 0, err
		}
		// A character the fonts lack would print as a blank: an error at
		// the place the text came from, before anything is written.
		for _, d := range site.Departments {
			pdf.CheckGlyphs(fonts, d, diags)
		}
	}
	if e, w := diags.Count(); e+w > 0 {
		_ = diags.WriteText(report)
	}
	if diags.HasErrors() {
		return 0, errContent
	}
	depts := derive.Site(site)
	if o.History, err = history(b.content, site); err != nil {
		return 0, err
	}
	stage, err := publish.Begin(b.out)
	if err != nil {
		return 0, err
	}
	if b.pdf {
		if o.Reports, err = pdf.WriteAll(fonts, site, depts, stage.Dir, b.cache); err != nil {
			stage.Abort()
			return 0, err
		}
	}
	if err := web.Build(site, depts, stage.Dir, o); err != nil {
		stage.Abort()
		return 0, err
	}
	pages = 2 // index and 404
	for _, d := range depts {
		pages += 1 + len(d.Projects)
	}
	return pages, stage.Commit()
}

func cmdBuild(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var b buildFlags
	b.register(fs)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	pages, err := build(b, b.webOptions(), stderr)
	switch {
	case errors.Is(err, errContent):
		fmt.Fprintf(stderr, "disclose build: %v；%s 保持不变\n", err, b.out)
		return 1
	case errors.Is(err, publish.ErrNotOurs):
		fmt.Fprintf(stderr, "disclose build: %v\n", err)
		return 2
	case err != nil:
		fmt.Fprintf(stderr, "disclose build: %v；%s 保持不变\n", err, b.out)
		return 1
	}
	fmt.Fprintf(stdout, "已生成 %s：%d 个页面\n", b.out, pages)
	return 0
}

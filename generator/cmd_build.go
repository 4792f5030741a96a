package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"disclose/generator/assets"
	"disclose/generator/pdf"
	"disclose/generator/publish"
	"disclose/generator/web"
)

// buildFlags are shared by build and serve.
type buildFlags struct {
	content, out, templates, cache string
	pdf, clean                     bool
	noWait                         bool
	lockTimeout                    time.Duration
}

func (b *buildFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&b.content, "content", "content", "内容目录")
	fs.StringVar(&b.out, "out", "public", "输出目录（整体替换；只替换 disclose 生成的目录）")
	fs.StringVar(&b.templates, "templates", "templates", "模板目录：其中的文件替换内置的同名模板；不存在时只用内置模板")
	fs.StringVar(&b.cache, "cache", assets.CacheDir(), "缓存目录：第三方文件（ECharts、字体，由 make assets 填充）和增量构建的记录")
	fs.BoolVar(&b.pdf, "pdf", true, "同时生成 PDF 报告；--pdf=false 只生成网页（预览时更快）")
	fs.BoolVar(&b.clean, "clean", false, "不用增量构建的记录，重新生成每个页面和报告（结果与增量构建逐字节相同）")
	fs.BoolVar(&b.noWait, "no-wait", false, "另一个构建正在写入同一输出目录时立即失败，不等待")
	fs.DurationVar(&b.lockTimeout, "lock-timeout", 0, "等待另一个构建写完输出目录最多多久（如 30s；0 表示一直等）")
}

// lockOutput takes the output's lock: a build already writing the same
// output is waited for (said once on log), unless --no-wait, for at most
// --lock-timeout; ctx ending stops the wait too.
func (b *buildFlags) lockOutput(ctx context.Context, log io.Writer, command string) (*publish.OutputLock, error) {
	// Before the lock: its file goes beside the output, which must not be
	// in the content folder.
	if err := checkOutput(b.content, b.out); err != nil {
		return nil, err
	}
	cancel := func() {}
	switch {
	case b.noWait:
		ctx, cancel = context.WithCancel(ctx)
		cancel() // done already: one try
	case b.lockTimeout > 0:
		ctx, cancel = context.WithTimeout(ctx, b.lockTimeout)
	}
	defer cancel()
	lock, err := publish.Lock(ctx, b.out, func(holder string) {
		if holder != "" {
			holder = "（进程 " + holder + "）"
		}
		fmt.Fprintf(log, "disclose %s: 另一个构建正在写入 %s%s，等待…\n", command, b.out, holder)
	})
	if errors.Is(err, publish.ErrBusy) {
		if b.noWait {
			return nil, fmt.Errorf("%w；未等待（--no-wait）", err)
		}
		return nil, fmt.Errorf("%w；已等待 %v", err, b.lockTimeout)
	}
	return lock, err
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

func loadFonts(key pdf.FontFiles, cache string) (*pdf.Fonts, error) {
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

func cmdBuild(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var b buildFlags
	b.register(fs)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	res, err := func() (buildResult, error) {
		lock, err := b.lockOutput(context.Background(), stderr, "build")
		if err != nil {
			return buildResult{}, err
		}
		defer lock.Release()
		return build(lock, b, b.webOptions(), stderr)
	}()
	switch {
	case errors.Is(err, errContent):
		fmt.Fprintf(stderr, "disclose build: %v；%s 保持不变\n", err, b.out)
		return 1
	case errors.Is(err, publish.ErrNotOurs), errors.Is(err, errOutput):
		fmt.Fprintf(stderr, "disclose build: %v\n", err)
		return 2
	case err != nil:
		fmt.Fprintf(stderr, "disclose build: %v；%s 保持不变\n", err, b.out)
		return 1
	}
	fmt.Fprintf(stdout, "已生成 %s：%d 个页面（%d 个部门，重新生成 %d 个）\n", b.out, res.pages, res.depts, res.rendered)
	return 0
}

// fontFiles resolves site.yaml's font paths against the content folder.
func fontFiles(dir, serif, sans, fallback string) pdf.FontFiles {
	rel := func(p string) string {
		if p == "" || filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(dir, p)
	}
	return pdf.FontFiles{Serif: rel(serif), Sans: rel(sans), Fallback: rel(fallback)}
}

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"disclose/generator/assets"
	"disclose/generator/build"
)

// registerBuild declares the flags build and serve share.
func registerBuild(fs *flag.FlagSet, c *build.Config) {
	fs.StringVar(&c.Content, "content", "content", "内容目录")
	fs.StringVar(&c.Out, "out", "public", "输出目录（整体替换；只替换 disclose 生成的目录）")
	fs.StringVar(&c.Templates, "templates", "templates", "模板目录：其中的文件替换内置的同名模板；不存在时只用内置模板")
	fs.StringVar(&c.Cache, "cache", assets.CacheDir(), "缓存目录：第三方文件（ECharts、字体，由 make assets 填充）和增量构建的记录")
	fs.BoolVar(&c.PDF, "pdf", true, "同时生成 PDF 报告；--pdf=false 只生成网页（预览时更快）")
	fs.BoolVar(&c.Clean, "clean", false, "不用增量构建的记录，重新生成每个页面和报告（结果与增量构建逐字节相同）")
	fs.BoolVar(&c.NoWait, "no-wait", false, "另一个构建正在写入同一输出目录时立即失败，不等待")
	fs.DurationVar(&c.LockTimeout, "lock-timeout", 0, "等待另一个构建写完输出目录最多多久（如 30s；0 表示一直等）")
}

func cmdBuild(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c build.Config
	registerBuild(fs, &c)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	res, err := func() (build.Result, error) {
		lock, err := build.Lock(context.Background(), c, stderr, "build")
		if err != nil {
			return build.Result{}, err
		}
		defer lock.Release()
		return build.Run(lock, c, stderr)
	}()
	switch {
	case errors.Is(err, build.ErrContent):
		fmt.Fprintf(stderr, "disclose build: %v；%s 保持不变\n", err, c.Out)
		return 1
	case errors.Is(err, build.ErrNotOurs), errors.Is(err, build.ErrOutput):
		fmt.Fprintf(stderr, "disclose build: %v\n", err)
		return 2
	case err != nil:
		fmt.Fprintf(stderr, "disclose build: %v；%s 保持不变\n", err, c.Out)
		return 1
	}
	fmt.Fprintf(stdout, "已生成 %s：%d 个页面（%d 个部门，重新生成 %d 个）\n", c.Out, res.Pages, res.Depts, res.Rendered)
	return 0
}

package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"disclose"
	"disclose/generator/schema"
)

// cmdInit writes a starter site into DIR: DIR/content (the sample, or with
// --empty one department to fill in, from inside the binary) and DIR/schema
// (for editors). It never overwrites: DIR
// must not hold content/ or schema/ already.
func cmdInit(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("init", flag.ContinueOnError)
	flags.SetOutput(stderr)
	empty := flags.Bool("empty", false, "写入一个空白部门（带中文注释）而不是示例内容")
	year := flags.Int("year", time.Now().Year(), "空白部门的年度（--empty 时）")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	dir := "."
	switch flags.NArg() {
	case 0:
	case 1:
		dir = flags.Arg(0)
	default:
		fmt.Fprintln(stderr, "disclose init: 只能给一个目录，例如 disclose init 绩效公开")
		return 2
	}
	if *year < 1000 || *year > 9999 {
		fmt.Fprintf(stderr, "disclose init: --year %d 不是四位数的年度\n", *year)
		return 2
	}
	src, what, yearText := fs.FS(disclose.Sample), "示例内容", ""
	if *empty {
		starter, err := fs.Sub(disclose.Starter, "starter")
		if err != nil {
			fmt.Fprintln(stderr, "disclose init:", err)
			return 2
		}
		src, what, yearText = starter, "空白部门", strconv.Itoa(*year)
	}
	if err := initSite(dir, src, yearText); err != nil {
		fmt.Fprintln(stderr, "disclose init:", err)
		return 2
	}
	fmt.Fprintf(stdout, "已在 %s 中写入%s（content）和编辑器用的 JSON Schema（schema）。\n", dir, what)
	fmt.Fprintf(stdout, "下一步：进入该目录，运行 disclose serve，在浏览器中打开 http://127.0.0.1:8080/ 预览；\n")
	fmt.Fprintf(stdout, "修改 content 中的文件后页面自动更新。disclose check 检查内容，disclose build 生成到 public。\n")
	return 0
}

// initSite copies src's content/ into dir, YEAR in names and files
// replaced by year unless it is "", and writes the schemas.
func initSite(dir string, src fs.FS, year string) error {
	for _, sub := range []string{"content", "schema"} {
		if _, err := os.Lstat(filepath.Join(dir, sub)); err == nil {
			return fmt.Errorf("%s 已存在，不会覆盖：换一个目录，或先移走它", filepath.Join(dir, sub))
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	err := fs.WalkDir(src, "content", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		p := name
		if year != "" {
			p = strings.ReplaceAll(p, "YEAR", year)
		}
		dest := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(dest, 0o755)
		}
		data, err := fs.ReadFile(src, name)
		if err != nil {
			return err
		}
		if year != "" {
			data = bytes.ReplaceAll(data, []byte("YEAR"), []byte(year))
		}
		return writeNew(dest, data)
	})
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(dir, "schema"), 0o755); err != nil {
		return err
	}
	for _, f := range schema.Files() {
		if err := writeNew(filepath.Join(dir, "schema", f.Name), f.Data); err != nil {
			return err
		}
	}
	return nil
}

// writeNew creates path; an existing file is an error, never overwritten.
func writeNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

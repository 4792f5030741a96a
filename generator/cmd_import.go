package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"disclose/generator/build"
	"disclose/generator/importer"
)

func cmdImport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o importer.Options
	fs.StringVar(&o.Out, "out", "content", "写入的内容目录")
	fs.IntVar(&o.Year, "year", 0, "预算年度，如 2021")
	fs.StringVar(&o.Code, "department", "", "部门编码（部门目录名），如 dkb")
	fs.StringVar(&o.Name, "name", "", "部门名称（表格中没有时）")
	fs.StringVar(&o.Publish, "publisher", "", "发布机构（表格中没有时）")
	fileMB := fs.Int64("max-file-mb", importer.DefaultFileBytes>>20, "一个工作簿或 CSV 文件的大小上限（MB）")
	unzipMB := fs.Int64("max-unzip-mb", importer.DefaultInflatedBytes>>20, "一个工作簿解压后的大小上限（MB）")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *fileMB <= 0 || *unzipMB <= 0 || *fileMB > 1<<20 || *unzipMB > 1<<20 {
		fmt.Fprintln(stderr, "disclose import: --max-file-mb 和 --max-unzip-mb 须是 1 到 1048576 之间的整数")
		return 2
	}
	o.Limits = importer.Limits{FileBytes: *fileMB << 20, InflatedBytes: *unzipMB << 20}
	if fs.NArg() == 0 || o.Year == 0 || o.Code == "" {
		fmt.Fprintln(stderr, "用法：disclose import --year 2021 --department 部门编码 [--name 部门名称] [--out content] 文件.xlsx|文件.xls|文件.csv|文件.docx ...")
		return 2
	}
	rep, err := importer.Import(fs.Args(), o)
	if err != nil {
		fmt.Fprintln(stderr, "disclose import:", err)
		return 1
	}
	for _, f := range rep.Files {
		fmt.Fprintln(stdout, "写入", filepath.Join(o.Out, f))
	}
	// What was read, what was assumed, what is still to supply, each by
	// file, sheet and cell.
	_ = rep.WriteText(stdout)
	// What was written is checked at once, in the officer's terms.
	diags := build.Check(o.Out)
	if e, w := diags.Count(); e+w > 0 {
		fmt.Fprintln(stdout, "\n检查导入的内容：")
		_ = diags.WriteText(stdout)
	}
	if diags.HasErrors() {
		return 1
	}
	return 0
}

func cmdExport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	content := fs.String("content", "content", "内容目录")
	xlsx := fs.String("xlsx", "", "写出的工作簿，如 dkb-2021.xlsx")
	// The department is named as import names it: --year and --department.
	year := fs.Int("year", 0, "预算年度，如 2021")
	dept := fs.String("department", "", "部门编码（部门目录名），如 dkb")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	const usage = "用法：disclose export --xlsx 文件.xlsx --year 2021 --department dkb [--content content]"
	// 2021/dkb, the form export took before, still names one.
	if y, code, ok := strings.Cut(*dept, "/"); ok && *year == 0 {
		if n, err := strconv.Atoi(y); err == nil {
			*year, *dept = n, code
		}
	}
	if *xlsx == "" || *dept == "" || *year == 0 {
		fmt.Fprintln(stderr, usage)
		return 2
	}
	d, known, diags := build.Department(*content, *year, *dept)
	if diags.HasErrors() {
		_ = diags.WriteText(stderr)
		return 1
	}
	if d != nil {
		if err := importer.Export(d, *xlsx); err != nil {
			fmt.Fprintln(stderr, "disclose export:", err)
			return 1
		}
		fmt.Fprintln(stdout, "写入", *xlsx)
		return 0
	}
	fmt.Fprintf(stderr, "disclose export: %s 中没有 %d 年度的部门 %q；部门用 --year 年度 --department 部门编码（部门目录名）指定，已有：%s\n",
		*content, *year, *dept, strings.Join(known, "；"))
	return 2
}

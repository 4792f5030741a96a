package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"disclose/generator/corpus"
)

func cmdGenCorpus(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gen-corpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o corpus.Options
	fs.IntVar(&o.Departments, "departments", 1, "部门数")
	fs.IntVar(&o.Projects, "projects", 10, "项目总数")
	fs.IntVar(&o.Records, "records", 1000, "支出记录总数")
	fs.Uint64Var(&o.Seed, "seed", 1, "随机种子（相同参数生成相同文件）")
	out := fs.String("out", "", "写出目录（必须不存在或为空）")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" {
		fmt.Fprintln(stderr, "disclose gen-corpus: 需要 --out DIR")
		return 2
	}
	if entries, err := os.ReadDir(*out); err == nil && len(entries) > 0 {
		fmt.Fprintf(stderr, "disclose gen-corpus: %s 不是空目录，不会覆盖其中的文件\n", *out)
		return 2
	}
	if err := corpus.Write(*out, o); err != nil {
		fmt.Fprintln(stderr, "disclose gen-corpus:", err)
		return 2
	}
	fmt.Fprintf(stdout, "%s: %d 个部门，%d 个项目，%d 条支出记录\n", *out, o.Departments, o.Projects, o.Records)
	return 0
}

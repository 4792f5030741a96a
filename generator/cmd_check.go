package main

import (
	"flag"
	"fmt"
	"io"

	"disclose/generator/build"
)

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	content := fs.String("content", "content", "内容目录")
	strict := fs.Bool("strict", false, "把警告也当作错误")
	format := fs.String("format", "text", "输出格式：text 或 json")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "disclose check: --format 只能是 text 或 json，不是 %q\n", *format)
		return 2
	}
	diags := build.Check(*content)
	if *strict {
		diags.Strict()
	}
	var err error
	if *format == "json" {
		err = diags.WriteJSON(stdout)
	} else {
		err = diags.WriteText(stdout)
	}
	if err != nil {
		fmt.Fprintln(stderr, "disclose check:", err)
		return 2
	}
	if diags.HasErrors() {
		return 1
	}
	return 0
}

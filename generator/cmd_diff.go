package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"disclose/generator/build"
)

// isTerminal reports whether w is a terminal that takes colour.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("NO_COLOR") != "" {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func cmdDiff(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	content := fs.String("content", "content", "Git 修订版本中内容目录的位置")
	format := fs.String("format", "text", "输出格式：text、markdown 或 json")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 2 || (*format != "text" && *format != "markdown" && *format != "json") {
		fmt.Fprintln(stderr, "用法：disclose diff [--format text|markdown|json] [--content DIR] 旧版本 新版本（内容目录或 Git 修订版本，如 HEAD~1、main）")
		return 2
	}
	r, err := build.Diff(fs.Arg(0), fs.Arg(1), *content)
	if err != nil {
		fmt.Fprintln(stderr, "disclose diff:", err)
		return 2
	}
	switch *format {
	case "markdown":
		err = r.WriteMarkdown(stdout)
	case "json":
		err = r.WriteJSON(stdout)
	default:
		err = r.WriteText(stdout, isTerminal(stdout))
	}
	if err != nil {
		fmt.Fprintln(stderr, "disclose diff:", err)
		return 2
	}
	if r.Empty() {
		return 0
	}
	return 1
}

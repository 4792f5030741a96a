package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"disclose/generator/schema"
)

func cmdSchema(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("schema", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "schema", "写出目录")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(stderr, "disclose schema:", err)
		return 2
	}
	for _, f := range schema.Files() {
		path := filepath.Join(*out, f.Name)
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			fmt.Fprintln(stderr, "disclose schema:", err)
			return 2
		}
		fmt.Fprintln(stdout, path)
	}
	return 0
}

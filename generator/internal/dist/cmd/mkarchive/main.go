// Command mkarchive packs a folder into a reproducible release archive:
//
//	go run ./generator/internal/dist/cmd/mkarchive -mtime UNIX -out NAME.zip|NAME.tar.gz DIR
//
// Used by scripts/dist (make dist).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"disclose/generator/internal/dist"
)

func main() {
	mtime := flag.Int64("mtime", 0, "modification time of every entry, seconds since 1970 (SOURCE_DATE_EPOCH)")
	out := flag.String("out", "", "archive to write, .zip or .tar.gz")
	flag.Parse()
	if flag.NArg() != 1 || *out == "" {
		fmt.Fprintln(os.Stderr, "usage: mkarchive -mtime UNIX -out NAME.zip|NAME.tar.gz DIR")
		os.Exit(2)
	}
	format := "zip"
	if strings.HasSuffix(*out, ".tar.gz") {
		format = "tar.gz"
	} else if !strings.HasSuffix(*out, ".zip") {
		fmt.Fprintln(os.Stderr, "mkarchive: -out must end in .zip or .tar.gz")
		os.Exit(2)
	}
	entries, err := dist.Collect(flag.Arg(0))
	if err == nil {
		var buf bytes.Buffer
		if err = dist.Write(&buf, format, entries, time.Unix(*mtime, 0)); err == nil {
			err = os.WriteFile(*out, buf.Bytes(), 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "mkarchive:", err)
		os.Exit(1)
	}
}

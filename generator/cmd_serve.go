package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"disclose/generator/build"
)

func cmdServe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	p := build.Preview{Interval: 500 * time.Millisecond, Log: stderr}
	registerBuild(fs, &p.Config)
	fs.StringVar(&p.Addr, "addr", "127.0.0.1:8080", "监听地址")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := build.Serve(ctx, p); err != nil {
		fmt.Fprintln(stderr, "disclose serve:", err)
		return 1
	}
	return 0
}

// Package build is the engine: it runs the stages (load → check → derive
// → render → publish) department by department into an output folder,
// checks a content folder the same way without rendering, loads versions
// for disclose diff and the 修订记录, and serves a preview. The commands in
// package main parse flags, call it and print.
package build

import (
	"errors"
	"os"
	"time"

	"disclose/generator/publish"
	"disclose/generator/web"
)

// Config is what a build reads and where it writes: the command line's
// flags, as values.
type Config struct {
	Content   string // the content folder
	Out       string // the output folder, replaced as a whole
	Templates string // the site's templates; a folder that does not exist means none
	Cache     string // third-party assets and the incremental build's state
	PDF       bool   // the PDF reports too
	Clean     bool   // ignore the incremental build's state

	// The output's lock: fail at once, or wait at most so long (0: wait).
	NoWait      bool
	LockTimeout time.Duration
}

// WebOptions are the renderer's options for this build.
func (c Config) WebOptions() web.Options {
	o := web.Options{Cache: c.Cache}
	if st, err := os.Stat(c.Templates); err == nil && st.IsDir() {
		o.Templates = c.Templates
	}
	return o
}

// Result counts what a build did.
type Result struct {
	Pages, Depts, Rendered int
}

// ErrContent marks a build stopped by errors in the content.
var ErrContent = errors.New("内容有错误，未生成网站")

// ErrNotOurs marks an output folder disclose did not make: it is never
// replaced.
var ErrNotOurs = publish.ErrNotOurs

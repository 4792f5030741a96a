package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"disclose/generator/derive"
	"disclose/generator/gitrev"
	"disclose/generator/semdiff"
)

// side loads one version for a diff: a content folder, or a Git revision
// of the repository's content folder (read through git into a temporary
// folder; the work tree, the index and HEAD are not touched).
func side(arg, content string) (semdiff.Side, func(), error) {
	noop := func() {}
	if st, err := os.Stat(arg); err == nil && st.IsDir() {
		return loadSide(arg, arg), noop, nil
	}
	repo, ok := gitrev.Find(".")
	if !ok {
		return semdiff.Side{}, noop, fmt.Errorf("%q 既不是内容目录，当前目录也不在 Git 仓库中", arg)
	}
	hash, err := repo.Resolve(arg)
	if err != nil {
		return semdiff.Side{}, noop, err
	}
	rel, err := repo.Rel(content)
	if err != nil {
		return semdiff.Side{}, noop, err
	}
	tmp, err := os.MkdirTemp("", "disclose-diff-")
	if err != nil {
		return semdiff.Side{}, noop, err
	}
	cleanup := func() { os.RemoveAll(tmp) }
	if err := repo.Extract(hash, []string{rel}, tmp); err != nil {
		cleanup()
		return semdiff.Side{}, noop, err
	}
	root := filepath.Join(tmp, filepath.FromSlash(rel))
	s := loadSide(root, fmt.Sprintf("%s（%s）", arg, hash[:10]))
	return s, cleanup, nil
}

func loadSide(dir, label string) semdiff.Side {
	site, diags := loadAndCheck(dir)
	return semdiff.Side{Label: label, Root: dir, Site: site, Depts: derive.Site(site), Diags: diags.Sorted()}
}

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
	old, cleanOld, err := side(fs.Arg(0), *content)
	if err != nil {
		fmt.Fprintln(stderr, "disclose diff:", err)
		return 2
	}
	defer cleanOld()
	new, cleanNew, err := side(fs.Arg(1), *content)
	if err != nil {
		fmt.Fprintln(stderr, "disclose diff:", err)
		return 2
	}
	defer cleanNew()
	r := semdiff.Compare(old, new)
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

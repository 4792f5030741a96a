package main

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"sync"

	"disclose/generator/assets"
	"disclose/generator/check"
	"disclose/generator/diag"
	"disclose/generator/load"
	"disclose/generator/model"
	"disclose/generator/pdf"
)

// loadAndCheck runs the first two stages on a content folder and keeps
// the whole site (disclose diff compares it).
func loadAndCheck(dir string) (*model.Site, *diag.List) {
	site, diags := load.Site(dir)
	check.Site(site, diags)
	return site, diags
}

// otherDepartments answers check's question (which department has this
// project?) without holding the site: on the first question it reads each
// department's heading and the names of its project files (a project file
// is named after its code), once.
func otherDepartments(dirs []load.DeptDir) check.Others {
	type owner struct {
		year        int
		code, label string
	}
	var once sync.Once
	var owners []owner
	return func(year int, code string) string {
		once.Do(func() {
			for _, dir := range dirs {
				name, deptCode, y, projects := load.Heading(dir)
				for _, p := range projects {
					owners = append(owners, owner{y, p, name + "（" + deptCode + "）"})
				}
			}
		})
		for _, o := range owners {
			if o.year == year && o.code == code {
				return o.label
			}
		}
		return ""
	}
}

// checkContent checks a content folder department by department, holding
// one department a core at a time (a province's million records are never
// all in memory), and gives the same messages as loadAndCheck.
func checkContent(dir string) *diag.List {
	site, dirs, diags := load.Settings(dir)
	check.Settings(site, diags)
	// The build's glyph check too, so that content check accepts builds
	// with its PDFs; without the fonts (make assets not run yet) the build
	// reports that itself.
	var fonts *pdf.Fonts
	if !diags.HasErrors() {
		fonts, _ = loadFonts(fontFiles(site.Dir, site.PDF.Serif, site.PDF.Sans, site.PDF.Fallback), assets.CacheDir())
	}
	codes := make([]check.Codes, len(dirs))
	others := otherDepartments(dirs)
	inParallel(len(dirs), func(i int) {
		dl := &diag.List{}
		d := load.Department(dirs[i], dl)
		check.DepartmentAmong(site, d, dl, others)
		if fonts != nil && !dl.HasErrors() {
			pdf.CheckGlyphs(fonts, d, dl)
		}
		diags.Merge(dl)
		codes[i] = check.CodesOf(d)
	})
	// The site's order, as load.Site sorts: year, then folder.
	slices.SortStableFunc(codes, func(a, b check.Codes) int { return a.Year - b.Year })
	check.Duplicates(codes, diags)
	return diags
}

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
	diags := checkContent(*content)
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

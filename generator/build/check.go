package build

import (
	"fmt"
	"slices"
	"sync"

	"disclose/generator/assets"
	"disclose/generator/check"
	"disclose/generator/derive"
	"disclose/generator/diag"
	"disclose/generator/load"
	"disclose/generator/model"
	"disclose/generator/pdf"
	"disclose/generator/workers"
)

// Check checks a content folder department by department, holding one
// department a core at a time (a province's million records are never all
// in memory), and gives the same messages as the build.
func Check(dir string) *diag.List {
	site, dirs, diags := load.Settings(dir)
	check.Settings(site, diags)
	// The build's glyph check too, so that content check accepts builds
	// with its PDFs; without the fonts (make assets not run yet) the build
	// reports that itself.
	var fonts *pdf.Fonts
	if !diags.HasErrors() {
		fonts, _ = loadFonts(fontFiles(site), assets.CacheDir())
	}
	codes := make([]check.Codes, len(dirs))
	others := otherDepartments(dirs)
	// Oldest year first: a department's checks across years wait for its
	// previous year's, derived only when a next year needs it.
	prev, order := previousYears(dirs), byYear(dirs)
	slots, needed := make([]*pastSlot, len(dirs)), make([]bool, len(dirs))
	for i := range dirs {
		slots[i] = newPastSlot()
		if prev[i] >= 0 {
			needed[prev[i]] = true
		}
	}
	workers.Each(len(dirs), func(k int) {
		i := order[k]
		defer slots[i].set(nil)
		dl := &diag.List{}
		d := load.Department(dirs[i], dl)
		check.DepartmentAmong(site, d, dl, others)
		var past *derive.PastYear
		if prev[i] >= 0 {
			past = slots[prev[i]].wait()
			check.AcrossYears(site, d, lastYear(past), dl)
		}
		if fonts != nil && !dl.HasErrors() {
			pdf.CheckGlyphs(fonts, d, dl)
		}
		if needed[i] && !dl.HasErrors() {
			slots[i].set(derive.Past(derive.Dept(d), past))
		}
		diags.Merge(dl)
		codes[i] = check.CodesOf(d)
	})
	// The site's order, as load.Site sorts: year, then folder.
	slices.SortStableFunc(codes, func(a, b check.Codes) int { return a.Year - b.Year })
	check.Duplicates(codes, diags)
	return diags
}

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

// Department loads the department of the year with the code (disclose
// export writes it to a workbook); nil when there is none, with the
// departments there are, as their flags.
func Department(content string, year int, code string) (*model.Department, []string, *diag.List) {
	site, diags := load.Site(content)
	if diags.HasErrors() {
		return nil, nil, diags
	}
	var known []string
	for _, d := range site.Departments {
		if d.Year == year && d.Code == code {
			return d, nil, diags
		}
		known = append(known, fmt.Sprintf("--year %d --department %s", d.Year, d.Code))
	}
	return nil, known, diags
}

package load

import (
	"bytes"
	"disclose/generator/textenc"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"

	"disclose/generator/diag"
	"disclose/generator/fileio"
	"disclose/generator/model"
	"disclose/generator/rules"
)

// The files of a content folder, by convention (Hugo-like: the path says
// what a file is).
const (
	SiteFile        = "site.yaml"
	DepartmentFile  = "department.yaml"
	OverallGoalFile = "overall-goal.md"
	MeasuresFile    = "measures.md"
	ProjectsDir     = "projects"
	// ResultsSuffix names a project's monitoring and self-evaluation file,
	// CODE.results.yaml, beside CODE.yaml.
	ResultsSuffix = ".results.yaml"
	// YearRulesFile in a year folder changes the rules for that year.
	YearRulesFile = "rules.yaml"
	builtinRules  = "(内置规则 defaults.yaml)"
)

var yearDir = regexp.MustCompile(`^[0-9]{4}$`)

// DeptDir is a department folder found by Settings, with the rules in
// force for its year.
type DeptDir struct {
	Path  string
	Year  string          // the year folder's name
	Rules *rules.Settings // the site's rules with the year's rules.yaml laid over
	// RulesFile is the year's rules.yaml, "" when the year has none.
	RulesFile string
}

// Site reads the content folder dir: site.yaml, then every
// YEAR/DEPARTMENT/ folder, departments in parallel.
func Site(dir string) (*model.Site, *diag.List) {
	site, depts, diags := Settings(dir)
	site.Departments = make([]*model.Department, len(depts))
	parallel(len(depts), func(i int) {
		site.Departments[i] = Department(depts[i].Path, depts[i].Rules, diags)
	})
	slices.SortStableFunc(site.Departments, func(a, b *model.Department) int {
		if a.Year != b.Year {
			return a.Year - b.Year
		}
		return strings.Compare(a.Dir, b.Dir)
	})
	return site, diags
}

// Settings reads site.yaml and each year's rules.yaml and lists the
// department folders, by year then folder name, without reading them: a
// build reads and renders one department at a time.
func Settings(dir string) (*model.Site, []DeptDir, *diag.List) {
	diags := &diag.List{}
	site := &model.Site{Dir: dir, File: filepath.Join(dir, SiteFile)}
	decodeYAML(builtinRules, rules.DefaultsYAML, &site.Rules, diags)
	data, err := fileio.ReadFile(site.File)
	if err != nil {
		diags.Errorf(diag.Pos{File: site.File}, "missing-file", "", "在内容目录中建立 site.yaml（网站标题、发布机构等）", "读不到网站设置文件：%v", pathError(err))
		return site, nil, diags
	}
	if !decodeYAML(site.File, data, site, diags) {
		return site, nil, diags
	}
	if site.Locale == "" {
		site.Locale = "zh-CN"
	}

	var out []DeptDir
	years, _ := os.ReadDir(dir)
	for _, y := range years {
		if !y.IsDir() || !yearDir.MatchString(y.Name()) {
			continue
		}
		depts, err := os.ReadDir(filepath.Join(dir, y.Name()))
		if err != nil {
			diags.Errorf(diag.Pos{File: filepath.Join(dir, y.Name())}, "missing-file", "", "", "读不到年度目录：%v", pathError(err))
			continue
		}
		yearRules, rulesFile := &site.Rules, ""
		if p := filepath.Join(dir, y.Name(), YearRulesFile); fileExists(p) {
			// The year's rules are laid over the site's, key by key.
			yr := site.Rules
			if data, err := fileio.ReadFile(p); err == nil {
				decodeYAML(p, data, &yr, diags)
			}
			yearRules, rulesFile = &yr, p
		}
		for _, d := range depts {
			if !d.IsDir() {
				continue
			}
			p := filepath.Join(dir, y.Name(), d.Name())
			if _, err := os.Stat(filepath.Join(p, DepartmentFile)); err != nil {
				diags.Errorf(diag.Pos{File: p}, "missing-file", "", "每个部门目录里要有 department.yaml", "部门目录中没有 %s", DepartmentFile)
				continue
			}
			out = append(out, DeptDir{Path: p, Year: y.Name(), Rules: yearRules, RulesFile: rulesFile})
		}
	}
	return site, out, diags
}

// parallel runs f(0..n-1) on all cores.
func parallel(n int, f func(i int)) {
	workers := min(n, max(1, runtimeCPU()))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// Department reads one department folder.
func Department(dir string, rs *rules.Settings, diags *diag.List) *model.Department {
	return DepartmentFrom(dir, rs, diags, fileio.ReadFile)
}

// Heading reads a department's name, code and year from its
// department.yaml, and lists the codes of its projects by their file names
// (a project file is named after its code), without reading the rest.
// Errors are left to Department: this is for hints.
func Heading(dir string) (name, code string, year int, projects []string) {
	var d model.Department
	if data, err := fileio.ReadFile(filepath.Join(dir, DepartmentFile)); err == nil {
		decodeYAML(filepath.Join(dir, DepartmentFile), data, &d, &diag.List{})
	}
	entries, _ := os.ReadDir(filepath.Join(dir, ProjectsDir))
	for _, e := range entries {
		if base, ok := strings.CutSuffix(e.Name(), ".yaml"); ok && !strings.HasSuffix(e.Name(), ResultsSuffix) {
			projects = append(projects, base)
		}
	}
	return d.Name, d.Code, d.Year, projects
}

// ReadFunc reads a whole file; its errors are *fs.PathError.
type ReadFunc func(path string) ([]byte, error)

// DepartmentFrom is Department reading every file through read (a build
// hashes the bytes load reads, rather than reading each file twice).
func DepartmentFrom(dir string, rs *rules.Settings, diags *diag.List, read ReadFunc) *model.Department {
	d := &model.Department{Dir: dir, File: filepath.Join(dir, DepartmentFile), Rules: rs}
	data, err := read(d.File)
	if err != nil {
		diags.Errorf(diag.Pos{File: d.File}, "missing-file", "", "", "读不到部门文件：%v", pathError(err))
		return d
	}
	decodeYAML(d.File, data, d, diags)
	d.OverallGoal = readMarkdown(read, filepath.Join(dir, OverallGoalFile), true, "总体绩效目标", diags)
	d.Measures = readMarkdown(read, filepath.Join(dir, MeasuresFile), true, "工作保障措施", diags)
	d.Projects = readProjects(read, filepath.Join(dir, ProjectsDir), diags)
	readRecords(read, d, rs, diags)
	return d
}

func readProjects(read ReadFunc, dir string, diags *diag.List) []*model.Project {
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		diags.Errorf(diag.Pos{File: dir}, "missing-file", "", "", "读不到项目目录：%v", pathError(err))
	}
	var names []string
	yamls := map[string]bool{}
	for _, e := range entries {
		if e.IsDir() || filepath.Ext(e.Name()) != ".yaml" || strings.HasSuffix(e.Name(), ResultsSuffix) {
			continue
		}
		names = append(names, e.Name())
		yamls[strings.TrimSuffix(e.Name(), ".yaml")] = true
	}
	// Project files are independent: read them on all cores, keep file order.
	projects := make([]*model.Project, len(names))
	parallel(len(names), func(i int) {
		p := &model.Project{File: filepath.Join(dir, names[i])}
		projects[i] = p
		data, err := read(p.File)
		if err != nil {
			diags.Errorf(diag.Pos{File: p.File}, "missing-file", "", "", "读不到项目文件：%v", pathError(err))
			return
		}
		decodeYAML(p.File, data, p, diags)
		base := strings.TrimSuffix(names[i], ".yaml")
		p.Description = readMarkdown(read, filepath.Join(dir, base+".md"), false, "项目说明", diags)
		p.Results = readResults(read, filepath.Join(dir, base+ResultsSuffix), diags)
	})
	for _, e := range entries {
		if base, ok := strings.CutSuffix(e.Name(), ResultsSuffix); ok && !yamls[base] {
			diags.Errorf(diag.Pos{File: filepath.Join(dir, e.Name())}, "orphan-file", "", "文件名与项目的 YAML 文件相同，如 "+base+".yaml 与 "+base+ResultsSuffix,
				"绩效监控与自评文件没有对应的项目文件 %s.yaml", base)
		}
		if base, ok := strings.CutSuffix(e.Name(), ".md"); ok && !yamls[base] {
			diags.Errorf(diag.Pos{File: filepath.Join(dir, e.Name())}, "orphan-file", "", "文件名与项目的 YAML 文件相同，如 "+base+".yaml 与 "+base+".md",
				"项目说明没有对应的项目文件 %s.yaml", base)
		}
	}
	return projects
}

// readMarkdown reads a narrative; a missing required file is an error.
func readMarkdown(read ReadFunc, path string, required bool, what string, diags *diag.List) model.Markdown {
	data, err := read(path)
	if err != nil {
		if required || !os.IsNotExist(err) {
			diags.Errorf(diag.Pos{File: path}, "missing-file", "", "建立此 Markdown 文件，写入"+what, "缺少%s文件：%v", what, pathError(err))
		}
		return model.Markdown{}
	}
	if !textenc.CheckUTF8(path, data, diags) {
		return model.Markdown{File: path}
	}
	return model.Markdown{File: path, Text: string(bytes.TrimPrefix(data, textenc.BOM))}
}

func readRecords(read ReadFunc, d *model.Department, rs *rules.Settings, diags *diag.List) {
	listed := map[string]bool{}
	for i, sf := range d.Spending {
		path := filepath.Join(d.Dir, filepath.FromSlash(sf.File))
		listed[filepath.Clean(path)] = true
		data, err := read(path)
		if err != nil {
			diags.Errorf(sf.At("file"), "missing-file", "spending["+itoa(i+1)+"].file（文件）", "相对于部门目录的路径，如 spending/2021.csv", "读不到支出记录文件 %s：%v", sf.File, pathError(err))
			continue
		}
		recs, _ := readSpending(path, int32(i), data, diags)
		if d.Records == nil {
			d.Records = recs
		} else {
			d.Records = append(d.Records, recs...)
		}
	}
	_ = filepath.WalkDir(d.Dir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && strings.EqualFold(filepath.Ext(p), ".csv") && !listed[filepath.Clean(p)] {
			rel, _ := filepath.Rel(d.Dir, p)
			rs.Report(diags, "unlisted-spending", diag.Pos{File: p}, "", "在 "+d.File+" 的 spending 下列出此文件，或把它移出部门目录",
				"支出记录文件 %s 没有在 department.yaml 的 spending 中列出，未被读取", filepath.ToSlash(rel))
		}
		return nil
	})
}

// pathError drops the Go operation name from a file error.
func pathError(err error) string {
	if os.IsNotExist(err) {
		return "文件不存在"
	}
	var pe *fs.PathError
	if e, ok := err.(*fs.PathError); ok {
		pe = e
		return pe.Err.Error()
	}
	return err.Error()
}

// readResults reads a project's monitoring and self-evaluation, if any.
func readResults(read ReadFunc, path string, diags *diag.List) *model.Results {
	data, err := read(path)
	if os.IsNotExist(err) {
		return nil
	}
	r := &model.Results{File: path}
	if err != nil {
		diags.Errorf(diag.Pos{File: path}, "missing-file", "", "", "读不到绩效监控与自评文件：%v", pathError(err))
		return r
	}
	decodeYAML(path, data, r, diags)
	return r
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

// DefaultRules returns the built-in rules, decoded as site.yaml's would be.
func DefaultRules() *rules.Settings {
	rs := &rules.Settings{}
	diags := &diag.List{}
	decodeYAML(builtinRules, rules.DefaultsYAML, rs, diags)
	if diags.HasErrors() {
		panic(fmt.Sprint("built-in rules do not load: ", diags.Sorted()))
	}
	return rs
}

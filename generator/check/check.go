package check

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"disclose/generator/diag"
	"disclose/generator/model"
	"disclose/generator/money"
	"disclose/generator/rules"
)

// checker carries the rules in force and the list messages go to.
type checker struct {
	rules  *rules.Settings
	diags  *diag.List
	others Others
}

// Others names the department of a year that has a project code, for the
// hint on a spending record filed with the wrong department; "" when none
// has. A build that checks one department at a time passes one that looks
// at the other departments' folders only when such a record turns up.
type Others func(year int, code string) string

func (c *checker) errorf(pos diag.Pos, code, field, hint, format string, args ...any) {
	c.diags.Errorf(pos, code, field, hint, format, args...)
}

func (c *checker) report(code string, pos diag.Pos, field, hint, format string, args ...any) {
	c.rules.Report(c.diags, code, pos, field, hint, format, args...)
}

// Site checks every department of site and adds what it finds to diags.
func Site(site *model.Site, diags *diag.List) {
	Settings(site, diags)
	codes := make([]Codes, len(site.Departments))
	for i, d := range site.Departments {
		Department(site, d, diags)
		codes[i] = CodesOf(d)
	}
	Duplicates(codes, diags)
}

// Settings checks what site.yaml itself sets: the indicator framework of
// its rules and the font files.
func Settings(site *model.Site, diags *diag.List) {
	c := &checker{rules: &site.Rules, diags: diags}
	c.framework()
	c.fonts(site)
	c.volume(site)
	c.controlYAML(site)
	c.basePath(site)
	c.locale(site)
}

// Department checks one department under its year's rules; the other
// departments are site's.
func Department(site *model.Site, d *model.Department, diags *diag.List) {
	DepartmentAmong(site, d, diags, func(year int, code string) string {
		for _, o := range site.Departments {
			if o != d && o.Year == year && o.Project(code) != nil {
				return o.Name + "（" + o.Code + "）"
			}
		}
		return ""
	})
}

// DepartmentAmong checks one department under its year's rules, with
// others to name the department a misfiled record belongs to.
func DepartmentAmong(site *model.Site, d *model.Department, diags *diag.List, others Others) {
	c := &checker{rules: &site.Rules, diags: diags, others: others}
	if d.Rules != nil {
		c.rules = d.Rules
	}
	c.department(site, d)
}

// Codes is what the checks across departments need of one: its code and
// its projects' codes, with where they were written. (A build keeps it for
// departments it does not load again.)
type Codes struct {
	Year     int
	Code     string
	Name     string
	At       diag.Pos
	Projects []ProjectCode
}

// ProjectCode is a project's code and where it was written.
type ProjectCode struct {
	Code string
	At   diag.Pos
}

// CodesOf takes a department's codes.
func CodesOf(d *model.Department) Codes {
	c := Codes{Year: d.Year, Code: d.Code, Name: d.Name, At: d.At("code")}
	for _, p := range d.Projects {
		c.Projects = append(c.Projects, ProjectCode{Code: p.Code, At: p.At("code")})
	}
	return c
}

// CodeList is a department's codes without the places they were written:
// enough to tell whether any is used twice, which is rare (Duplicates then
// needs the places). A build keeps it for every department; the places
// only for when they are needed.
type CodeList struct {
	Year     int
	Code     string
	Projects []string
}

// List is the department's codes without their places.
func (c Codes) List() CodeList {
	l := CodeList{Year: c.Year, Code: c.Code, Projects: make([]string, len(c.Projects))}
	for i, p := range c.Projects {
		l.Projects[i] = p.Code
	}
	return l
}

// Unique says whether Duplicates would find nothing in these departments:
// no department code twice in a year, no project code twice in a year.
func Unique(depts []CodeList) bool {
	// A set of codes a year, made to size: at 10× the province a rebuild
	// asks this of 50,000 projects, and building a key string for each
	// was most of its cost.
	type year struct {
		n               int
		depts, projects map[string]struct{}
	}
	years := map[int]*year{}
	for _, d := range depts {
		if years[d.Year] == nil {
			years[d.Year] = &year{}
		}
		years[d.Year].n += len(d.Projects)
	}
	for _, d := range depts {
		y := years[d.Year]
		if y.projects == nil {
			y.depts, y.projects = map[string]struct{}{}, make(map[string]struct{}, y.n)
		}
		if d.Code != "" {
			if _, dup := y.depts[d.Code]; dup {
				return false
			}
			y.depts[d.Code] = struct{}{}
		}
		for _, p := range d.Projects {
			if p == "" {
				continue
			}
			if _, dup := y.projects[p]; dup {
				return false
			}
			y.projects[p] = struct{}{}
		}
	}
	return true
}

// Duplicates reports a department code used twice in a year, and a project
// code used twice in a year across all departments. depts are in the
// site's order (year, then folder).
func Duplicates(depts []Codes, diags *diag.List) {
	type seen struct {
		pos  diag.Pos
		dept string
	}
	deptAt := map[string]diag.Pos{}
	projects := map[string]seen{}
	for _, d := range depts {
		key := strconv.Itoa(d.Year) + "/" + d.Code
		if first, dup := deptAt[key]; dup && d.Code != "" {
			diags.Errorf(d.At, "duplicate-department", "code（部门编码）", "每个部门每年只有一个目录",
				"%d 年的部门编码 %s 重复，另一处在 %s", d.Year, d.Code, first)
		} else {
			deptAt[key] = d.At
		}
		for _, p := range d.Projects {
			if p.Code == "" {
				continue
			}
			key := strconv.Itoa(d.Year) + "/" + p.Code
			if first, dup := projects[key]; dup {
				diags.Errorf(p.At, "duplicate-project", "code（项目编码）", "项目编码在同一年度内唯一",
					"项目编码 %s 重复：%s（%s）已使用", p.Code, first.pos, first.dept)
				continue
			}
			projects[key] = seen{p.At, d.Name}
		}
	}
}

// fonts checks that the font files site.yaml names exist.
func (c *checker) fonts(site *model.Site) {
	for _, f := range []struct{ key, title, path string }{
		{"serif", "正文字体", site.PDF.Serif}, {"sans", "标题字体", site.PDF.Sans}, {"fallback", "备用字体", site.PDF.Fallback},
	} {
		if f.path == "" {
			continue
		}
		p := f.path
		if !filepath.IsAbs(p) {
			p = filepath.Join(site.Dir, p)
		}
		if st, err := os.Stat(p); err != nil || st.IsDir() {
			c.errorf(site.PDF.At(f.key), "font-file", "pdf."+f.key+"（"+f.title+"）", "TrueType 字体文件（.ttf）的路径，绝对路径或相对于内容目录",
				"找不到字体文件 %s", p)
		}
	}
}

// volume checks that a volume of the combined report holds a department.
func (c *checker) volume(site *model.Site) {
	if v := site.PDF.AnnualVolume; v != nil && *v < 1 {
		c.errorf(site.PDF.At("annual_volume"), "annual-volume", "pdf.annual_volume（合订本每册的部门数上限）", "不小于 1 的整数，默认 100",
			"合订本每册至少一个部门，这里是 %d", *v)
	}
}

// framework checks the rules themselves: a label may name one category only.
func (c *checker) framework() {
	seen := map[string]string{}
	for _, l1 := range c.rules.Framework {
		for _, l2 := range l1.Level2 {
			for _, n := range append([]string{l2.Name}, l2.Aliases...) {
				if other, dup := seen[n]; dup && other != l1.Name {
					c.errorf(l2.At("name"), "framework", "rules.framework", "每个二级指标名称只属于一个一级指标", "二级指标 %s 同时列在 %s 和 %s 下", n, other, l1.Name)
				}
				seen[n] = l1.Name
			}
		}
	}
}

func (c *checker) department(site *model.Site, d *model.Department) {
	if d.Code != "" && filepath.Base(d.Dir) != d.Code {
		c.errorf(d.At("code"), "dir-name", "code（部门编码）", fmt.Sprintf("把目录改名为 %s，或把 code 改为 %s", d.Code, filepath.Base(d.Dir)),
			"部门编码 %s 与目录名 %s 不一致", d.Code, filepath.Base(d.Dir))
	}
	if y := filepath.Base(filepath.Dir(d.Dir)); d.Year != 0 && y != strconv.Itoa(d.Year) {
		c.errorf(d.At("year"), "dir-name", "year（年度）", "把部门目录放到 "+strconv.Itoa(d.Year)+"/ 下，或改正年度",
			"年度 %d 与所在的年度目录 %s 不一致", d.Year, y)
	}
	for i, t := range d.SubTargets {
		if rules.Normalize(t) == "" {
			c.errorf(d.At("sub_targets"), "missing", fmt.Sprintf("sub_targets[%d]（分项绩效目标）", i+1), "写出目标内容或删去此项", "第 %d 项分项绩效目标是空的", i+1)
		}
	}
	c.indicators(d.Indicators, d.Levels, "indicators", d.Source, nil)
	c.specialFunds(d)
	if !d.RecordsThrough.IsZero() && d.Year != 0 && d.RecordsThrough.Year() != d.Year {
		c.errorf(d.At("records_through"), "records-through", "records_through（支出记录截至日期）", fmt.Sprintf("%d 年内的日期", d.Year),
			"截至日期 %s 不在 %d 年度内", d.RecordsThrough, d.Year)
	}
	c.controlYAML(d)
	c.controlRecords(d)
	for _, n := range []struct {
		m          model.Markdown
		file, what string
	}{{d.OverallGoal, "overall-goal.md", "总体绩效目标"}, {d.Measures, "measures.md", "工作保障措施"}} {
		if n.m.File == "" {
			c.report("narrative-missing", diag.Pos{File: joinPath(d.Dir, n.file)}, "", "在 "+n.file+" 写出"+n.what+"；如原文没有公开，可保留（页面说明未公开）",
				"没有%s文件 %s", n.what, n.file)
		}
		c.narrative(n.m, n.what, true)
	}
	for _, p := range d.Projects {
		c.project(d, p)
	}
	spent := c.records(site, d)
	var all money.Fen
	for _, p := range d.Projects {
		s, records := spent[p.Code]
		c.results(d, p, s, records)
		all += s
	}
	c.budgetFigures(table{owner: "部门整体", budget: d.Budget, spent: all, records: len(d.Records) > 0, total: deptTotal(d)}, "budget")
	c.deptEvaluation(d, all, len(d.Records) > 0)
}

func (c *checker) specialFunds(d *model.Department) {
	sf := d.SpecialFunds
	// A department that published only project tables has no special
	// funds part to explain; one that writes the part must fill it.
	if len(sf.Funds) == 0 && rules.Normalize(sf.Explanation) == "" && d.Has("special_funds") {
		c.errorf(sf.At("explanation"), "empty-table", "special_funds.explanation（说明）", "如 我部门"+strconv.Itoa(d.Year)+"年无专项资金预算，特此说明。",
			"没有专项资金时，空表也要公开并说明原因")
	}
	for i, f := range sf.Funds {
		path := fmt.Sprintf("special_funds.funds[%d]", i+1)
		if f.Amount.Fen <= 0 && f.Has("amount") {
			c.errorf(f.At("amount"), "amount-positive", path+".amount（金额（万元））", "大于 0 的金额", "专项资金金额应大于 0")
		}
		c.indicators(f.Indicators, nil, path+".indicators", f.Source, nil)
	}
}

func deptTotal(d *model.Department) money.Fen {
	var total money.Fen
	for _, p := range d.Projects {
		_, adjusted := p.Budgets()
		total += adjusted
	}
	return total
}

func joinPath(dir, rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }

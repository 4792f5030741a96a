package load

import (
	"bytes"
	"errors"
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
	"disclose/generator/markdown"
	"disclose/generator/model"
	"disclose/generator/rules"
	"disclose/generator/textenc"
	"disclose/generator/workers"
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
	// Files reads the content folder's files and nothing else.
	Files *fileio.Guard
}

// Site reads the content folder dir: site.yaml, then every
// YEAR/DEPARTMENT/ folder, departments in parallel.
func Site(dir string) (*model.Site, *diag.List) {
	site, depts, diags := Settings(dir)
	site.Departments = make([]*model.Department, len(depts))
	workers.Each(len(depts), func(i int) {
		site.Departments[i] = Department(depts[i], diags)
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
	files, err := fileio.NewGuard(dir)
	if err != nil {
		diags.Errorf(diag.Pos{File: site.File}, "missing-file", "", readHint(err, "在内容目录中建立 site.yaml（网站标题、发布机构等）"), "读不到网站设置文件：%v", pathError(err))
		return site, nil, diags
	}
	files.Limit = fileLimits(&site.Files)
	data, _, err := files.ReadFile(site.File)
	if err != nil {
		diags.Errorf(diag.Pos{File: site.File}, "missing-file", "", readHint(err, "在内容目录中建立 site.yaml（网站标题、发布机构等）"), "读不到网站设置文件：%v", pathError(err))
		return site, nil, diags
	}
	if !decodeYAML(site.File, data, site, diags) {
		return site, nil, diags
	}
	if site.Locale == "" {
		site.Locale = "zh-CN"
	}
	files = fileSettings(site, diags)
	if files == nil {
		return site, nil, diags
	}
	fontPaths(site, files, diags)

	var out []DeptDir
	years, _ := os.ReadDir(dir)
	for _, y := range years {
		yp := filepath.Join(dir, y.Name())
		if !yearDir.MatchString(y.Name()) || !isFolder(files, yp, y, "年度目录", diags) {
			continue
		}
		depts, err := os.ReadDir(yp)
		if err != nil {
			diags.Errorf(diag.Pos{File: yp}, "missing-file", "", "", "读不到年度目录：%v", pathError(err))
			continue
		}
		yearRules, rulesFile := &site.Rules, ""
		if p := filepath.Join(yp, YearRulesFile); fileExists(p) {
			// The year's rules are laid over the site's, key by key.
			yr := site.Rules
			if data, _, err := files.ReadFile(p); err == nil {
				decodeYAML(p, data, &yr, diags)
			} else {
				diags.Errorf(diag.Pos{File: p}, "missing-file", "", readHint(err, ""), "读不到年度规则文件：%v", pathError(err))
			}
			yearRules, rulesFile = &yr, p
		}
		var folders []string
		for _, d := range depts {
			if p := filepath.Join(yp, d.Name()); isFolder(files, p, d, "部门目录", diags) {
				folders = append(folders, p)
			}
		}
		// (On every core: at 1,000 departments the lookups add up.)
		missing := make([]error, len(folders))
		workers.Each(len(folders), func(i int) {
			_, _, missing[i] = files.Resolve(filepath.Join(folders[i], DepartmentFile))
		})
		for i, p := range folders {
			if err := missing[i]; err != nil {
				if os.IsNotExist(err) {
					diags.Errorf(diag.Pos{File: p}, "missing-file", "", "每个部门目录里要有 department.yaml", "部门目录中没有 %s", DepartmentFile)
				} else {
					diags.Errorf(diag.Pos{File: filepath.Join(p, DepartmentFile)}, "missing-file", "", readHint(err, ""), "读不到部门文件：%v", pathError(err))
				}
				continue
			}
			out = append(out, DeptDir{Path: p, Year: y.Name(), Rules: yearRules, RulesFile: rulesFile, Files: files})
		}
	}
	return site, out, diags
}

// isFolder says whether a folder entry is a folder; a link to one is
// followed when it stays inside the content folder, and one that leads
// out is an error, never skipped silently.
func isFolder(files *fileio.Guard, p string, e fs.DirEntry, what string, diags *diag.List) bool {
	if e.IsDir() {
		return true
	}
	if e.Type()&fs.ModeSymlink == 0 {
		return false
	}
	_, st, err := files.Resolve(p)
	switch {
	case os.IsNotExist(err):
		return false // a broken link (an editor's lock file) is not a folder
	case err != nil:
		diags.Errorf(diag.Pos{File: p}, "file-outside", "", readHint(err, ""), "%s是符号链接，不能读取：%v", what, pathError(err))
		return false
	}
	return st.IsDir()
}

const outsideHint = "把文件移入内容目录（不用符号链接），或在 site.yaml 的 files.allow_outside 中列出它所在的目录"

// Department reads one department folder.
func Department(dir DeptDir, diags *diag.List) *model.Department {
	return DepartmentFrom(dir, diags, func(p string) ([]byte, error) {
		data, _, err := dir.Files.ReadFile(p)
		return data, err
	})
}

// Heading reads a department's name, code and year from its
// department.yaml, and lists the codes of its projects by their file names
// (a project file is named after its code), without reading the rest.
// Errors are left to Department: this is for hints.
func Heading(dir DeptDir) (name, code string, year int, projects []string) {
	var d model.Department
	if data, _, err := dir.Files.ReadFile(filepath.Join(dir.Path, DepartmentFile)); err == nil {
		decodeYAML(filepath.Join(dir.Path, DepartmentFile), data, &d, &diag.List{})
	}
	var entries []fs.DirEntry
	if _, _, err := dir.Files.Resolve(filepath.Join(dir.Path, ProjectsDir)); err == nil {
		entries, _ = os.ReadDir(filepath.Join(dir.Path, ProjectsDir))
	}
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
// hashes the bytes load reads, rather than reading each file twice); read
// must refuse what dir.Files refuses.
func DepartmentFrom(dd DeptDir, diags *diag.List, read ReadFunc) *model.Department {
	dir, rs := dd.Path, dd.Rules
	var mu sync.Mutex
	refused := map[string]bool{} // reported where they were named
	readFile := read
	read = func(p string) ([]byte, error) {
		data, err := readFile(p)
		if err != nil && !os.IsNotExist(err) {
			mu.Lock()
			refused[filepath.Clean(p)] = true
			mu.Unlock()
		}
		return data, err
	}
	d := &model.Department{Dir: dir, File: filepath.Join(dir, DepartmentFile), Rules: rs}
	data, err := read(d.File)
	if err != nil {
		diags.Errorf(diag.Pos{File: d.File}, "missing-file", "", readHint(err, ""), "读不到部门文件：%v", pathError(err))
		return d
	}
	decodeYAML(d.File, data, d, diags)
	// Optional: a department that published only a project form has no
	// narrative; check warns and the pages say it was not published.
	d.OverallGoal = readMarkdown(read, filepath.Join(dir, OverallGoalFile), false, "总体绩效目标", diags)
	d.Measures = readMarkdown(read, filepath.Join(dir, MeasuresFile), false, "工作保障措施", diags)
	d.Projects = readProjects(read, dd.Files, filepath.Join(dir, ProjectsDir), diags)
	readRecords(read, dd.Files, d, rs, refused, diags)
	return d
}

func readProjects(read ReadFunc, files *fileio.Guard, dir string, diags *diag.List) []*model.Project {
	_, _, err := files.Resolve(dir)
	var entries []fs.DirEntry
	if err == nil {
		entries, err = os.ReadDir(dir)
	}
	if err != nil && !os.IsNotExist(err) {
		diags.Errorf(diag.Pos{File: dir}, "missing-file", "", readHint(err, ""), "读不到项目目录：%v", pathError(err))
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
	workers.Each(len(names), func(i int) {
		p := &model.Project{File: filepath.Join(dir, names[i])}
		projects[i] = p
		data, err := read(p.File)
		if err != nil {
			diags.Errorf(diag.Pos{File: p.File}, "missing-file", "", readHint(err, ""), "读不到项目文件：%v", pathError(err))
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
		switch {
		case !os.IsNotExist(err):
			diags.Errorf(diag.Pos{File: path}, "missing-file", "", readHint(err, ""), "读不到%s文件：%v", what, pathError(err))
		case required:
			diags.Errorf(diag.Pos{File: path}, "missing-file", "", "建立此 Markdown 文件，写入"+what, "缺少%s文件：%v", what, pathError(err))
		}
		return model.Markdown{}
	}
	if !textenc.CheckUTF8(path, data, diags) {
		return model.Markdown{File: path}
	}
	text := string(bytes.TrimPrefix(data, textenc.BOM))
	// Parsed here, once: check, web and pdf walk this document.
	return model.Markdown{File: path, Text: text, Doc: markdown.Parse(text)}
}

func readRecords(read ReadFunc, files *fileio.Guard, d *model.Department, rs *rules.Settings, refused map[string]bool, diags *diag.List) {
	listed := map[string]bool{}
	for i, sf := range d.Spending {
		field := "spending[" + itoa(i+1) + "].file（文件）"
		path := filepath.Join(d.Dir, filepath.FromSlash(sf.File))
		if rel, err := filepath.Rel(d.Dir, path); err != nil || filepath.IsAbs(filepath.FromSlash(sf.File)) || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			// The build fingerprints the department's folder: a file read
			// from elsewhere would not make it render again when it changes.
			diags.Errorf(sf.At("file"), "file-outside", field, "相对于部门目录、不含 ../ 的路径，如 spending/2021.csv；放在别处的文件请移入部门目录",
				"支出记录文件 %s 不在部门目录之内，不能读取", sf.File)
			continue
		}
		listed[filepath.Clean(path)] = true
		data, err := read(path)
		if err != nil {
			diags.Errorf(sf.At("file"), "missing-file", field, readHint(err, "相对于部门目录的路径，如 spending/2021.csv"), "读不到支出记录文件 %s：%v", sf.File, pathError(err))
			continue
		}
		recs, _ := readSpending(path, int32(i), data, diags)
		if d.Records == nil {
			d.Records = recs
		} else {
			d.Records = append(d.Records, recs...)
		}
	}
	// Every file in the folder is an input of the build (its fingerprint):
	// one it would refuse is an error here too, read or not.
	_ = files.Walk(d.Dir, func(p string, err error) {
		switch {
		case os.IsNotExist(err): // a broken link (an editor's lock file)
		case err != nil:
			if !refused[filepath.Clean(p)] {
				diags.Errorf(diag.Pos{File: p}, "file-refused", "", readHint(err, ""), "不能读取此文件：%v", pathError(err))
			}
		case strings.EqualFold(filepath.Ext(p), ".csv") && !listed[filepath.Clean(p)]:
			rel, _ := filepath.Rel(d.Dir, p)
			rs.Report(diags, "unlisted-spending", diag.Pos{File: p}, "", "在 "+d.File+" 的 spending 下列出此文件，或把它移出部门目录",
				"支出记录文件 %s 没有在 department.yaml 的 spending 中列出，未被读取", filepath.ToSlash(rel))
		}
	})
}

// pathError says in the user's words why a file could not be read.
func pathError(err error) string {
	if os.IsNotExist(err) {
		return "文件不存在"
	}
	var out *fileio.OutsideError
	var special *fileio.SpecialError
	var large *fileio.TooLargeError
	switch {
	case errors.As(err, &out) && out.Link:
		return "它是指向内容目录之外（" + out.Target + "）的符号链接"
	case errors.As(err, &out):
		return "路径在内容目录之外（" + out.Target + "）"
	case errors.Is(err, fileio.ErrLoop):
		return "目录的符号链接指回它自己所在的目录"
	case errors.As(err, &special):
		return "它不是普通文件，而是" + specialWord(special.Mode)
	case errors.As(err, &large):
		key := "max_spending_mb"
		var pe *fs.PathError
		if errors.As(err, &pe) {
			key = limitKey(pe.Path)
		}
		return fmt.Sprintf("文件大小 %s，超过上限 %s（site.yaml 的 files.%s）", sizeWords(large.Size), sizeWords(large.Limit), key)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// readHint says what would be right for a file the guard refused; def
// otherwise.
func readHint(err error, def string) string {
	var out *fileio.OutsideError
	var special *fileio.SpecialError
	var large *fileio.TooLargeError
	switch {
	case errors.As(err, &out), errors.Is(err, fileio.ErrLoop):
		return outsideHint
	case errors.As(err, &special):
		return "内容目录中只放普通文件"
	case errors.As(err, &large):
		var pe *fs.PathError
		key := "max_spending_mb"
		if errors.As(err, &pe) {
			key = limitKey(pe.Path)
		}
		return "检查文件是否正确；确需更大的文件，在 site.yaml 的 files." + key + " 中调高上限"
	}
	return def
}

func specialWord(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "命名管道（FIFO）"
	case m&fs.ModeSocket != 0:
		return "套接字"
	case m&fs.ModeDevice != 0:
		return "设备文件"
	}
	return "特殊文件"
}

// sizeWords writes a byte count in MB (exact to the byte below 1 MB).
func sizeWords(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d 字节", n)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// limitKey names the setting that limits a file of this name.
func limitKey(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md":
		return "max_markdown_mb"
	case ".yaml", ".yml":
		return "max_yaml_mb"
	case ".ttf", ".otf", ".ttc":
		return "max_font_mb"
	}
	return "max_spending_mb"
}

// fileLimits gives the byte limit of a content file by its name; a file
// of another kind has the largest limit.
func fileLimits(fs *model.FileSettings) func(string) int64 {
	mb := func(v *int, def int) int64 {
		if v != nil && *v > 0 {
			return int64(*v) << 20
		}
		return int64(def) << 20
	}
	limits := map[string]int64{
		"max_spending_mb": mb(fs.MaxSpendingMB, model.DefaultMaxSpendingMB),
		"max_markdown_mb": mb(fs.MaxMarkdownMB, model.DefaultMaxMarkdownMB),
		"max_yaml_mb":     mb(fs.MaxYAMLMB, model.DefaultMaxYAMLMB),
		"max_font_mb":     mb(fs.MaxFontMB, model.DefaultMaxFontMB),
	}
	largest := int64(0)
	for _, l := range limits {
		largest = max(largest, l)
	}
	return func(name string) int64 {
		key := limitKey(name)
		if key == "max_spending_mb" && !strings.EqualFold(filepath.Ext(name), ".csv") {
			return largest
		}
		return limits[key]
	}
}

// fileSettings checks site.yaml's files settings and returns the Guard
// they describe, nil when they are wrong.
func fileSettings(site *model.Site, diags *diag.List) *fileio.Guard {
	fsets := &site.Files
	ok := true
	for _, f := range []struct {
		key string
		v   *int
	}{{"max_spending_mb", fsets.MaxSpendingMB}, {"max_markdown_mb", fsets.MaxMarkdownMB}, {"max_yaml_mb", fsets.MaxYAMLMB}, {"max_font_mb", fsets.MaxFontMB}} {
		if f.v != nil && (*f.v <= 0 || *f.v > 1<<20) {
			diags.Errorf(fsets.At(f.key), "bad-value", "files."+f.key, "以 MB 计的正整数，如 256", "文件大小上限应为正整数（MB），这里是 %d", *f.v)
			ok = false
		}
	}
	var allowed []string
	for i, a := range fsets.AllowOutside {
		p := a
		if !filepath.IsAbs(p) {
			p = filepath.Join(site.Dir, p)
		}
		if st, err := os.Stat(p); err != nil || !st.IsDir() {
			diags.Errorf(fsets.At("allow_outside"), "bad-value", fmt.Sprintf("files.allow_outside[%d]（允许读取的外部目录）", i+1), "已有目录的绝对路径，如 /usr/share/fonts", "找不到目录 %s", a)
			ok = false
			continue
		}
		allowed = append(allowed, p)
	}
	if !ok {
		return nil
	}
	files, err := fileio.NewGuard(site.Dir, allowed...)
	if err != nil {
		diags.Errorf(diag.Pos{File: site.File}, "missing-file", "", "", "读不到内容目录：%v", pathError(err))
		return nil
	}
	files.Limit = fileLimits(fsets)
	return files
}

// fontPaths refuses the font files of site.yaml that the build may not
// read (special, too large); a missing one is check's to report. A font
// may be outside the content folder: an officer names the 仿宋 of their
// own system, and a font is parsed, never published as text.
func fontPaths(site *model.Site, files *fileio.Guard, diags *diag.List) {
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
		g, err := fileio.NewGuard(filepath.Dir(p))
		if err == nil {
			g.Limit = files.Limit
			_, _, err = g.Resolve(p)
		}
		if err != nil && !os.IsNotExist(err) {
			diags.Errorf(site.PDF.At(f.key), "file-refused", "pdf."+f.key+"（"+f.title+"）", "普通的 TrueType 字体文件（.ttf）",
				"不能读取字体文件 %s：%v", f.path, pathError(err))
		}
	}
}

// readResults reads a project's monitoring and self-evaluation, if any.
func readResults(read ReadFunc, path string, diags *diag.List) *model.Results {
	data, err := read(path)
	if os.IsNotExist(err) {
		return nil
	}
	r := &model.Results{File: path}
	if err != nil {
		diags.Errorf(diag.Pos{File: path}, "missing-file", "", readHint(err, ""), "读不到绩效监控与自评文件：%v", pathError(err))
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

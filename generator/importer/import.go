// Package importer brings existing disclosures in: it reads the Excel
// workbooks and CSV files officers already have, laid out as the official
// 绩效目标表 and 绩效自评表, finds their tables by what the headers say
// (not by fixed positions), and writes content in our format, with a
// report of everything it could not place, by sheet, row and column. It
// also writes a department back as a workbook in the same layout.
package importer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"disclose/generator/model"
	"disclose/generator/money"
)

// Options says where imported content goes.
type Options struct {
	Out     string // the content folder
	Year    int
	Code    string // the department's code (its folder)
	Name    string // the department's name, when the forms do not say
	Publish string // the publisher, when the forms do not say
	Limits  Limits // sizes of the files read
}

// Note is something the importer could not place or had to change.
type Note struct {
	Where   string `json:"where"`
	Message string `json:"message"`
}

// Report lists the notes of an import.
type Report struct {
	Notes []Note
	Files []string // written, relative to the content folder
}

func (r *Report) add(where, format string, args ...any) {
	r.Notes = append(r.Notes, Note{Where: where, Message: fmt.Sprintf(format, args...)})
}

// Import reads the forms in paths and writes a department into o.Out. It
// writes nothing unless everything was read, and never overwrites a file.
func Import(paths []string, o Options) (*Report, error) {
	if why := nameProblem(o.Code); why != "" {
		return nil, fmt.Errorf("部门编码 %q 不能用作目录名：%s", o.Code, why)
	}
	lim := o.Limits.orDefaults()
	rep := &Report{}
	var forms []*form
	var grids []*Grid
	for _, p := range paths {
		gs, err := readFile(p, lim)
		if err != nil {
			return nil, err
		}
		for i := range gs {
			f := readForm(&gs[i], o.Year, rep)
			if len(f.indicators) == 0 && len(f.fields) == 0 && len(f.records) == 0 && !isRecords(&gs[i]) && !isMonitoring(&gs[i]) {
				rep.add(gs[i].Where(0, 0), "没有找到可识别的绩效表格（表头应有 一级指标、三级指标、指标值 等），整张表未导入")
				continue
			}
			forms = append(forms, f)
			grids = append(grids, &gs[i])
		}
	}
	if len(forms) == 0 {
		var b strings.Builder
		for _, n := range rep.Notes {
			b.WriteString("\n  " + n.Where + "：" + n.Message)
		}
		return nil, fmt.Errorf("%w：没有找到可导入的表格，什么也没有写入%s", ErrNotForm, b.String())
	}
	d, err := assemble(forms, grids, o, rep)
	if err != nil {
		return nil, err
	}
	if err := write(d, o, rep); err != nil {
		return nil, err
	}
	return rep, nil
}

// isRecords tells a sheet of spending records by its header.
func isRecords(g *Grid) bool {
	if len(g.Rows) == 0 {
		return false
	}
	h := strings.Join(g.Rows[0], "|")
	return strings.Contains(h, "日期") && strings.Contains(h, "金额") && (strings.Contains(h, "项目编码") || strings.Contains(h, "项目代码"))
}

func isMonitoring(g *Grid) bool {
	return len(g.Rows) > 0 && slices.Contains(g.Rows[0], "完成预判")
}

// imported is the department the forms describe.
type imported struct {
	dept     *model.Department
	projects []*model.Project
	records  map[string][][]string // spending file → rows (with header)
}

func assemble(forms []*form, grids []*Grid, o Options, rep *Report) (*imported, error) {
	d := &model.Department{Code: o.Code, Year: o.Year, Name: o.Name, Publisher: o.Publish}
	out := &imported{dept: d, records: map[string][][]string{}}
	byCode := map[string]*model.Project{}
	var deptForm *form
	for i, f := range forms {
		g := grids[i]
		switch {
		case isRecords(g):
			name := "spending/imported.csv"
			if base, ok := strings.CutPrefix(g.Sheet, "支出记录 "); ok {
				if why := nameProblem(base + ".csv"); why != "" {
					return nil, fmt.Errorf("%s：工作表名 %q 中的 %q 不能用作文件名：%s；请在 Excel 中改工作表名", g.Where(0, 0), g.Sheet, base, why)
				}
				name = "spending/" + base + ".csv"
			}
			if _, dup := out.records[name]; dup {
				return nil, fmt.Errorf("%s：这张支出记录表和前面的一张都要写入 %s；导入不会合并或覆盖，请分开导入或改工作表名", g.Where(0, 0), name)
			}
			out.records[name] = g.Rows
			continue
		case isMonitoring(g):
			readMonitoring(g, byCode, rep)
			continue
		}
		code, name := f.fields["code"], f.fields["name"]
		if code == "" && name == "" {
			if deptForm == nil && (len(f.indicators) > 0 || f.fields["overall"] != "") {
				deptForm = f
				continue
			}
		}
		if code == "" {
			code = fmt.Sprintf("IMPORT-%03d", len(out.projects)+1)
			rep.add(g.Where(0, 0), "表格中没有项目编码，暂用 %s，请改为预算系统中的编码（文件名随之改）", code)
		} else if why := nameProblem(code); why != "" {
			// The code names the project's files: refused, not rewritten,
			// since it is the project's identity.
			return nil, fmt.Errorf("%s：项目编码 %q 不能用作文件名：%s；请在表格中改正", f.where["code"], code, why)
		}
		p := byCode[code]
		if p == nil {
			p = &model.Project{Code: code}
			byCode[code] = p
			out.projects = append(out.projects, p)
		}
		fillProject(p, f, o, g, rep)
	}
	for _, p := range out.projects {
		if p.Results != nil && p.Results.Evaluation != nil && len(p.Indicators) == 0 {
			rep.add(p.Code, "只有自评表，绩效指标按自评表的年度指标值导入")
		}
	}
	fillDepartment(d, deptForm, o, rep)
	d.Projects = out.projects
	for name := range out.records {
		sf := model.SpendingFile{File: name}
		if deptForm != nil {
			for _, m := range deptForm.spending {
				if m.File == name {
					sf = m
				}
			}
		}
		d.Spending = append(d.Spending, sf)
	}
	slices.SortFunc(d.Spending, func(a, b model.SpendingFile) int { return strings.Compare(a.File, b.File) })
	return out, nil
}

func fillDepartment(d *model.Department, f *form, o Options, rep *Report) {
	if f == nil {
		f = &form{fields: map[string]string{}, where: map[string]string{}}
	}
	if d.Name == "" {
		d.Name = f.fields["dept"]
	}
	if d.Publisher == "" {
		d.Publisher = cmpOr(f.fields["publisher"], d.Name)
	}
	d.Title = cmpOr(f.fields["title"], fmt.Sprintf("%d年部门整体绩效目标", d.Year))
	if pub, err := model.ParseDate(f.fields["published"]); err == nil {
		d.Published = pub
	} else if s, ok := serialDate(f.fields["published"]); ok {
		d.Published, _ = model.ParseDate(s)
	} else {
		d.Published, _ = model.NewDate(d.Year, 1, 1)
		rep.add("部门", "表格中没有发布日期，暂填 %s，请改为实际发布日期", d.Published)
	}
	d.SubTargets = f.subtargets
	if d.SubTargets == nil {
		d.SubTargets = []string{}
	}
	d.Indicators = f.indicators
	if d.Indicators == nil {
		d.Indicators = []model.Indicator{}
	}
	d.MeasuresTitle = f.fields["measures_heading"]
	d.OverallGoal.Text = f.fields["overall"]
	d.Measures.Text = f.fields["measures"]
	for _, x := range []struct {
		text *string
		what string
	}{{&d.OverallGoal.Text, "总体绩效目标"}, {&d.Measures.Text, "工作保障措施"}} {
		if *x.text == "" {
			*x.text = "（导入的表格中没有" + x.what + "，请补充。）"
			rep.add("部门", "表格中没有%s，已留出待补充的文字", x.what)
		}
	}
	d.SpecialFunds.Explanation = f.fields["special_explanation"]
	if d.SpecialFunds.Explanation == "" {
		d.SpecialFunds.Explanation = "（导入的表格中没有专项资金，请核实后说明。）"
		rep.add("部门", "表格中没有专项资金，已留出待补充的说明")
	}
	if t, err := model.ParseDate(f.fields["records_through"]); err == nil {
		d.RecordsThrough = t
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func fillProject(p *model.Project, f *form, o Options, g *Grid, rep *Report) {
	if p.Name == "" {
		p.Name = f.fields["name"]
	}
	if f.hasEval {
		r := p.Results
		if r == nil {
			r = &model.Results{}
			p.Results = r
		}
		if a, ok := amount(f.fields["initial"], false); ok {
			r.Budget.Initial = &a
		}
		if a, ok := amount(f.fields["adjusted"], false); ok {
			r.Budget.Adjusted = &a
		}
		if f.fields["executed"] != "" {
			rep.add(f.where["executed"], "全年执行数 %s 万元 不能代替支出记录，未导入；执行数由支出记录计算", f.fields["executed"])
		}
		r.Evaluation = &model.Evaluation{Explanation: f.fields["explanation"], Indicators: f.results}
		r.Illustrative = f.fields["illustrative"] == "是"
		r.Note = f.fields["note"]
		if len(p.Indicators) == 0 {
			p.Indicators = f.indicators
		}
		if p.Total.Fen == 0 && r.Budget.Adjusted != nil {
			p.Total = *r.Budget.Adjusted
		}
		return
	}
	p.Template = f.fields["template"]
	p.Purpose = f.fields["purpose"]
	p.Indicators = f.indicators
	p.Plan = f.plan
	p.Targets = f.targets
	p.Description.Text = f.description
	if a, ok := amount(f.fields["total"], false); ok {
		p.Total = a
	}
	p.BudgetLines = f.lines
	p.Funds = f.funds
	if len(p.Funds) == 0 {
		if a, ok := amount(f.fields["fiscal"], false); ok && a.Fen > 0 {
			p.Funds = append(p.Funds, model.Fund{Kind: "一般公共预算", Amount: a})
		}
		if a, ok := amount(f.fields["other"], false); ok && a.Fen > 0 {
			p.Funds = append(p.Funds, model.Fund{Kind: "其他资金", Amount: a})
		}
	}
	var lines money.Fen
	for _, l := range p.BudgetLines {
		lines += l.Amount.Fen
	}
	if p.Total.Fen == 0 && lines > 0 {
		p.Total = wan(lines)
		rep.add(g.Where(0, 0), "表格中没有资金总额，按预算明细合计 %s万元 导入", p.Total)
	}
	if len(p.Funds) == 0 && p.Total.Fen > 0 {
		p.Funds = []model.Fund{{Kind: "一般公共预算", Amount: p.Total}}
		rep.add(g.Where(0, 0), "表格中没有资金来源，按一般公共预算 %s万元 导入", p.Total)
	}
	if len(p.BudgetLines) == 0 && p.Total.Fen > 0 {
		p.BudgetLines = []model.BudgetLine{{Name: "项目资金", Amount: p.Total}}
		rep.add(g.Where(0, 0), "表格中没有预算明细，按一行“项目资金” %s万元 导入；支出记录的资金用途须与之一致", p.Total)
	}
	if len(p.Plan) == 0 {
		rep.add(g.Where(0, 0), "表格中没有资金支出计划")
	}
}

func readMonitoring(g *Grid, byCode map[string]*model.Project, rep *Report) {
	head := map[string]int{}
	for c, h := range g.Rows[0] {
		head[norm(h)] = c
	}
	cell := func(r int, k string) string {
		if c, ok := head[k]; ok {
			return g.Cell(r, c)
		}
		return ""
	}
	for r := 1; r < len(g.Rows); r++ {
		code := cell(r, "项目编码")
		p := byCode[code]
		if p == nil {
			rep.add(g.Where(r, 0), "监控记录的项目 %q 不在导入的项目中，未导入", code)
			continue
		}
		d, err := model.ParseDate(cell(r, "监控日期"))
		if err != nil {
			rep.add(g.Where(r, 0), "监控日期 %q 无法识别，未导入", cell(r, "监控日期"))
			continue
		}
		if p.Results == nil {
			p.Results = &model.Results{}
		}
		var s *model.Snapshot
		for i := range p.Results.Monitoring {
			if p.Results.Monitoring[i].Date == d {
				s = &p.Results.Monitoring[i]
			}
		}
		if s == nil {
			p.Results.Monitoring = append(p.Results.Monitoring, model.Snapshot{Date: d, Label: cell(r, "名称")})
			s = &p.Results.Monitoring[len(p.Results.Monitoring)-1]
		}
		s.Indicators = append(s.Indicators, model.Outlook{Name: cell(r, "三级指标"), Outlook: cell(r, "完成预判"), Actual: cell(r, "当前实际值"),
			Progress: cell(r, "当前完成情况"), Cause: cell(r, "原因分析"), Remedy: cell(r, "改进措施")})
	}
}

// write emits the department into a temporary folder inside o.Out, then
// moves it in with one rename that refuses an existing target (a folder
// that appears meanwhile included); site.yaml likewise, only when there is
// none. Every path is built from checked names, inside o.Out.
func write(d *imported, o Options, rep *Report) error {
	year := fmt.Sprint(o.Year)
	deptDir := filepath.Join(o.Out, year, o.Code)
	exists := func() error {
		return fmt.Errorf("%s 已经存在；导入不会覆盖已有的内容，请换一个部门编码或先移走该目录", deptDir)
	}
	if _, err := os.Lstat(deptDir); err == nil {
		return exists()
	}
	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(o.Out, ".import-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	files, err := emit(d, o, tmp)
	if err != nil {
		return err
	}
	yearDir := filepath.Join(o.Out, year)
	if err := os.MkdirAll(yearDir, 0o755); err != nil {
		return err
	}
	if err := insideRoot(o.Out, yearDir); err != nil {
		return err
	}
	if err := renameNoReplace(filepath.Join(tmp, year, o.Code), deptDir); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return exists()
		}
		return err
	}
	err = renameNoReplace(filepath.Join(tmp, "site.yaml"), filepath.Join(o.Out, "site.yaml"))
	if errors.Is(err, fs.ErrExist) {
		files = slices.DeleteFunc(files, func(f string) bool { return f == "site.yaml" })
	} else if err != nil {
		return err
	}
	rep.Files = files
	return nil
}

// insideRoot refuses dir when, links followed, it is not inside root: a year
// folder linked elsewhere would take the import out of --out.
func insideRoot(root, dir string) error {
	r, err := filepath.EvalSymlinks(root)
	if err != nil {
		return err
	}
	d, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return err
	}
	if rel, err := filepath.Rel(r, d); err != nil || !filepath.IsLocal(rel) {
		return fmt.Errorf("%s 是指向 %s 的链接，在内容目录 %s 之外；导入只写入内容目录", dir, d, root)
	}
	return nil
}

// renameChecked is renameNoReplace where the system has no such rename:
// the check and the rename are two steps.
func renameChecked(from, to string) error {
	if _, err := os.Lstat(to); err == nil {
		return &os.LinkError{Op: "rename", Old: from, New: to, Err: fs.ErrExist}
	}
	return os.Rename(from, to)
}

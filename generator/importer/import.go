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
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"disclose/generator/model"
	"disclose/generator/money"
	"disclose/generator/num"
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
			for _, g := range segments(&gs[i]) {
				f := readForm(g, o.Year, rep)
				if len(f.indicators) == 0 && len(f.fields) == 0 && len(f.records) == 0 && !isRecords(g) && !isMonitoring(g) {
					rep.read(fileAt(g), "没有找到可识别的绩效表格（表头应有 一级指标、三级指标、指标值 等），整张表未导入")
					continue
				}
				forms = append(forms, f)
				grids = append(grids, g)
			}
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

// segments splits a grid holding several forms (one project each, as 02
// prints two) at the title rows before each further 项目名称. Rows keep
// their places, so every cell is reported where it is in the file.
func segments(g *Grid) []*Grid {
	var starts []int
	for r := range g.Rows {
		for c := range g.Rows[r] {
			if labelOf(g.Cell(r, c)) == "name" {
				starts = append(starts, r)
				break
			}
		}
	}
	if len(starts) < 2 {
		return []*Grid{g}
	}
	cuts := []int{0}
	for _, s := range starts[1:] {
		k := s
		for k > cuts[len(cuts)-1]+1 && nonEmptyCells(g, k-1) == 1 && !strings.HasPrefix(canon(g.Cell(k-1, 0)), "总分") {
			k--
		}
		cuts = append(cuts, k)
	}
	cuts = append(cuts, len(g.Rows))
	var out []*Grid
	for i := 0; i+1 < len(cuts); i++ {
		rows := make([][]string, len(g.Rows))
		copy(rows[cuts[i]:cuts[i+1]], g.Rows[cuts[i]:cuts[i+1]])
		out = append(out, &Grid{File: g.File, Sheet: g.Sheet, Rows: rows})
	}
	return out
}

func nonEmptyCells(g *Grid, r int) int {
	n := 0
	for c := range g.Rows[r] {
		if g.Cell(r, c) != "" {
			n++
		}
	}
	return n
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
	heads := map[string]string{}
	headsAt := map[string]place{}
	var deptForm *form
	starts := map[string]place{}
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
		if n, c := splitCode(f.fields["name"]); c != "" && f.fields["code"] == "" {
			f.fields["name"], f.fields["code"] = n, c
			f.where["code"] = f.where["name"]
			rep.assume(f.where["name"], "项目名称中的编码 %s 作为项目编码", c)
		}
		for _, k := range []string{"dept", "supervisor", "unit", "formtitle", "published", "province", "central"} {
			if heads[k] == "" && f.fields[k] != "" {
				heads[k], headsAt[k] = f.fields[k], f.where[k]
			}
		}
		code, name := f.fields["code"], f.fields["name"]
		if code == "" && name == "" {
			if deptForm == nil && (len(f.indicators) > 0 || f.fields["overall"] != "" || f.total != nil || f.hasEval || f.fields["dept"] != "" || len(f.funds) > 0) {
				deptForm = f
				continue
			}
		}
		if code == "" {
			code = fmt.Sprintf("IMPORT-%03d", len(out.projects)+1)
			rep.supply(f.start, "表格中没有项目编码，暂用 %s，请改为预算系统中的编码（文件名随之改）", code)
		} else if why := nameProblem(code); why != "" {
			// The code names the project's files: refused, not rewritten,
			// since it is the project's identity.
			return nil, fmt.Errorf("%s：项目编码 %q 不能用作文件名：%s；请在表格中改正", f.where["code"].where(), code, why)
		}
		p := byCode[code]
		if p == nil {
			p = &model.Project{Code: code}
			byCode[code] = p
			out.projects = append(out.projects, p)
			starts[code] = f.start
		}
		fillProject(p, f, o, g, rep)
		rep.read(f.start, "%s", tableSummary(p, f))
	}
	for _, p := range out.projects {
		if p.Results != nil && p.Results.Evaluation != nil && len(p.Indicators) == 0 {
			rep.assume(starts[p.Code], "项目 %s 只有自评表，绩效指标按自评表的年度指标值导入", p.Code)
		}
	}
	first := place{row: -1}
	if len(forms) > 0 {
		first = forms[0].start
	}
	selfEval := false
	for _, f := range forms {
		selfEval = selfEval || f.hasEval || f.monitor != nil
	}
	fillDepartment(d, deptForm, heads, headsAt, first, selfEval, o, rep)
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

func fillDepartment(d *model.Department, f *form, heads map[string]string, headsAt map[string]place, first place, selfEval bool, o Options, rep *Report) {
	if f == nil {
		f = &form{fields: map[string]string{}, where: map[string]place{}, start: first}
	} else {
		first = f.start
	}
	nameDepartment(d, f, heads, headsAt, first, selfEval, rep)
	if f.hasEval || len(f.indicators) > 0 {
		rep.read(f.start, "%s", deptSummary(f))
	}
	d.Title = cmpOr(f.fields["title"], cmpOr(f.fields["formtitle"], cmpOr(heads["formtitle"], fmt.Sprintf("%d年部门整体绩效目标", d.Year))))
	published, at := f.fields["published"], f.where["published"]
	if published == "" {
		published, at = heads["published"], headsAt["published"]
	}
	if t, ok := chineseDate(published); ok {
		published = t
	}
	if pub, err := model.ParseDate(published); err == nil {
		d.Published = pub
		rep.read(at, "发布日期 %s", pub)
	} else if s, ok := serialDate(published); ok {
		d.Published, _ = model.ParseDate(s)
		rep.assume(at, "发布日期是 Excel 日期序号 %s，已转为 %s", published, s)
	} else {
		// A self-evaluation is published after its year; a form that
		// prints no date is taken as of the year's last day.
		d.Published, _ = model.NewDate(d.Year, 12, 31)
		rep.assume(first, "表格中没有发布日期，暂按年度最后一天 %s；请改为实际发布日期", d.Published)
	}
	d.SubTargets = f.subtargets
	if d.SubTargets == nil {
		d.SubTargets = []string{}
	}
	d.Indicators = f.indicators
	if d.Indicators == nil {
		d.Indicators = []model.Indicator{}
	}
	d.Levels = f.levels
	if f.hasEval {
		d.Evaluation = evaluation(f)
	}
	if f.total != nil {
		d.Budget.Initial = f.total
		for _, fu := range f.funds {
			d.Budget.Rows = append(d.Budget.Rows, model.BudgetRow{Name: fu.Kind, Initial: &fu.Amount})
		}
	}
	d.MeasuresTitle = f.fields["measures_heading"]
	d.OverallGoal.Text = f.fields["overall"]
	d.Measures.Text = f.fields["measures"]
	// What the forms do not hold is left out, never filled with words that
	// would be published: the pages say a part was not published, and the
	// report asks the officer for it.
	for _, x := range []struct{ text, what, file string }{
		{d.OverallGoal.Text, "总体绩效目标", "overall-goal.md"}, {d.Measures.Text, "工作保障措施", "measures.md"},
	} {
		if x.text == "" {
			rep.supply(first, "表格中没有%s：页面将说明未公开；如有，写入部门目录的 %s", x.what, x.file)
		}
	}
	d.SpecialFunds.Explanation = f.fields["special_explanation"]
	if d.SpecialFunds.Explanation == "" {
		rep.supply(first, "表格中没有专项资金：页面将说明未公开；如有，在 department.yaml 的 special_funds 写出")
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
	p.Category = cmpOr(p.Category, f.fields["category"])
	p.Supervisor = cmpOr(p.Supervisor, cmpOr(f.fields["supervisor"], cmpOr(f.fields["central"], f.fields["province"])))
	p.Implementer = cmpOr(p.Implementer, f.fields["unit"])
	p.Office = cmpOr(p.Office, f.fields["office"])
	p.Manager = cmpOr(p.Manager, f.fields["manager"])
	if len(p.Targets) == 0 {
		p.Targets = f.targets
	}
	if f.hasEval || f.monitor != nil || f.budget != nil {
		r := p.Results
		if r == nil {
			r = &model.Results{}
			p.Results = r
		}
		if f.budget != nil {
			r.Budget = *f.budget
		}
		if a, ok := amount(f.fields["initial"], f.yuan); ok && r.Budget.Initial == nil {
			r.Budget.Initial = &a
		}
		if a, ok := amount(f.fields["adjusted"], f.yuan); ok && r.Budget.Adjusted == nil {
			r.Budget.Adjusted = &a
		}
		if a, ok := amount(f.fields["executed"], f.yuan); ok && r.Budget.Executed == nil {
			r.Budget.Executed = &a
		}
		r.Illustrative = f.fields["illustrative"] == "是"
		r.Note = f.fields["note"]
		if r.Note == "无" {
			r.Note = ""
		}
		if len(p.Indicators) == 0 {
			p.Indicators = f.indicators
			p.Levels = f.levels
		}
		if f.hasEval {
			r.Evaluation = evaluation(f)
		}
		if m := f.monitor; m != nil {
			s := model.Snapshot{Executed: f.toDate, Projected: f.projected, Indicators: m.outlooks}
			month := m.month
			if month == 0 {
				month = 6
				rep.assume(m.where, "表头没有写明监控到几月（1-N月），监控日期暂按 %d-06-30，请改正", o.Year)
			}
			s.Label = fmt.Sprintf("1-%d月绩效运行监控", month)
			s.Date = monthEnd(o.Year, month)
			r.Monitoring = append(r.Monitoring, s)
		}
		if p.Total.Fen == 0 && f.total == nil {
			switch {
			case r.Budget.Adjusted != nil:
				p.Total = *r.Budget.Adjusted
			case r.Budget.Initial != nil:
				p.Total = *r.Budget.Initial
			}
		}
		if f.total != nil {
			p.Total = *f.total
		}
		levelSums(p, f)
		return
	}
	p.Template = f.fields["template"]
	p.Purpose = f.fields["purpose"]
	p.Indicators = f.indicators
	p.Levels = f.levels
	p.Plan = f.plan
	p.Description.Text = f.description
	if f.total != nil {
		p.Total = *f.total
	} else if a, ok := amount(f.fields["total"], f.yuan); ok {
		p.Total = a
	}
	p.BudgetLines = f.lines
	p.Funds = f.funds
	if len(p.Funds) == 0 {
		if a, ok := amount(f.fields["fiscal"], f.yuan); ok && a.Fen > 0 {
			p.Funds = append(p.Funds, model.Fund{Kind: "一般公共预算", Amount: a})
		}
		if a, ok := amount(f.fields["other"], f.yuan); ok && a.Fen > 0 {
			p.Funds = append(p.Funds, model.Fund{Kind: "其他资金", Amount: a})
		}
	}
	var lines money.Fen
	for _, l := range p.BudgetLines {
		lines += l.Amount.Fen
	}
	if p.Total.Fen == 0 && f.total == nil && len(p.Funds) > 0 {
		var sum money.Fen
		places := 0
		for _, fu := range p.Funds {
			sum += fu.Amount.Fen
			places = max(places, fu.Amount.Places)
		}
		p.Total = money.Amount{Fen: sum, Places: places, Yuan: f.yuan}
		at, ok := f.where["total"]
		if !ok {
			at = f.start
		}
		rep.assume(at, "资金总额一行没有金额，按各资金来源合计 %s 导入", p.Total.Published())
	}
	if p.Total.Fen == 0 && lines > 0 {
		p.Total = wan(lines)
		rep.assume(f.start, "表格中没有资金总额，按预算明细合计 %s万元 导入", p.Total)
	}
	if p.Total.Fen == 0 && f.total == nil && f.fields["total"] == "" {
		rep.supply(f.start, "表格中没有资金总额，暂按 0 导入；请补充")
	}
	if len(p.Plan) == 0 {
		rep.read(f.start, "表格中没有资金支出计划（可不填；不填时不计算计划偏差）")
	}
}

// evaluation is a form's self-evaluation with what it printed.
func evaluation(f *form) *model.Evaluation {
	e := &model.Evaluation{Explanation: f.fields["explanation"], Indicators: f.results, Summary: f.summary}
	if e.Indicators == nil {
		e.Indicators = []model.Result{}
	}
	if w := f.execWeight; w != nil && w.String() != "10" {
		e.ExecutionWeight = w
	}
	pub := &model.Published{ExecutionRate: f.execRate, ExecutionScore: f.execScore, Subtotals: f.subtotals, Total: f.totalScore, Grade: f.grade}
	if pub.ExecutionRate != nil || pub.ExecutionScore != nil || pub.Total != nil || pub.Grade != "" || len(pub.Subtotals) > 0 {
		e.Published = pub
	}
	return e
}

// levelSums writes each 一级's weight as the sum of its rows' printed
// weights when the form prints weights per row but not per level (01: 产出
// 40, 效益 30, 满意度 20), so that the year's default split does not apply.
func levelSums(p *model.Project, f *form) {
	for _, l := range p.Levels {
		if l.Weight != nil && l.Level2 == "" {
			return // printed in the labels
		}
	}
	sums := map[string]*big.Rat{}
	var order []string
	for _, in := range p.Indicators {
		if in.Weight == nil {
			return
		}
		if sums[in.Level1] == nil {
			sums[in.Level1] = new(big.Rat)
			order = append(order, in.Level1)
		}
		sums[in.Level1].Add(sums[in.Level1], in.Weight.Rat())
	}
	var out []model.Level
	for _, l1 := range order {
		pt, err := model.ParsePoints(num.Format(sums[l1], 2))
		if err != nil {
			continue
		}
		pt, _ = model.ParsePoints(trimZeros(pt.Min.String()))
		out = append(out, model.Level{Level1: l1, Weight: &pt})
	}
	// Empty groups stay after the level they belong to.
	out = append(out, p.Levels...)
	slices.SortStableFunc(out, func(a, b model.Level) int { return slices.Index(order, a.Level1) - slices.Index(order, b.Level1) })
	p.Levels = out
}

func trimZeros(s string) string {
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

func monthEnd(year, month int) model.Date {
	if month >= 12 || month < 1 {
		d, _ := model.NewDate(year, 12, 31)
		return d
	}
	first, _ := model.NewDate(year, month+1, 1)
	t := first.Time().AddDate(0, 0, -1)
	d, _ := model.NewDate(t.Year(), int(t.Month()), t.Day())
	return d
}

var (
	codeFirst  = regexp.MustCompile(`^[\[【(（]\s*([0-9A-Za-z][0-9A-Za-z\-_.]*)\s*[\]】)）]\s*(.+)$`)
	codeLast   = regexp.MustCompile(`^(.+?)\s*[\[【(（]\s*([0-9A-Za-z][0-9A-Za-z\-_.]{3,})\s*[\]】)）]$`)
	chineseYMD = regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`)
)

// splitCode takes a project code out of its name: "[2021001]平台运维",
// "平台运维（ZX-2021-01）". Codes have a digit.
func splitCode(name string) (string, string) {
	if m := codeFirst.FindStringSubmatch(name); m != nil && strings.ContainsAny(m[1], "0123456789") {
		return strings.TrimSpace(m[2]), m[1]
	}
	if m := codeLast.FindStringSubmatch(name); m != nil && strings.ContainsAny(m[2], "0123456789") {
		return strings.TrimSpace(m[1]), m[2]
	}
	return name, ""
}

// stripCode takes a unit's code off its name: [155]濉溪县民政局 → 濉溪县民政局.
func stripCode(s string) string {
	if m := codeFirst.FindStringSubmatch(s); m != nil {
		return m[2]
	}
	if m := codeLast.FindStringSubmatch(s); m != nil && strings.ContainsAny(m[2], "0123456789") {
		return m[1]
	}
	return s
}

// chineseDate reads 2021 年 1 月 28 日.
func chineseDate(s string) (string, bool) {
	m := chineseYMD.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	return fmt.Sprintf("%04d-%02d-%02d", y, mo, d), true
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
			rep.supply(g.at(r, 0), "监控记录的项目 %q 不在导入的项目中，未导入", code)
			continue
		}
		raw := cell(r, "监控日期")
		d, err := model.ParseDate(raw)
		if err != nil {
			if s, ok := serialDate(raw); ok {
				d, _ = model.ParseDate(s)
				err = nil
				rep.assume(g.at(r, head["监控日期"]), "监控日期是 Excel 日期序号 %s，已转为 %s", raw, s)
			}
		}
		if err != nil {
			rep.supply(g.at(r, head["监控日期"]), "监控日期 %q 无法识别，未导入", raw)
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

// nameDepartment names the department and its publisher from the forms'
// header unless --name and --publisher say otherwise. The department is
// the unit the form is of. A self-evaluation (or a monitoring form) is the
// 实施单位's: it spent the money and reports on it (01: 实施单位 永德县明朗
// 中学 under 主管部门 永德县教育体育局). A target form is the budget's
// applicant's: the 预算单位 / 部门 cell, else the 主管部门 that files it;
// its 实施单位 may be a contractor (12 prints a company). The 部门 cell,
// the unit's full name (临沧市永德县明朗中学), is the publisher. A name taken
// from a 主管部门 is an assumption: the department above the unit.
func nameDepartment(d *model.Department, f *form, heads map[string]string, headsAt map[string]place, first place, selfEval bool, rep *Report) {
	pick := func(keys ...string) (string, string, place) {
		for _, k := range keys {
			if v, at := f.fields[k], f.where[k]; v != "" {
				return unitName(v), k, at
			}
			if v := heads[k]; v != "" {
				return unitName(v), k, headsAt[k]
			}
		}
		return "", "", place{}
	}
	what := map[string]string{"unit": "实施单位", "dept": "部门", "supervisor": "主管部门", "province": "省级主管部门", "central": "中央主管部门", "publisher": "发布机构"}
	if d.Name == "" {
		order := []string{"dept", "supervisor", "province", "central", "unit"}
		if selfEval {
			order = []string{"unit", "dept", "supervisor", "province", "central"}
		}
		name, k, at := pick(order...)
		d.Name = name
		switch k {
		case "":
			rep.supply(first, "表格中没有部门名称，请用 --name 指定或在 department.yaml 中填写")
		case "supervisor", "province", "central":
			why := "主管部门是上级部门，公开的单位可能是它的下属单位"
			if !selfEval {
				why = "绩效目标申报表由主管部门申报"
				if u, _, _ := pick("unit"); u != "" {
					why += "，实施单位 " + u + " 是执行项目的单位"
				}
			}
			rep.assume(at, "表格中没有部门或预算单位，部门名称暂取%s %s（%s）；请核对，可用 --name 指定", what[k], name, why)
		default:
			rep.read(at, "部门名称 %s（取自%s；可用 --name 另行指定）", name, what[k])
		}
	}
	if d.Publisher == "" {
		pub, k, at := pick("publisher", "dept")
		switch {
		case pub != "":
			d.Publisher = pub
			if pub != d.Name {
				rep.read(at, "发布机构 %s（取自%s；可用 --publisher 另行指定）", pub, what[k])
			}
		case d.Name != "":
			d.Publisher = d.Name
		}
	}
}

// unitName is a unit's name as printed, its code in brackets taken off and
// the spaces a wrapped cell leaves between characters dropped (上海市普陀区
// 体育 事业管理中心).
func unitName(s string) string {
	return hanSpace.ReplaceAllString(stripCode(s), "$1$2")
}

var hanSpace = regexp.MustCompile(`(\p{Han})\s+(\p{Han})`)

// tableSummary says in one line what a project's table gave.
func tableSummary(p *model.Project, f *form) string {
	var parts []string
	if n := len(f.indicators); n > 0 {
		parts = append(parts, fmt.Sprintf("%d 个指标", n))
	}
	if n := len(f.targets); n > 0 {
		parts = append(parts, fmt.Sprintf("%d 条年度目标", n))
	}
	if f.total != nil {
		parts = append(parts, "资金总额 "+f.total.Published())
	} else if f.budget == nil && p.Total.Fen > 0 {
		parts = append(parts, "资金总额 "+p.Total.Published())
	}
	if b := f.budget; b != nil {
		switch {
		case b.Executed != nil:
			parts = append(parts, "预算执行 "+b.Executed.Published())
		case b.Adjusted != nil:
			parts = append(parts, "全年预算 "+b.Adjusted.Published())
		}
		if n := len(b.Rows); n > 0 {
			parts = append(parts, fmt.Sprintf("%d 行资金来源", n))
		}
	}
	if n := len(f.results); n > 0 {
		parts = append(parts, fmt.Sprintf("%d 个完成值", n))
	}
	parts = append(parts, published(f)...)
	if m := f.monitor; m != nil {
		parts = append(parts, fmt.Sprintf("监控 %d 个完成可能性", len(m.outlooks)))
	}
	if len(parts) == 0 {
		parts = append(parts, "没有指标和金额")
	}
	return fmt.Sprintf("项目 %s %s：%s", p.Code, p.Name, strings.Join(parts, "、"))
}

// published lists the scores a form printed.
func published(f *form) []string {
	var parts []string
	if f.execScore != nil {
		parts = append(parts, "公布执行率得分 "+f.execScore.String())
	}
	for _, st := range f.subtotals {
		w := ""
		if st.Weight != nil {
			w = st.Weight.String()
		}
		parts = append(parts, "公布"+st.Name+" "+w)
	}
	if f.totalScore != nil {
		parts = append(parts, "公布总分 "+f.totalScore.String())
	}
	if f.grade != "" {
		parts = append(parts, "等级 "+f.grade)
	}
	return parts
}

// deptSummary says what the department-wide table gave.
func deptSummary(f *form) string {
	parts := []string{fmt.Sprintf("%d 个指标", len(f.indicators))}
	if n := len(f.results); n > 0 {
		parts = append(parts, fmt.Sprintf("%d 个完成值", n))
	}
	if f.total != nil {
		parts = append(parts, "资金总额 "+f.total.Published())
	}
	parts = append(parts, published(f)...)
	return "部门整体：" + strings.Join(parts, "、")
}

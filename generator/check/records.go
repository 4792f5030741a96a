package check

import (
	"fmt"
	"strings"

	"disclose/generator/diag"
	"disclose/generator/model"
	"disclose/generator/money"
)

var recordFieldWords = model.RecordFieldTitles

// records checks each spending record against the department's projects and
// year, then the running totals against budget lines and project totals.
func (c *checker) records(site *model.Site, d *model.Department) map[string]money.Fen {
	at := func(r *model.Record, f int) diag.Pos {
		file := ""
		if int(r.File) < len(d.Spending) {
			file = spendingPath(d, int(r.File))
		}
		return diag.Pos{File: file, Line: int(r.Line), Column: int(r.Col[f])}
	}
	// One map lookup a record: its line's running total, which points at
	// its project's (a code written twice keeps the last, as the maps before did).
	type projState struct {
		p     *model.Project
		spent money.Fen
		over  bool
		seen  bool // has a record in the year
		// limited when the project has a budget (budget) to overspend
		limited bool
		budget  money.Fen
	}
	type lineState struct {
		line  *model.BudgetLine
		proj  *projState
		spent money.Fen
		over  bool
	}
	type lineKey struct{ project, line string }
	lines := map[lineKey]*lineState{}
	projects := map[string]*projState{}
	for _, p := range d.Projects {
		ps := projects[p.Code]
		if ps == nil {
			ps = &projState{}
			projects[p.Code] = ps
		}
		ps.p = p
		for i := range p.BudgetLines {
			k := lineKey{p.Code, p.BudgetLines[i].Name}
			ls := lines[k]
			if ls == nil {
				ls = &lineState{proj: ps}
				lines[k] = ls
			}
			ls.line = &p.BudgetLines[i]
		}
	}
	for _, ps := range projects {
		ps.limited = ps.p.Has("total") || hasAdjusted(ps.p)
		_, ps.budget = ps.p.Budgets()
	}
	yearFirst, _ := model.NewDate(d.Year, 1, 1)
	yearLast, _ := model.NewDate(d.Year, 12, 31)
	ok := make([]*model.Record, 0, len(d.Records))
	for i := range d.Records {
		r := &d.Records[i]
		if lines[lineKey{r.Project, r.BudgetLine}] == nil {
			if ps := projects[r.Project]; ps == nil {
				hint := "本部门的项目编码：" + projectCodes(d)
				if other := c.others(d.Year, r.Project); other != "" {
					hint = "此项目属于 " + other + "，记录应放在该部门的支出文件中"
				}
				c.errorf(at(r, model.FieldProject), "record-project", recordFieldWords[model.FieldProject], hint, "项目编码 %s 不是本部门 %d 年的项目", r.Project, d.Year)
			} else {
				var names []string
				for _, l := range ps.p.BudgetLines {
					names = append(names, l.Name)
				}
				c.errorf(at(r, model.FieldBudgetLine), "record-line", recordFieldWords[model.FieldBudgetLine], "项目 "+ps.p.Code+" 的预算明细之一："+strings.Join(names, "、"),
					"资金用途 %q 不是项目 %s 的预算明细", r.BudgetLine, ps.p.Code)
			}
			continue
		}
		if d.Year != 0 && (r.Date.Before(yearFirst) || r.Date.After(yearLast)) {
			c.errorf(at(r, model.FieldDate), "record-date", recordFieldWords[model.FieldDate], fmt.Sprintf("%d-01-01 至 %d-12-31 之间的日期", d.Year, d.Year),
				"日期 %s 不在 %d 预算年度内", r.Date, d.Year)
			continue
		}
		if !d.RecordsThrough.IsZero() && r.Date.After(d.RecordsThrough) {
			c.errorf(at(r, model.FieldDate), "record-date", recordFieldWords[model.FieldDate], "不晚于 records_through "+d.RecordsThrough.String()+"，或推后截至日期",
				"日期 %s 晚于支出记录截至日期 %s", r.Date, d.RecordsThrough)
			continue
		}
		ok = append(ok, r)
	}
	// Running totals in date order: the record that first takes a line or a
	// project over its budget is the one to point at.
	model.SortRecords(ok)
	for _, r := range ok {
		ls := lines[lineKey{r.Project, r.BudgetLine}]
		ps := ls.proj
		ls.spent += r.Amount
		ps.spent += r.Amount
		ps.seen = true
		if l := ls.line; ls.spent > l.Amount.Fen && !ls.over {
			ls.over = true
			c.report("line-overspent", at(r, model.FieldAmount), recordFieldWords[model.FieldAmount], "核对记录，或调整预算明细",
				"截至 %s，%s 的累计支出 %s 元超过预算明细 %s万元（%s 元）", r.Date, r.BudgetLine, ls.spent.Yuan(), l.Amount, l.Amount.Fen.Yuan())
		}
		// Overspending is measured against 全年预算数 (the adjusted budget)
		// when the results give it: a spend equal to it is not an overspend.
		if p := ps.p; ps.limited && !ps.over && ps.spent > ps.budget {
			ps.over = true
			what, amount := "项目资金总额", p.Total.String()
			if hasAdjusted(p) {
				what, amount = "全年预算数", p.Results.Budget.Adjusted.String()
			}
			c.errorf(at(r, model.FieldAmount), "project-overspent", recordFieldWords[model.FieldAmount], "核对记录；支出不能超过"+what,
				"截至 %s，项目 %s 的累计支出 %s 元超过%s %s万元（%s 元）", r.Date, p.Code, ps.spent.Yuan(), what, amount, ps.budget.Yuan())
		}
	}
	projSpent := map[string]money.Fen{}
	for code, ps := range projects {
		if ps.seen {
			projSpent[code] = ps.spent
		}
	}
	return projSpent
}

func spendingPath(d *model.Department, i int) string {
	return joinPath(d.Dir, d.Spending[i].File)
}

func projectCodes(d *model.Department) string {
	var codes []string
	for _, p := range d.Projects {
		codes = append(codes, p.Code)
	}
	if len(codes) == 0 {
		return "（本部门没有项目）"
	}
	return strings.Join(codes, "、")
}

func hasAdjusted(p *model.Project) bool {
	return p.Results != nil && p.Results.Budget.Adjusted != nil
}

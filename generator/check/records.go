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
	type lineKey struct{ project, line string }
	lines := map[lineKey]*model.BudgetLine{}
	projects := map[string]*model.Project{}
	for _, p := range d.Projects {
		projects[p.Code] = p
		for i := range p.BudgetLines {
			lines[lineKey{p.Code, p.BudgetLines[i].Name}] = &p.BudgetLines[i]
		}
	}
	yearFirst, _ := model.NewDate(d.Year, 1, 1)
	yearLast, _ := model.NewDate(d.Year, 12, 31)
	ok := make([]*model.Record, 0, len(d.Records))
	for i := range d.Records {
		r := &d.Records[i]
		p := projects[r.Project]
		switch {
		case p == nil:
			hint := "本部门的项目编码：" + projectCodes(d)
			if other := c.others(d.Year, r.Project); other != "" {
				hint = "此项目属于 " + other + "，记录应放在该部门的支出文件中"
			}
			c.errorf(at(r, model.FieldProject), "record-project", recordFieldWords[model.FieldProject], hint, "项目编码 %s 不是本部门 %d 年的项目", r.Project, d.Year)
			continue
		case lines[lineKey{r.Project, r.BudgetLine}] == nil:
			var names []string
			for _, l := range p.BudgetLines {
				names = append(names, l.Name)
			}
			c.errorf(at(r, model.FieldBudgetLine), "record-line", recordFieldWords[model.FieldBudgetLine], "项目 "+p.Code+" 的预算明细之一："+strings.Join(names, "、"),
				"资金用途 %q 不是项目 %s 的预算明细", r.BudgetLine, p.Code)
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
	lineSpent := map[lineKey]money.Fen{}
	projSpent := map[string]money.Fen{}
	lineOver := map[lineKey]bool{}
	projOver := map[string]bool{}
	for _, r := range ok {
		k := lineKey{r.Project, r.BudgetLine}
		lineSpent[k] += r.Amount
		projSpent[r.Project] += r.Amount
		if l := lines[k]; lineSpent[k] > l.Amount.Fen && !lineOver[k] {
			lineOver[k] = true
			c.report("line-overspent", at(r, model.FieldAmount), recordFieldWords[model.FieldAmount], "核对记录，或调整预算明细",
				"截至 %s，%s 的累计支出 %s 元超过预算明细 %s万元（%s 元）", r.Date, r.BudgetLine, lineSpent[k].Yuan(), l.Amount, l.Amount.Fen.Yuan())
		}
		// Overspending is measured against 全年预算数 (the adjusted budget)
		// when the results give it: a spend equal to it is not an overspend.
		if p := projects[r.Project]; (p.Has("total") || hasAdjusted(p)) && !projOver[r.Project] {
			if _, budget := p.Budgets(); projSpent[r.Project] > budget {
				projOver[r.Project] = true
				what, amount := "项目资金总额", p.Total.String()
				if hasAdjusted(p) {
					what, amount = "全年预算数", p.Results.Budget.Adjusted.String()
				}
				c.errorf(at(r, model.FieldAmount), "project-overspent", recordFieldWords[model.FieldAmount], "核对记录；支出不能超过"+what,
					"截至 %s，项目 %s 的累计支出 %s 元超过%s %s万元（%s 元）", r.Date, p.Code, projSpent[r.Project].Yuan(), what, amount, budget.Yuan())
			}
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

package semdiff

import (
	"fmt"

	"disclose/generator/derive"
	"disclose/generator/model"
)

// recordKey identifies a spending record across versions: its voucher
// within its project, or, without a voucher, everything it says.
func recordKey(r *model.Record) string {
	if r.Voucher != "" {
		return r.Project + "|" + r.Voucher
	}
	return fmt.Sprint(r.Project, "|", r.Date, "|", r.BudgetLine, "|", r.Amount, "|", r.Memo)
}

func recordText(r *model.Record) string {
	s := fmt.Sprintf("%s %s %s 元", r.Date, r.BudgetLine, r.Amount.Yuan())
	if r.Memo != "" {
		s += "（" + r.Memo + "）"
	}
	return s
}

func recordName(r *model.Record) string {
	if r.Voucher != "" {
		return "支出记录 " + r.Voucher
	}
	return "支出记录"
}

// records compares the spending records of a department, then the totals
// they move per project and per budget line.
func (d *differ) records(base Path, o, n *derive.Department) {
	// A record sits under its project.
	projects := map[string]Step{}
	for _, x := range []*derive.Department{o, n} {
		for _, p := range x.Projects {
			projects[p.Code] = projectStep(p.Project)
		}
	}
	where := func(r *model.Record) Path {
		rec := Step{Kind: Record, ID: r.Voucher, Label: recordName(r)}
		if p, ok := projects[r.Project]; ok {
			return base.With(p, rec)
		}
		return base.With(rec)
	}
	olds := map[string][]*model.Record{}
	for i := range o.Records {
		r := &o.Records[i]
		olds[recordKey(r)] = append(olds[recordKey(r)], r)
	}
	for i := range n.Records {
		r := &n.Records[i]
		k := recordKey(r)
		p := where(r)
		if len(olds[k]) == 0 {
			d.add(Change{Op: "added", Kind: "record", Path: p, New: recordText(r), Delta: signedYuan(r.Amount)})
			continue
		}
		or := olds[k][0]
		olds[k] = olds[k][1:]
		if or.Date != r.Date || or.BudgetLine != r.BudgetLine || or.Amount != r.Amount || or.Memo != r.Memo {
			c := Change{Op: "changed", Kind: "record", Path: p, Old: recordText(or), New: recordText(r)}
			if or.Amount != r.Amount {
				c.Delta = signedYuan(r.Amount - or.Amount)
			}
			d.add(c)
		}
	}
	for i := range o.Records {
		r := &o.Records[i]
		if rest := olds[recordKey(r)]; len(rest) > 0 && rest[0] == r {
			olds[recordKey(r)] = rest[1:]
			d.add(Change{Op: "removed", Kind: "record", Path: where(r), Old: recordText(r), Delta: signedYuan(-r.Amount)})
		}
	}
	oldProjects := map[string]*derive.Project{}
	for _, p := range o.Projects {
		oldProjects[p.Code] = p
	}
	for _, p := range n.Projects {
		op := oldProjects[p.Code]
		if op == nil {
			continue
		}
		path := base.With(projectStep(p.Project))
		d.totalYuan(path.With(figure("spent_total", "支出合计（元）")), op.Spent, p.Spent)
		oldLines := map[string]derive.Line{}
		for _, l := range op.Lines {
			oldLines[l.Name] = l
		}
		for _, l := range p.Lines {
			if ol, ok := oldLines[l.Name]; ok {
				line := Step{Kind: Figure, Name: "line_spent", ID: l.Name, Label: "预算明细“" + l.Name + "”执行数（元）"}
				d.totalYuan(path.With(line), ol.Spent, l.Spent)
			}
		}
	}
}

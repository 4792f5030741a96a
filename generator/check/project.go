package check

import (
	"fmt"
	"math/big"
	"path/filepath"
	"strings"

	"disclose/generator/model"
	"disclose/generator/money"
	"disclose/generator/num"
	"disclose/generator/rules"
)

var hundred = num.MustParse("100")

func (c *checker) project(d *model.Department, p *model.Project) {
	if base := strings.TrimSuffix(filepath.Base(p.File), ".yaml"); p.Code != "" && base != p.Code {
		c.errorf(p.At("code"), "file-name", "code（项目编码）", fmt.Sprintf("把文件改名为 %s.yaml（项目说明 %s.md 同样改名）", p.Code, p.Code),
			"项目编码 %s 与文件名 %s 不一致", p.Code, filepath.Base(p.File))
	}
	// 0 is legitimate: a project added during the year starts with 年初预算数 0.
	if p.Has("total") && p.Total.Fen < 0 {
		c.errorf(p.At("total"), "amount-positive", "total（项目资金总额（万元））", "不小于 0 的金额（万元）", "项目资金总额不能为负数")
	}
	c.controlYAML(p)
	if p.Results != nil {
		c.controlYAML(p.Results)
	}
	c.sums(p)
	c.plan(d, p)
	labels := map[string]bool{}
	for i, t := range p.Targets {
		if labels[t.Label] {
			c.errorf(t.At("label"), "duplicate-target", fmt.Sprintf("targets[%d].label（目标编号）", i+1), "每个目标编号只用一次", "目标编号 %s 重复", t.Label)
		}
		labels[t.Label] = true
	}
	c.indicators(p.Indicators, p.Levels, "indicators", p.Source, p)
	if p.Description.File == "" {
		md := strings.TrimSuffix(p.File, ".yaml") + ".md"
		c.report("description-missing", p.At("code"), "", "在 "+md+" 写出项目说明（基本情况、目标指标设置情况）", "项目 %s 没有项目说明", p.Code)
	} else {
		c.narrative(p.Description, "项目说明", false)
	}
}

// sums checks that budget lines and fund sources reconcile with the total.
func (c *checker) sums(p *model.Project) {
	if !p.Has("total") {
		return
	}
	var lines, funds money.Fen
	names := map[string]bool{}
	for i, l := range p.BudgetLines {
		lines += l.Amount.Fen
		if names[rules.Normalize(l.Name)] {
			c.errorf(l.At("name"), "duplicate-line", fmt.Sprintf("budget_lines[%d].name（用途）", i+1), "每个用途只列一次，金额合并", "预算明细 %s 重复", l.Name)
		}
		names[rules.Normalize(l.Name)] = true
		if l.Amount.Fen < 0 {
			c.errorf(l.At("amount"), "amount-positive", fmt.Sprintf("budget_lines[%d].amount（金额（万元））", i+1), "不小于 0 的金额", "预算明细金额不能为负数")
		}
	}
	for _, f := range p.Funds {
		funds += f.Amount.Fen
	}
	places := p.Total.Places
	if len(p.BudgetLines) > 0 && lines != p.Total.Fen {
		c.errorf(p.At("budget_lines"), "budget-sum", "budget_lines（预算明细）",
			fmt.Sprintf("各明细金额之和等于 total %s万元", p.Total),
			"预算明细合计 %s万元，与项目资金总额 %s万元 不符（相差 %s万元）", lines.Wan(max(places, 2)), p.Total, (lines - p.Total.Fen).Wan(max(places, 2)))
	}
	if len(p.Funds) > 0 && funds != p.Total.Fen {
		c.errorf(p.At("funds"), "fund-sum", "funds（资金来源）",
			fmt.Sprintf("各资金来源金额之和等于 total %s万元", p.Total),
			"资金来源合计 %s万元，与项目资金总额 %s万元 不符（相差 %s万元）", funds.Wan(max(places, 2)), p.Total, (funds - p.Total.Fen).Wan(max(places, 2)))
	}
}

// plan checks the cumulative spending plan: dates in order inside the year,
// percentages between 0 and 100 that never go down.
func (c *checker) plan(d *model.Department, p *model.Project) {
	for i, cp := range p.Plan {
		field := fmt.Sprintf("plan[%d]", i+1)
		if !cp.Date.IsZero() && d.Year != 0 && cp.Date.Year() != d.Year {
			c.errorf(cp.At("date"), "plan-date", field+".date（日期）", fmt.Sprintf("%d 年内的日期", d.Year), "计划节点 %s 的日期 %s 不在 %d 年度内", cp.Label, cp.Date, d.Year)
		}
		if cp.Percent.Valid() && (cp.Percent.Cmp(hundred) > 0 || cp.Percent.Rat().Sign() < 0) {
			c.errorf(cp.At("percent"), "plan-over-100", field+".percent（累计进度（%））", "0 到 100 之间", "累计进度 %s%% 超出 0–100%%", cp.Percent)
		}
		if i == 0 {
			continue
		}
		prev := p.Plan[i-1]
		if !cp.Date.IsZero() && !prev.Date.IsZero() && !cp.Date.After(prev.Date) {
			c.errorf(cp.At("date"), "plan-order", field+".date（日期）", "按时间先后排列计划节点", "计划节点 %s（%s）不晚于前一节点 %s（%s）", cp.Label, cp.Date, prev.Label, prev.Date)
		}
		if cp.Percent.Valid() && prev.Percent.Valid() && cp.Percent.Cmp(prev.Percent) < 0 {
			c.errorf(cp.At("percent"), "plan-decreasing", field+".percent（累计进度（%））", fmt.Sprintf("不小于前一节点的 %s%%（累计进度只增不减）", prev.Percent),
				"累计进度从 %s 的 %s%% 降到 %s 的 %s%%", prev.Label, prev.Percent, cp.Label, cp.Percent)
		}
	}
	if n := len(p.Plan); n > 0 {
		last := p.Plan[n-1]
		if last.Percent.Valid() && last.Percent.Cmp(hundred) < 0 {
			c.report("plan-below-100", last.At("percent"), fmt.Sprintf("plan[%d].percent（累计进度（%%））", n),
				"年底累计进度通常为 100%；如确为原文，可保留",
				"资金支出计划到最后节点 %s 只有 %s%%，全年预算有 %s%% 未安排支出", last.Label, last.Percent, num.Format(new(big.Rat).Sub(hundred.Rat(), last.Percent.Rat()), last.Percent.Places()))
		}
	}
}

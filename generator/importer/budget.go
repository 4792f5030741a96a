package importer

import (
	"regexp"
	"strings"

	"disclose/generator/model"
	"disclose/generator/money"
	"disclose/generator/num"
)

// moneyCol is what a column of a money block holds.
type moneyCol int

const (
	mcNone moneyCol = iota
	mcInitial
	mcAdjusted
	mcExecuted
	mcWeight
	mcRate
	mcScore
	mcAmount
	mcToDate    // 1-N月执行数 of a monitoring form
	mcProjected // 全年预计执行数
)

// moneyHeads are the column headings of money blocks, after canon and
// with the (A) / (B/A) / (万元) marks dropped.
var moneyHeads = map[string]moneyCol{
	"年初预算数": mcInitial, "全年预算数": mcAdjusted, "调整后预算数": mcAdjusted, "预算数": mcAdjusted, "当年年度预算": mcAdjusted,
	"全年执行数": mcExecuted, "执行数": mcExecuted, "分值": mcWeight, "执行率": mcRate, "年度预算执行率": mcRate, "得分": mcScore,
	"金额": mcAmount, "当年金额": mcAmount, "全年预计执行数": mcProjected, "预计全年执行数": mcProjected,
}

var toDateMoney = regexp.MustCompile(`^(?:1|一)[-—–~至](\d{1,2})月(?:执行数|实际执行数|累计执行数)`)

var headMark = regexp.MustCompile(`\((A|B|B/A|万元|元)\)$`)

func moneyHead(s string) moneyCol {
	c := canon(s)
	for {
		t := headMark.ReplaceAllString(c, "")
		if t == c {
			break
		}
		c = t
	}
	if toDateMoney.MatchString(c) {
		return mcToDate
	}
	return moneyHeads[strings.TrimSuffix(c, ":")]
}

// moneyRow tells a row label of a money block: 年度资金总额, 其中：当年财政
// 拨款, 上年结转资金, 其他资金, (一)财政拨款小计, 1、一般公共预算 ….
func moneyRow(s string) bool {
	c := canon(s)
	if c == "" || len([]rune(c)) > 20 {
		return false
	}
	for _, w := range []string{"资金总额", "其中", "财政", "结转", "其他", "其它", "收入", "资金", "小计", "拨款", "预算", "基本支出", "项目支出", "合计", "基金", "事业", "经营"} {
		if strings.Contains(c, w) {
			return true
		}
	}
	return false
}

func totalRow(s string) bool {
	c := canon(s)
	return strings.Contains(c, "资金总额") || labelOf(s) == "total"
}

// sheetYuan tells whether a grid says its amounts are in 元 (项目资金 (元),
// 单位：元); 万元 is the default.
func sheetYuan(g *Grid) bool {
	for r := range g.Rows {
		for c := range g.Rows[r] {
			v := canon(g.Cell(r, c))
			if strings.Contains(v, "(元)") || strings.HasSuffix(v, "单位:元") {
				return true
			}
		}
	}
	return false
}

// moneyFigure reads one amount of a money block; "—", "-" and "" are not
// printed. A number broken by a space ("968.191 8") is read whole, noted.
func moneyFigure(g *Grid, r, c int, yuan bool, rep *Report) *money.Amount {
	v := g.Cell(r, c)
	switch strings.Trim(v, " —-－") {
	case "", "万元", "元":
		return nil
	}
	if a, ok := amount(v, yuan); ok {
		return &a
	}
	if j := strings.Join(strings.Fields(v), ""); j != v {
		if a, ok := amount(j, yuan); ok {
			rep.assume(g.at(r, c), "金额 %q 中间有空格，按 %s 读取", v, j)
			return &a
		}
	}
	if i := strings.IndexAny(v, "(（"); i > 0 {
		if a, ok := amount(v[:i], yuan); ok {
			rep.assume(g.at(r, c), "金额 %q 后面的说明未导入，按 %s 读取", v, strings.TrimSpace(v[:i]))
			return &a
		}
	}
	rep.supply(g.at(r, c), "%q 不是金额，按缺失导入；请补充", v)
	return nil
}

func percentOf(s string) *num.Decimal {
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(s), "%"), "％"))
	if n, ok := number(t); ok {
		if d, err := num.Parse(n); err == nil {
			return &d
		}
	}
	return nil
}

func decimalOf(s string) *num.Decimal {
	if n, ok := number(strings.TrimSuffix(strings.TrimSpace(s), "分")); ok {
		if d, err := num.Parse(n); err == nil {
			return &d
		}
	}
	return nil
}

// readMoneyBlocks reads the money blocks of a grid: a heading row with
// 年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分 (or 金额) and
// the labelled rows under it, or labelled rows with their amount beside
// them (资金总额: 438.768 / 财政拨款: 438.768). It marks the rows read.
func readMoneyBlocks(g *Grid, f *form, skip map[int]bool, rep *Report) {
	yuan := sheetYuan(g)
	f.yuan = yuan
	for r := 0; r < len(g.Rows); r++ {
		if skip[r] {
			continue
		}
		cols := map[int]moneyCol{}
		first := -1
		numbers := false
		for c := range g.Rows[r] {
			if _, ok := number(g.Cell(r, c)); ok {
				numbers = true // labels with their values: 年初预算数 | 10 | 全年预算数 | 9
			}
			switch labelOf(g.Cell(r, c)) {
			case "funds", "lines", "plan", "spendingfiles":
				numbers = true // our own workbook's lists: 资金来源 | 金额（万元）
			}
			if mc := moneyHead(g.Cell(r, c)); mc != mcNone {
				cols[c] = mc
				if first < 0 {
					first = c
				}
			}
		}
		if pairs := moneyPairs(g, r); len(pairs) >= 2 {
			r = readPairBlock(g, r, pairs, f, skip, yuan, rep)
			continue
		}
		if !numbers && (len(cols) >= 2 || (len(cols) == 1 && cols[first] == mcAmount)) {
			r = readHeadedBlock(g, r, first, cols, f, skip, yuan, rep)
			continue
		}
		for c := 0; c < len(g.Rows[r]) && c < 3; c++ {
			if totalRow(g.Cell(r, c)) {
				if v, j := value(g, r, c); v != "" && j > 0 {
					r = readPlainBlock(g, r, c, f, skip, yuan, rep)
					break
				}
			}
		}
	}
}

func readHeadedBlock(g *Grid, r, first int, cols map[int]moneyCol, f *form, skip map[int]bool, yuan bool, rep *Report) int {
	eval := false
	for _, mc := range cols {
		eval = eval || mc == mcExecuted || mc == mcInitial || mc == mcToDate
	}
	skip[r] = true
	k := r
	// The heading row may itself be the total's row (年度资金总额 | 金额(万元)).
	if label, _ := rowLabel(g, r, first); !totalRow(label) {
		k = r + 1
	}
	b := &model.BudgetFigures{}
	for ; k < len(g.Rows); k++ {
		label, _ := rowLabel(g, k, first)
		if !moneyRow(label) || labelOf(label) == "targets" {
			break
		}
		skip[k] = true
		fig := map[moneyCol]*money.Amount{}
		for c, mc := range cols {
			switch mc {
			case mcInitial, mcAdjusted, mcExecuted, mcAmount, mcToDate, mcProjected:
				fig[mc] = moneyFigure(g, k, c, yuan, rep)
			}
		}
		if !eval {
			if totalRow(label) {
				if a := fig[mcAmount]; a != nil {
					f.total = a
				}
				continue
			}
			if next := rowLabelOnly(g, k+1, first); strings.Contains(canon(label), "小计") && leadingNumber.MatchString(next) && !strings.Contains(next, "小计") {
				continue // its parts follow
			}
			if a := fig[mcAmount]; a != nil {
				f.funds = append(f.funds, model.Fund{Kind: fundName(label), Amount: *a})
			}
			continue
		}
		if totalRow(label) && b.Adjusted == nil && b.Executed == nil && b.Initial == nil {
			b.Initial, b.Adjusted, b.Executed = fig[mcInitial], fig[mcAdjusted], fig[mcExecuted]
			f.toDate, f.projected = fig[mcToDate], fig[mcProjected]
			for c, mc := range cols {
				if mc == mcToDate {
					f.toDateHead = g.Cell(r, c)
				}
			}
			for c, mc := range cols {
				switch mc {
				case mcWeight:
					f.execWeight = decimalOf(g.Cell(k, c))
				case mcRate:
					f.execRate = percentOf(g.Cell(k, c))
				case mcScore:
					f.execScore = decimalOf(g.Cell(k, c))
				}
			}
			f.where["budget"] = g.at(k, first)
			continue
		}
		row := model.BudgetRow{Name: label, Initial: fig[mcInitial], Adjusted: fig[mcAdjusted], Executed: fig[mcExecuted]}
		if row.Initial != nil || row.Adjusted != nil || row.Executed != nil {
			b.Rows = append(b.Rows, row)
		}
	}
	if eval {
		f.budget = b
	}
	return k - 1
}

func rowLabelOnly(g *Grid, r, before int) string {
	l, _ := rowLabel(g, r, before)
	return l
}

// rowLabel is the last non-empty cell left of column before (the row's
// label; the block's title sits in column A above it).
func rowLabel(g *Grid, r, before int) (string, int) {
	for c := before - 1; c >= 0; c-- {
		if v := g.Cell(r, c); v != "" {
			return v, c
		}
	}
	return "", -1
}

// fundName is a money row's label as a fund: 其中：财政拨款 → 财政拨款,
// 1、一般公共预算 → 一般公共预算, 资金总额: → 资金总额.
func fundName(label string) string {
	s := stripNumber(clean(label))
	for _, p := range []string{"其中：", "其中:", "其中"} {
		s = strings.TrimPrefix(s, p)
	}
	s = strings.TrimSpace(strings.TrimRight(s, ":："))
	return stripNumber(s)
}

// readPlainBlock reads 资金总额: 438.768 and the rows under it with their
// amount in the next cell.
func readPlainBlock(g *Grid, r, c int, f *form, skip map[int]bool, yuan bool, rep *Report) int {
	v, j := value(g, r, c)
	skip[r] = true
	if a := moneyFigure(g, r, j, yuan, rep); a != nil {
		f.total = a
		f.where["total"] = g.at(r, j)
	}
	_ = v
	// The official single-row layout: 资金总额 | 21 | 其中：财政拨款 | 21 |
	// 其他资金 | 0 — the sources stand beside the total on its own row.
	// Only when the first of them is a 其中 row: "年度本级预算金额 | 250 |
	// 该项目支出上级资金 | 0" are two figures side by side, not parts.
	parts := false
	for c2 := j + 1; c2 < len(g.Rows[r]); c2++ {
		label := g.Cell(r, c2)
		if label == "" || !moneyRow(label) || totalRow(label) {
			continue
		}
		if !parts && !strings.HasPrefix(canon(label), "其中") {
			break
		}
		parts = true
		if _, vj := value(g, r, c2); vj > c2 {
			if a := moneyFigure(g, r, vj, yuan, rep); a != nil {
				f.funds = append(f.funds, model.Fund{Kind: fundName(label), Amount: *a})
			}
			c2 = vj
		}
	}
	k := r + 1
	for ; k < len(g.Rows); k++ {
		label := g.Cell(k, c)
		if l := labelOf(label); !moneyRow(label) || l != "" && l != "fiscal" && l != "other" || strings.Contains(canon(label), "执行率") {
			break
		}
		skip[k] = true
		if !strings.HasPrefix(canon(label), "其中") && strings.HasPrefix(canon(g.Cell(k+1, c)), "其中") {
			continue // 当年年度预算 above its 其中 rows
		}
		if _, j := value(g, k, c); j > 0 {
			if a := moneyFigure(g, k, j, yuan, rep); a != nil {
				f.funds = append(f.funds, model.Fund{Kind: fundName(label), Amount: *a})
			}
		}
	}
	return k - 1
}

// pair is a money heading and the cell of its figure on the same row:
// 预算数: | 2.38.
type pair struct {
	head, val int
	mc        moneyCol
}

// moneyPairs finds the headings of a row that carry their figure beside
// them (预算执行情况 | 预算数: | 2.38 | 执行数: | 2.38 | 20, as 06 prints).
// Two amounts at least, or it is some other row.
func moneyPairs(g *Grid, r int) []pair {
	var out []pair
	amounts := 0
	for c := 0; c < len(g.Rows[r]); c++ {
		mc := moneyHead(g.Cell(r, c))
		if mc == mcNone || mc == mcAmount {
			continue
		}
		j := c + 1
		for j < len(g.Rows[r]) && g.Cell(r, j) == "" {
			j++
		}
		v := g.Cell(r, j)
		if _, ok := amount(v, false); !ok && percentOf(v) == nil {
			continue
		}
		switch mc {
		case mcInitial, mcAdjusted, mcExecuted, mcToDate, mcProjected:
			amounts++
		}
		out = append(out, pair{c, j, mc})
		c = j
	}
	if amounts < 2 {
		return nil
	}
	return out
}

// readPairBlock reads a money block of heading | figure pairs: the total's
// row, then the rows under it with their labels in the headings' columns
// (其中:中央补助 | 2.38 万元 | 其中:中央补助 | 2.38万元). A lone number after
// the last pair is the execution's points: 06 prints 20 there, with no
// heading to say whether it is the weight or the score.
func readPairBlock(g *Grid, r int, pairs []pair, f *form, skip map[int]bool, yuan bool, rep *Report) int {
	skip[r] = true
	b := &model.BudgetFigures{}
	figure := func(k int, p pair) *money.Amount {
		switch p.mc {
		case mcInitial, mcAdjusted, mcExecuted, mcToDate, mcProjected:
			return moneyFigure(g, k, p.val, yuan, rep)
		}
		return nil
	}
	for _, p := range pairs {
		a := figure(r, p)
		switch p.mc {
		case mcInitial:
			b.Initial = a
		case mcAdjusted:
			b.Adjusted = a
		case mcExecuted:
			b.Executed = a
		case mcToDate:
			f.toDate, f.toDateHead = a, g.Cell(r, p.head)
		case mcProjected:
			f.projected = a
		case mcWeight:
			f.execWeight = decimalOf(g.Cell(r, p.val))
		case mcRate:
			f.execRate = percentOf(g.Cell(r, p.val))
		case mcScore:
			f.execScore = decimalOf(g.Cell(r, p.val))
		}
	}
	f.where["budget"] = g.at(r, pairs[0].head)
	last := pairs[len(pairs)-1].val
	for c := last + 1; c < len(g.Rows[r]); c++ {
		v := g.Cell(r, c)
		if v == "" {
			continue
		}
		if d := decimalOf(v); d != nil && f.execWeight == nil && f.execScore == nil {
			f.execWeight, f.execScore = d, d
			rep.assume(g.at(r, c), "预算执行情况后的 %s 没有栏目名，不能确定是分值还是得分：按分值 %s、公布的得分 %s 导入", v, v, v)
		}
		break
	}
	k := r + 1
	for ; k < len(g.Rows); k++ {
		label := g.Cell(k, pairs[0].head)
		if !moneyRow(label) || totalRow(label) || labelOf(label) == "targets" {
			break
		}
		skip[k] = true
		row := model.BudgetRow{Name: label}
		for _, p := range pairs {
			a := figure(k, p)
			switch p.mc {
			case mcInitial:
				row.Initial = a
			case mcAdjusted:
				row.Adjusted = a
			case mcExecuted:
				row.Executed = a
			}
		}
		if row.Initial != nil || row.Adjusted != nil || row.Executed != nil {
			b.Rows = append(b.Rows, row)
		}
	}
	f.budget = b
	return k - 1
}

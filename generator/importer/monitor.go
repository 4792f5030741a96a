package importer

import (
	"regexp"
	"strconv"
	"strings"

	"disclose/generator/model"
)

// monitorForm is what a 绩效运行监控表 holds beyond its indicators: the
// month it runs to (1–N月) and each indicator's answer.
type monitorForm struct {
	month    int
	where    place
	outlooks []model.Outlook
}

var monthOf = regexp.MustCompile(`^(?:1|一)[-—–~至](\d{1,2})月`)

// readMonitorTable reads the indicator table of a monitoring form: targets,
// the actual value to date, 完成可能性 as answered, its cause and remedy.
func readMonitorTable(g *Grid, t table, f *form, rep *Report) int {
	col := func(r int, ro role) string {
		if c, ok := t.cols[ro]; ok {
			return g.Cell(r, c)
		}
		return ""
	}
	m := &monitorForm{where: g.at(t.header, t.cols[roleOutlook])}
	if c, ok := t.cols[roleToDate]; ok {
		if mm := monthOf.FindStringSubmatch(canon(g.Cell(t.header, c))); mm != nil {
			m.month, _ = strconv.Atoi(mm[1])
		}
	}
	f.monitor = m
	var l1, l2 string
	r := t.first
	for ; r < len(g.Rows); r++ {
		if rowEmpty(g, r) {
			break
		}
		name := col(r, roleName)
		if v := col(r, roleLevel1); v != "" {
			l1 = v
		}
		if v := col(r, roleLevel2); v != "" {
			l2 = v
		}
		if name == "" {
			if col(r, roleLevel1) == "" && col(r, roleLevel2) == "" {
				break
			}
			continue
		}
		op, val, unit := col(r, roleOperator), col(r, roleValue), col(r, roleUnit)
		if tv := col(r, roleTarget); tv != "" && val == "" {
			val = tv
		}
		// Serials decoded as in a self-evaluation: in a 时效 row, or
		// beside a date.
		timely := strings.Contains(l2, "时效") || strings.Contains(name, "时间") || strings.Contains(name, "日期")
		var notes, sn []string
		v := serial(val, timely || isDate(col(r, roleToDate)), &notes)
		if v != val && op == "" {
			op = "<="
			notes = append(notes, "完成时限没有符号，按 <=（不晚于）导入")
		}
		in, more := target(op, v, unit, col(r, roleDirection), l2)
		for _, n := range append(notes, more...) {
			rep.assume(g.at(r, t.cols[roleName]), "%s：%s", name, n)
		}
		in.Level1, in.Level2, in.Name = l1, l2, name
		f.indicators = append(f.indicators, in)
		actual := serial(col(r, roleToDate), timely || isDate(in.Value), &sn)
		for _, n := range sn {
			rep.assume(g.at(r, t.cols[roleToDate]), "%s：实际完成值中的 %s", name, n)
		}
		o := model.Outlook{Name: name, Outlook: col(r, roleOutlook), Actual: actual, Cause: col(r, roleCause), Remedy: col(r, roleRemedy)}
		if o.Cause == "" {
			o.Cause = col(r, roleDeviation)
		}
		if o.Outlook == "" {
			rep.supply(g.at(r, t.cols[roleOutlook]), "%s：完成可能性是空的，按缺失导入；请填 确定能、有可能 或 完全不可能", name)
		} else if model.KindOfOutlook(o.Outlook) == model.OutlookUnknown {
			rep.supply(g.at(r, t.cols[roleOutlook]), "%s：完成可能性 %q 不是 确定能、有可能 或 完全不可能 的写法，照原样导入；请改正", name, o.Outlook)
		}
		m.outlooks = append(m.outlooks, o)
	}
	return r
}

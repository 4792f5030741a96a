package importer_test

import (
	"strings"
	"testing"

	"disclose/generator/importer"
	"disclose/generator/load"
)

// TestDateSerialsBesideDates: an Excel date serial is decoded where the
// row says it is a date — a 时效 row, or a target or actual on the other
// side written as a date — and left alone elsewhere (44561 may be people).
func TestDateSerialsBesideDates(t *testing.T) {
	form := `项目支出绩效自评表,,,,,,
项目名称,平台运维,项目编码,110-0001,,,
一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分
产出指标,质量指标,竣工验收,<=2021年12月31日,44560,30,30
,质量指标,上线,<=,,30,30
,数量指标,服务人次,>=44561人,44562,20,20
效益指标,社会效益指标,交付,44561,2021-12-30,10,10
满意度指标,服务对象满意度指标,满意度,>=90%,95%,10,10
`
	// 上线: target and actual both serials, but in a 时效-less row and no
	// date beside: not decoded (the value cell is 44561 via its own row).
	form = strings.Replace(form, ",质量指标,上线,<=,,30,30", ",质量指标,上线,44561,44560,30,30", 1)
	out, rep := importTo(t, importer.Options{Year: 2021, Code: "d", Name: "数据局"}, writeCSV(t, "f.csv", []byte(form)))
	site, diags := load.Site(out)
	if diags.HasErrors() {
		t.Fatal(diags.Sorted())
	}
	p := site.Departments[0].Projects[0]
	got := map[string]string{}
	for _, in := range p.Indicators {
		got[in.Name+" 目标"] = in.Operator.Raw + in.Value + in.Unit
	}
	for _, r := range p.Results.Evaluation.Indicators {
		got[r.Name+" 实际"] = r.Actual
	}
	for k, want := range map[string]string{
		"竣工验收 实际": "2021-12-30",   // beside a written date
		"交付 目标":   "<=2021-12-31", // beside a written date; no sign: not later than
		"上线 目标":   "44561",        // two serials, no date in the row: a number
		"上线 实际":   "44560",
		"服务人次 目标": ">=44561人",
		"服务人次 实际": "44562",
	} {
		if got[k] != want {
			t.Errorf("%s = %q, want %q", k, got[k], want)
		}
	}
	for _, w := range []struct{ cell, text string }{{"E4", "竣工验收：实际完成值中的 Excel 日期序号 44560 已转为 2021-12-30"}, {"C7", "交付：Excel 日期序号 44561 已转为 2021-12-31"}} {
		if n := noteAt(t, rep, importer.Assumed, w.text); n.Cell != w.cell {
			t.Errorf("%q at %s, want %s", w.text, n.Cell, w.cell)
		}
	}
}

// TestMonitoringDateSerials: a monitoring form's 时效 row and the date of
// a monitoring record, each given as a serial, come in as dates.
func TestMonitoringDateSerials(t *testing.T) {
	form := `项目支出绩效运行监控表,,,,,,,
项目名称,平台运维,项目编码,110-0009,,,,
一级指标,二级指标,三级指标,年度指标值,1-6月实际完成值,完成可能性,原因分析,改进措施
产出指标,时效指标,完成时间,44561,44377,确定能,,
满意度指标,服务对象满意度指标,满意度,>=90%,85%,有可能,投诉增加,加强培训
`
	records := "项目编码,监控日期,名称,三级指标,完成预判,当前实际值,当前完成情况,原因分析,改进措施\n110-0009,44469,1-9月绩效运行监控,满意度,有可能,88%,,,\n"
	out, rep := importTo(t, importer.Options{Year: 2021, Code: "d", Name: "数据局"}, writeCSV(t, "m.csv", []byte(form)), writeCSV(t, "r.csv", []byte(records)))
	site, diags := load.Site(out)
	if diags.HasErrors() {
		t.Fatal(diags.Sorted(), notes(rep))
	}
	p := site.Departments[0].Projects[0]
	if in := p.Indicators[0]; in.Operator.Raw != "<=" || in.Value != "2021-12-31" {
		t.Errorf("target %+v", in)
	}
	ms := p.Results.Monitoring
	if len(ms) != 2 || ms[0].Indicators[0].Actual != "2021-06-30" || ms[1].Date.String() != "2021-09-30" {
		t.Fatalf("monitoring %+v", ms)
	}
	if n := noteAt(t, rep, importer.Assumed, "监控日期是 Excel 日期序号 44469，已转为 2021-09-30"); n.File != "r.csv" || n.Cell != "B2" {
		t.Errorf("note at %s %s", n.File, n.Cell)
	}
}

package importer_test

import (
	"bytes"
	"strings"
	"testing"

	"disclose/generator/importer"
)

// noteAt finds the note of a kind whose message contains text.
func noteAt(t *testing.T, rep *importer.Report, k importer.NoteKind, text string) importer.Note {
	t.Helper()
	for _, n := range rep.Grouped(k) {
		if strings.Contains(n.Message, text) {
			return n
		}
	}
	t.Fatalf("no %s note %q in:\n%s", k, text, notes(rep))
	return importer.Note{}
}

// TestReportKindsAndPlaces: point 5 of issue 14. Each note says what was
// read, assumed or is still to supply, at a file and cell; a project's
// notes point at its own table (the second one's title row, not A1).
func TestReportKindsAndPlaces(t *testing.T) {
	second := `,,,,,,,,,
项目支出绩效自评表,,,,,,,,,
项目名称,办公设备购置,,,,,,,,
项目资金（万元）,,,,年初预算数,全年预算数,全年执行数,分值,执行率,得分
,年度资金总额：,,,5,5,5,10,100%,10
一级指标,二级指标,三级指标,年度指标值,,,实际完成值,分值,得分,
,,,指标性质,指标值,度量单位,,,,
产出指标,数量指标,购置台数,>=,10,台,,,,
`
	_, rep := importTo(t, importer.Options{Year: 2021, Code: "sjj"}, writeCSV(t, "two.csv", []byte(selfEval+second)))
	for _, c := range []struct {
		kind       importer.NoteKind
		text, cell string
	}{
		// Read: per table, at the table's first cell.
		{importer.Read, "项目 2021-0042 平台运维：5 个指标", "A1"},
		{importer.Read, "公布总分 87、等级 良", "A1"},
		{importer.Read, "部门名称 县数据中心（取自实施单位", "F3"},
		// The second project: its title row (row 20), not A1.
		{importer.Read, "办公设备购置：1 个指标、预算执行 5万元", "A20"},
		// Assumed: a decoded serial, an operator fallback, the default date.
		{importer.Assumed, "Excel 日期序号 44561 已转为 2021-12-31", "C15"},
		{importer.Assumed, "完成时限没有符号，按 <=（不晚于）导入", "C15"},
		{importer.Assumed, "表格中没有发布日期，暂按年度最后一天 2021-12-31", "A1"},
		// To supply: a missing code at its own table, a cut row by cell.
		{importer.ToSupply, "没有项目编码，暂用 IMPORT-002", "A20"},
		{importer.ToSupply, "购置台数：实际完成值和得分都是空的", "G26"},
		{importer.ToSupply, "表格中没有总体绩效目标", "A1"},
	} {
		n := noteAt(t, rep, c.kind, c.text)
		if n.File != "two.csv" || n.Cell != c.cell || n.Sheet != "" || !strings.HasPrefix(n.Where, "two.csv 第 ") {
			t.Errorf("%s %q at %s %q %s (%s), want cell %s", c.kind, c.text, n.File, n.Sheet, n.Cell, n.Where, c.cell)
		}
	}
	for _, n := range rep.Notes {
		if n.Kind != importer.Read && n.Kind != importer.Assumed && n.Kind != importer.ToSupply || n.File == "" || n.Where == "" {
			t.Errorf("a note without kind or place: %+v", n)
		}
	}
}

// TestReportText: the report prints the kinds in order, each note under
// its kind with its file and cell, within a kind by place in the file.
func TestReportText(t *testing.T) {
	_, rep := importTo(t, importer.Options{Year: 2021, Code: "sjj"}, writeCSV(t, "f.csv", []byte(selfEval)))
	var b bytes.Buffer
	if err := rep.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	text := b.String()
	heads := []string{"已读取（", "推定（", "待补充（"}
	last := -1
	for _, h := range heads {
		i := strings.Index(text, h)
		if i < last {
			t.Fatalf("kinds out of order or missing (%s):\n%s", h, text)
		}
		last = i
	}
	section := func(h string) string {
		i := strings.Index(text, h)
		rest := text[i:]
		for _, o := range heads {
			if j := strings.Index(rest[1:], "\n"+o); o != h && j >= 0 {
				rest = rest[:j+1]
			}
		}
		return rest
	}
	for h, want := range map[string][]string{
		"已读取（": {"f.csv 第 1 行第 1 列：项目 2021-0042 平台运维", "f.csv 第 3 行第 6 列：部门名称 县数据中心"},
		"推定（":  {"f.csv 第 15 行第 3 列：完成时间：Excel 日期序号 44561", "f.csv 第 1 行第 1 列：表格中没有发布日期"},
		"待补充（": {"f.csv 第 1 行第 1 列：表格中没有总体绩效目标"},
	} {
		s := section(h)
		for _, w := range want {
			if !strings.Contains(s, "  "+w) {
				t.Errorf("%s lacks %q:\n%s", h, w, s)
			}
		}
	}
	// By place within a kind: row 1 before row 15.
	s := section("推定（")
	if strings.Index(s, "第 1 行") > strings.Index(s, "第 15 行") {
		t.Errorf("notes not in the order of the file:\n%s", s)
	}
}

package importer_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"disclose/generator/check"
	"disclose/generator/derive"
	"disclose/generator/diag"
	"disclose/generator/importer"
	"disclose/generator/internal/testutil"
	"disclose/generator/load"
	"disclose/generator/model"
	"disclose/generator/semdiff"
)

// book writes a workbook with one sheet of rows; merges are "A5:A7" ranges.
func book(t testing.TB, rows [][]string, merges ...string) string {
	t.Helper()
	f := excelize.NewFile()
	for r, row := range rows {
		for c, v := range row {
			if v == "" {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			f.SetCellStr("Sheet1", cell, v)
		}
	}
	for _, m := range merges {
		a, b, _ := strings.Cut(m, ":")
		if err := f.MergeCell("Sheet1", a, b); err != nil {
			t.Fatal(err)
		}
	}
	p := filepath.Join(t.TempDir(), "form.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// header is the project header block of the official form.
func header(code, name, total string) [][]string {
	return [][]string{
		{"项目支出绩效目标表"},
		{"项目名称", name, "项目编码", code},
		{"主管部门", "督查考核办公室", "实施单位", "督查考核办公室"},
		{"资金总额（万元）", total, "其中：财政拨款", total, "其他资金", "0"},
		{"资金支出计划（累计进度%）", "3月底", "6月底", "9月底", "12月底"},
		{"", "10", "40", "70", "100"},
		{"年度目标", "目标1", "完成年度任务"},
		{},
	}
}

func importOne(t *testing.T, path string) (string, *importer.Report, *model.Department, *diag.List) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "content")
	rep, err := importer.Import([]string{path}, importer.Options{Out: out, Year: 2021, Code: "imp", Name: "测试局", Publish: "测试局"})
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	site, diags := load.Site(out)
	check.Site(site, diags)
	if len(site.Departments) != 1 {
		t.Fatalf("%d departments", len(site.Departments))
	}
	return out, rep, site.Departments[0], diags
}

type row struct{ l1, l2, name, op, value, unit string }

func rowsOf(ins []model.Indicator) []row {
	var out []row
	for _, in := range ins {
		out = append(out, row{in.Level1, in.Level2, in.Name, in.Operator.Raw, in.Value, in.Unit})
	}
	return out
}

func expect(t *testing.T, got []model.Indicator, want []row) {
	t.Helper()
	g := rowsOf(got)
	if len(g) != len(want) {
		t.Fatalf("%d rows, want %d:\n%v", len(g), len(want), g)
	}
	for i := range want {
		if g[i] != want[i] {
			t.Errorf("row %d: %+v, want %+v", i+1, g[i], want[i])
		}
	}
}

func clean(t *testing.T, d *diag.List) {
	t.Helper()
	if d.HasErrors() {
		t.Errorf("imported content does not pass check:\n%v", d.Sorted())
	}
}

// Variant 1: the official form: 指标值 over 符号/值/单位 on two header rows,
// 一级 and 二级 merged down and blank below their first row.
func TestOfficialTwoRowHeaderWithMergedCells(t *testing.T) {
	rows := append(header("110-0001", "平台运维", "10"),
		[]string{"一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "", "", "指标值确定依据"},
		[]string{"", "", "", "", "符号", "值", "单位（文字描述）", ""},
		[]string{"产出指标", "数量指标", "巡检次数", "全年巡检", ">=", "12", "次", "运维合同"},
		[]string{"", "", "故障处理数", "", ">=", "20", "件", "历史数据"},
		[]string{"", "质量指标", "系统可用率", "", "=", "99.9", "%", "合同"},
		[]string{"满意度指标", "服务对象满意度指标", "用户满意度", "", ">=", "90", "%", "问卷"},
	)
	p := book(t, rows, "A9:A10", "B9:B10", "C9:C10", "D9:D10", "E9:G9", "H9:H10", "A11:A13", "B11:B12")
	_, _, d, diags := importOne(t, p)
	clean(t, diags)
	expect(t, d.Projects[0].Indicators, []row{
		{"产出指标", "数量指标", "巡检次数", ">=", "12", "次"},
		{"产出指标", "数量指标", "故障处理数", ">=", "20", "件"},
		{"产出指标", "质量指标", "系统可用率", "=", "99.9", "%"},
		{"满意度指标", "服务对象满意度指标", "用户满意度", ">=", "90", "%"},
	})
	p0 := d.Projects[0]
	if p0.Code != "110-0001" || p0.Name != "平台运维" || p0.Total.Fen != 10_000_000 || len(p0.Plan) != 4 || p0.Plan[2].Date.String() != "2021-09-30" {
		t.Errorf("header block: %s %s %s %v", p0.Code, p0.Name, p0.Total, p0.Plan)
	}
}

// Variant 2: other spellings of the headers, one header row.
func TestHeaderSynonyms(t *testing.T) {
	rows := append(header("110-0002", "宣传经费", "5"),
		[]string{"一级", "二级", "三级", "指标内容", "指标性质", "目标值", "计量单位", "确定依据", "权重"},
		[]string{"产出指标", "数量指标", "宣传册印制", "", "≥", "1000", "册", "计划", "50"},
		[]string{"效益指标", "社会效益指标", "群众知晓率", "", "≥", "80", "%", "调查", "30"},
		[]string{"满意度指标", "服务对象满意度指标", "满意度", "", "≥", "90", "%", "问卷", "10"},
	)
	_, _, d, diags := importOne(t, book(t, rows))
	clean(t, diags)
	expect(t, d.Projects[0].Indicators, []row{
		{"产出指标", "数量指标", "宣传册印制", "≥", "1000", "册"},
		{"效益指标", "社会效益指标", "群众知晓率", "≥", "80", "%"},
		{"满意度指标", "服务对象满意度指标", "满意度", "≥", "90", "%"},
	})
	if w := d.Projects[0].Indicators[0].Weight; w == nil || w.String() != "50" {
		t.Errorf("weight %v", w)
	}
}

// Variant 3: operators glued to values, full-width symbols.
func TestGluedAndFullWidthOperators(t *testing.T) {
	rows := append(header("110-0003", "设备购置", "20"),
		[]string{"一级指标", "二级指标", "三级指标", "年度指标值", "指标值确定依据"},
		[]string{"产出指标", "数量指标", "购置台数", "≥50个", "采购计划"},
		[]string{"产出指标", "成本指标", "成本超支率", "≤5%", "预算"},
		[]string{"满意度指标", "服务对象满意度指标", "使用满意度", "＞＝９０％", "问卷"},
	)
	_, rep, d, diags := importOne(t, book(t, rows))
	clean(t, diags)
	expect(t, d.Projects[0].Indicators, []row{
		{"产出指标", "数量指标", "购置台数", "≥", "50", "个"},
		{"产出指标", "成本指标", "成本超支率", "≤", "5", "%"},
		{"满意度指标", "服务对象满意度指标", "使用满意度", "＞＝", "90", "%"},
	})
	if !strings.Contains(notes(rep), "符号与数值写在一起，已拆开") {
		t.Errorf("report:\n%s", notes(rep))
	}
}

// Variant 4: polarity in its own column, with and without an operator.
func TestPolarityColumn(t *testing.T) {
	rows := append(header("110-0004", "节能改造", "8"),
		[]string{"一级指标", "二级指标", "三级指标", "指标方向", "指标值", "计量单位"},
		[]string{"产出指标", "数量指标", "改造面积", "正向", "3000", "平方米"},
		[]string{"产出指标", "成本指标", "单位面积成本", "反向", "200", "元"},
		[]string{"效益指标", "生态效益指标", "能耗下降率", "正向", "≥10", "%"},
	)
	_, _, d, diags := importOne(t, book(t, rows))
	clean(t, diags)
	expect(t, d.Projects[0].Indicators, []row{
		{"产出指标", "数量指标", "改造面积", ">=", "3000", "平方米"},
		{"产出指标", "成本指标", "单位面积成本", "<=", "200", "元"},
		{"效益指标", "生态效益指标", "能耗下降率", "≥", "10", "%"},
	})
	if d.Projects[0].Indicators[1].Polarity != model.Negative {
		t.Error("反向 not kept")
	}
}

// Variant 5: an Excel date serial in a 时效 row (44561 is 2021-12-31).
func TestDateSerialInTimeliness(t *testing.T) {
	rows := append(header("110-0005", "系统建设", "30"),
		[]string{"一级指标", "二级指标", "三级指标", "符号", "值", "单位"},
		[]string{"产出指标", "时效指标", "完成时间", "", "44561", ""},
		[]string{"产出指标", "数量指标", "功能模块", "=", "6", "个"},
	)
	_, rep, d, diags := importOne(t, book(t, rows))
	clean(t, diags)
	expect(t, d.Projects[0].Indicators, []row{
		{"产出指标", "时效指标", "完成时间", "<=", "2021-12-31", ""},
		{"产出指标", "数量指标", "功能模块", "=", "6", "个"},
	})
	if !strings.Contains(notes(rep), "Excel 日期序号 44561 已转为 2021-12-31") {
		t.Errorf("report:\n%s", notes(rep))
	}
}

// Variant 6: numbers stored as text with thousands separators, units
// missing, amounts with separators.
func TestNumbersAsTextAndMissingUnits(t *testing.T) {
	rows := append(header("110-0006", "培训经费", "1,200"),
		[]string{"一级指标", "二级指标", "三级指标", "符号", "值", "单位"},
		[]string{"产出指标", "数量指标", "培训人次", ">=", "1,500", ""},
		[]string{"产出指标", "质量指标", "合格率", ">=", "95", ""},
	)
	_, rep, d, diags := importOne(t, book(t, rows))
	clean(t, diags)
	expect(t, d.Projects[0].Indicators, []row{
		{"产出指标", "数量指标", "培训人次", ">=", "1500", ""},
		{"产出指标", "质量指标", "合格率", ">=", "95", ""},
	})
	if d.Projects[0].Total.Fen != 1200_000_000 {
		t.Errorf("total %s", d.Projects[0].Total)
	}
	if !strings.Contains(notes(rep), "数值 1,500 已写作 1500") {
		t.Errorf("report:\n%s", notes(rep))
	}
}

// Variant 7: qualitative values written in the value column.
func TestQualitativeValues(t *testing.T) {
	rows := append(header("110-0007", "督查工作", "2"),
		[]string{"一级指标", "二级指标", "三级指标", "指标值"},
		[]string{"产出指标", "质量指标", "督查质量", "达成预期指标"},
		[]string{"效益指标", "社会效益指标", "工作成效", "好坏"},
		[]string{"效益指标", "可持续影响指标", "长效机制", "完成"},
	)
	_, _, d, diags := importOne(t, book(t, rows))
	clean(t, diags)
	expect(t, d.Projects[0].Indicators, []row{
		{"产出指标", "质量指标", "督查质量", "文字描述", "", "达成预期指标"},
		{"效益指标", "社会效益指标", "工作成效", "文字描述", "", "好坏"},
		{"效益指标", "可持续影响指标", "长效机制", "文字描述", "", "完成"},
	})
}

// Variant 8: the 项目支出绩效自评表 with budgets, actuals, weights, scores.
func TestSelfEvaluationForm(t *testing.T) {
	rows := [][]string{
		{"项目支出绩效自评表"},
		{"项目名称", "平台运维", "项目编码", "110-0008"},
		{"年初预算数（万元）", "10", "全年预算数（万元）", "9", "全年执行数（万元）", "8.5"},
		{},
		{"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"},
		{"产出指标", "数量指标", "巡检次数", "≥12次", "12", "50", "50", ""},
		{"效益指标", "社会效益指标", "运行稳定", "稳定运行", "基本达成", "30", "24", "偶有中断，已更换设备"},
		{"满意度指标", "服务对象满意度指标", "满意度", "≥90%", "88%", "10", "9.78", "个别单位不满意，加强培训"},
	}
	_, rep, d, diags := importOne(t, book(t, rows))
	clean(t, diags)
	p := d.Projects[0]
	if p.Results == nil || p.Results.Evaluation == nil || len(p.Results.Evaluation.Indicators) != 3 {
		t.Fatalf("no evaluation imported: %+v", p.Results)
	}
	r := p.Results
	if r.Budget.Initial.Fen != 10_000_000 || r.Budget.Adjusted.Fen != 9_000_000 {
		t.Errorf("budgets %v %v", r.Budget.Initial, r.Budget.Adjusted)
	}
	e := r.Evaluation.Indicators
	// Actuals, scores and the executed amount as printed; nothing invented.
	if e[0].Actual != "12" || e[2].Actual != "88%" || e[2].Deviation == "" || e[1].Achievement != "" || e[1].Score.String() != "24" || e[2].Score.String() != "9.78" {
		t.Errorf("results %+v", e)
	}
	if r.Budget.Executed == nil || r.Budget.Executed.Fen != 8_500_000 {
		t.Errorf("executed %v", r.Budget.Executed)
	}
	_ = rep
}

// Variant 9: a budget system's CSV in GB18030, with a totals row.
func TestGB18030CSV(t *testing.T) {
	text := "项目名称,考核经费,项目编码,110-0009\n资金总额（万元）,3\n\n一级指标,二级指标,三级指标,符号,值,计量单位,指标值确定依据\n" +
		"产出指标,数量指标,考核单位数,>=,40,个,考核办法\n,,考核报告,=,1,份,考核办法\n满意度指标,服务对象满意度指标,满意度,>=,85,%,问卷\n合计,,,,,,\n"
	gb, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(text))
	p := filepath.Join(t.TempDir(), "export.csv")
	os.WriteFile(p, gb, 0o644)
	_, _, d, diags := importOne(t, p)
	clean(t, diags)
	expect(t, d.Projects[0].Indicators, []row{
		{"产出指标", "数量指标", "考核单位数", ">=", "40", "个"},
		{"产出指标", "数量指标", "考核报告", "=", "1", "份"},
		{"满意度指标", "服务对象满意度指标", "满意度", ">=", "85", "%"},
	})
}

// Variant 10: totals that disagree with their parts are imported as
// written, and check reports them.
func TestTotalsThatDisagree(t *testing.T) {
	rows := [][]string{
		{"项目名称", "督查考核专项经费", "项目编码", "110-0010"},
		{"资金总额（万元）", "21"},
		{"预算明细", "金额（万元）"},
		{"项目推进模块软件升级", "16"},
		{"软件维护", "4"},
		{"全区考核工作经费", "2"},
		{},
		{"一级指标", "二级指标", "三级指标", "符号", "值", "单位"},
		{"满意度指标", "服务对象满意度指标", "满意度", ">=", "90", "%"},
	}
	_, _, d, diags := importOne(t, book(t, rows))
	if len(d.Projects[0].BudgetLines) != 3 || d.Projects[0].Total.Fen != 21_000_000 {
		t.Fatalf("not imported as written: %+v", d.Projects[0].BudgetLines)
	}
	found := false
	for _, m := range diags.Sorted() {
		found = found || (m.Code == "budget-sum" && strings.Contains(m.Message, "预算明细合计 22.00万元，与项目资金总额 21万元 不符"))
	}
	if !found {
		t.Errorf("check does not report the disagreement:\n%v", diags.Sorted())
	}
}

func notes(r *importer.Report) string {
	var b strings.Builder
	for _, n := range r.Notes {
		b.WriteString(n.Where + "：" + n.Message + "\n")
	}
	return b.String()
}

// TestExportImportRoundTrip: the sample department, exported to a workbook
// and imported back, is the same content (no difference in the domain's
// terms, records and narratives included).
func TestExportImportRoundTrip(t *testing.T) {
	site, diags := load.Site(testutil.ContentDir())
	onlyYear(site, 2021) // the workbook holds one department-year
	check.Site(site, diags)
	xlsx := filepath.Join(t.TempDir(), "dkb.xlsx")
	if err := importer.Export(site.Departments[0], xlsx); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "content")
	os.MkdirAll(out, 0o755)
	data, _ := os.ReadFile(filepath.Join(testutil.ContentDir(), "site.yaml"))
	os.WriteFile(filepath.Join(out, "site.yaml"), data, 0o644)
	if _, err := importer.Import([]string{xlsx}, importer.Options{Out: out, Year: 2021, Code: "dkb"}); err != nil {
		t.Fatal(err)
	}
	back, backDiags := load.Site(out)
	check.Site(back, backDiags)
	if backDiags.HasErrors() {
		t.Fatalf("re-imported content has errors: %v", backDiags.Sorted())
	}
	r := semdiff.Compare(
		semdiff.Side{Label: "原内容", Root: testutil.ContentDir(), Site: site, Depts: derive.Site(site), Diags: diags.Sorted()},
		semdiff.Side{Label: "导出再导入", Root: out, Site: back, Depts: derive.Site(back), Diags: backDiags.Sorted()})
	if !r.Empty() {
		var b bytes.Buffer
		r.WriteText(&b, false)
		t.Errorf("round trip changed the content:\n%s", b.String())
	}
}

// TestBadFiles: files that are not forms get a clear error, never a panic,
// and nothing is written.
func TestBadFiles(t *testing.T) {
	dir := t.TempDir()
	notBook := filepath.Join(dir, "notes.xlsx")
	os.WriteFile(notBook, []byte("这不是工作簿"), 0o644)

	locked := filepath.Join(dir, "locked.xlsx")
	f := excelize.NewFile()
	f.SetCellStr("Sheet1", "A1", "一级指标")
	if err := f.SaveAs(locked, excelize.Options{Password: "secret"}); err != nil {
		t.Fatal(err)
	}

	empty := book(t, [][]string{{"会议纪要"}, {"出席人员", "张三"}})

	big := filepath.Join(dir, "big.xlsx")
	bf := excelize.NewFile()
	sw, _ := bf.NewStreamWriter("Sheet1")
	for r := 1; r <= 25000; r++ {
		cell, _ := excelize.CoordinatesToCellName(1, r)
		sw.SetRow(cell, []any{"一级指标", "二级指标", "三级指标", strings.Repeat("很长的说明文字", 20)})
	}
	sw.Flush()
	bf.SaveAs(big)

	huge := filepath.Join(dir, "huge.csv")
	hf, _ := os.Create(huge)
	line := strings.Repeat("文字", 300) + "\n"
	for hf.Sync(); ; {
		st, _ := hf.Stat()
		if st.Size() > 40<<20 {
			break
		}
		hf.WriteString(strings.Repeat(line, 1000))
	}
	hf.Close()

	for _, tc := range []struct {
		name, path, want string
	}{
		{"not a workbook", notBook, "不是 Excel 工作簿"},
		{"password-protected", locked, "设置了打开密码"},
		{"no recognisable table", empty, "没有找到可识别的绩效表格"},
		{"a sheet of 25,000 rows", big, "超过绩效表格的合理行数"},
		{"a 40 MB CSV", huge, "超过绩效表格的合理大小"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "content")
			rep, err := importer.Import([]string{tc.path}, importer.Options{Out: out, Year: 2021, Code: "x"})
			msg := ""
			if err != nil {
				msg = err.Error()
			} else {
				msg = notes(rep)
			}
			if !strings.Contains(msg, tc.want) {
				t.Errorf("got %q, want %q", msg, tc.want)
			}
			if err != nil && !errors.Is(err, importer.ErrNotForm) && !strings.Contains(msg, "没有找到") {
				t.Errorf("error does not say the file is not a form: %v", err)
			}
			if err != nil {
				if _, statErr := os.Stat(out); statErr == nil {
					entries, _ := os.ReadDir(out)
					if len(entries) > 0 {
						t.Errorf("a failed import wrote %v", entries)
					}
				}
			}
		})
	}
}

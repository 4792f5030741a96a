package pdf_test

import (
	"strings"
	"testing"

	"disclose/generator/internal/pdfcheck"
	"disclose/generator/internal/testutil"
	"disclose/generator/pdf"
)

// reportText renders a department's report from content and returns its
// text layer with spaces and line ends dropped.
func reportText(t *testing.T, content string) string {
	t.Helper()
	data, err := pdf.Department(loadFonts(t), loadDepts(t, content)[0], opts)
	if err != nil {
		t.Fatal(err)
	}
	r, err := pdfcheck.Check(data)
	if err != nil || len(r.Problems) > 0 {
		t.Fatalf("pdfcheck: %v %v", err, r.Problems)
	}
	return squeeze(r.Text)
}

// TestPublishedFormsInPrint: the self-evaluation form of a published form,
// the indicator tables and the 自评得分复核 as the report prints them.
func TestPublishedFormsInPrint(t *testing.T) {
	cases := []struct {
		name, variant string
		want, not     []string
	}{
		{name: "published vs computed, marked", variant: testutil.FormPublished,
			want: []string{
				"※公布45·按规则50.00", "按规则：定性指标", "※公布99·按规则95.93",
				"年度资金总额20.000万元25.500万元193,750.00元10.0075.98%",
				"其中：当年财政拨款20.000万元25.500万元193,750.00元",
				"年度总体目标完成情况：平台升级完成，运行稳定。", "评价结论：项目总体完成较好。",
				"6.2万元24.8万元", "偏差原因分析：需求变更致开发延后",
				"项目类别其他类", "主管部门(433)督查考核办公室", "公开来源" + testutil.ProjectOrigin,
				// 自评得分复核
				"督查考核专项经费资金使用规范性※4550.00", "督查考核专项经费总分※9995.93",
				// project list and budget sentence: the one execution rate
				"督查考核专项经费25.50019.37575.98%", "全年预算数25.500万元，全年执行数19.375万元（按自评表公布的数字），执行率75.98%",
				// polarity, 其中 rows, empty group
				"指标方向", "区直部门使用情况满意度正向>=90.00%", testutil.PartName + "85%", testutil.EmptyGroup + "（本组未列三级指标）",
			},
			not: []string{"有不适用指标", "未完成自评"}},
		{name: "incomplete: no total, no grade", variant: testutil.FormIncomplete,
			want: []string{"未完成自评：不计总分、不评等级", "以下指标没有实际完成值，不计总分、不评等级：" + testutil.MissingIndicator},
			not:  []string{"评价等级：", "有不适用指标", "※"}},
		{name: "not applicable: rescaled", variant: testutil.FormNotApplicable,
			want: []string{"有不适用指标：得分合计", "不适用：合同延至次年验收"},
			not:  []string{"未完成自评", "※"}},
		{name: "sample", variant: "",
			want: []string{"自评得分复核", "1张自评表公布的得分、小计、总分和等级与按规则计算的一致"},
			not:  []string{"有不适用指标", "未完成自评", "※"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			content := testutil.ContentDir()
			if c.variant != "" {
				content = testutil.PublishedForm(t, c.variant)
			}
			text := reportText(t, content)
			for _, w := range c.want {
				if !strings.Contains(text, squeeze(w)) {
					t.Errorf("the report lacks %q", w)
				}
			}
			for _, w := range c.not {
				if strings.Contains(text, squeeze(w)) {
					t.Errorf("the report shows %q", w)
				}
			}
		})
	}
}

package web_test

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"disclose/generator/internal/testutil"
)

var tags = regexp.MustCompile(`(?s)<script.*?</script>|<[^>]+>`)

// pageText is a page's text as a reader sees it: tags dropped, entities
// decoded, runs of space made one.
func pageText(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := html.UnescapeString(tags.ReplaceAllString(string(data), " "))
	return strings.Join(strings.Fields(s), " ")
}

// TestPublishedForms: the self-evaluation form of a published form as the
// project page and the department page show it.
func TestPublishedForms(t *testing.T) {
	cases := []struct {
		name, variant string
		// project and dept must appear on the pages, not must not.
		project, dept, not []string
	}{
		{name: "published vs computed, marked", variant: testutil.FormPublished,
			project: []string{
				"50.00 50.00 ※ 公布 45 · 按规则 50.00 按规则：定性指标",
				"95.93 ※ 公布 99 · 按规则 95.93 评价等级：优",
				"年度资金总额 20.000万元 25.500万元 193,750.00元 10.00 75.98%",
				"其中：当年财政拨款 20.000万元 25.500万元 193,750.00元",
				"年度总体目标完成情况 平台升级完成，运行稳定。", "评价结论 项目总体完成较好。",
				"1–6月执行数 全年预计执行数", "6.2万元 24.8万元", "偏差原因分析：需求变更致开发延后", "完成目标可能性及改进措施：倒排工期",
				"项目类别：其他类", "主管部门：(433)督查考核办公室", "项目负责人：张三", "公开来源：" + testutil.ProjectOrigin,
			},
			dept: []string{"自评得分复核", "督查考核专项经费 资金使用规范性 ※ 45 50.00", "督查考核专项经费 总分 ※ 99 95.93",
				"25.500 19.375 75.98%"},
			not: []string{"有不适用指标", "未完成自评"}},
		{name: "incomplete: no total, no grade", variant: testutil.FormIncomplete,
			project: []string{"未完成自评 ：不计总分、不评等级", "未完成自评：以下指标没有实际完成值，不计总分、不评等级：" + testutil.MissingIndicator + "。"},
			dept:    []string{"督查考核专项经费 25.500 19.375 75.98%", "— 未完成自评"},
			not:     []string{"评价等级：", "有不适用指标", "※"}},
		{name: "not applicable: rescaled", variant: testutil.FormNotApplicable,
			project: []string{"有不适用指标：得分合计", "不适用：合同延至次年验收", "再按有效分值折算为百分制"},
			not:     []string{"未完成自评", "※"}},
		{name: "sample: nothing to review, no rescaling", variant: "",
			dept: []string{"自评得分复核 1 张自评表公布的得分、小计、总分和等级与按规则计算的一致"},
			not:  []string{"有不适用指标", "未完成自评", "※", "公开来源"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			content := testutil.ContentDir()
			if c.variant != "" {
				content = testutil.PublishedForm(t, c.variant)
			}
			out := build(t, content)
			project := pageText(t, filepath.Join(out, "2021/dkb/projects/110-0303-JBN-1VKY.html"))
			dept := pageText(t, filepath.Join(out, "2021/dkb/index.html"))
			for _, w := range c.project {
				if !strings.Contains(project, w) {
					t.Errorf("the project page lacks %q", w)
				}
			}
			for _, w := range c.dept {
				if !strings.Contains(dept, w) {
					t.Errorf("the department page lacks %q", w)
				}
			}
			for _, w := range c.not {
				if strings.Contains(project, w) || strings.Contains(dept, w) {
					t.Errorf("a page shows %q", w)
				}
			}
		})
	}
}

// TestIndicatorTableRows: polarity in every indicator table, "其中" rows
// under their indicator, and a level without 三级 rows as an empty group.
func TestIndicatorTableRows(t *testing.T) {
	out := build(t, testutil.PublishedForm(t, testutil.FormPublished))
	project := pageText(t, filepath.Join(out, "2021/dkb/projects/110-0303-JBN-1VKY.html"))
	for _, w := range []string{
		// target table: direction column, the part row, the empty group
		"三级指标 绩效指标描述 指标方向 指标值",
		"使用者满意度 区直部门使用情况满意度 正向 >= 90.00 %",
		"督考平台使用情况及改进意见征集情况 " + testutil.PartName + " 85 %",
		testutil.EmptyGroup + " （本组未列三级指标）",
		// evaluation table
		"三级指标 指标方向 年度指标值",
		"使用者满意度 正向 >=90.00% 88.5",
		testutil.PartName + " 85% 80",
		"产出指标 " + testutil.EmptyGroup + " （本组未列三级指标）",
		// monitoring
		">=90.00%（正向）",
	} {
		if !strings.Contains(project, w) {
			t.Errorf("the project page lacks %q", w)
		}
	}
	// The empty group sits under its 一级 cell, right after that category's rows.
	raw, _ := os.ReadFile(filepath.Join(out, "2021/dkb/projects/110-0303-JBN-1VKY.html"))
	if !regexp.MustCompile(`<th scope="rowgroup" rowspan="2">产出指标</th>`).Match(raw) {
		t.Error("the empty group is not merged under 产出指标")
	}
}

// TestUnpublishedSections: a department that publishes only project tables
// still shows each section, saying it was not published.
func TestUnpublishedSections(t *testing.T) {
	content := testutil.CopyContent(t)
	dy := filepath.Join(content, "2021/dkb/department.yaml")
	data, _ := os.ReadFile(dy)
	s := string(data)
	s = s[:strings.Index(s, "sub_targets:")] + s[strings.Index(s, "\nspecial_funds:")+1:]
	os.WriteFile(dy, []byte(s), 0o644)
	out := build(t, content)
	dept := pageText(t, filepath.Join(out, "2021/dkb/index.html"))
	for _, w := range []string{"本部门未公开分项绩效目标。", "部门整体绩效指标 一级指标", "（无）", "本部门未公开部门整体绩效指标"} {
		if !strings.Contains(dept, w) {
			t.Errorf("the department page lacks %q", w)
		}
	}
}

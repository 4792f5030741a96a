package web_test

import (
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"disclose/generator/internal/testutil"
)

// What a reader of the sample project page sees: the status beside the plan
// follows the plan's deviation, with its rule under the table; the plan
// chart's data is that table, not a second one; every chart of illustrative
// figures says so.
func TestProjectPageReadsRight(t *testing.T) {
	out := build(t, testutil.ContentDir())
	data, err := os.ReadFile(filepath.Join(out, "2021/dkb/projects/110-0303-JBN-1VKY.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	rows := regexp.MustCompile(`<tr><th scope="row" class="nw">(\d+月底)</th>.*?<td class="num">(&#43;|−)?([\d.]+)</td><td><span class="light [a-z]+">(.)[^<]*</span></td></tr>`).FindAllStringSubmatch(page, -1)
	if len(rows) != 4 {
		t.Fatalf("plan table: %d checkpoint rows with a status, want 4", len(rows))
	}
	for _, r := range rows {
		behind, _ := new(big.Rat).SetString(r[3])
		want := "●"
		switch {
		case r[2] == "−" && behind.Cmp(big.NewRat(10, 1)) > 0:
			want = "■"
		case r[2] == "−" && behind.Sign() > 0:
			want = "▲"
		}
		if r[4] != want {
			t.Errorf("%s: deviation %s%s shows %s, want %s", r[1], r[2], r[3], r[4], want)
		}
	}
	if !strings.Contains(page, "偏差 = 实际进度 − 计划进度（百分点）。对照计划：实际进度不低于计划为“● 正常”，落后计划不超过 10 个百分点为“▲ 关注”") {
		t.Error("the plan table's rule is not under it")
	}
	if n := strings.Count(page, "<caption>资金支出计划执行情况（累计）</caption>"); n != 1 {
		t.Errorf("plan table shown %d times", n)
	}
	if strings.Contains(page, "计划与实际累计支出进度") {
		t.Error("the plan chart repeats the plan table")
	}
	if !strings.Contains(page, `图中数据见表“<a href="#plan-table">资金支出计划执行情况（累计）</a>”`) {
		t.Error("the plan chart does not point to its table")
	}
	for _, c := range regexp.MustCompile(`<figcaption>([^<]*)</figcaption>`).FindAllStringSubmatch(page, -1) {
		if !strings.HasSuffix(c[1], "（示例数据）") {
			t.Errorf("chart %q lacks （示例数据）", c[1])
		}
	}
}

// The 项目支出绩效目标表 is one table, as the official form is, and the
// department's indicator table does not show the heading above it again.
func TestOneProjectForm(t *testing.T) {
	out := build(t, testutil.ContentDir())
	for _, f := range []string{"2021/dkb/projects/110-0303-JBN-1VKY.html", "2021/dkb/index.html"} {
		data, err := os.ReadFile(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		page := string(data)
		i := strings.Index(page, "<caption>督查考核专项经费　项目支出绩效目标表</caption>")
		if i < 0 {
			t.Fatalf("%s: no 项目支出绩效目标表", f)
		}
		form := page[i : i+strings.Index(page[i:], "</table>")]
		for _, w := range []string{"项目编码", "资金总额（万元）", "资金支出计划（累计进度%）", "12月底", "目标1", "目标2", "一级指标", "使用者满意度"} {
			if !strings.Contains(form, w) {
				t.Errorf("%s: the form lacks %q", f, w)
			}
		}
		for _, c := range []string{"<caption>资金支出计划（累计进度%）</caption>", "<caption>绩效目标</caption>", "<caption>督查考核专项经费 绩效指标</caption>"} {
			if strings.Contains(page, c) {
				t.Errorf("%s: a separate table %s", f, c)
			}
		}
	}
	data, _ := os.ReadFile(filepath.Join(out, "2021/dkb/index.html"))
	if !strings.Contains(string(data), `<h3>部门整体绩效指标</h3>`) || !strings.Contains(string(data), `<caption class="vh">部门整体绩效指标</caption>`) {
		t.Error("the department's indicator table shows its heading again as a caption")
	}
}

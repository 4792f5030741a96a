package pdf_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"disclose/generator/derive"
	"disclose/generator/internal/testutil"
	"disclose/generator/pdf"
)

// Every page of the sample report that shows illustrative figures (the
// made-up spending, monitoring and self-evaluation) says so in its footer,
// and no other page does: the note at the start of a section may be pages
// away. The chart's title says so too.
func TestIllustrativeNoteOnEveryPage(t *testing.T) {
	d := loadDepts(t, testutil.ContentDir())[0]
	data, err := pdf.Department(loadFonts(t), d, opts)
	if err != nil {
		t.Fatal(err)
	}
	text := tool(t, "pdftotext", "-enc", "UTF-8", writeTemp(t, data), "-")
	pages := strings.Split(strings.TrimRight(text, "\f"), "\f")
	figures := []string{"执行数", "执行率", "支出记录", "进度比", "得分", "实际累计进度"}
	note := squeezeSpace(pdf.IllustrativeFooter)
	marked := 0
	for i, pg := range pages {
		flat := squeezeSpace(pg)
		if strings.Contains(pg, "······") {
			continue // the contents: headings, not figures
		}
		shows := false
		for _, f := range figures {
			shows = shows || strings.Contains(flat, f)
		}
		has := strings.Contains(flat, note)
		switch {
		case shows && !has:
			t.Errorf("page %d shows illustrative figures without the note:\n%.300s", i+1, pg)
		case !shows && has:
			t.Errorf("page %d has the note but no illustrative figures:\n%.300s", i+1, pg)
		}
		if has {
			marked++
		}
	}
	if marked < 3 {
		t.Errorf("only %d pages carry the note", marked)
	}
	if !strings.Contains(squeezeSpace(text), "资金支出计划与实际执行（累计进度）（示例数据）") {
		t.Error("the chart's title lacks （示例数据）")
	}
}

// A wholly illustrative year (the sample's 2022 and 2023) says on every
// numbered page that all of it, targets and budgets too, is made up; a
// published year with made-up figures (2021) never says so.
func TestIllustrativeYearOnEveryPage(t *testing.T) {
	depts := loadDepts(t, testutil.ContentDir())
	for _, tc := range []struct {
		year       int
		every, not string // the footer every numbered page has, the one none has
	}{
		{2021, "", pdf.IllustrativeYearFooter},
		{2022, pdf.IllustrativeYearFooter, pdf.IllustrativeFooter},
		{2023, pdf.IllustrativeYearFooter, pdf.IllustrativeFooter},
	} {
		t.Run(fmt.Sprint(tc.year), func(t *testing.T) {
			i := slices.IndexFunc(depts, func(d *derive.Department) bool { return d.Year == tc.year })
			if i < 0 {
				t.Fatalf("the sample has no %d", tc.year)
			}
			data, err := pdf.Department(loadFonts(t), depts[i], opts)
			if err != nil {
				t.Fatal(err)
			}
			pages := strings.Split(strings.TrimRight(tool(t, "pdftotext", "-enc", "UTF-8", writeTemp(t, data), "-"), "\f"), "\f")
			numbered := 0
			for n, pg := range pages {
				flat := squeezeSpace(pg)
				if !footer.MatchString(flat) {
					continue
				}
				numbered++
				if tc.every != "" && !strings.Contains(flat, squeezeSpace(tc.every)) {
					t.Errorf("page %d lacks %q", n+1, tc.every)
				}
				if strings.Contains(flat, squeezeSpace(tc.not)) {
					t.Errorf("page %d says %q", n+1, tc.not)
				}
			}
			if numbered < 3 {
				t.Errorf("%d numbered pages", numbered)
			}
		})
	}
}

// The project's form is one table in print too: its upper rows, the plan
// and the targets sit above the indicator rows, with no captions between.
func TestOneProjectFormInPrint(t *testing.T) {
	d := loadDepts(t, testutil.ContentDir())[0]
	data, err := pdf.Department(loadFonts(t), d, opts)
	if err != nil {
		t.Fatal(err)
	}
	text := squeeze(tool(t, "pdftotext", "-raw", "-enc", "UTF-8", writeTemp(t, data), "-"))
	i := strings.Index(text, "督查考核专项经费项目支出绩效目标表")
	if i < 0 {
		t.Fatal("no 项目支出绩效目标表")
	}
	form := text[i:]
	form = form[:strings.Index(form, "项目说明")]
	at := 0
	for _, w := range []string{"项目编码", "资金总额（万元）", "资金支出计划（累计进度%）", "12月底", "目标1", "目标2", "一级指标", "使用者满意度"} {
		j := strings.Index(form[at:], w)
		if j < 0 {
			t.Fatalf("the form lacks %q in order:\n%s", w, form)
		}
		at += j
	}
	if strings.Contains(text, "督查考核专项经费绩效指标") {
		t.Error("the indicators are a separate table")
	}
}

package present

import "testing"

func TestSharedTexts(t *testing.T) {
	for _, c := range []struct{ name, got, want string }{
		{"own measures heading", MeasuresHeading("四、工作保障措施"), "四、工作保障措施"},
		{"default measures heading", MeasuresHeading(""), "工作保障措施"},
		{"spending note of its own", SpendingNote("仅为演示。", Report), "仅为演示。"},
		{"spending note on a page", SpendingNote("", Page), "本页的支出数据为示例数据，不是实际支出。"},
		{"spending note in a report", SpendingNote("", Report), "本部分的支出数据为示例数据，不是实际支出。"},
		{"results note of its own", ResultsNote("演示用。"), "演示用。"},
		{"default results note", ResultsNote(""), "本项目的监控和自评结果为示例数据。"},
		{"measures unpublished", Unpublished{}.Measures(MeasuresHeading("")), "本部门未公开工作保障措施。"},
	} {
		if c.got != c.want {
			t.Errorf("%s: %q, want %q", c.name, c.got, c.want)
		}
	}
}

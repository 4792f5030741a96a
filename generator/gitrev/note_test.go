package gitrev

import "testing"

func TestNote(t *testing.T) {
	for _, c := range []struct{ body, want string }{
		{"", ""},
		{"Fix typo in budget\n", ""},
		{"更正说明: 软件维护费更正为3.5万元。\n", "软件维护费更正为3.5万元。"},
		{"详情见工单\n\n更正说明：软件维护费按批复\n更正为3.5万元。\nSigned-off-by: A <a@b>\n", "软件维护费按批复更正为3.5万元。"},
		{"更正说明 : 空格也可以\n\n后面的段落不算\n", "空格也可以"},
		{"更正说明没有冒号\n", ""},
	} {
		if got := note(c.body); got != c.want {
			t.Errorf("note(%q) = %q, want %q", c.body, got, c.want)
		}
	}
}

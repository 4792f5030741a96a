package console

import (
	"bytes"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestChoose(t *testing.T) {
	cases := []struct {
		cp   uint32
		want string // the bytes "检查：0 个错误" becomes
	}{
		{0, "检查：0 个错误"},            // no console, or not Windows: UTF-8
		{CodePageUTF8, "检查：0 个错误"}, // chcp 65001
		{437, "检查：0 个错误"},          // a code page with no Chinese: UTF-8 as is
		{CodePageGBK, "\xbc\xec\xb2\xe9\xa3\xba0 \xb8\xf6\xb4\xed\xce\xf3"},
		{CodePageGB2312, "\xbc\xec\xb2\xe9\xa3\xba0 \xb8\xf6\xb4\xed\xce\xf3"},
		{CodePageGB18030, "\xbc\xec\xb2\xe9\xa3\xba0 \xb8\xf6\xb4\xed\xce\xf3"},
		{CodePageBig5, ""}, // Big5 lacks the simplified characters: see below
	}
	for _, c := range cases {
		var buf bytes.Buffer
		w := Wrap(&buf, c.cp)
		if _, err := w.Write([]byte("检查：0 个错误")); err != nil {
			t.Fatal(err)
		}
		if c.cp == CodePageBig5 {
			// Simplified characters Big5 lacks become '?', never lost
			// silently nor an error.
			if !bytes.Contains(buf.Bytes(), []byte("?")) || !bytes.Contains(buf.Bytes(), []byte("0 ")) {
				t.Errorf("cp %d: %q", c.cp, buf.Bytes())
			}
			continue
		}
		if got := buf.String(); got != c.want {
			t.Errorf("cp %d: %q, want %q", c.cp, got, c.want)
		}
	}
}

// A character split between two writes (fmt writes whole strings, but a
// bufio.Writer may not) still comes out whole.
func TestWriteSplitCharacter(t *testing.T) {
	var buf bytes.Buffer
	w := Wrap(&buf, CodePageGBK)
	text := []byte("金额 𠮷 万元\n") // 𠮷 is not in GBK
	for i := range text {
		if _, err := w.Write(text[i : i+1]); err != nil {
			t.Fatal(err)
		}
	}
	got, _ := simplifiedchinese.GBK.NewDecoder().String(buf.String())
	if got != "金额 ? 万元\n" {
		t.Errorf("got %q", got)
	}
}

func TestOverride(t *testing.T) {
	cases := []struct {
		env  string
		want uint32
	}{
		{"936", 936},
		{"65001", 65001},
		{"nonsense", consoleCodePage()},
	}
	for _, c := range cases {
		t.Setenv(Override, c.env)
		if got := CodePage(); got != c.want {
			t.Errorf("%s=%s: %d, want %d", Override, c.env, got, c.want)
		}
	}
}

package web

import (
	"errors"
	"html/template"
	"math/big"
	"strings"
	"testing"
)

type stringer struct{ s string }

func (s stringer) String() string { return s.s }

// TestFastEscapers renders values in text and in a quoted attribute with
// html/template's own escapers and with fastEscapers: the same bytes.
func TestFastEscapers(t *testing.T) {
	const src = `{{define "layout"}}<p title="{{.}}">{{.}}</p>{{end}}`
	fast := template.Must(template.New("").Parse(src))
	useFastEscapers(fast)
	// The override takes effect only under html/template's own names.
	if tree := fast.Lookup("layout").Tree.Root.String(); !strings.Contains(tree, "_html_template_htmlescaper") || !strings.Contains(tree, "_html_template_attrescaper") {
		t.Fatalf("html/template no longer names its escapers as fastEscapers does: %s", tree)
	}
	s := "<a href='x'>&amp; \"q\" + 1</a>"
	var nilRat *big.Rat
	values := []any{
		"", "plain 中文", s, "nul\x00byte", "bad \xff\xfe utf-8 \xe4\xb8", "+-=@", "\ufdd0\ufff0",
		template.HTML(s), template.HTML("<b>粗</b> &lt;"), template.HTMLAttr(`a="b"`), template.URL("a?b=c&d"), template.JS("x<y"),
		0, -12, 2021, int64(7), 3.5, true, nil, nilRat, big.NewRat(1, 3), &s, stringer{"<s>"}, errors.New("e&r"), []string{"a", "<b>"},
	}
	for _, v := range values {
		var want, got strings.Builder
		plain := template.Must(template.New("").Parse(src))
		if err := plain.ExecuteTemplate(&want, "layout", v); err != nil {
			t.Fatal(err)
		}
		if err := fast.ExecuteTemplate(&got, "layout", v); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%#v: got %q, want %q", v, got.String(), want.String())
		}
	}
}

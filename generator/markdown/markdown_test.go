package markdown

import (
	"sync"
	"testing"
)

func TestHTML(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"CJK line break joins", "第一行\n第二行\n", "<p>第一行第二行</p>\n"},
		{"raw HTML dropped", "<script>x</script>\n\n正文\n", "<!-- raw HTML omitted -->\n<p>正文</p>\n"},
		{"javascript link emptied", "[点](javascript:alert(1))\n", "<p><a href=\"\">点</a></p>\n"},
		// An aligned cell is a class, never a style attribute: the pages'
		// content security policy (style-src 'self') blocks those.
		{"aligned table", "| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n",
			"<table>\n<thead>\n<tr>\n<th class=\"align-left\">a</th>\n<th class=\"align-center\">b</th>\n<th class=\"align-right\">c</th>\n<th>d</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td class=\"align-left\">1</td>\n<td class=\"align-center\">2</td>\n<td class=\"align-right\">3</td>\n<td>4</td>\n</tr>\n</tbody>\n</table>\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := Parse(c.in)
			var wg sync.WaitGroup
			got := make([]string, 4)
			for i := range got {
				wg.Go(func() {
					h, err := d.HTML()
					if err != nil {
						t.Error(err)
					}
					got[i] = string(h)
				})
			}
			wg.Wait()
			for i, g := range got {
				if g != c.want {
					t.Errorf("rendering %d:\n%q\nwant\n%q", i, g, c.want)
				}
			}
		})
	}
	if h, err := (*Doc)(nil).HTML(); h != nil || err != nil {
		t.Errorf("nil Doc: %q, %v", h, err)
	}
}

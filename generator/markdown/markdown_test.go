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
		// goldmark writes an aligned cell's style into the node as it
		// renders: rendered twice it would say text-align twice.
		{"aligned table", "| a |\n|:--|\n| b |\n", "<table>\n<thead>\n<tr>\n<th style=\"text-align:left\">a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td style=\"text-align:left\">b</td>\n</tr>\n</tbody>\n</table>\n"},
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

package check

import (
	"strings"

	"github.com/yuin/goldmark/ast"

	"disclose/generator/diag"
	"disclose/generator/model"
)

// doubled lists Chinese punctuation written twice, a common slip when
// pasting (the seed's 项目说明 has "，，").
var doubled = []string{"，，", "。。", "、、", "；；", "：："}

// narrative checks a Markdown file in the document load parsed, the one
// web renders and pdf prints.
func (c *checker) narrative(m model.Markdown, what string, required bool) {
	if m.File == "" {
		return
	}
	var src []byte // the text as bytes, made only for a message
	c.controlMarkdown(m)
	if required && strings.TrimSpace(m.Text) == "" {
		c.errorf(diag.Pos{File: m.File}, "missing", "", "写出"+what+"的内容", "%s是空的", what)
		return
	}
	for _, mark := range doubled {
		for off := 0; ; {
			i := strings.Index(m.Text[off:], mark)
			if i < 0 {
				break
			}
			if src == nil {
				src = []byte(m.Text)
			}
			c.report("doubled-punctuation", diag.At(m.File, src, off+i), "", mark[:len(mark)/2], "标点 %s 重复", mark)
			off += i + len(mark)
		}
	}
	if m.Doc == nil {
		return
	}
	src = m.Doc.Source
	_ = ast.Walk(m.Doc.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		t, ok := n.(*ast.Text)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		seg := t.Segment.Value(src)
		for _, delim := range []string{"**", "__"} {
			if i := strings.Index(string(seg), delim); i >= 0 {
				c.report("cjk-emphasis", diag.At(m.File, src, t.Segment.Start+i), "", "在 "+delim+" 与中文标点之间不留标点，或把标点移到强调之外，如 “**绩效目标**”基本完成",
					"%s 紧挨着中文标点，不会显示为加粗，页面上会原样出现 %s", delim, delim)
				return ast.WalkContinue, nil
			}
		}
		return ast.WalkContinue, nil
	})
}

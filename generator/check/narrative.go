package check

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"disclose/generator/diag"
	"disclose/generator/markdown"
	"disclose/generator/model"
)

var md = markdown.New()

// doubled finds the same Chinese punctuation mark written twice, a common
// slip when pasting (the seed's 项目说明 has "，，").
var doubled = regexp.MustCompile(`(，，|。。|、、|；；|：：)`)

// narrative checks a Markdown file the way goldmark will render it.
func (c *checker) narrative(m model.Markdown, what string, required bool) {
	if m.File == "" {
		return
	}
	src := []byte(m.Text)
	if required && strings.TrimSpace(m.Text) == "" {
		c.errorf(diag.Pos{File: m.File}, "missing", "", "写出"+what+"的内容", "%s是空的", what)
		return
	}
	for _, loc := range doubled.FindAllIndex(src, -1) {
		c.report("doubled-punctuation", diag.At(m.File, src, loc[0]), "", string([]rune(string(src[loc[0]:loc[1]]))[:1]),
			"标点 %s 重复", src[loc[0]:loc[1]])
	}
	doc := md.Parser().Parse(text.NewReader(src))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
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

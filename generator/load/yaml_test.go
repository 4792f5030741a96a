package load

import (
	"strings"
	"testing"

	"disclose/generator/diag"
	"disclose/generator/model"
)

// TestLineSeparatorInPlainValue: a raw U+2028, U+2029 or U+0085 (pasted
// from Word or a web page, invisible in an editor) is a line break to YAML;
// in a plain value it cuts the line, and the message names the character
// at its own line and column (in characters) and says to quote the text or
// use a block scalar. Inside quotes it is text and no error.
func TestLineSeparatorInPlainValue(t *testing.T) {
	head := "code: 110-0001\nname: 平台运维\n"
	for _, tc := range []struct {
		name      string
		yaml      string
		line, col int
		want      string // in the message; "" when the file is fine
	}{
		{"U+2028 in a plain value", head + "purpose: 用于平台\u2028运维\ntotal: 21\n", 3, 14, "行分隔符 U+2028"},
		{"U+2029 in a plain value", head + "purpose: 用于平台\u2029运维\ntotal: 21\n", 3, 14, "段分隔符 U+2029"},
		{"U+0085 in a plain value", head + "purpose: 用于平台\u0085运维\ntotal: 21\n", 3, 14, "U+0085"},
		{"in a list item", head + "budget_lines:\n  - name: 软件\u2028维护\n    amount: 4\n", 4, 13, "U+2028"},
		{"CRLF line ends", strings.ReplaceAll(head+"purpose: 用于平台\u2028运维\ntotal: 21\n", "\n", "\r\n"), 3, 14, "U+2028"},
		{"lone CR line ends", strings.ReplaceAll(head+"purpose: 用于平台\u2028运维\ntotal: 21\n", "\n", "\r"), 3, 14, "U+2028"},
		{"after one inside quotes", head + "name2: \"甲\u2028乙\"\npurpose: 用于平台\u2028运维\n", 4, 14, "U+2028"},
		{"in a block scalar, the next text not indented", head + "purpose: |\n  用于平台\u2028运维\n", 4, 7, "U+2028"},
		{"in a comment", head + "# 说明\u2028注释\ntotal: 21\n", 3, 5, "U+2028"},
		{"inside double quotes", head + "purpose: \"用于平台\u2028运维\"\n", 0, 0, ""},
		{"inside single quotes", head + "purpose: '用于平台\u2028运维'\n", 0, 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			diags := &diag.List{}
			decodeYAML("p.yaml", []byte(tc.yaml), &model.Project{}, diags)
			var syntax []diag.Diagnostic
			for _, d := range diags.Sorted() {
				if d.Code == "yaml-syntax" {
					syntax = append(syntax, d)
				}
			}
			if tc.want == "" {
				if len(syntax) > 0 {
					t.Fatalf("quoted, the character is text, yet: %v", syntax)
				}
				return
			}
			if len(syntax) != 1 {
				t.Fatalf("want one yaml-syntax message, got %v", diags.Sorted())
			}
			d := syntax[0]
			if d.Line != tc.line || d.Column != tc.col {
				t.Errorf("at %d:%d, want %d:%d", d.Line, d.Column, tc.line, tc.col)
			}
			if !strings.Contains(d.Message, tc.want) || !strings.Contains(d.Message, "换行") {
				t.Errorf("message %q does not name %s as a line break", d.Message, tc.want)
			}
			if !strings.Contains(d.Hint, "双引号") || !strings.Contains(d.Hint, "| 多行文字") {
				t.Errorf("hint %q does not say to quote the text or use a block scalar", d.Hint)
			}
		})
	}
	// A file broken for another reason keeps the usual message.
	diags := &diag.List{}
	decodeYAML("p.yaml", []byte(head+"purpose: \"用于平台\u2028运维\"\ntotal: [21\n"), &model.Project{}, diags)
	for _, d := range diags.Sorted() {
		if strings.Contains(d.Message, "U+2028") {
			t.Errorf("a harmless quoted U+2028 was blamed: %v", d)
		}
	}
}

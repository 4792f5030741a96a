package pdf

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// mono measures a Chinese character as 1, Latin and digits as 0.5 and a
// space as 0.25, like a real font's proportions.
func mono(r rune) float64 {
	switch {
	case r == ' ':
		return 0.25
	case r < 0x2E80:
		return 0.5
	}
	return 1
}

func TestBreak(t *testing.T) {
	for _, tc := range []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"closing comma never starts a line", "一二三，四五", 3, []string{"一二", "三，四", "五"}},
		{"full stop and closing quote stay with their character", "他说好。”走吧", 3, []string{"他说", "好。”", "走吧"}},
		{"enumeration comma", "甲乙丙、丁", 3, []string{"甲乙", "丙、丁"}},
		{"closing bracket", "一二三）四", 3, []string{"一二", "三）四"}},
		{"ellipsis", "等等等……", 3, []string{"等等", "等……"}},
		{"opening bracket never ends a line", "一二（三）四", 3, []string{"一二", "（三）", "四"}},
		{"opening book title mark", "依据《办法》", 3, []string{"依据", "《办", "法》"}},
		{"opening quote", "一二“三”", 3, []string{"一二", "“三”"}},
		{"percent stays with its number", "完成率100%以上", 4, []string{"完成率", "100%以上"}},
		{"percent stays with its number, narrower", "完成率100%以上", 3.5, []string{"完成率", "100%以", "上"}},
		{"decimal percent", "达到90.00%", 4, []string{"达到", "90.00%"}},
		{"万元 stays with its number", "资金21万元整", 3, []string{"资金", "21万元", "整"}},
		{"grouped amount with 元", "共1,234.50元。", 6, []string{"共", "1,234.50元。"}},
		{"full stop hangs rather than start a line", "共1,234.50元。", 5, []string{"共", "1,234.50元。"}},
		{"a number too long for the line is cut, its comma hangs", "1234567890，", 2, []string{"1234", "5678", "90，"}},
		{"year stays with its digits", "在2021年内", 3, []string{"在", "2021年", "内"}},
		{"Latin words break at spaces only", "use goldmark parser", 5, []string{"use", "goldmark", "parser"}},
		{"GB/T is one word", "按GB/T 9704", 3, []string{"按GB/T", "9704"}},
		{"a word too long for any line is cut", "aaaaaaaaaaaa", 4, []string{"aaaaaaaa", "aaaa"}},
		{"no line starts with a space", "一二 三四", 2, []string{"一二", "三四"}},
		{"empty text is one empty line", "", 3, []string{""}},
		{"fits on one line", "绩效目标", 10, []string{"绩效目标"}},
		{"number then closing comma", "为100%，达标", 3, []string{"为", "100%，", "达标"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lines := Break(tc.text, tc.width, mono)
			var got []string
			for _, l := range lines {
				got = append(got, l.Text())
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Break(%q, %v) = %q, want %q", tc.text, tc.width, got, tc.want)
			}
			if !lines[len(lines)-1].Last {
				t.Error("the last line is not marked last")
			}
		})
	}
}

// TestBreakRules checks the rules on every break of a long real text at
// many widths, and that no text is lost.
func TestBreakRules(t *testing.T) {
	text := "对应目标1设置1个产出指标、1个效果指标，分别为资金使用规范性及平台续建情况是否达标，，对应目标2设置1个产出指标、" +
		"1个满意度指标，分别为平台验收通过率及使用者满意度；依据为《督查考核办公室财务管理制度》中要求的“各项开支必须执行" +
		"“节约开支、先批后支”的原则”等内容，预算21万元，完成率100%（2021年）。"
	// From six characters a line, as narrow as any table column is set.
	for width := 6.0; width <= 30; width += 0.25 {
		lines := Break(text, width, mono)
		var joined strings.Builder
		for i, l := range lines {
			s := l.Text()
			joined.WriteString(s)
			first, _ := utf8.DecodeRuneInString(s)
			last, _ := utf8.DecodeLastRuneInString(s)
			if i > 0 && isNoStart(first) {
				t.Errorf("width %v: line %d starts with %q: %q", width, i+1, first, s)
			}
			if i < len(lines)-1 && isNoEnd(last) {
				t.Errorf("width %v: line %d ends with %q: %q", width, i+1, last, s)
			}
			if hang := mono(last); l.Width > width+1e-9 && !(isNoStart(last) && l.Width-hang <= width+1e-9) {
				t.Errorf("width %v: line %d is %v wide: %q", width, i+1, l.Width, s)
			}
			for _, keep := range []string{"100%", "21万元", "2021年"} {
				if strings.HasSuffix(s, keep[:1]) && i+1 < len(lines) && strings.HasPrefix(keep, string([]rune(s)[len([]rune(s))-1:])+lines[i+1].Text()[:1]) {
					t.Errorf("width %v: %s split across lines %d and %d", width, keep, i+1, i+2)
				}
			}
		}
		if joined.String() != text {
			t.Fatalf("width %v: text changed:\n%s\n%s", width, joined.String(), text)
		}
	}
}

func FuzzBreak(f *testing.F) {
	f.Add("一二三，四五（六）七100%八", 3.0)
	f.Add("use goldmark, 21万元。", 2.5)
	f.Fuzz(func(t *testing.T, text string, width float64) {
		if width < 1 || width > 100 || !utf8.ValidString(text) || strings.ContainsAny(text, "\t") {
			return
		}
		lines := Break(text, width, mono)
		// The very lines the breaker gave before it was made compact.
		if d := sameLines(lines, refBreak(text, width, mono)); d != "" {
			t.Fatalf("Break(%q, %v): %s", text, width, d)
		}
		if d := sameLines(BreakIndent(text, width/2, width, uneven), refBreakIndent(text, width/2, width, uneven)); d != "" {
			t.Fatalf("BreakIndent(%q, %v, %v) with uneven widths: %s", text, width/2, width, d)
		}
		var joined strings.Builder
		for _, l := range lines {
			joined.WriteString(l.Text())
		}
		// Only spaces may be dropped, at line ends; hard breaks and control
		// characters are laid out, not printed.
		want := strings.Join(paragraphs(text), "")
		if strings.ReplaceAll(joined.String(), " ", "") != strings.ReplaceAll(want, " ", "") {
			t.Fatalf("text changed: %q → %q", text, joined.String())
		}
	})
}

// TestHardBreaks: every line end a text may hold breaks the line, a blank
// line keeps its place, and nothing else of the text is lost.
func TestHardBreaks(t *testing.T) {
	for in, want := range map[string][]string{
		"一二\n三四":     {"一二", "三四"},
		"一二\r\n三四":   {"一二", "三四"},
		"一二\r三四":     {"一二", "三四"},
		"一二\n\n三四":   {"一二", "", "三四"},
		"一二\u2028三四": {"一二", "三四"},
		"一二\v三四":     {"一二", "三四"},
		"一\t二\x07三":  {"一 二三"},
		"一二三四五六七八九十": {"一二三四五六七八九十"},
	} {
		var got []string
		for _, l := range Break(in, 20, mono) {
			got = append(got, l.Text())
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%q: lines %q, want %q", in, got, want)
		}
	}
}

// TestLongRunsBreak: a million characters of one kind (closing marks that
// all hang, opening marks, one long word or number, spaces, breaks) lay
// out with every character measured a bounded number of times: the
// breaker keeps no rescans of its line. (The breaker before it rescanned
// the line for every hanging mark: a run of 20,000 ，took 1.6 s, a
// million over an hour.)
func TestLongRunsBreak(t *testing.T) {
	for _, unit := range []string{"，", "（", "a", "1", "a ", "中", "（中）", "1,234.50万元，", "\n", " ", "。”）"} {
		text := strings.Repeat(unit, 1_000_000/utf8.RuneCountInString(unit))
		calls := 0
		measure := func(r rune) float64 { calls++; return mono(r) }
		lines := Break(text, 10, measure)
		var joined strings.Builder
		for _, l := range lines {
			joined.WriteString(l.Text())
		}
		want := strings.Join(paragraphs(text), "")
		if strings.ReplaceAll(joined.String(), " ", "") != strings.ReplaceAll(want, " ", "") {
			t.Errorf("%q: text changed", unit)
		}
		n := utf8.RuneCountInString(text)
		t.Logf("%q: %d lines, %.2f measures a character", unit, len(lines), float64(calls)/float64(n))
		if calls > 3*n {
			t.Errorf("%q: %d characters measured %d times", unit, n, calls)
		}
	}
}

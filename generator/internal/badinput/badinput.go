// Package badinput is the table of faulty content that check's tests and the
// build's tests share: each case edits a private copy of the sample and names
// the message check must give, so that a test can also build every case
// check accepts (check and build must agree).
package badinput

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"disclose/generator/diag"
	"disclose/generator/internal/testutil"
)

// Files of the sample content, relative to content/.
const (
	siteYAML = "site.yaml"
	deptYAML = "2021/dkb/department.yaml"
	projYAML = "2021/dkb/projects/110-0303-JBN-1VKY.yaml"
	projMD   = "2021/dkb/projects/110-0303-JBN-1VKY.md"
	goalMD   = "2021/dkb/overall-goal.md"
	measMD   = "2021/dkb/measures.md"
	csvFile  = "2021/dkb/spending/2021-illustrative.csv"
	resYAML  = "2021/dkb/projects/110-0303-JBN-1VKY.results.yaml"
)

// Edit changes one file of a private copy of the sample content.
type Edit func(t *testing.T, dir string)

// Case is one faulty input and the diagnostic check must give for it.
type Case struct {
	Name      string
	Edits     []Edit
	Severity  diag.Severity
	Code      string
	File      string // relative to content/, with slashes
	Line, Col int    // 0: not checked
	Want      string // a substring of the message line
}

// Apply makes the case's edits in dir, a copy of the sample content.
func (c Case) Apply(t *testing.T, dir string) {
	t.Helper()
	for _, e := range c.Edits {
		e(t, dir)
	}
}

func replace(file, old, new string) Edit {
	return func(t *testing.T, dir string) {
		p := filepath.Join(dir, file)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte(old)) {
			t.Fatalf("%s does not contain %q", file, old)
		}
		write(file, bytes.Replace(data, []byte(old), []byte(new), 1))(t, dir)
	}
}

func appendTo(file, text string) Edit {
	return func(t *testing.T, dir string) {
		data, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		write(file, append(data, text...))(t, dir)
	}
}

func write(file string, data []byte) Edit {
	return func(t *testing.T, dir string) {
		p := filepath.Join(dir, file)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func remove(file string) Edit {
	return func(t *testing.T, dir string) {
		if err := os.Remove(filepath.Join(dir, file)); err != nil {
			t.Fatal(err)
		}
	}
}

func copyFile(from, to string) Edit {
	return func(t *testing.T, dir string) {
		data, err := os.ReadFile(filepath.Join(dir, from))
		if err != nil {
			t.Fatal(err)
		}
		write(to, data)(t, dir)
	}
}

// outsideDir is a folder beside the private content folder dir.
func outsideDir(dir string) string { return filepath.Join(filepath.Dir(dir), "outside") }

// writeOutside writes a file outside the content folder.
func writeOutside(name, text string) Edit {
	return func(t *testing.T, dir string) {
		p := filepath.Join(outsideDir(dir), name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// symlink makes file a link to target; "outside/…" names a file beside
// the content folder.
func symlink(target, file string) Edit {
	return func(t *testing.T, dir string) {
		if rest, ok := strings.CutPrefix(target, "outside/"); ok {
			target = filepath.Join(outsideDir(dir), rest)
		}
		p := filepath.Join(dir, file)
		_ = os.Remove(p)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
}

// fifo makes file a named pipe nobody writes to.
func fifo(file string) Edit {
	return func(t *testing.T, dir string) {
		p := filepath.Join(dir, file)
		_ = os.Remove(p)
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// copyOutside copies a folder of the content to beside it.
func copyOutside(from, name string) Edit {
	return func(t *testing.T, dir string) {
		if err := testutil.CopyDir(filepath.Join(dir, from), filepath.Join(outsideDir(dir), name)); err != nil {
			t.Fatal(err)
		}
	}
}

// gb18030 encodes a sample file in GB18030 and lets f damage the bytes.
func gb18030(file string, f func([]byte) []byte) Edit {
	return func(t *testing.T, dir string) {
		data, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		enc, err := simplifiedchinese.GB18030.NewEncoder().Bytes(data)
		if err != nil {
			t.Fatal(err)
		}
		write(file, f(enc))(t, dir)
	}
}

// breakGB damages the second byte of the first GB18030 encoding of char
// after line skip lines, leaving a lead byte with no valid trail.
func breakGB(char string, skip int) func([]byte) []byte {
	return func(b []byte) []byte {
		g, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(char))
		start := 0
		for range skip {
			start += bytes.IndexByte(b[start:], '\n') + 1
		}
		i := start + bytes.Index(b[start:], g)
		out := bytes.Clone(b)
		out[i+1] = ' '
		return out
	}
}

func lineCount(file string) int {
	data, err := os.ReadFile(filepath.Join(testutil.ContentDir(), file))
	if err != nil {
		panic(err)
	}
	return bytes.Count(data, []byte{'\n'})
}

const extraRecord = "2021-12-28,110-0303-JBN-1VKY,"

// secret is in every file written outside the content folder: no message
// may echo it.
const secret = "SECRET-OUTSIDE"

// Find looks for the case's message among diags of the content in dir,
// and says what is wrong when it is not there.
func (tc Case) Find(dir string, diags []diag.Diagnostic) (string, bool) {
	var got []string
	for _, d := range diags {
		if strings.Contains(d.String(), secret) {
			return "a message echoes a file outside the content folder: " + d.String(), false
		}
	}
	for _, d := range diags {
		rel, _ := filepath.Rel(dir, d.File)
		got = append(got, d.String())
		if d.Code != tc.Code || filepath.ToSlash(rel) != tc.File || !strings.Contains(d.String(), tc.Want) {
			continue
		}
		if d.Severity != tc.Severity {
			return fmt.Sprintf("severity %s, want %s: %s", d.Severity.Word(), tc.Severity.Word(), d), false
		}
		if tc.Line != 0 && (d.Line != tc.Line || (tc.Col != 0 && d.Column != tc.Col)) {
			return fmt.Sprintf("at %d:%d, want %d:%d: %s", d.Line, d.Column, tc.Line, tc.Col, d), false
		}
		return "", true
	}
	return fmt.Sprintf("no %s %q in %s; got:\n%s", tc.Code, tc.Want, tc.File, strings.Join(got, "\n")), false
}

// Cases is the table of faulty inputs.
func Cases() []Case {
	deptEnd, projEnd, siteEnd, csvEnd, goalEnd := lineCount(deptYAML), lineCount(projYAML), lineCount(siteYAML), lineCount(csvFile), lineCount(goalMD)
	outsideCSV := writeOutside("x.csv", "日期,项目编码,"+secret+"\n")
	return []Case{
		// Paths, links, special files, sizes.
		{"spending file with ../ out of the department", []Edit{replace(deptYAML, "file: spending/2021-illustrative.csv", "file: ../../../../../../../../etc/passwd")},
			diag.Error, "file-outside", deptYAML, 104, 11, `spending[1].file（文件）: 支出记录文件 ../../../../../../../../etc/passwd 不在部门目录之内`},
		{"spending file at an absolute path", []Edit{replace(deptYAML, "file: spending/2021-illustrative.csv", "file: /etc/passwd")},
			diag.Error, "file-outside", deptYAML, 104, 11, `支出记录文件 /etc/passwd 不在部门目录之内`},
		{"spending CSV linked out of the content folder", []Edit{outsideCSV, symlink("outside/x.csv", csvFile)},
			diag.Error, "missing-file", deptYAML, 104, 11, `读不到支出记录文件 spending/2021-illustrative.csv：它是指向内容目录之外`},
		{"narrative linked to /etc/passwd", []Edit{symlink("/etc/passwd", goalMD)},
			diag.Error, "missing-file", goalMD, 0, 0, `读不到总体绩效目标文件：它是指向内容目录之外（/etc/passwd）的符号链接`},
		{"project description linked to /proc/self/environ", []Edit{symlink("/proc/self/environ", projMD)},
			diag.Error, "missing-file", projMD, 0, 0, `读不到项目说明文件：它是指向内容目录之外`},
		{"project file linked out of the content folder", []Edit{writeOutside("p.yaml", "name: "+secret+"\n"), symlink("outside/p.yaml", projYAML)},
			diag.Error, "missing-file", projYAML, 0, 0, `读不到项目文件：它是指向内容目录之外`},
		{"year rules linked out of the content folder", []Edit{writeOutside("rules.yaml", secret+": 1\n"), symlink("outside/rules.yaml", "2021/rules.yaml")},
			diag.Error, "missing-file", "2021/rules.yaml", 0, 0, `读不到年度规则文件：它是指向内容目录之外`},
		{"spending file a FIFO", []Edit{fifo(csvFile)},
			diag.Error, "missing-file", deptYAML, 104, 11, `读不到支出记录文件 spending/2021-illustrative.csv：它不是普通文件，而是命名管道（FIFO）`},
		{"narrative a FIFO", []Edit{fifo(measMD)},
			diag.Error, "missing-file", measMD, 0, 0, `读不到工作保障措施文件：它不是普通文件，而是命名管道（FIFO）`},
		{"site.yaml a FIFO", []Edit{fifo(siteYAML)},
			diag.Error, "missing-file", siteYAML, 0, 0, `读不到网站设置文件：它不是普通文件，而是命名管道（FIFO）`},
		{"an unlisted FIFO in the department", []Edit{fifo("2021/dkb/notes.csv")},
			diag.Error, "file-refused", "2021/dkb/notes.csv", 0, 0, `不能读取此文件：它不是普通文件，而是命名管道（FIFO）`},
		{"/dev/zero as the spending file", []Edit{symlink("/dev/zero", csvFile)},
			diag.Error, "missing-file", deptYAML, 104, 11, `它是指向内容目录之外（/dev/zero）的符号链接`},
		{"/dev/zero as the spending file, /dev allowed", []Edit{appendTo(siteYAML, "files:\n  allow_outside: [/dev]\n"), symlink("/dev/zero", csvFile)},
			diag.Error, "missing-file", deptYAML, 104, 11, `它不是普通文件，而是设备文件`},
		{"/dev/zero as a font", []Edit{appendTo(siteYAML, "pdf:\n  serif: /dev/zero\n")},
			diag.Error, "file-refused", siteYAML, siteEnd + 2, 10, `pdf.serif（正文字体）: 不能读取字体文件 /dev/zero：它不是普通文件，而是设备文件`},
		{"/dev/zero as a font, /dev allowed", []Edit{appendTo(siteYAML, "files:\n  allow_outside: [/dev]\npdf:\n  serif: /dev/zero\n")},
			diag.Error, "file-refused", siteYAML, siteEnd + 4, 10, `不能读取字体文件 /dev/zero：它不是普通文件，而是设备文件`},
		{"allowed folder that does not exist", []Edit{appendTo(siteYAML, "files:\n  allow_outside: [/no/such/folder]\n")},
			diag.Error, "bad-value", siteYAML, siteEnd + 2, 0, `找不到目录 /no/such/folder`},
		{"narrative over 4 MB", []Edit{write(goalMD, bytes.Repeat([]byte("目标。\n"), 500_000))},
			diag.Error, "missing-file", goalMD, 0, 0, `读不到总体绩效目标文件：文件大小 4.8 MB，超过上限 4.0 MB（site.yaml 的 files.max_markdown_mb）`},
		{"spending file over a lowered limit", []Edit{appendTo(siteYAML, "files:\n  max_spending_mb: 1\n"), appendTo(csvFile, strings.Repeat("#\n", 600_000))},
			diag.Error, "missing-file", deptYAML, 104, 11, `文件大小 1.1 MB，超过上限 1.0 MB（site.yaml 的 files.max_spending_mb）`},
		{"size limit zero", []Edit{appendTo(siteYAML, "files:\n  max_yaml_mb: 0\n")},
			diag.Error, "bad-value", siteYAML, siteEnd + 2, 16, `文件大小上限应为正整数（MB）`},
		{"department folder linked from outside", []Edit{copyOutside("2021/dkb", "ext"), symlink("outside/ext", "2021/ext")},
			diag.Error, "file-outside", "2021/ext", 0, 0, `部门目录是符号链接，不能读取：它是指向内容目录之外`},
		{"folder link in a department leads outside", []Edit{writeOutside("old/a.csv", secret), symlink("outside/old", "2021/dkb/spending/old")},
			diag.Error, "file-refused", "2021/dkb/spending/old", 0, 0, `不能读取此文件：它是指向内容目录之外`},
		{"folder link in a department loops", []Edit{symlink("..", "2021/dkb/spending/loop")},
			diag.Error, "file-refused", "2021/dkb/spending/loop", 0, 0, `目录的符号链接指回它自己所在的目录`},
		// Encodings.
		{"UTF-16 spending file", []Edit{write(csvFile, []byte{0xFF, 0xFE, '1', 0, ',', 0, '\n', 0})},
			diag.Error, "encoding", csvFile, 0, 0, `文件是 UTF-16 编码，请另存为 UTF-8`},
		{"UTF-16 narrative", []Edit{write(goalMD, []byte{0xFE, 0xFF, 0, 'a'})},
			diag.Error, "encoding", goalMD, 0, 0, `文件是 UTF-16 编码，请另存为 UTF-8`},
		// Site settings.
		{"base_path javascript:", []Edit{replace(siteYAML, "base_path: https://www.example.gov.cn/jxgk/", "base_path: javascript:alert(1)")},
			diag.Error, "base-path", siteYAML, 7, 12, `base_path（发布地址）: 发布地址只能是 http 或 https 网址或路径，不能是 javascript: 地址`},
		{"base_path data:", []Edit{replace(siteYAML, "base_path: https://www.example.gov.cn/jxgk/", "base_path: \"data:text/html,<script>alert(1)</script>\"")},
			diag.Error, "base-path", siteYAML, 7, 12, `发布地址`},
		{"base_path file:", []Edit{replace(siteYAML, "base_path: https://www.example.gov.cn/jxgk/", "base_path: file:///etc/")},
			diag.Error, "base-path", siteYAML, 7, 12, `不能是 file: 地址`},
		{"base_path without a host", []Edit{replace(siteYAML, "base_path: https://www.example.gov.cn/jxgk/", "base_path: https:/jxgk/")},
			diag.Error, "base-path", siteYAML, 7, 12, `缺少网站域名`},

		{"misspelled key", []Edit{replace(projYAML, "budget_lines:", "budget_line:")},
			diag.Error, "unknown-key", projYAML, 11, 1, `未知的键 "budget_line" 应为：budget_lines（预算明细）（是不是拼错了？）`},
		{"misspelled nested key", []Edit{replace(projYAML, "    amount: 16", "    amout: 16")},
			diag.Error, "unknown-key", projYAML, 13, 5, `budget_lines[1].amout: 未知的键 "amout" 应为：amount（金额（万元））`},
		{"stray key appended to site.yaml", []Edit{appendTo(siteYAML, "theme: dark\n")},
			diag.Error, "unknown-key", siteYAML, siteEnd + 1, 1, `未知的键 "theme"`},
		{"stray key appended to department.yaml", []Edit{appendTo(deptYAML, "remark: 备注\n")},
			diag.Error, "unknown-key", deptYAML, deptEnd + 1, 1, `未知的键 "remark"`},
		{"stray key appended to a project", []Edit{appendTo(projYAML, "owner: 张三\n")},
			diag.Error, "unknown-key", projYAML, projEnd + 1, 1, `未知的键 "owner"`},
		{"duplicate key", []Edit{appendTo(projYAML, "total: 22\n")},
			diag.Error, "duplicate-key", projYAML, projEnd + 1, 1, `键 "total" 重复出现`},
		{"missing required key", []Edit{replace(projYAML, "name: 督查考核专项经费\n", "")},
			diag.Error, "missing", projYAML, 3, 1, `缺少必填项 name（项目名称）`},
		{"list where an amount belongs", []Edit{replace(projYAML, "total: 21", "total: [21]")},
			diag.Error, "wrong-type", projYAML, 6, 8, `应为金额，这里写的是列表`},
		{"year not an integer", []Edit{replace(deptYAML, "year: 2021", "year: 二〇二一")},
			diag.Error, "wrong-type", deptYAML, 7, 7, `"二〇二一" 不是整数`},
		{"YAML indentation", []Edit{replace(projYAML, "  - name: 软件维护\n    amount: 4\n", "  - name: 软件维护\n   amount: 4\n")},
			diag.Error, "yaml-syntax", projYAML, 15, 0, `YAML 格式错误`},
		// Quoted it is text (the awkward case); plain, YAML reads a line break.
		{"raw U+2028 in a plain value", []Edit{replace(projYAML, "    basis: 督考平台使用情况及改进意见征集情况", "    basis: 督考平台使用情况\u2028及改进意见征集情况")},
			diag.Error, "yaml-syntax", projYAML, 64, 20, `YAML 格式错误：这里有一个看不见的行分隔符 U+2028`},
		{"amount in 万元 with letters", []Edit{replace(projYAML, "    amount: 16", "    amount: 16万")},
			diag.Error, "bad-value", projYAML, 13, 13, `"16万" 不是有效的金额`},
		{"budget lines do not sum to the total", []Edit{replace(projYAML, "amount: 4\n", "amount: 3.5\n")},
			diag.Error, "budget-sum", projYAML, 12, 3, `预算明细合计 20.50万元，与项目资金总额 21万元 不符（相差 -0.50万元）`},
		{"fund sources do not sum to the total", []Edit{replace(projYAML, "    amount: 21", "    amount: 20")},
			diag.Error, "fund-sum", projYAML, 8, 3, `资金来源合计 20.00万元`},
		{"total negative", []Edit{replace(projYAML, "total: 21", "total: -21")},
			diag.Error, "amount-positive", projYAML, 6, 8, `项目资金总额不能为负数`},
		{"plan checkpoints out of order", []Edit{replace(projYAML, "date: 2021-06-30", "date: 2021-02-28")},
			diag.Error, "plan-order", projYAML, 25, 11, `计划节点 6月底（2021-02-28）不晚于前一节点 3月底（2021-03-31）`},
		{"plan decreasing", []Edit{replace(projYAML, "percent: 60.00", "percent: 20.00")},
			diag.Error, "plan-decreasing", projYAML, 29, 14, `累计进度从 6月底 的 30.00% 降到 10月底 的 20.00%`},
		{"plan over 100%", []Edit{replace(projYAML, "percent: 90.00", "percent: 110")},
			diag.Error, "plan-over-100", projYAML, 32, 14, `累计进度 110% 超出 0–100%`},
		{"plan ends under 100% (the seed)", nil,
			diag.Warning, "plan-below-100", projYAML, 32, 14, `资金支出计划到最后节点 12月底 只有 90.00%`},
		{"plan date that does not exist", []Edit{replace(projYAML, "date: 2021-03-31", "date: 2021-02-30")},
			diag.Error, "bad-value", projYAML, 22, 11, `"2021-02-30" 不是有效的日期`},
		{"plan date outside the year", []Edit{replace(projYAML, "date: 2021-12-31", "date: 2022-01-31")},
			diag.Error, "plan-date", projYAML, 31, 11, `计划节点 12月底 的日期 2022-01-31 不在 2021 年度内`},
		{"numeric operator without a number", []Edit{replace(deptYAML, "value: 2\n", "value: 两\n")},
			diag.Error, "value-not-number", deptYAML, 43, 12, `符号 >= 要求数值，这里的值是 "两"`},
		{"numeric operator with an empty value", []Edit{replace(projYAML, "value: 90.00", `value: ""`)},
			diag.Error, "value-not-number", projYAML, 62, 12, `如是定性指标，符号写 文字描述`},
		{"unknown operator", []Edit{replace(projYAML, `operator: ">="`, `operator: "≈"`)},
			diag.Error, "bad-value", projYAML, 61, 15, `"≈" 不是有效的指标符号`},
		{"二级 under the wrong 一级", []Edit{replace(deptYAML, "level2: 数量指标", "level2: 社会效益指标")},
			diag.Error, "level2-mismatch", deptYAML, 39, 13, `二级指标 "社会效益指标" 属于 效益指标，不属于 产出指标`},
		{"unknown 一级", []Edit{replace(deptYAML, "level1: 产出指标", "level1: 产出类指标")},
			diag.Error, "unknown-level1", deptYAML, 22, 13, `一级指标 "产出类指标" 不在指标体系中`},
		{"unknown 二级", []Edit{replace(deptYAML, "level2: 质量指标", "level2: 品质指标")},
			diag.Error, "unknown-level2", deptYAML, 31, 13, `二级指标 "品质指标" 不在指标体系中`},
		{"weights that do not sum", []Edit{
			replace(projYAML, "name: 资金使用规范性\n", "name: 资金使用规范性\n    weight: 50\n"),
			replace(projYAML, "name: 平台升级情况是否达标\n", "name: 平台升级情况是否达标\n    weight: 30\n"),
			replace(projYAML, "name: 使用者满意度\n", "name: 使用者满意度\n    weight: 5\n")},
			diag.Warning, "weight-sum", projYAML, 41, 3, `满意度指标各行分值之和为 5，应为 10`},
		{"weight on some rows only", []Edit{replace(projYAML, "name: 资金使用规范性\n", "name: 资金使用规范性\n    weight: 50\n")},
			diag.Warning, "weight-missing", projYAML, 52, 11, `本表其他指标有分值，此行没有`},
		{"polarity against the operator", []Edit{replace(projYAML, `operator: ">="`+"\n", `operator: ">="`+"\n    polarity: 反向\n")},
			diag.Error, "polarity-conflict", projYAML, 62, 15, `指标方向为反向，但符号 >= 表示越大越好`},
		{"duplicate project code", []Edit{copyFile(projYAML, "2021/dkb/projects/110-0303-JBN-1VKZ.yaml")},
			diag.Error, "duplicate-project", "2021/dkb/projects/110-0303-JBN-1VKZ.yaml", 3, 7, `项目编码 110-0303-JBN-1VKY 重复`},
		{"project code differs from its file name", []Edit{replace(projYAML, "code: 110-0303-JBN-1VKY", "code: 110-0303-JBN-1VKZ")},
			diag.Error, "file-name", projYAML, 3, 7, `项目编码 110-0303-JBN-1VKZ 与文件名 110-0303-JBN-1VKY.yaml 不一致`},
		{"department code differs from its folder", []Edit{replace(deptYAML, "code: dkb", "code: dkc")},
			diag.Error, "dir-name", deptYAML, 5, 7, `部门编码 dkc 与目录名 dkb 不一致`},
		{"empty special funds without explanation", []Edit{replace(deptYAML, "explanation: 我部门2021年无专项资金预算，特此说明。", `explanation: ""`)},
			diag.Error, "empty-table", deptYAML, 0, 0, `没有专项资金时，空表也要公开并说明原因`},
		{"empty sub-target", []Edit{replace(deptYAML, "  - 激发干部干事创业的积极性，增强工作落实力度。", `  - ""`)},
			diag.Error, "missing", deptYAML, 14, 3, `第 2 项分项绩效目标是空的`},
		{"amount abc in the CSV", []Edit{replace(csvFile, "1260.00", "abc")},
			diag.Error, "record-amount", csvFile, 4, 39, `"abc" 不是金额`},
		{"amount finer than a fen", []Edit{replace(csvFile, "1260.00", "1260.005")},
			diag.Error, "record-amount", csvFile, 4, 39, `小数位数超过了分`},
		{"record for an unknown project", []Edit{replace(csvFile, "2021-03-18,110-0303-JBN-1VKY", "2021-03-18,110-0303-JBN-XXXX")},
			diag.Error, "record-project", csvFile, 4, 12, `项目编码 110-0303-JBN-XXXX 不是本部门 2021 年的项目`},
		{"record for an unknown budget line", []Edit{replace(csvFile, "2021-03-18,110-0303-JBN-1VKY,全区考核工作经费", "2021-03-18,110-0303-JBN-1VKY,全区考核经费")},
			diag.Error, "record-line", csvFile, 4, 30, `资金用途 "全区考核经费" 不是项目 110-0303-JBN-1VKY 的预算明细`},
		{"record dated outside the fiscal year", []Edit{replace(csvFile, "2021-03-18", "2020-12-31")},
			diag.Error, "record-date", csvFile, 4, 1, `日期 2020-12-31 不在 2021 预算年度内`},
		{"record with an unreadable date", []Edit{replace(csvFile, "2021-03-18", "2021-13-18")},
			diag.Error, "record-date", csvFile, 4, 1, `"2021-13-18" 不是日期`},
		{"spending above a budget line", []Edit{appendTo(csvFile, extraRecord+"软件维护,5000.00,记-2021-1230,追加维护\n")},
			diag.Warning, "line-overspent", csvFile, csvEnd + 1, 35, `软件维护 的累计支出 43,000.00 元超过预算明细 4万元（40,000.00 元）`},
		{"spending above the project total", []Edit{appendTo(csvFile, extraRecord+"项目推进模块软件升级,60000.00,记-2021-1230,追加\n")},
			diag.Error, "project-overspent", csvFile, csvEnd + 1, 41, `项目 110-0303-JBN-1VKY 的累计支出 251,610.70 元超过全年预算数 21万元（210,000.00 元）`},
		{"CSV header without an amount column", []Edit{replace(csvFile, "金额（元）", "数额")},
			diag.Error, "csv-header", csvFile, 3, 1, `表头缺少 金额（元） 列`},
		{"CSV with a stray quote", []Edit{replace(csvFile, ",年度考核材料印刷", `,"年度考核材料印刷`)},
			diag.Error, "csv-syntax", csvFile, 4, 0, `从第 4 行开始的记录中引号不成对`},
		{"GB18030 file with a broken byte", []Edit{gb18030(csvFile, breakGB("全", 3))},
			diag.Error, "encoding", csvFile, 4, 30, `文件按 GB18030 读取，在此处遇到无法识别的字节`},
		{"UTF-8 file with a broken byte", []Edit{func(t *testing.T, dir string) {
			data, _ := os.ReadFile(filepath.Join(dir, csvFile))
			i := bytes.Index(data, []byte("年度考核材料印刷"))
			data[i+1] = 'x'
			write(csvFile, data)(t, dir)
		}},
			diag.Error, "encoding", csvFile, 4, 59, `文件是 UTF-8 编码，但此处的字节`},
		{"Markdown not in UTF-8", []Edit{gb18030(measMD, func(b []byte) []byte { return b })},
			diag.Error, "encoding", measMD, 1, 1, `文件不是有效的 UTF-8 编码`},
		{"YAML not in UTF-8", []Edit{gb18030(deptYAML, func(b []byte) []byte { return b })},
			diag.Error, "encoding", deptYAML, 2, 8, `文件不是有效的 UTF-8 编码`},
		{"emphasis next to Chinese punctuation", []Edit{appendTo(goalMD, "\n**“绩效目标”**基本完成。\n")},
			diag.Warning, "cjk-emphasis", goalMD, 3, 1, `** 紧挨着中文标点，不会显示为加粗`},
		{"doubled punctuation (the seed)", nil,
			diag.Warning, "doubled-punctuation", projMD, 5, 43, `标点 ，， 重复`},
		{"missing narrative file", []Edit{remove(goalMD)},
			diag.Warning, "narrative-missing", goalMD, 0, 0, `没有总体绩效目标文件 overall-goal.md`},
		{"listed spending file missing", []Edit{replace(deptYAML, "file: spending/2021-illustrative.csv", "file: spending/2021.csv")},
			diag.Error, "missing-file", deptYAML, 0, 0, `读不到支出记录文件 spending/2021.csv：文件不存在`},
		{"spending file not listed", []Edit{copyFile(csvFile, "2021/dkb/spending/extra.csv")},
			diag.Warning, "unlisted-spending", "2021/dkb/spending/extra.csv", 0, 0, `没有在 department.yaml 的 spending 中列出`},
		{"missing site.yaml", []Edit{remove(siteYAML)},
			diag.Error, "missing-file", siteYAML, 0, 0, `读不到网站设置文件`},
		{"font file that does not exist", []Edit{appendTo(siteYAML, "pdf:\n  serif: fonts/fangsong.ttf\n")},
			diag.Error, "font-file", siteYAML, siteEnd + 2, 10, `找不到字体文件`},
		{"combined report's volume of no department", []Edit{appendTo(siteYAML, "pdf:\n  annual_volume: 0\n")},
			diag.Error, "annual-volume", siteYAML, siteEnd + 2, 18, `合订本每册至少一个部门`},
		{"execution under the threshold without explanation", []Edit{replace(resYAML, "  adjusted: 21", "  adjusted: 25")},
			diag.Warning, "execution-explained", resYAML, 29, 3, `预算执行率 76.64% 低于 90%，需要说明原因`},
		{"missed indicator without its cause", []Edit{replace(resYAML, "      deviation: 个别区直部门", "      note: 个别区直部门")},
			diag.Error, "unknown-key", resYAML, 40, 7, `未知的键 "note"`},
		{"missed indicator without 偏差原因", []Edit{replace(resYAML, "    - name: 使用者满意度\n      actual: 88.5\n      deviation:", "    - name: 使用者满意度\n      actual: 88.5\n      not_deviation:"), replace(resYAML, "      not_deviation: 个别区直部门反映移动端操作不便，满意度未达到90%；已安排承建单位于2022年一季度优化移动端界面，并对各单位操作人员开展培训。\n", "")},
			diag.Warning, "deviation-explained", resYAML, 38, 13, `指标 "使用者满意度" 未完成目标，需要偏差原因分析及改进措施`},
		{"monitoring answer 有可能 without cause and remedy", []Edit{replace(resYAML, "        cause: 试用单位提出新增需求，开发进度略慢于合同计划\n", "")},
			diag.Warning, "outlook-explained", resYAML, 19, 18, `预判为“有可能”，但没有说明原因和改进措施`},
		{"monitoring answer not allowed", []Edit{replace(resYAML, "        outlook: 有可能", "        outlook: 大概能")},
			diag.Error, "bad-value", resYAML, 19, 18, `"大概能" 不是完成预判`},
		{"evaluation weights that do not add up", []Edit{
			replace(resYAML, "      share: 100\n", "      share: 100\n      weight: 40\n"),
			replace(resYAML, "      share: 95\n", "      share: 95\n      weight: 30\n"),
			replace(resYAML, "      actual: 88.5\n", "      actual: 88.5\n      weight: 10\n")},
			diag.Warning, "weight-sum", resYAML, 30, 5, `产出指标各行分值之和为 40，应为 50`},
		{"actual value of the wrong kind", []Edit{replace(resYAML, "      actual: 88.5", "      actual: 较满意")},
			diag.Warning, "actual-kind", resYAML, 39, 15, `实际完成值应为数字`},
		{"share outside its band", []Edit{replace(resYAML, "      share: 95", "      share: 75")},
			diag.Error, "share-band", resYAML, 37, 14, `得分比例 75% 不在“达成”的区间 80–100 内`},
		{"result for an indicator the project lacks", []Edit{replace(resYAML, "    - name: 使用者满意度\n      actual", "    - name: 使用满意度\n      actual")},
			diag.Error, "result-indicator", resYAML, 38, 13, `项目 110-0303-JBN-1VKY 没有三级指标 "使用满意度"`},
		{"indicator with no result", []Edit{replace(resYAML, "    - name: 资金使用规范性\n      actual: 资金使用规范，符合相关制度\n      achievement: 达成\n      share: 100\n", "")},
			diag.Warning, "actual-missing", resYAML, 30, 5, `指标 "资金使用规范性" 没有实际完成值`},
		{"results without a project", []Edit{copyFile(resYAML, "2021/dkb/projects/110-0303-JBN-XXXX.results.yaml")},
			diag.Error, "orphan-file", "2021/dkb/projects/110-0303-JBN-XXXX.results.yaml", 0, 0, `没有对应的项目文件 110-0303-JBN-XXXX.yaml`},
		{"rule severity changed to error", []Edit{replace(siteYAML, "plan-below-100: warning", "plan-below-100: error")},
			diag.Error, "plan-below-100", projYAML, 32, 14, `只有 90.00%`},
		{"locale that is not a language tag", []Edit{replace(siteYAML, "locale: zh-CN", `locale: "zh-CN) /OpenAction << /S /JavaScript /JS (app.alert(1)) >> ("`)},
			diag.Error, "locale", siteYAML, 5, 9, `locale（语言）: "zh-CN) /OpenAction`},
		{"locale with an underscore", []Edit{replace(siteYAML, "locale: zh-CN", "locale: zh_CN")},
			diag.Error, "locale", siteYAML, 5, 9, `"zh_CN" 不是语言代码`},
		{"control character escaped in a YAML string", []Edit{replace(projYAML, "name: 督查考核专项经费", `name: "督查考核\a专项经费"`)},
			diag.Error, "control-char", projYAML, 4, 7, `name（项目名称）: 第 5 个字符是控制字符 U+0007`},
		{"Word line break in a YAML string", []Edit{replace(deptYAML, "  - 激发干部干事创业的积极性，增强工作落实力度。", `  - "激发干部干事创业的积极性，\v增强工作落实力度。"`)},
			diag.Error, "control-char", deptYAML, 0, 0, `sub_targets[2]（分项绩效目标）: 第 14 个字符是控制字符 U+000B`},
		{"control character in a narrative", []Edit{appendTo(goalMD, "\n考核\x0c结果\n")},
			diag.Error, "control-char", goalMD, goalEnd + 2, 3, `控制字符 U+000C 不能公开`},
		{"control character in a spending memo", []Edit{replace(csvFile, ",年度考核材料印刷", ",年度考核\x01材料印刷")},
			diag.Error, "control-char", csvFile, 4, 59, `摘要: 第 5 个字符是控制字符 U+0001`},
		{"C1 control character in a narrative", []Edit{appendTo(measMD, "\n保障\u0085措施\n")},
			diag.Error, "control-char", measMD, 0, 0, `控制字符 U+0085 不能公开`},
	}
}

// Awkward is content that is unusual but right: check accepts it without an
// error, and the build must then succeed, with its PDFs. These are what real
// forms bring: text pasted from Word and Excel, long cells, other line ends.
func Awkward() []Case {
	long := strings.Repeat("按照《督查考核智能化升级合同》项目需求，对现有模块进行升级改造。", 420/30+1)
	memo := strings.Repeat("考核材料印刷及装订，含封面、目录和附件。", 1000/20)
	return []Case{
		{Name: "multi-line block scalar", Edits: []Edit{replace(deptYAML, "explanation: 我部门2021年无专项资金预算，特此说明。", "explanation: |\n    我部门2021年无专项资金预算，\n    特此说明。\n\n    （第二段）")}},
		{Name: "folded block scalar in a cell", Edits: []Edit{replace(projYAML, "    basis: 督考平台使用情况及改进意见征集情况", "    basis: >-\n      督考平台使用情况\n      及改进意见征集情况")}},
		{Name: "line break kept in a cell", Edits: []Edit{replace(projYAML, "    basis: 督考平台使用情况及改进意见征集情况", `    basis: "督考平台使用情况\n及改进意见征集情况\r\n（第三行）\r"`)}},
		{Name: "lone CR in a narrative", Edits: []Edit{appendTo(goalMD, "\r第二段。\r第三段。\r")}},
		{Name: "CRLF narrative", Edits: []Edit{func(t *testing.T, dir string) {
			data, err := os.ReadFile(filepath.Join(dir, measMD))
			if err != nil {
				t.Fatal(err)
			}
			write(measMD, bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n")))(t, dir)
		}}},
		{Name: "CR and LF inside a quoted CSV memo", Edits: []Edit{replace(csvFile, ",年度考核材料印刷", ",\"年度考核\r材料\n印刷\r\n（附清单）\"")}},
		{Name: "tab in a YAML string and a memo", Edits: []Edit{replace(projYAML, "name: 督查考核专项经费", `name: "督查考核\t专项经费"`), replace(csvFile, ",年度考核材料印刷", ",年度考核\t材料印刷")}},
		{Name: "420-character 指标值确定依据", Edits: []Edit{replace(projYAML, "    basis: 督考平台使用情况及改进意见征集情况", "    basis: "+long)}},
		{Name: "1,000-character memo", Edits: []Edit{replace(csvFile, ",年度考核材料印刷", ","+memo)}},
		{Name: "line separators U+2028 and U+2029", Edits: []Edit{replace(projYAML, "    basis: 督考平台使用情况及改进意见征集情况", `    basis: "督考平台使用情况\u2028及改进意见\u2029征集情况"`)}},
	}
}

// Forms is what real published forms legitimately do (../shared/forms):
// check accepts each without an error, and the build must succeed. Where a
// case names a code, check must give that warning: the form's own problem,
// reported, never refused.
func Forms() []Case {
	const (
		l1Out  = "  - level1: 产出指标\n"
		l1Eff  = "  - level1: 效果指标\n"
		satRow = "  - level1: 满意度指标\n    level2: 服务对象满意度指标\n    name: 使用者满意度\n    description: 区直部门使用情况满意度\n    operator: \">=\"\n    value: 90.00\n    unit: \"%\"\n    basis: 督考平台使用情况及改进意见征集情况\n"
		satRes = "    - name: 使用者满意度\n      actual: 88.5\n      deviation: 个别区直部门反映移动端操作不便，满意度未达到90%；已安排承建单位于2022年一季度优化移动端界面，并对各单位操作人员开展培训。\n"
		satMon = "      - name: 使用者满意度\n        outlook: 确定能\n        actual: 91\n        progress: 试用单位阶段性问卷调查\n"
	)
	noSatisfaction := []Edit{replace(projYAML, satRow, ""), replace(resYAML, satRes, ""), replace(resYAML, satMon, "")}
	levels := func(y string) Edit { return replace(projYAML, "\nindicators:\n", "\nlevels:\n"+y+"\nindicators:\n") }
	return []Case{
		{Name: "indicator points split 60 + 30, no 满意度", Edits: append(noSatisfaction,
			levels("  - level1: 产出指标\n    weight: 60\n  - level1: 效益指标\n    weight: 30\n"))},
		{Name: "weight printed in the 一级 label", Edits: []Edit{replace(projYAML, l1Out, "  - level1: 产出指标(50分)\n"), replace(projYAML, l1Eff, "  - level1: 效 果 指 标 (30分)\n")}},
		{Name: "weight range of a target form", Edits: []Edit{levels("  - level1: 产出指标\n    weight: 40-50\n"),
			replace(projYAML, "    name: 资金使用规范性\n", "    name: 资金使用规范性\n    weight: 45\n"),
			replace(projYAML, "    name: 平台升级情况是否达标\n", "    name: 平台升级情况是否达标\n    weight: 30\n"),
			replace(projYAML, "    name: 使用者满意度\n", "    name: 使用者满意度\n    weight: 10\n")}},
		{Name: "level-2 group printed without indicators", Edits: []Edit{levels("  - level1: 效益指标\n    level2: 生态效益指标\n  - level1: 产出指标\n    level2: 数量指标\n")}},
		{Name: "其中 rows under an indicator", Edits: []Edit{replace(projYAML, "    value: 90.00\n    unit: \"%\"\n", "    value: 90.00\n    unit: \"%\"\n    parts:\n      - name: 其中区直部门满意度\n        value: 60\n        unit: \"%\"\n      - name: 其中乡镇满意度\n        value: 30\n        unit: \"%\"\n"),
			replace(resYAML, "      actual: 88.5\n", "      actual: 88.5\n      parts:\n        - name: 其中区直部门满意度\n          actual: 58\n")}},
		{Name: "其中 rows in other units", Edits: []Edit{replace(projYAML, "    value: 90.00\n    unit: \"%\"\n", "    value: 90.00\n    unit: \"%\"\n    parts:\n      - name: 其中羊\n        value: 80\n        unit: 只\n      - name: 其中猪\n        value: 10\n        unit: 头\n")},
			Severity: diag.Warning, Code: "parts-units", File: projYAML, Want: `单位不同`},
		{Name: "a number with no sign printed", Edits: []Edit{replace(projYAML, "    operator: \">=\"\n    value: 90.00\n", "    value: 90.00\n")}},
		{Name: "年初预算数 0 (a project added during the year)", Edits: []Edit{replace(resYAML, "  initial: 21\n", "  initial: 0\n")}},
		{Name: "spend above 年初 but not above 全年预算数", Edits: []Edit{
			appendTo(csvFile, extraRecord+"项目推进模块软件升级,60000.00,记-2021-1230,追加\n"), replace(resYAML, "  adjusted: 21\n", "  adjusted: 25.161070\n")},
			Severity: diag.Warning, Code: "line-overspent", File: csvFile, Want: `超过预算明细 16万元`},
		{Name: "amounts of a form in 元", Edits: []Edit{replace(resYAML, "  initial: 21\n  adjusted: 21\n", "  initial: 210000.00元\n  adjusted: \"210,000.00元\"\n")}},
		{Name: "published 全年执行数 that the records do not give", Edits: []Edit{replace(resYAML, "  adjusted: 21\n", "  adjusted: 21\n  executed: 20.5\n")},
			Severity: diag.Warning, Code: "executed-records", File: resYAML, Want: `公布的全年执行数 205,000.00 元与支出记录合计`},
		{Name: "其中 rows of the money block that contradict the total", Edits: []Edit{replace(resYAML, "  adjusted: 21\n", "  adjusted: 21\n  rows:\n    - name: 当年财政拨款\n      adjusted: 0\n")},
			Severity: diag.Warning, Code: "budget-rows-sum", File: resYAML, Want: `其中各行的全年预算数合计 0万元，与总额 21万元 不符（相差 -21万元）`},
		{Name: "a printed score the rules do not give", Edits: []Edit{replace(resYAML, "      actual: 88.5\n", "      actual: 88.5\n      score: 10\n")},
			Severity: diag.Warning, Code: "published-score", File: resYAML, Want: `使用者满意度：项目 110-0303-JBN-1VKY 公布 10，按规则应为 9.83`},
		{Name: "printed total and grade", Edits: []Edit{appendTo(resYAML, "  published:\n    execution_rate: 91.24\n    total: 100\n    grade: 优\n")},
			Severity: diag.Warning, Code: "published-score", File: resYAML, Want: `总分：`},
		{Name: "a template placeholder left in", Edits: []Edit{replace(projYAML, "    name: 资金使用规范性\n", "    name: 指标2\n"), replace(resYAML, "    - name: 资金使用规范性\n", "    - name: 指标2\n"), replace(resYAML, "    - name: 资金使用规范性\n", "    - name: 指标2\n")},
			Severity: diag.Warning, Code: "placeholder", File: projYAML, Want: `"指标2" 像是模板中的占位文字`},
		{Name: "monitoring answers as forms word them", Edits: []Edit{replace(resYAML, "        outlook: 有可能", "        outlook: 可能"), replace(resYAML, "        outlook: 确定能\n        actual: 91", "        outlook: 能\n        actual: 91")}},
		{Name: "weights that do not come to 100", Edits: []Edit{
			replace(resYAML, "      share: 100\n", "      share: 100\n      weight: 50\n"),
			replace(resYAML, "      share: 95\n", "      share: 95\n      weight: 30\n"),
			replace(resYAML, "      actual: 88.5\n", "      actual: 88.5\n      weight: 5\n")},
			Severity: diag.Warning, Code: "weight-total", File: resYAML, Want: `分值合计 95（预算执行率 10 + 指标 85），不是 100`},
		{Name: "evaluation without any 完成值", Edits: []Edit{replace(resYAML, "      actual: 88.5\n", "")},
			Severity: diag.Warning, Code: "actual-missing", File: resYAML, Want: `未完成自评`},
		{Name: "a department that published only project tables", Edits: []Edit{func(t *testing.T, dir string) {
			p := filepath.Join(dir, deptYAML)
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			s := string(data)
			start, end := strings.Index(s, "sub_targets:"), strings.Index(s, "spending:")
			if start < 0 || end < start {
				t.Fatal("sample department.yaml changed")
			}
			write(deptYAML, []byte(s[:start]+s[end:]))(t, dir)
		}}},
	}
}

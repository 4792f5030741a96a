package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"disclose/generator/internal/testutil"
	"disclose/generator/semdiff"
)

// gitRepo makes a repository holding a copy of the sample content and
// returns its folder; commit commits everything with a message.
func gitRepo(t *testing.T) (dir string, commit func(msg string) string) {
	t.Helper()
	dir, commitAt := gitRepoAt(t)
	return dir, func(msg string) string { return commitAt("2021-03-01", msg) }
}

// gitRepoAt is gitRepo whose commits are dated (YYYY-MM-DD).
func gitRepoAt(t *testing.T) (dir string, commit func(date, msg string) string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir = t.TempDir()
	date := "2021-03-01"
	git := func(args ...string) string {
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+date+"T09:00:00+08:00", "GIT_COMMITTER_DATE="+date+"T09:00:00+08:00",
			"GIT_AUTHOR_NAME=财务科", "GIT_AUTHOR_EMAIL=cwk@example.gov.cn", "GIT_COMMITTER_NAME=财务科", "GIT_COMMITTER_EMAIL=cwk@example.gov.cn")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	git("init", "-q", "-b", "main")
	if err := testutil.CopyDir(testutil.ContentDir(), filepath.Join(dir, "content")); err != nil {
		t.Fatal(err)
	}
	return dir, func(d, msg string) string {
		date = d
		git("add", "-A")
		git("commit", "-q", "-m", msg)
		return git("rev-parse", "HEAD")
	}
}

func editFile(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if old == "" {
		data = append(data, new...)
	} else {
		if !bytes.Contains(data, []byte(old)) {
			t.Fatalf("%s lacks %q", path, old)
		}
		data = bytes.Replace(data, []byte(old), []byte(new), 1)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// state fingerprints what diff must not touch: HEAD, the index, the work
// tree's status.
func state(t *testing.T, dir string) string {
	index, _ := os.ReadFile(filepath.Join(dir, ".git", "index"))
	info, _ := os.Stat(filepath.Join(dir, ".git", "index"))
	head, _ := exec.Command("git", "-C", dir, "rev-parse", "HEAD").Output()
	// status may refresh the index itself; this look must not.
	cmd := exec.Command("git", "-C", dir, "status", "--porcelain")
	cmd.Env = append(os.Environ(), "GIT_OPTIONAL_LOCKS=0")
	status, _ := cmd.Output()
	sum := sha256.Sum256(index)
	return fmt.Sprintf("%s|%s|%x|%v", head, status, sum, info.ModTime())
}

// runIn runs the command in dir (diff reads revisions of the repository
// the current folder is in).
func runIn(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// primary lists the changes that are not totals, as "op|path".
func primary(t *testing.T, js string) []string {
	t.Helper()
	var r semdiff.Report
	if err := json.Unmarshal([]byte(js), &r); err != nil {
		t.Fatalf("%v\n%s", err, js)
	}
	var out []string
	for _, c := range r.Changes {
		if c.Kind != "total" {
			s := c.Op + "|" + c.Path.String()
			if c.Delta != "" {
				s += "|" + c.Delta
			}
			out = append(out, s)
		}
	}
	return out
}

func TestDiffAcrossRevisions(t *testing.T) {
	dir, commit := gitRepo(t)
	content := filepath.Join(dir, "content")
	proj := filepath.Join(content, "2021/dkb/projects/110-0303-JBN-1VKY.yaml")
	revs := []string{commit("发布2021年绩效目标")}

	editFile(t, proj, "    amount: 4\n", "    amount: 3.5\n")
	editFile(t, proj, "total: 21\n", "total: 20.5\n")
	editFile(t, proj, "    amount: 21\n", "    amount: 20.5\n")
	revs = append(revs, commit("软件维护费调减0.5万元"))

	newProj := filepath.Join(content, "2021/dkb/projects/110-0303-JBN-2ABC.yaml")
	data, _ := os.ReadFile(proj)
	data = bytes.Replace(data, []byte("code: 110-0303-JBN-1VKY"), []byte("code: 110-0303-JBN-2ABC"), 1)
	data = bytes.Replace(data, []byte("name: 督查考核专项经费"), []byte("name: 考核工作宣传经费"), 1)
	os.WriteFile(newProj, data, 0o644)
	revs = append(revs, commit("新增考核工作宣传经费项目"))

	editFile(t, newProj, "  - level1: 满意度指标\n    level2: 服务对象满意度指标\n    name: 使用者满意度\n    description: 区直部门使用情况满意度\n    operator: \">=\"\n    value: 90.00\n    unit: \"%\"\n    basis: 督考平台使用情况及改进意见征集情况\n", "")
	revs = append(revs, commit("删去宣传经费项目的满意度指标"))

	editFile(t, proj, "    value: 90.00\n", "    value: 95.00\n")
	revs = append(revs, commit("使用者满意度目标提高到95%"))

	editFile(t, filepath.Join(content, "2021/dkb/overall-goal.md"), "积极开拓创新", "积极改革创新")
	revs = append(revs, commit("修改总体绩效目标文字"))

	editFile(t, filepath.Join(content, "2021/dkb/spending/2021-illustrative.csv"), "",
		"2021-12-28,110-0303-JBN-1VKY,全区考核工作经费,200.00,记-2021-1231,考核表彰会场布置\n2021-12-29,110-0303-JBN-1VKY,软件维护,300.50,记-2021-1232,服务器续费\n")
	revs = append(revs, commit("补录12月支出"))

	want := [][]string{
		{"changed|2021年 督查考核办公室（dkb） › 项目 110-0303-JBN-1VKY 督查考核专项经费 › 项目资金总额（万元）|-0.50万元",
			"changed|2021年 督查考核办公室（dkb） › 项目 110-0303-JBN-1VKY 督查考核专项经费 › 资金来源“一般公共预算” › 金额（万元）|-0.50万元",
			"changed|2021年 督查考核办公室（dkb） › 项目 110-0303-JBN-1VKY 督查考核专项经费 › 预算明细“软件维护” › 金额（万元）|-0.50万元"},
		{"added|2021年 督查考核办公室（dkb） › 项目 110-0303-JBN-2ABC 考核工作宣传经费"},
		{"removed|2021年 督查考核办公室（dkb） › 项目 110-0303-JBN-2ABC 考核工作宣传经费 › 绩效指标“使用者满意度”"},
		{"changed|2021年 督查考核办公室（dkb） › 项目 110-0303-JBN-1VKY 督查考核专项经费 › 绩效指标“使用者满意度” › 值"},
		{"changed|2021年 督查考核办公室（dkb） › 总体绩效目标"},
		{"added|2021年 督查考核办公室（dkb） › 项目 110-0303-JBN-1VKY 督查考核专项经费 › 支出记录 记-2021-1231|+200.00 元",
			"added|2021年 督查考核办公室（dkb） › 项目 110-0303-JBN-1VKY 督查考核专项经费 › 支出记录 记-2021-1232|+300.50 元"},
	}
	before := state(t, dir)
	for i := 1; i < len(revs); i++ {
		code, out, errOut := runIn(t, dir, "diff", "--format", "json", revs[i-1], revs[i])
		if code != 1 {
			t.Fatalf("diff %d→%d: exit %d\n%s%s", i-1, i, code, out, errOut)
		}
		if got := primary(t, out); !slices.Equal(got, want[i-1]) {
			t.Errorf("diff %d→%d:\n got %q\nwant %q", i-1, i, got, want[i-1])
		}
	}
	// The amount change tells what it did to the sums, exactly.
	_, text, _ := runIn(t, dir, "diff", revs[0], revs[1])
	for _, w := range []string{"金额（万元）：4.00 → 3.50（−0.50万元）", "预算明细合计（万元）：21.00 → 20.50（−0.50万元）"} {
		if !strings.Contains(text, w) {
			t.Errorf("text diff lacks %q:\n%s", w, text)
		}
	}
	// The department's budget is the sum of 全年预算数, which the project's
	// results give (21): a change of the target table's total does not move it.
	if strings.Contains(text, "部门全年预算数合计") {
		t.Errorf("the department's 全年预算数 moved with the target total:\n%s", text)
	}
	// Added records move the totals by their exact sum.
	_, js, _ := runIn(t, dir, "diff", "--format", "json", revs[5], revs[6])
	if !strings.Contains(js, `"old": "191,610.70"`) || !strings.Contains(js, `"new": "192,111.20"`) || !strings.Contains(js, `"delta": "+500.50 元"`) {
		t.Errorf("record totals wrong:\n%s", js)
	}
	_, md, _ := runIn(t, dir, "diff", "--format", "markdown", revs[4], revs[5])
	if !strings.Contains(md, "积极<del>开拓</del><ins>改革</ins>创新") {
		t.Errorf("markdown prose diff:\n%s", md)
	}
	// A revision against itself, and across the whole history.
	code, out, _ := runIn(t, dir, "diff", revs[3], revs[3])
	if code != 0 || !strings.Contains(out, "没有变化") {
		t.Errorf("diff with itself: exit %d\n%s", code, out)
	}
	if code, _, _ := runIn(t, dir, "diff", "HEAD~6", "HEAD"); code != 1 {
		t.Errorf("HEAD~6..HEAD: exit %d", code)
	}
	if code, _, errOut := runIn(t, dir, "diff", "no-such-rev", "HEAD"); code != 2 || !strings.Contains(errOut, "不是这个 Git 仓库中的修订版本") {
		t.Errorf("bad revision: exit %d: %s", code, errOut)
	}
	// A folder against a revision works too.
	if code, _, _ := runIn(t, dir, "diff", "HEAD", "content"); code != 0 {
		t.Errorf("HEAD against the clean work tree: exit %d", code)
	}
	if after := state(t, dir); after != before {
		t.Errorf("diff touched the repository:\n%s\n%s", before, after)
	}
	// An uncommitted edit that breaks a sum: the diff says so and names
	// the check message it brings.
	editFile(t, proj, "    amount: 16\n", "    amount: 15\n")
	_, text, _ = runIn(t, dir, "diff", "HEAD", "content")
	for _, w := range []string{"金额（万元）：16.00 → 15.00（−1.00万元）", "与资金总额 20.50万元 不符", "[budget-sum] 预算明细合计 19.50万元，与项目资金总额 20.5万元 不符"} {
		if !strings.Contains(text, w) {
			t.Errorf("text diff lacks %q:\n%s", w, text)
		}
	}
	editFile(t, proj, "    amount: 15\n", "    amount: 16\n")

	// The department page's 修订记录 lists what those commits changed,
	// newest first, never their subjects.
	code, _, errOut := runIn(t, dir, "build", "--content", "content", "--out", "public", "--pdf=false")
	if code != 0 {
		t.Fatalf("build: %s", errOut)
	}
	page, _ := os.ReadFile(filepath.Join(dir, "public/2021/dkb/index.html"))
	changes := []string{"新增 项目 110-0303-JBN-1VKY 督查考核专项经费 › 支出记录", "〔删：开拓〕〔增：改革〕", "值：90.00 → 95.00",
		"删除 项目 110-0303-JBN-2ABC 考核工作宣传经费 › 绩效指标“使用者满意度”", "新增 项目 110-0303-JBN-2ABC 考核工作宣传经费", "金额（万元）：4.00 → 3.50", "首次公开"}
	at := 0
	for _, s := range changes {
		i := strings.Index(string(page[at:]), s)
		if i < 0 {
			t.Fatalf("修订记录 lacks %q in order", s)
		}
		at += i
	}
	for _, s := range []string{"补录12月支出", "修改总体绩效目标文字", "软件维护费调减0.5万元", "发布2021年绩效目标"} {
		if strings.Contains(string(page), s) {
			t.Errorf("修订记录 shows the commit subject %q", s)
		}
	}
	for _, w := range []string{"修改 项目 110-0303-JBN-1VKY 督查考核专项经费 › 预算明细“软件维护” › 金额（万元）：4.00 → 3.50（−0.50万元）", "〔删：开拓〕〔增：改革〕"} {
		if !strings.Contains(string(page), w) {
			t.Errorf("修订记录 lacks %q", w)
		}
	}
}

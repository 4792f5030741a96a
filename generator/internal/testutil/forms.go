package testutil

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// SampleProject is the sample content's one project, by its path from the
// content folder (without .yaml / .results.yaml).
const SampleProject = "2021/dkb/projects/110-0303-JBN-1VKY"

// Form variants of the sample project's results, as published forms give
// them (see PublishedForm).
const (
	// FormPublished: money block in 万元 (three decimals) and 元 with 其中
	// rows, 全年执行数 unlike the records, printed scores that differ, table
	// texts, a monitoring with published 1–6月执行数 and 全年预计执行数.
	FormPublished = "published"
	// FormIncomplete: one indicator without its 完成值.
	FormIncomplete = "incomplete"
	// FormNotApplicable: one indicator marked not applicable.
	FormNotApplicable = "not-applicable"
)

// Published figures of the FormPublished variant, for assertions.
const (
	PublishedAdjusted = "25.500"                // 全年预算数, 万元 as printed
	PublishedExecuted = "193,750.00元"           // 全年执行数, in 元 as printed
	PublishedRate     = "75.98%"                // 193750 ÷ 255000
	PublishedScore    = "45"                    // printed for 资金使用规范性
	PublishedTotal    = "99"                    // printed total
	PartName          = "其中：移动端满意度"             // a 其中 row of 使用者满意度
	EmptyGroup        = "数量指标"                  // a 二级 level printed without rows
	MissingIndicator  = "平台升级情况是否达标"            // FormIncomplete's row without 完成值
	NAIndicator       = "平台升级情况是否达标"            // FormNotApplicable's row
	ProjectOrigin     = "《2021年度项目支出绩效自评表》（示例）" // published_in
)

// PublishedForm copies the sample content and rewrites its project's
// results as a published form of the given variant would give them; the
// project gains header fields, levels with an empty 二级 group, and a
// "其中" row.
func PublishedForm(t testing.TB, variant string) string {
	t.Helper()
	dir := CopyContent(t)
	proj := filepath.Join(dir, filepath.FromSlash(SampleProject)+".yaml")
	Edit(t, proj, "template: \"\"\n", "template: \"\"\ncategory: 其他类\nsupervisor: (433)督查考核办公室\nimplementer: 督查考核办公室\noffice: 综合科\nmanager: 张三\npublished_in: "+ProjectOrigin+"\n")
	Edit(t, proj, "\nindicators:\n", "\nlevels:\n  - level1: 产出指标\n    level2: "+EmptyGroup+"\n\nindicators:\n")
	Edit(t, proj, "    basis: 督考平台使用情况及改进意见征集情况\n", "    basis: 督考平台使用情况及改进意见征集情况\n    parts:\n      - name: "+PartName+"\n        value: \"85\"\n        unit: \"%\"\n")
	res := filepath.Join(dir, filepath.FromSlash(SampleProject)+".results.yaml")
	Edit(t, res, "budget:\n  initial: 21\n  adjusted: 21\n", `budget:
  initial: 20.000
  adjusted: 25.500
  executed: 193750.00元
  rows:
    - name: 当年财政拨款
      initial: 20.000
      adjusted: 25.500
      executed: 193750.00元
`)
	Edit(t, res, "        progress: 试用单位阶段性问卷调查\n", "        progress: 试用单位阶段性问卷调查\n    executed: 6.2\n    projected: 24.8\n    cause: 需求变更致开发延后\n    remedy: 倒排工期\n")
	Edit(t, res, "      deviation: 个别区直部门", "      parts:\n        - name: "+PartName+"\n          actual: \"80\"\n      deviation: 个别区直部门")
	switch variant {
	case FormPublished:
		Edit(t, res, "      achievement: 达成\n      share: 100\n", "      achievement: 达成\n      share: 100\n      score: "+PublishedScore+"\n")
		Append(t, res, "  summary: 平台升级完成，运行稳定。\n  conclusion: 项目总体完成较好。\n  published:\n    execution_rate: 76\n    total: "+PublishedTotal+"\n    grade: 优\n")
	case FormIncomplete:
		Edit(t, res, "      actual: 升级通过验收，达到合同规定要求\n      achievement: 达成\n      share: 95\n", "      actual: \"\"\n")
	case FormNotApplicable:
		Edit(t, res, "      actual: 升级通过验收，达到合同规定要求\n      achievement: 达成\n      share: 95\n", "      not_applicable: 合同延至次年验收\n")
	}
	return dir
}

// Edit replaces the one occurrence of old in the file with new.
func Edit(t testing.TB, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(string(data), old) != 1 {
		t.Fatalf("%s: %q is not there exactly once", path, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Append adds text at the end of the file.
func Append(t testing.TB, path, text string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append(data, text...), 0o644); err != nil {
		t.Fatal(err)
	}
}

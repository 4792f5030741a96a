package web_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"disclose/generator/assets"
	"disclose/generator/derive"
	"disclose/generator/internal/testutil"
	"disclose/generator/load"
	"disclose/generator/web"
)

const (
	projectFile = "2021/dkb/projects/110-0303-JBN-1VKY.yaml"
	resultsFile = "2021/dkb/projects/110-0303-JBN-1VKY.results.yaml"
	dataDir     = "2021/dkb/data/"
)

// headerFields and parts added to the sample project for every case.
const projectHeader = `category: 其他类
supervisor: (110)督查考核办公室
implementer: 督查考核办公室
office: 综合科
manager: 张三 0314-2000000
published_in: 2021年部门预算公开
levels:
  - level1: 产出指标
    weight: 50
  - level1: 效果指标
    weight: 30
  - level1: 效果指标
    level2: 可持续影响指标
    weight: 0-5
`

const satisfactionParts = `    basis: 督考平台使用情况及改进意见征集情况
    parts:
      - name: 其中区直部门满意度
        value: "90"
        unit: "%"
`

// The results of each case, in place of the sample's.
const (
	// 全年执行数 published as 200,000.00 元 (the records sum to
	// 191,610.70): rate 200000 ÷ 210000 = 95.24%, score 9.52. Printed
	// scores: 平台 30 where the bands give 28.50, 满意度 9.8 where 88.5 ÷ 90
	// × 10 = 9.83; total printed 99.5, computed 9.52 + 50 + 28.50 + 9.83 =
	// 97.85; a printed part 年度目标完成情况 that is no 一级 category.
	resultsPrinted = `budget:
  initial: 0
  adjusted: 21
  executed: 200000.00元
  rows:
    - name: 当年财政拨款
      initial: 0
      adjusted: 21.0000
      executed: 200000.00元
monitoring:
  - date: 2021-06-30
    label: 年中监控
    executed: 6.5
    projected: 20.8
    cause: 需求变更
    indicators:
      - name: 平台升级情况是否达标
        outlook: 可能
        cause: 试用单位提出新增需求
        remedy: 制定赶工计划
      - name: 使用者满意度
        outlook: 确定能
        actual: "91"
evaluation:
  indicators:
    - name: 资金使用规范性
      actual: 资金使用规范
      achievement: 达成
      share: 100
      score: 50
    - name: 平台升级情况是否达标
      actual: 通过验收
      achievement: 达成
      share: 95
      score: 30
    - name: 使用者满意度
      actual: "88.5"
      score: 9.8
      parts:
        - name: 其中区直部门满意度
          actual: "88"
  published:
    execution_rate: 95.24
    execution_score: 9.52
    subtotals:
      - name: 产出指标
        score: 50.00
      - name: 年度目标完成情况
        weight: 10
        score: 10
    total: 99.5
    grade: 优
`
	// 资金使用规范性 not applicable, 使用者满意度 without a value: 未完成自评,
	// no total, no grade, no rescaling.
	resultsIncomplete = `monitoring:
  - date: 2021-06-30
    indicators:
      - name: 平台升级情况是否达标
        outlook: 可能
evaluation:
  indicators:
    - name: 资金使用规范性
      not_applicable: 本年度不考核
    - name: 平台升级情况是否达标
      actual: 通过验收
      achievement: 达成
      share: 95
`
)

// dataOf loads the sample with a project's results replaced, derives it
// and writes the site; it returns the department's derived figures and the
// open data files.
func dataOf(t *testing.T, results string) (*derive.Project, map[string][]byte) {
	t.Helper()
	dir := testutil.CopyContent(t)
	edit := func(file, old, new string) {
		p := filepath.Join(dir, file)
		data, err := os.ReadFile(p)
		if err != nil || !bytes.Contains(data, []byte(old)) {
			t.Fatalf("%s lacks %q (%v)", file, old, err)
		}
		os.WriteFile(p, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644)
	}
	edit(projectFile, "template: \"\"\n", "template: \"\"\n"+projectHeader)
	edit(projectFile, "    basis: 督考平台使用情况及改进意见征集情况\n", satisfactionParts)
	if err := os.WriteFile(filepath.Join(dir, resultsFile), []byte(results), 0o644); err != nil {
		t.Fatal(err)
	}
	// Load only: the figures of a form are what is asserted here, whatever
	// check says of them (it warns of every printed difference).
	site, diags := load.Site(dir)
	if diags.HasErrors() {
		t.Fatalf("content does not load: %v", diags.Sorted())
	}
	depts := derive.Site(site)
	out := t.TempDir()
	if err := web.Build(site, depts, out, web.Options{Cache: assets.CacheDir()}); err != nil {
		t.Fatalf("build: %v (run make assets first)", err)
	}
	files := map[string][]byte{}
	for name, data := range tree(t, out) {
		if strings.HasPrefix(name, dataDir) || name == "datapackage.json" {
			files[strings.TrimPrefix(name, dataDir)] = data
		}
	}
	return depts[0].Projects[0], files
}

// csvRows reads a CSV of the open data as maps from header to cell.
func csvRows(t *testing.T, data []byte) []map[string]string {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("\uFEFF")) {
		t.Fatal("no BOM")
	}
	recs, err := csv.NewReader(bytes.NewReader(data[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// jsonAt walks a decoded JSON document by keys and indexes ("a.0.b") and
// writes what it finds as JSON text: numbers exactly as written.
func jsonAt(t *testing.T, doc any, path string) string {
	t.Helper()
	v := doc
	for _, k := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[k]; !ok {
				t.Fatalf("%s: no key %s", path, k)
			}
		case []any:
			i := 0
			for _, c := range k {
				i = i*10 + int(c-'0')
			}
			if i >= len(x) {
				t.Fatalf("%s: index %d of %d", path, i, len(x))
			}
			v = x[i]
		default:
			t.Fatalf("%s: %s of %T", path, k, v)
		}
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func decode(t *testing.T, data []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestResultsOpenData: the self-evaluation and the monitoring of a project
// stand in department.json and the CSVs with every figure, computed and as
// printed.
func TestResultsOpenData(t *testing.T) {
	cases := []struct {
		name    string
		results string
		json    map[string]string              // path in projects.0 → JSON text
		csv     map[string][]map[string]string // file → rows (the columns given)
	}{
		{
			name:    "printed figures that differ",
			results: resultsPrinted,
			json: map[string]string{
				"category": `"其他类"`, "supervisor": `"(110)督查考核办公室"`, "implementer": `"督查考核办公室"`, "office": `"综合科"`,
				"manager": `"张三 0314-2000000"`, "published_in": `"2021年部门预算公开"`,
				"levels.2.weight": `"0-5"`, "levels.2.weight_min": "0", "levels.2.weight_max": "5", "levels.2.level2": `"可持续影响指标"`,
				"levels.1.weight": `"30"`, "levels.1.weight_max": "30", "levels.0.level2": `""`,
				"spent_yuan": "191610.70", "executed_yuan": "200000.00", "execution_rate_percent": "95.24",
				"budget.initial_yuan": "0.00", "budget.initial_published": `"0万元"`, "budget.adjusted_yuan": "210000.00",
				"budget.executed_yuan": "200000.00", "budget.executed_published": `"200,000.00元"`, "budget.executed_source": `"公布"`,
				"budget.rows.0.name": `"当年财政拨款"`, "budget.rows.0.adjusted_published": `"21.0000万元"`, "budget.rows.0.executed_yuan": "200000.00",
				"indicators.2.direction": `"正向"`, "indicators.0.direction": `""`,
				"indicators.2.parts.0.name": `"其中区直部门满意度"`, "indicators.2.parts.0.value": `"90"`, "indicators.2.parts.0.unit": `"%"`,
				"evaluation.execution.rate_percent": "95.24", "evaluation.execution.score": "9.52", "evaluation.execution.weight": "10.00",
				"evaluation.execution.executed_yuan": "200000.00",
				"evaluation.indicators.1.weight":     "30.00", "evaluation.indicators.1.score": "28.50",
				"evaluation.indicators.1.published_score": "30", "evaluation.indicators.1.differs": "true",
				"evaluation.indicators.1.kind": `"定性"`, "evaluation.indicators.1.category": `"效益指标"`, "evaluation.indicators.1.level1": `"效果指标"`,
				"evaluation.indicators.2.score": "9.83", "evaluation.indicators.2.published_score": "9.8", "evaluation.indicators.2.kind": `"正向"`,
				"evaluation.indicators.2.completion_percent": "98.33", "evaluation.indicators.2.parts.0.actual": `"88"`,
				"evaluation.indicators.0.differs": "false", "evaluation.indicators.0.not_applicable": "false",
				"evaluation.groups.0.published_score": "50.00", "evaluation.groups.0.score": "50.00", "evaluation.groups.1.published_score": "null",
				"evaluation.total": "97.85", "evaluation.score_sum": "97.85", "evaluation.grade": `"优"`, "evaluation.complete": "true",
				"evaluation.rescaled": "false", "evaluation.missing": "[]", "evaluation.weight_full": "100.00",
				"evaluation.published.total": "99.5", "evaluation.published.execution_rate_percent": "95.24",
				"evaluation.published.subtotals.1.name": `"年度目标完成情况"`, "evaluation.published.subtotals.1.weight": "10",
				"evaluation.findings.0.kind": `"indicator"`, "evaluation.findings.0.item": `"平台升级情况是否达标"`,
				"evaluation.findings.0.published": `"30"`, "evaluation.findings.0.computed": `"28.50"`,
				"evaluation.findings.2.kind": `"total"`, "evaluation.findings.2.computed": `"97.85"`,
				"monitoring.0.executed_yuan": "65000.00", "monitoring.0.executed_published": `"6.5万元"`, "monitoring.0.executed_source": `"公布"`,
				"monitoring.0.projected_yuan": "208000.00", "monitoring.0.execution_rate_percent": "30.95", "monitoring.0.progress_percent": "61.90",
				"monitoring.0.status": `"关注"`, "monitoring.0.cause": `"需求变更"`, "monitoring_status": `"正常"`,
				"monitoring.0.indicators.0.outlook": `"可能"`, "monitoring.0.indicators.0.outlook_standard": `"有可能"`,
				"monitoring.0.indicators.1.direction": `"正向"`, "monitoring.0.indicators.1.actual": `"91"`,
			},
			csv: map[string][]map[string]string{
				"projects.csv": {{"项目类别": "其他类", "项目负责人": "张三 0314-2000000", "年初预算数（元）": "0.00", "全年预算数（元）": "210000.00",
					"全年执行数（元）": "200000.00", "全年执行数来源": "公布", "支出记录合计（元）": "191610.70", "执行率（%）": "95.24",
					"全年执行数（公布）": "200,000.00元", "年初预算数（公布）": "0万元", "预算执行率得分": "9.52", "总分": "97.85", "等级": "优",
					"自评完成": "是", "按有效分值折算": "否", "总分（公布）": "99.5", "等级（公布）": "优", "复核差异数": "3", "监控状态": "正常"}},
				"evaluation.csv": {
					{"三级指标": "资金使用规范性", "分值": "50.00", "得分（计算）": "50.00", "得分（公布）": "50", "得分不一致": "否", "指标方向": ""},
					{"三级指标": "平台升级情况是否达标", "一级指标": "效果指标", "计分类别": "效益指标", "得分（计算）": "28.50", "得分（公布）": "30",
						"得分不一致": "是", "完成程度": "达成", "得分比例（%）": "95", "评分方式": "定性"},
					{"三级指标": "使用者满意度", "指标方向": "正向", "评分方式": "正向", "实际完成值": "88.5", "得分（计算）": "9.83", "得分（公布）": "9.8",
						"得分不一致": "是", "完成率（%）": "98.33", "计算公式": "正向指标，实际值 88.5 未达到目标值 90.00，得分 = 88.5 ÷ 90.00 × 10 = 9.83"},
				},
				"evaluation-groups.csv": {
					{"一级指标": "产出指标", "分值": "50.00", "得分（计算）": "50.00", "得分（公布）": "50.00", "得分不一致": "否"},
					{"一级指标": "效益指标", "得分（计算）": "28.50", "得分（公布）": ""},
					{"一级指标": "满意度指标", "得分（计算）": "9.83"},
					{"一级指标": "年度目标完成情况", "分值": "", "得分（计算）": "", "分值（公布）": "10", "得分（公布）": "10"},
				},
				"findings.csv": {
					{"复核项": "三级指标得分", "项目": "平台升级情况是否达标", "公布值": "30", "计算值": "28.50"},
					{"复核项": "三级指标得分", "项目": "使用者满意度", "公布值": "9.8", "计算值": "9.83"},
					{"复核项": "总分", "公布值": "99.5", "计算值": "97.85"},
				},
				"monitoring.csv": {{"监控日期": "2021-06-30", "执行数（元）": "65000.00", "执行数来源": "公布", "执行数（公布）": "6.5万元",
					"全年预计执行数（元）": "208000.00", "全年预计执行数（公布）": "20.8万元", "执行率（%）": "30.95", "执行进度（%）": "61.90",
					"状态": "关注", "计划累计进度（%）": "30.00", "偏差（百分点）": "0.95", "超出容差": "否", "偏差原因分析": "需求变更"}},
				"monitoring-indicators.csv": {
					{"三级指标": "平台升级情况是否达标", "完成预判（原文）": "可能", "完成预判": "有可能", "原因分析": "试用单位提出新增需求", "改进措施": "制定赶工计划"},
					{"三级指标": "使用者满意度", "指标方向": "正向", "完成预判（原文）": "确定能", "完成预判": "确定能", "当前实际值": "91"},
				},
				"indicator-parts.csv": {{"项目编码": "110-0303-JBN-1VKY", "三级指标": "使用者满意度", "其中": "其中区直部门满意度", "值": "90",
					"单位": "%", "实际完成值": "88"}},
				"project-indicators.csv": {{"指标方向": ""}, {"指标方向": ""}, {"指标方向": "正向"}},
			},
		},
		{
			name:    "incomplete, not applicable",
			results: resultsIncomplete,
			json: map[string]string{
				"executed_yuan": "191610.70", "execution_rate_percent": "91.24", "budget.executed_source": `"支出记录"`,
				"budget.executed_published": `""`, "budget.initial_published": `""`, "budget.rows": "[]",
				"evaluation.complete": "false", "evaluation.missing": `["使用者满意度"]`, "evaluation.total": "null", "evaluation.grade": `""`,
				"evaluation.rescaled": "false", "evaluation.published": "null", "evaluation.findings": "[]",
				"evaluation.indicators.0.not_applicable": "true", "evaluation.indicators.0.not_applicable_reason": `"本年度不考核"`,
				"evaluation.indicators.0.score": "null", "evaluation.indicators.2.score": "null", "evaluation.indicators.2.actual": `""`,
				"evaluation.indicators.1.score": "28.50", "evaluation.weight_counted": "50.00", "evaluation.weight_full": "100.00",
				"monitoring.0.executed_source": `"支出记录"`, "monitoring.0.executed_yuan": "60661.50", "monitoring.0.projected_yuan": "null",
				"monitoring.0.label": `""`, "monitoring.0.indicators.0.outlook_standard": `"有可能"`,
			},
			csv: map[string][]map[string]string{
				"projects.csv": {{"全年执行数（元）": "191610.70", "全年执行数来源": "支出记录", "执行率（%）": "91.24", "全年执行数（公布）": "",
					"总分": "", "等级": "", "自评完成": "否", "缺少完成值的指标": "使用者满意度", "按有效分值折算": "否", "复核差异数": "0", "总分（公布）": ""}},
				"evaluation.csv": {
					{"三级指标": "资金使用规范性", "不适用": "是", "不适用原因": "本年度不考核", "得分（计算）": "", "分值": "50.00"},
					{"三级指标": "平台升级情况是否达标", "不适用": "否", "得分（计算）": "28.50"},
					{"三级指标": "使用者满意度", "不适用": "否", "得分（计算）": "", "实际完成值": ""},
				},
				"findings.csv":              nil,
				"indicator-parts.csv":       {{"三级指标": "使用者满意度", "实际完成值": ""}},
				"monitoring.csv":            {{"执行数（元）": "60661.50", "执行数来源": "支出记录", "执行数（公布）": "", "全年预计执行数（元）": ""}},
				"monitoring-indicators.csv": {{"三级指标": "平台升级情况是否达标", "完成预判（原文）": "可能", "完成预判": "有可能"}},
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, files := dataOf(t, c.results)
			doc := decode(t, files["department.json"])
			for path, want := range c.json {
				if got := jsonAt(t, doc, "projects.0."+path); got != want {
					t.Errorf("department.json %s = %s, want %s", path, got, want)
				}
			}
			for file, want := range c.csv {
				rows := csvRows(t, files[file])
				if len(rows) != len(want) {
					t.Errorf("%s has %d rows, want %d", file, len(rows), len(want))
					continue
				}
				for i, w := range want {
					for col, v := range w {
						if got, ok := rows[i][col]; !ok || got != v {
							t.Errorf("%s row %d %s = %q (column present %v), want %q", file, i+1, col, got, ok, v)
						}
					}
				}
			}
			assertOneRate(t, p, doc, files)
		})
	}
}

// Package corpus writes deterministic synthetic content in the project's own
// format, for benchmarks and scale tests: departments with projects drawn
// from a small Chinese vocabulary, indicator tables inside the framework,
// and spending CSVs that stay within budget. The same Options always give
// the same bytes.
package corpus

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Options sizes a corpus.
type Options struct {
	Departments int
	Projects    int // in all, spread evenly over the departments
	Records     int // in all, spread evenly over the projects
	Seed        uint64
	Year        int
}

var (
	units    = []string{"教育局", "卫生健康委员会", "交通运输局", "农业农村局", "民政局", "文化和旅游局", "生态环境局", "水务局", "科学技术局", "市场监督管理局", "应急管理局", "自然资源局"}
	topics   = []string{"信息化建设", "设备购置", "运行维护", "专项培训", "宣传教育", "监督检查", "课题研究", "基础设施维修", "公共服务", "应急保障", "档案数字化", "数据治理"}
	lineKind = []string{"设备购置费", "软件开发费", "运行维护费", "培训费", "印刷费", "咨询服务费", "差旅费", "劳务费"}
	memos    = []string{"合同款", "进度款", "服务费", "采购款", "报销", "劳务费", "印刷费", "会议费"}
)

// row is an indicator row the generator can draw.
type row struct{ l1, l2, name, op, value, unit string }

var rows = []row{
	{"产出指标", "数量指标", "完成培训人次", ">=", "500", "人次"},
	{"产出指标", "数量指标", "设备购置数量", "=", "20", "台"},
	{"产出指标", "质量指标", "验收合格率", "=", "100", "%"},
	{"产出指标", "质量指标", "系统可用率", ">=", "99", "%"},
	{"产出指标", "时效指标", "按期完成率", ">=", "95", "%"},
	{"产出指标", "成本指标", "项目成本控制率", "<=", "100", "%"},
	{"产出指标", "成本指标", "资金使用规范性", "文字描述", "", "合理规范"},
	{"效益指标", "社会效益指标", "服务覆盖人口", ">=", "10", "万人"},
	{"效益指标", "社会效益指标", "群众办事效率提升", "文字描述", "", "明显提升"},
	{"效益指标", "经济效益指标", "节约行政成本", ">=", "5", "万元"},
	{"效益指标", "生态效益指标", "节能减排效果", "文字描述", "", "达标"},
	{"效益指标", "可持续影响指标", "长效机制建立", "文字描述", "", "建立"},
	{"满意度指标", "服务对象满意度指标", "服务对象满意度", ">=", "90", "%"},
	{"满意度指标", "服务对象满意度指标", "群众满意度", ">=", "85", "%"},
}

// Write writes site.yaml and the departments under dir.
func Write(dir string, o Options) error {
	if o.Year == 0 {
		o.Year = 2021
	}
	o.Departments = max(o.Departments, 1)
	r := rand.New(rand.NewPCG(o.Seed, 0x646973636c6f7365))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	site := "title: 合成测试网站\npublisher: 合成测试财政局\nlocale: zh-CN\n"
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), []byte(site), 0o644); err != nil {
		return err
	}
	for d := range o.Departments {
		n := o.Projects / o.Departments
		if d < o.Projects%o.Departments {
			n++
		}
		recs := o.Records / o.Departments
		if d < o.Records%o.Departments {
			recs++
		}
		if err := writeDepartment(dir, o.Year, d, n, recs, r); err != nil {
			return err
		}
	}
	return nil
}

func writeDepartment(root string, year, index, projects, records int, r *rand.Rand) error {
	code := fmt.Sprintf("d%03d", index+1)
	name := fmt.Sprintf("第%d%s", index+1, units[index%len(units)])
	dir := filepath.Join(root, fmt.Sprint(year), code)
	if err := os.MkdirAll(filepath.Join(dir, "projects"), 0o755); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(dir, "spending"), 0o755); err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "code: %s\nname: %s\nyear: %d\npublisher: %s\npublished: %d-02-15\ntitle: %d年部门整体绩效目标\n", code, name, year, name, year, year)
	b.WriteString("sub_targets:\n  - 保障机关正常运转。\n  - 完成年度重点工作任务。\n")
	b.WriteString("indicators:\n")
	for i := range 8 {
		writeIndicator(&b, rows[(index+i*3)%len(rows)], "  ")
	}
	b.WriteString("special_funds:\n  explanation: 本部门无专项资金预算，特此说明。\n")
	b.WriteString("spending:\n  - file: spending/records.csv\n    illustrative: true\n    note: 合成数据。\n")
	if err := os.WriteFile(filepath.Join(dir, "department.yaml"), []byte(b.String()), 0o644); err != nil {
		return err
	}
	narrative := strings.Repeat("围绕年度重点工作，强化预算绩效管理，提高资金使用效益，确保各项任务按期完成。", 30) + "\n"
	if err := os.WriteFile(filepath.Join(dir, "overall-goal.md"), []byte(narrative), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "measures.md"), []byte("（一）加强组织领导。\n\n（二）严格资金管理。\n"), 0o644); err != nil {
		return err
	}
	type proj struct {
		code  string
		lines []string
	}
	ps := make([]proj, projects)
	for p := range projects {
		pc := fmt.Sprintf("%s-%04d-%s", code, p+1, strings.ToUpper(fmt.Sprintf("%04x", r.Uint32()&0xffff)))
		nl := 2 + r.IntN(3)
		lines := make([]string, nl)
		for i := range lines {
			lines[i] = lineKind[(p+i)%len(lineKind)]
		}
		ps[p] = proj{pc, lines}
		if err := writeProject(filepath.Join(dir, "projects"), pc, topics[r.IntN(len(topics))], lines, r); err != nil {
			return err
		}
	}
	f, err := os.Create(filepath.Join(dir, "spending", "records.csv"))
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	w.WriteString("日期,项目编码,资金用途,金额（元）,凭证号,摘要\n")
	for i := range records {
		if len(ps) == 0 {
			break
		}
		p := ps[i%len(ps)]
		day := 1 + r.IntN(365)
		month, dom := monthDay(year, day)
		fmt.Fprintf(w, "%d-%02d-%02d,%s,%s,%d.%02d,记-%d-%06d,%s\n", year, month, dom, p.code, p.lines[r.IntN(len(p.lines))],
			100+r.IntN(1900), r.IntN(100), year, i+1, memos[r.IntN(len(memos))])
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func monthDay(year, yday int) (int, int) {
	days := []int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		days[1] = 29
	}
	for m, n := range days {
		if yday <= n {
			return m + 1, yday
		}
		yday -= n
	}
	return 12, 31
}

func writeIndicator(b *strings.Builder, x row, indent string) {
	fmt.Fprintf(b, "%s- level1: %s\n%s  level2: %s\n%s  name: %s\n%s  description: %s情况\n%s  operator: %q\n%s  value: %q\n%s  unit: %q\n%s  basis: 年度工作计划\n",
		indent, x.l1, indent, x.l2, indent, x.name, indent, x.name, indent, x.op, indent, x.value, indent, x.unit, indent)
}

func writeProject(dir, code, topic string, lines []string, r *rand.Rand) error {
	var b strings.Builder
	amounts := make([]int, len(lines))
	total := 0
	for i := range lines {
		amounts[i] = 20 + r.IntN(180) // 万元: records stay well below
		total += amounts[i]
	}
	fmt.Fprintf(&b, "code: %s\nname: %s%s项目\ntotal: %d\nfunds:\n  - source: 一般公共预算\n    amount: %d\n", code, topic, code[len(code)-4:], total, total)
	fmt.Fprintf(&b, "purpose: 用于%s。\nbudget_lines:\n", topic)
	for i, l := range lines {
		fmt.Fprintf(&b, "  - name: %s\n    amount: %d\n", l, amounts[i])
	}
	b.WriteString("plan:\n")
	for i, cp := range [][3]string{{"3月底", "03-31", "20"}, {"6月底", "06-30", "50"}, {"9月底", "09-30", "75"}, {"12月底", "12-31", "100"}} {
		_ = i
		fmt.Fprintf(&b, "  - label: %s\n    date: 2021-%s\n    percent: %s\n", cp[0], cp[1], cp[2])
	}
	fmt.Fprintf(&b, "targets:\n  - label: 目标1\n    text: 按期完成%s任务\n  - label: 目标2\n    text: 提高服务质量和群众满意度\n", topic)
	b.WriteString("indicators:\n")
	n := 10 + r.IntN(21)
	start := r.IntN(len(rows))
	for i := range n {
		x := rows[(start+i)%len(rows)]
		if i >= len(rows) {
			x.name = fmt.Sprintf("%s（%d）", x.name, i/len(rows)+1)
		}
		writeIndicator(&b, x, "  ")
	}
	if err := os.WriteFile(filepath.Join(dir, code+".yaml"), []byte(b.String()), 0o644); err != nil {
		return err
	}
	desc := strings.Repeat("本项目围绕"+topic+"开展工作，按计划推进实施，加强过程管理，确保资金安全和使用效益。", 20) + "\n"
	return os.WriteFile(filepath.Join(dir, code+".md"), []byte(desc), 0o644)
}

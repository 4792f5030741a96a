package importer_test

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/encoding/simplifiedchinese"
	"gopkg.in/yaml.v3"

	"disclose/generator/importer"
	"disclose/generator/load"
	"disclose/generator/schema"
)

// selfEval is a small 项目支出绩效自评表 in the central layout, in 元, as
// CSV rows: a code in the project name, units with bracketed codes, the
// money block with 其中 rows and half-width colons, operators as printed.
const selfEval = `2021年度项目支出绩效自评表,,,,,,,,,
项目名称,[2021-0042]平台运维,,,项目类别,其他类,,,,
主管部门,[433]县数据局,,,实施单位,(433001)县数据中心,,,,
归口科室,信息科,,,项目负责人,张三 1300000000,,,,
项目资金 (元),,,,年初预算数,全年预算数,全年执行数,分值,执行率,得分
,年度资金总额:,,,"100,000.00",100000.00,86180.00,10,86.19%,8.62
,其中:当年财政 拨款,,,100000.00,100000.00,86180.00,—,—,
,其他资金,,,—,—,—,—,—,—
年度总体目标,预期目标,,,,,实际完成情况,,,
,平台全年稳定运行,,,,,平台全年稳定运行,,,
一级指标,二级指标,三级指标,年度指标值,,,实际完成值,分值,得分,偏差原因分析及改进措施
,,,指标性质,指标值,度量单位,,,,
产出指标,数量指标,巡检次数,=,12,次,12,20,20,
,质量指标,系统可用率,≧,99,%,99.5%,20,20,
,时效指标,完成时间,,44561,,44560,10,10,
效益指标,社会效益指标,服务响应,═,100,%,98%,30,29,个别工单超时
满意度指标,服务对象满意度指标,用户满意度,‹=,5,%,4%,10,
总分,,,,,,,100,87,良
`

func writeCSV(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func importTo(t *testing.T, o importer.Options, paths ...string) (string, *importer.Report) {
	t.Helper()
	o.Out = filepath.Join(t.TempDir(), "content")
	rep, err := importer.Import(paths, o)
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	return o.Out, rep
}

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestHeaderBlockAndMoney: point 2 of issue 14 on one small form, as UTF-8
// with BOM and as GB18030: names and codes from the header, the money block
// in 元 with its 其中 rows, operators as printed, date serials decoded, a
// blank score reported by cell and left missing.
func TestHeaderBlockAndMoney(t *testing.T) {
	gb, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(selfEval))
	for _, v := range []struct {
		name string
		data []byte
	}{{"bom.csv", append([]byte("\ufeff"), selfEval...)}, {"gb.csv", gb}} {
		t.Run(v.name, func(t *testing.T) {
			out, rep := importTo(t, importer.Options{Year: 2021, Code: "sjj"}, writeCSV(t, v.name, v.data))
			site, diags := load.Site(out)
			if diags.HasErrors() {
				t.Fatalf("load: %v", diags.Sorted())
			}
			d := site.Departments[0]
			// The form is the 实施单位's: it names and publishes; 主管部门
			// stays the project's supervisor.
			if d.Name != "县数据中心" || d.Publisher != "县数据中心" {
				t.Errorf("department %q publisher %q", d.Name, d.Publisher)
			}
			p := d.Projects[0]
			if p.Code != "2021-0042" || p.Name != "平台运维" || p.Supervisor != "[433]县数据局" || p.Implementer != "(433001)县数据中心" ||
				p.Category != "其他类" || p.Office != "信息科" || p.Manager != "张三 1300000000" {
				t.Errorf("header %+v", p)
			}
			proj := read(t, filepath.Join(out, "2021/sjj/projects/2021-0042.yaml"))
			res := read(t, filepath.Join(out, "2021/sjj/projects/2021-0042.results.yaml"))
			for _, w := range []string{"total: 100000.00元", "operator: =", "operator: ≧", "operator: ═", "operator: ‹=", "value: \"2021-12-31\""} {
				if !strings.Contains(proj, w) {
					t.Errorf("project lacks %q:\n%s", w, proj)
				}
			}
			for _, w := range []string{"initial: 100000.00元", "executed: 86180.00元", "name: 其中:当年财政 拨款", "actual: \"2021-12-30\"",
				"score: 29", "execution_rate: 86.19", "execution_score: 8.62", "total: 87", "grade: 良", "deviation: 个别工单超时"} {
				if !strings.Contains(res, w) {
					t.Errorf("results lack %q:\n%s", w, res)
				}
			}
			// The blank 得分 of 用户满意度 is missing, not made up.
			if after := res[strings.Index(res, "用户满意度"):]; strings.Contains(after[:strings.Index(after, "summary:")], "score:") {
				t.Errorf("a blank score was invented:\n%s", res)
			}
			n := notes(rep)
			for _, w := range []string{"项目名称中的编码 2021-0042", "Excel 日期序号 44561 已转为 2021-12-31", "部门名称 县数据中心（取自实施单位"} {
				if !strings.Contains(n, w) {
					t.Errorf("report lacks %q:\n%s", w, n)
				}
			}
		})
	}
}

// TestFlagsOverHeader: --name and --publisher win over the header.
func TestFlagsOverHeader(t *testing.T) {
	out, _ := importTo(t, importer.Options{Year: 2021, Code: "sjj", Name: "数据局", Publish: "县政府"}, writeCSV(t, "f.csv", []byte(selfEval)))
	dep := read(t, filepath.Join(out, "2021/sjj/department.yaml"))
	if !strings.Contains(dep, "name: 数据局") || !strings.Contains(dep, "publisher: 县政府") {
		t.Errorf("flags not used:\n%s", dep)
	}
}

// TestTwoTablesTwoProjects: two forms one under the other are two projects;
// a cut-off last row is reported by its cell and imported as missing.
func TestTwoTablesTwoProjects(t *testing.T) {
	second := `,,,,,,,,,
项目支出绩效自评表,,,,,,,,,
项目名称,办公设备购置,,,,,,,,
项目资金（万元）,,,,年初预算数,全年预算数,全年执行数,分值,执行率,得分
,年度资金总额：,,,5,5,5,10,100%,10
一级指标,二级指标,三级指标,年度指标值,,,实际完成值,分值,得分,
,,,指标性质,指标值,度量单位,,,,
产出指标,数量指标,购置台数,>=,10,台,,,,
`
	out, rep := importTo(t, importer.Options{Year: 2021, Code: "sjj"}, writeCSV(t, "two.csv", []byte(selfEval+second)))
	site, diags := load.Site(out)
	if diags.HasErrors() {
		t.Fatal(diags.Sorted())
	}
	if ps := site.Departments[0].Projects; len(ps) != 2 || ps[1].Name != "办公设备购置" || ps[1].Total.String() != "5" {
		t.Fatalf("projects %+v", ps)
	}
	if n := notes(rep); !strings.Contains(n, "two.csv 第 26 行第 7 列：购置台数：实际完成值和得分都是空的") {
		t.Errorf("cut row not reported by cell:\n%s", n)
	}
}

// TestMonitoringForm: a 绩效运行监控表 (1–N月执行数, 全年预计执行数,
// 完成可能性 with its cause and remedy) becomes a monitoring snapshot.
func TestMonitoringForm(t *testing.T) {
	form := `项目支出绩效运行监控表,,,,,,,
项目名称,平台运维,项目编码,110-0009,,,,
项目资金（万元）,,年初预算数,全年预算数,1-6月执行数,执行率,全年预计执行数,
,年度资金总额,10,10,4.5,45%,10,
一级指标,二级指标,三级指标,年度指标值,1-6月实际完成值,完成可能性,原因分析,改进措施
产出指标,数量指标,巡检次数,>=12次,6,确定能,,
满意度指标,服务对象满意度指标,满意度,>=90%,85%,有可能,投诉增加,加强培训
`
	out, rep := importTo(t, importer.Options{Year: 2021, Code: "sjj", Name: "数据局"}, writeCSV(t, "m.csv", []byte(form)))
	site, diags := load.Site(out)
	if diags.HasErrors() {
		t.Fatal(diags.Sorted(), notes(rep))
	}
	r := site.Departments[0].Projects[0].Results
	if r == nil || len(r.Monitoring) != 1 {
		t.Fatalf("no monitoring: %+v", r)
	}
	s := r.Monitoring[0]
	if s.Date.String() != "2021-06-30" || s.Executed == nil || s.Executed.String() != "4.5" || s.Projected == nil || s.Projected.String() != "10" ||
		len(s.Indicators) != 2 || s.Indicators[1].Outlook != "有可能" || s.Indicators[1].Cause != "投诉增加" || s.Indicators[1].Remedy != "加强培训" || s.Indicators[0].Actual != "6" {
		t.Errorf("snapshot %+v", s)
	}
}

// TestWrittenYAMLIsWhatAPersonWrites: numbers unquoted, no empty keys, every
// file valid against the project's schema, the modeline resolving.
func TestWrittenYAMLIsWhatAPersonWrites(t *testing.T) {
	out, _ := importTo(t, importer.Options{Year: 2021, Code: "sjj"}, writeCSV(t, "f.csv", []byte(selfEval)))
	quoted := regexp.MustCompile(`(?m)^\s*(total|amount|initial|adjusted|executed|weight|score|execution_rate|execution_score|percent): "`)
	empty := regexp.MustCompile(`(?m)^\s*[a-z_]+:\s*(""|null|\[\]|\{\})?\n\s*(#|[a-z_]+:|$)`)
	c := jsonschema.NewCompiler()
	for _, f := range schema.Files() {
		doc, _ := jsonschema.UnmarshalJSON(bytes.NewReader(f.Data))
		if err := c.AddResource(f.Name, doc); err != nil {
			t.Fatal(err)
		}
	}
	n := 0
	filepath.WalkDir(out, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || filepath.Ext(p) != ".yaml" {
			return err
		}
		n++
		text := read(t, p)
		if m := quoted.FindString(text); m != "" {
			t.Errorf("%s: quoted number %q", p, m)
		}
		for _, m := range empty.FindAllString(text, -1) {
			if !strings.Contains(m, "indicators: []") && !strings.Contains(m, "sub_targets: []") && !strings.Contains(strings.SplitN(m, "\n", 2)[0], ":") {
				continue
			}
			if k := strings.TrimSpace(strings.SplitN(m, "\n", 2)[0]); !strings.HasSuffix(k, ":") || k == "indicators: []" || k == "sub_targets: []" {
				continue
			} else if next := strings.SplitN(m, "\n", 2)[1]; !strings.HasPrefix(strings.TrimLeft(next, " "), "-") && len(next)-len(strings.TrimLeft(next, " ")) <= len(m)-len(strings.TrimLeft(m, " ")) {
				t.Errorf("%s: empty key %q", p, k)
			}
		}
		line := strings.SplitN(text, "\n", 2)[0]
		ref, ok := strings.CutPrefix(line, "# yaml-language-server: $schema=")
		if !ok {
			t.Errorf("%s: no modeline", p)
			return nil
		}
		name := filepath.Base(ref)
		sch, err := c.Compile(name)
		if err != nil {
			t.Fatal(err)
		}
		var node yaml.Node
		if err := yaml.Unmarshal([]byte(text), &node); err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(jsonOf(&node))
		v, _ := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err := sch.Validate(v); err != nil {
			t.Errorf("%s is not valid against %s: %v", p, name, err)
		}
		return nil
	})
	if n < 3 {
		t.Errorf("%d YAML files", n)
	}
}

// TestModelineResolves: written into a folder beside schema/, the modeline
// names the schema file that is there.
func TestModelineResolves(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "schema"), 0o755)
	for _, f := range schema.Files() {
		os.WriteFile(filepath.Join(root, "schema", f.Name), f.Data, 0o644)
	}
	out := filepath.Join(root, "site", "content")
	if _, err := importer.Import([]string{writeCSV(t, "f.csv", []byte(selfEval))}, importer.Options{Out: out, Year: 2021, Code: "sjj"}); err != nil {
		t.Fatal(err)
	}
	for _, rel := range []string{"site.yaml", "2021/sjj/department.yaml", "2021/sjj/projects/2021-0042.yaml", "2021/sjj/projects/2021-0042.results.yaml"} {
		p := filepath.Join(out, rel)
		ref, _ := strings.CutPrefix(strings.SplitN(read(t, p), "\n", 2)[0], "# yaml-language-server: $schema=")
		if _, err := os.Stat(filepath.Join(filepath.Dir(p), ref)); err != nil {
			t.Errorf("%s: modeline %s does not resolve: %v", rel, ref, err)
		}
	}
}

func jsonOf(n *yaml.Node) any {
	switch n.Kind {
	case yaml.DocumentNode:
		return jsonOf(n.Content[0])
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = jsonOf(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		a := []any{}
		for _, c := range n.Content {
			a = append(a, jsonOf(c))
		}
		return a
	}
	switch n.Tag {
	case "!!int", "!!float":
		return json.Number(n.Value)
	case "!!bool":
		return n.Value == "true"
	case "!!null":
		return nil
	}
	return n.Value
}

// TestFundsBesideTheTotal: the official single-row money layout puts the
// 其中 sources on the total's own row; figures side by side that are not
// 其中 parts (年度本级预算金额 | 该项目支出上级资金) are not read as sources.
func TestFundsBesideTheTotal(t *testing.T) {
	const form = `项目支出绩效目标申报表,,,,,
项目名称,平台运维,,,,
资金总额（万元）,21,其中：财政拨款,20.5,其他资金,0.5
年度总体目标,平台全年稳定运行,,,,
一级指标,二级指标,三级指标,指标值,,
产出指标,数量指标,巡检次数,>=12次,,
`
	dir, _ := importTo(t, importer.Options{Year: 2021, Code: "sjj", Name: "县数据局"}, writeCSV(t, "form.csv", []byte(form)))
	var yml string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".yaml") && strings.Contains(p, "projects") {
			yml = read(t, p)
		}
		return nil
	})
	for _, want := range []string{"total: 21\n", "source: 财政拨款\n    amount: 20.5\n", "source: 其他资金\n    amount: 0.5\n"} {
		if !strings.Contains(yml, want) {
			t.Errorf("project lacks %q:\n%s", want, yml)
		}
	}
}

package importer_test

import (
	"testing"

	"disclose/generator/importer"
	"disclose/generator/load"
)

// TestDepartmentNaming: the department is the unit the form is of (a
// self-evaluation's 实施单位, a target form's 预算单位 or, failing that,
// its 主管部门, an assumption); the 部门 cell is the publisher.
func TestDepartmentNaming(t *testing.T) {
	const table = "一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分\n产出指标,数量指标,巡检次数,>=12次,12,90,90\n"
	const targets = "一级指标,二级指标,三级指标,指标值\n产出指标,数量指标,巡检次数,>=12次\n"
	for _, c := range []struct {
		name, form string
		dept, pub  string
		kind       importer.NoteKind
		cell       string
	}{
		{"self-evaluation: 实施单位 names, 部门 publishes", "项目支出绩效自评表\n部门:临沧市永德县明朗中学\n项目名称,营养餐\n主管部门,永德县教育体育局,实施单位,[5301]永德县明朗中学\n" + table,
			"永德县明朗中学", "临沧市永德县明朗中学", importer.Read, "D4"},
		{"self-evaluation with 主管部门 only", "项目支出绩效自评表\n项目名称,营养餐\n主管部门,(433)永德县教育体育局\n" + table,
			"永德县教育体育局", "永德县教育体育局", importer.Assumed, "B3"},
		{"targets: 主管部门 applies, 实施单位 a company", "绩效目标申报表\n项目名称,扶贫基地\n主管部门,南岳镇政府,实施单位,[610001]某农业发展有限公司\n" + targets,
			"南岳镇政府", "南岳镇政府", importer.Assumed, "B3"},
		{"targets: 预算单位 names", "绩效目标审批表\n预算单位: 奉节县云雾土家族乡人民政府\n项目名称,加工园\n实施单位,云雾土家族乡\n" + targets,
			"奉节县云雾土家族乡人民政府", "奉节县云雾土家族乡人民政府", importer.Read, "A2"},
		{"nothing printed", "绩效目标申报表\n项目名称,加工园\n" + targets,
			"", "", importer.ToSupply, "A1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, rep := importTo(t, importer.Options{Year: 2021, Code: "d"}, writeCSV(t, "f.csv", []byte(c.form)))
			site, _ := load.Site(out)
			d := site.Departments[0]
			if d.Name != c.dept || d.Publisher != c.pub {
				t.Errorf("name %q publisher %q, want %q %q", d.Name, d.Publisher, c.dept, c.pub)
			}
			text := "部门名称"
			n := noteAt(t, rep, c.kind, text)
			if n.Cell != c.cell {
				t.Errorf("%s note at %s, want %s: %s", c.kind, n.Cell, c.cell, n.Message)
			}
		})
	}
}

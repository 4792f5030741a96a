package importer

import "testing"

// FuzzReadCSVForm feeds arbitrary bytes to the CSV form reader and the form
// recognizer: they must never panic, whatever a budget system exports.
func FuzzReadCSVForm(f *testing.F) {
	f.Add([]byte("项目名称,考核经费,项目编码,110-0009\n资金总额（万元）,3\n一级指标,二级指标,三级指标,符号,值,计量单位\n产出指标,数量指标,考核单位数,>=,40,个\n"))
	f.Add([]byte("一级指标,二级指标,三级指标,指标值,,,依据\n,,,符号,值,单位,\n产出指标,时效指标,完成时间,,44561,,\n,,x,≥50个,,,\n"))
	f.Add([]byte("资金支出计划（累计进度%）,3月底,第二季度,13月\n,0,abc,100\n年度目标,目标1\n"))
	f.Add([]byte("\xc8\xd5,\"unterminated\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := readCSV("f.csv", data)
		if err != nil {
			return
		}
		rep := &Report{}
		f := readForm(&g, 2021, rep)
		for _, in := range f.indicators {
			if in.Name == "" {
				t.Fatal("an indicator without a name was imported")
			}
		}
	})
}

package importer

import "testing"

// FuzzReadCSVForm feeds arbitrary bytes to the CSV form reader and the form
// recognizer: they must never panic, whatever a budget system exports.
func FuzzReadCSVForm(f *testing.F) {
	f.Add([]byte("项目名称,考核经费,项目编码,110-0009\n资金总额（万元）,3\n一级指标,二级指标,三级指标,符号,值,计量单位\n产出指标,数量指标,考核单位数,>=,40,个\n"))
	f.Add([]byte("一级指标,二级指标,三级指标,指标值,,,依据\n,,,符号,值,单位,\n产出指标,时效指标,完成时间,,44561,,\n,,x,≥50个,,,\n"))
	f.Add([]byte("资金支出计划（累计进度%）,3月底,第二季度,13月\n,0,abc,100\n年度目标,目标1\n"))
	f.Add([]byte("\xc8\xd5,\"unterminated\n"))
	f.Add([]byte("项目名称,a\n项目资金 (元),,年初预算数,全年预算数,全年执行数,分值,执行率,得分\n,年度资金总额:,1,\"2,000\",968.191 8,10,86.19%,8.62\n,其中:财政拨款,1,1,—\n一级指标,二级指标,三级指标,年度指标值,,,实际完成值,分值,得分\n,,,指标性质,指标值,度量单位,,,\n产出指标(50分),数量指标,x,═,100,%,98%,10,9\n,,其中y,,1.5亩,1.5亩,,\n总分,,,,,,,100,96,优\n项目名称,b\n一级指标,二级指标,三级指标,年度指标值,1-6月实际完成值,完成可能性\nx,y,z,≥1,1,能\n"))
	// 06: heading | figure pairs, 自评得分 above its number, points of parts.
	f.Add([]byte("专项名称,a\n中央主管部门,b,,,,自评得分,\n,,,,,100,\n预算执行情况,预算数:,2.38,执行数:,2.38,20\n,其中:中央补助,2.38  万元,其中:中央补助,2.38万元,\n,地方资金/其他,万元,地方资金/其他,万元\n年度目标完成情况,预期目标,,目标实际完成情况,,20\n年度绩效指标完成情况,一级指标,二级指标,三级指标,年度指标值,实际完成指标值,50\n,产出指标,时效指标,完成时间,<=2021年12月31日,44560,5\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := readCSV("f.csv", data)
		if err != nil {
			return
		}
		rep := &Report{}
		for _, s := range segments(&g) {
			f := readForm(s, 2021, rep)
			for _, n := range rep.Notes {
				if n.Kind == "" || n.Where == "" {
					t.Fatalf("a note without kind or place: %+v", n)
				}
			}
			for _, in := range f.indicators {
				if in.Name == "" {
					t.Fatal("an indicator without a name was imported")
				}
			}
		}
	})
}

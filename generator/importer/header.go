package importer

import (
	"regexp"
	"strings"
)

// role is what a column of an indicator table holds.
type role int

const (
	noRole role = iota
	roleLevel1
	roleLevel2
	roleName
	roleDescription
	roleOperator
	roleValue
	roleUnit
	roleTarget // 年度指标值 as one cell: "≥90%"
	roleBasis
	roleWeight
	roleDirection
	roleActual
	roleScore
	roleDeviation
	roleValueGroup // 指标值 over 符号 / 值 / 单位
	roleAchievement
	roleShare
	roleNotApplicable
	roleSeq     // 序号
	roleOutlook // 完成可能性 of a monitoring form
	roleCause
	roleRemedy
	roleToDate // 1-N月实际完成值 of a monitoring form
)

// headerWords lists the spellings of each column header seen in published
// forms, normalized (no spaces, full-width brackets kept).
var headerWords = map[string]role{
	"一级指标": roleLevel1, "一级": roleLevel1, "一级指标名称": roleLevel1,
	"二级指标": roleLevel2, "二级": roleLevel2, "二级指标名称": roleLevel2,
	"三级指标": roleName, "三级": roleName, "三级指标名称": roleName, "指标名称": roleName,
	"绩效指标描述": roleDescription, "指标描述": roleDescription, "指标内容": roleDescription, "指标解释": roleDescription,
	"符号": roleOperator, "指标性质": roleOperator, "运算符": roleOperator, "比较符号": roleOperator,
	"值": roleValue, "数值": roleValue, "目标值": roleTarget, "年度指标值": roleTarget, "指标值": roleValueGroup, "年度目标值": roleTarget,
	"单位": roleUnit, "计量单位": roleUnit, "度量单位": roleUnit, "单位（文字描述）": roleUnit, "单位(文字描述)": roleUnit,
	"指标值确定依据": roleBasis, "确定依据": roleBasis, "指标值设定依据": roleBasis, "依据": roleBasis, "评（扣）分标准": roleBasis,
	"分值": roleWeight, "权重": roleWeight, "权重（%）": roleWeight, "指标分值": roleWeight,
	"指标方向": roleDirection, "方向": roleDirection, "指标属性": roleDirection,
	"实际完成值": roleActual, "全年实际值": roleActual, "实际值": roleActual, "全年实际完成值": roleActual, "实际完成情况": roleActual,
	"得分": roleScore, "实际得分": roleScore,
	"完成程度": roleAchievement, "得分比例（%）": roleShare, "得分比例": roleShare, "不适用原因": roleNotApplicable,
	"计算符号": roleOperator, "年度数值": roleTarget, "指标值及单位": roleTarget, "指标值(包含数字及文字描述)": roleTarget,
	"绩效标准": roleBasis, "评分标准": roleBasis, "指标说明及评分标准": roleBasis, "指标值说明": roleDescription, "备注": roleDescription,
	"实际完成指标值": roleActual, "完成值": roleActual, "自评得分": roleScore, "序号": roleSeq,
	"未完成原因及拟采取的改进措施": roleDeviation, "未完成原因分析": roleDeviation, "扣分原因": roleDeviation, "扣分原因和其他说明": roleDeviation,
	"完成可能性": roleOutlook, "完成目标可能性": roleOutlook, "完成预判": roleOutlook, "全年完成可能性": roleOutlook,
	"原因分析": roleCause, "偏差原因分析": roleCause, "未完成原因": roleCause, "改进措施": roleRemedy, "拟采取的措施": roleRemedy, "拟采取的改进措施": roleRemedy,
	"当前实际值": roleToDate, "实际完成情况(截至目前)": roleToDate,
	"偏差原因分析及改进措施": roleDeviation, "偏差原因分析及改进措施说明": roleDeviation, "偏差原因": roleDeviation, "未完成原因和改进措施": roleDeviation,
}

func norm(s string) string {
	return strings.NewReplacer(" ", "", "\u3000", "", "\u00a0", "", "\n", "", "\r", "", "\t", "").Replace(clean(s))
}

// canon is norm with the brackets and colons folded to one width and a
// leading * (a required field's mark) and trailing colon dropped: forms
// spell 其中：财政拨款 and 其中:财政拨款, 项目资金（万元） and 项目资金(万元).
func canon(s string) string {
	s = strings.NewReplacer("（", "(", "）", ")", "：", ":", "【", "[", "】", "]").Replace(norm(s))
	return strings.TrimSuffix(strings.TrimPrefix(s, "*"), ":")
}

var canonHeaders = func() map[string]role {
	m := map[string]role{}
	for k, v := range headerWords {
		m[canon(k)] = v
	}
	return m
}()

// toDateHeader matches a monitoring form's 1-6月执行数 / 1-6月实际完成值.
var toDateHeader = regexp.MustCompile(`^(1|一)[-—–~至]\d{1,2}月(实际完成值|完成值|实际值|完成情况)`)

func roleOf(s string) role {
	c := canon(s)
	if r, ok := canonHeaders[c]; ok {
		return r
	}
	if toDateHeader.MatchString(c) {
		return roleToDate
	}
	return noRole
}

// table is a recognized indicator table: its header rows and the column of
// each role.
type table struct {
	header, first int // header row; first data row
	cols          map[role]int
}

// findTables finds the indicator tables of a grid: a row whose cells name
// at least the 一级, the 三级 indicator and a target, its second header
// row (符号 / 值 / 单位 under 指标值) when there is one.
func findTables(g *Grid) []table {
	var out []table
	for r := 0; r < len(g.Rows); r++ {
		cols := map[role]int{}
		for c := range g.Rows[r] {
			if ro := roleOf(g.Cell(r, c)); ro != noRole {
				if _, seen := cols[ro]; !seen {
					cols[ro] = c
				}
			}
		}
		_, l1 := cols[roleLevel1]
		_, name := cols[roleName]
		_, group := cols[roleValueGroup]
		_, tgt := cols[roleTarget]
		_, val := cols[roleValue]
		_, op := cols[roleOperator]
		_, w := cols[roleWeight]
		_, sc := cols[roleScore]
		_, act := cols[roleActual]
		_, outl := cols[roleOutlook]
		if !l1 || !name || !(group || tgt || val || op || w || sc || act || outl) {
			continue
		}
		t := table{header: r, first: r + 1, cols: cols}
		// A second header row: 符号 / 值 / 单位 under a merged 指标值.
		sub := 0
		for c := range g.Rows[min(r+1, len(g.Rows)-1)] {
			if r+1 >= len(g.Rows) {
				break
			}
			ro := roleOf(g.Cell(r+1, c))
			if ro == roleValueGroup {
				ro = roleValue // 指标性质 / 指标值 / 度量单位 under 年度指标值
			}
			switch ro {
			case roleOperator, roleValue, roleUnit:
				if up := roleOf(g.Cell(r, c)); up == roleValueGroup || up == roleTarget || up == noRole {
					t.cols[ro] = c
					sub++
				}
			}
		}
		if sub > 0 {
			t.first = r + 2
			if _, ok := t.cols[roleValue]; ok {
				delete(t.cols, roleTarget) // its parts are read instead
			}
		} else if group && !val && !tgt {
			t.cols[roleTarget] = cols[roleValueGroup] // 指标值 alone holds the whole target
		}
		out = append(out, t)
		r = t.first
	}
	return out
}

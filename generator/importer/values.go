package importer

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"disclose/generator/model"
	"disclose/generator/money"
)

// fullWidth maps full-width digits and signs to the ASCII ones numbers use.
var fullWidth = strings.NewReplacer("０", "0", "１", "1", "２", "2", "３", "3", "４", "4", "５", "5", "６", "6", "７", "7", "８", "8", "９", "9",
	"．", ".", "，", ",", "－", "-", "＋", "+")

// number reads a number as forms write it: full-width digits, thousands
// separators, a trailing percent sign stripped by the caller.
func number(s string) (string, bool) {
	s = strings.TrimSpace(fullWidth.Replace(s))
	if strings.Contains(s, ",") {
		parts := strings.Split(strings.SplitN(s, ".", 2)[0], ",")
		for i, p := range parts {
			if (i > 0 && len(p) != 3) || p == "" {
				return "", false
			}
		}
		s = strings.ReplaceAll(s, ",", "")
	}
	if _, err := strconv.ParseFloat(s, 64); err != nil || strings.ContainsAny(s, "eEnN") { // syntax check only
		return "", false
	}
	return s, true
}

// glued reads an operator written before its number, in any spelling the
// forms use (≥ ≧ ═ ‹= >= 不少于 …); the spelling is kept as printed.
var glued = regexp.MustCompile(`^(>=|<=|=>|=<|＞＝|＜＝|≥|≤|≧|≦|═|‹=|《=|》=|==|=|＝|>|<|＞|＜|不少于|不低于|不小于|大于等于|不多于|不高于|不超过|不大于|小于等于|大于|小于|等于)\s*([0-9０-９][0-9０-９.,，．]*)\s*(.*)$`)

// numberUnit reads a number followed by its unit ("38508人", "780元/生/年"),
// not a period ("2023.07-2024.01") nor a date.
var numberUnit = regexp.MustCompile(`^([0-9０-９][0-9０-９.,，．]*)\s*([^0-9０-９.\-—–~～/:：年月日]\S*)$`)

// operatorWords maps the words forms use for 符号 or 指标方向.
var operatorWords = map[string]string{
	"正向": ">=", "反向": "<=", "大于等于": ">=", "小于等于": "<=", "等于": "=", "定性": "定性", "文字描述": "文字描述", "定量": "",
}

// excelEpoch is day 0 of Excel's date serials (1900 system, with its leap
// year bug folded in).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// serialDate reads an Excel date serial such as 44561 (2021-12-31).
func serialDate(s string) (string, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 20000 || n > 80000 {
		return "", false
	}
	return excelEpoch.AddDate(0, 0, n).Format("2006-01-02"), true
}

// target reads an indicator's 符号, 值 and 单位 as published, into the
// operator, value and unit our content uses. It returns what it changed,
// for the report.
func target(op, value, unit, direction, level2 string) (model.Indicator, []string) {
	var in model.Indicator
	var notes []string
	op, value, unit = strings.TrimSpace(op), strings.TrimSpace(value), strings.TrimSpace(unit)
	if w, ok := operatorWords[op]; ok {
		if op == "正向" || op == "反向" {
			direction = op
		}
		op = w
	}
	switch direction {
	case "正向":
		in.Polarity = model.Positive
	case "反向":
		in.Polarity = model.Negative
	}
	if m := glued.FindStringSubmatch(value); m != nil {
		if _, err := model.ParseDate(m[2] + m[3]); err == nil {
			m[2], m[3] = m[2]+m[3], "" // <=2021年12月31日: a date, not 2021 of 年12月31日
		}
		if op == "" {
			op = m[1]
		}
		value = m[2]
		if unit == "" {
			unit = m[3]
		}
		notes = append(notes, "符号与数值写在一起，已拆开")
	} else if _, isNum := number(strings.TrimRight(value, "%％")); isNum {
		// a plain number, split below
	} else if m := numberUnit.FindStringSubmatch(value); m != nil && unit == "" && !strings.HasPrefix(m[2], "%") && !strings.HasPrefix(m[2], "％") {
		value, unit = m[1], m[2]
	}
	for _, pct := range []string{"%", "％"} {
		if strings.HasSuffix(value, pct) {
			value = strings.TrimSuffix(value, pct)
			if unit == "" {
				unit = "%"
			}
		}
	}
	if unit == "％" {
		unit = "%"
	}
	if strings.Contains(level2, "时效") {
		if d, ok := serialDate(value); ok {
			notes = append(notes, "Excel 日期序号 "+value+" 已转为 "+d)
			value = d
			if op == "" {
				op = "<="
			}
		}
	}
	if n, ok := number(value); ok {
		if n != value {
			notes = append(notes, "数值 "+value+" 已写作 "+n)
		}
		value = n
	} else if _, err := model.ParseDate(value); err != nil && value != "" {
		// A phrase: the form's qualitative target sits in the unit column.
		if unit == "" {
			unit = value
		} else {
			unit = value + unit
		}
		value = ""
		if op == "" || op == ">=" || op == "=" {
			op = "文字描述"
		}
	} else if value == "" && op == "" {
		op = "文字描述"
	}
	if op == "" && in.Polarity != "" {
		op = map[model.Polarity]string{model.Positive: ">=", model.Negative: "<="}[in.Polarity]
		notes = append(notes, "没有符号，按指标方向取 "+op)
	}
	if op == "" {
		// Not printed: left out, as the form has it (scored as 正向).
		in.Value, in.Unit = value, unit
		return in, notes
	}
	if err := in.Operator.UnmarshalText([]byte(op)); err != nil {
		in.Operator = model.Operator{Raw: "文字描述", Kind: model.OpText}
		notes = append(notes, "符号 "+op+" 无法识别，按文字描述导入")
	}
	in.Value, in.Unit = value, unit
	return in, notes
}

// amount reads a money cell; yuan is true when the column is in 元. An
// amount in 元 stays in 元 (written 215457.6元), as published.
func amount(s string, yuan bool) (money.Amount, bool) {
	t := strings.TrimSpace(s)
	switch {
	case strings.HasSuffix(t, "万元"):
		t, yuan = strings.TrimSpace(strings.TrimSuffix(t, "万元")), false
	case strings.HasSuffix(t, "万"):
		t, yuan = strings.TrimSpace(strings.TrimSuffix(t, "万")), false
	case strings.HasSuffix(t, "元"):
		t, yuan = strings.TrimSpace(strings.TrimSuffix(t, "元")), true
	}
	n, ok := number(t)
	if !ok {
		return money.Amount{}, false
	}
	if yuan {
		fen, err := money.ParseYuan(n)
		if err != nil {
			return money.Amount{}, false
		}
		_, frac, _ := strings.Cut(n, ".")
		return money.Amount{Fen: fen, Places: len(frac), Yuan: true}, true
	}
	fen, places, err := money.ParseWan(n)
	if err != nil {
		return money.Amount{}, false
	}
	return money.Amount{Fen: fen, Places: places}, true
}

// wan writes fen as 万元 with the fewest places that keep it exact.
func wan(fen money.Fen) money.Amount {
	places := 6
	for places > 0 && int64(fen)%pow10(7-places) == 0 {
		places--
	}
	return money.Amount{Fen: fen, Places: places}
}

func pow10(n int) int64 {
	p := int64(1)
	for range n {
		p *= 10
	}
	return p
}

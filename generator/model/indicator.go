package model

import (
	"fmt"
	"slices"
	"strings"

	"disclose/generator/diag"
	"disclose/generator/num"
)

// OpKind is what an indicator's 符号 asks of the actual value.
type OpKind int

const (
	// OpNone means no operator was given.
	OpNone OpKind = iota
	// OpEq is = (等于).
	OpEq
	// OpGe is ≥ (不低于, 正向).
	OpGe
	// OpLe is ≤ (不高于, 反向).
	OpLe
	// OpGt is > .
	OpGt
	// OpLt is < .
	OpLt
	// OpText is 文字描述 or 定性: the target is a phrase, not a number.
	OpText
)

// Numeric reports whether the operator compares numbers.
func (k OpKind) Numeric() bool { return k >= OpEq && k <= OpLt }

// Symbol is the operator in mathematical notation, for display.
func (k OpKind) Symbol() string {
	return [...]string{"", "=", "≥", "≤", ">", "<", "文字描述"}[k]
}

// operatorSpellings maps every way published forms write an operator.
var operatorSpellings = map[string]OpKind{
	"=": OpEq, "＝": OpEq, "==": OpEq, "═": OpEq, "等于": OpEq,
	">=": OpGe, "≥": OpGe, "＞＝": OpGe, "≧": OpGe, "=>": OpGe, "》=": OpGe, "大于等于": OpGe, "不低于": OpGe, "不少于": OpGe, "不小于": OpGe,
	"<=": OpLe, "≤": OpLe, "＜＝": OpLe, "≦": OpLe, "=<": OpLe, "‹=": OpLe, "《=": OpLe, "小于等于": OpLe, "不高于": OpLe, "不多于": OpLe, "不超过": OpLe, "不大于": OpLe,
	">": OpGt, "＞": OpGt, "大于": OpGt,
	"<": OpLt, "＜": OpLt, "小于": OpLt,
	"文字描述": OpText, "定性": OpText,
}

// OperatorSpellings lists the accepted spellings, for messages and the
// schema: every spelling published forms use, in a fixed order.
func OperatorSpellings() []string {
	out := make([]string, 0, len(operatorSpellings))
	for s := range operatorSpellings {
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b string) int {
		if ka, kb := operatorSpellings[a], operatorSpellings[b]; ka != kb {
			return int(ka) - int(kb)
		}
		return strings.Compare(a, b)
	})
	return out
}

// Operator is an indicator's 符号 as written, with its meaning.
type Operator struct {
	Raw  string
	Kind OpKind
}

// UnmarshalText reads an operator in any of its spellings.
func (o *Operator) UnmarshalText(b []byte) error {
	raw := string(b)
	k, ok := operatorSpellings[strings.TrimSpace(raw)]
	if !ok {
		return fmt.Errorf("%q 不是指标符号", raw)
	}
	*o = Operator{Raw: raw, Kind: k}
	return nil
}

// Polarity is an indicator's direction (指标方向).
type Polarity string

const (
	// Positive (正向): more is better.
	Positive Polarity = "正向"
	// Negative (反向): less is better.
	Negative Polarity = "反向"
)

// UnmarshalText accepts 正向 or 反向.
func (p *Polarity) UnmarshalText(b []byte) error {
	switch v := Polarity(strings.TrimSpace(string(b))); v {
	case Positive, Negative:
		*p = v
		return nil
	}
	return fmt.Errorf("%q 不是指标方向", string(b))
}

// UnmarshalJSON reads what encoding/json wrote, the unset polarity too (a
// build cache keeps checked content as JSON; YAML never reaches here).
func (p *Polarity) UnmarshalJSON(b []byte) error {
	return textOrZero(b, func() { *p = "" }, p.UnmarshalText)
}

// Indicator is one row of an indicator table (绩效指标): a 三级指标 with its
// 一级 and 二级 labels as the document writes them.
type Indicator struct {
	diag.Source `yaml:"-"`
	Level1      string       `yaml:"level1" title:"一级指标" req:"true" desc:"按文件原样填写，如 产出指标、效益指标（或 效果指标）、满意度指标。"`
	Level2      string       `yaml:"level2" title:"二级指标" req:"true" desc:"如 数量指标、质量指标、时效指标、成本指标、社会效益指标、服务对象满意度指标。"`
	Name        string       `yaml:"name" title:"三级指标" req:"true" key:"true" desc:"指标名称。"`
	Description string       `yaml:"description" title:"绩效指标描述"`
	Operator    Operator     `yaml:"operator" title:"符号" desc:"=、>=、<=、>、<（也可写 ≥ ≤ ≧ ═ 不少于 等），或 文字描述 / 定性；原表没有符号时可不填：数值按正向（实际 ÷ 目标）计分，文字按定性。"`
	Value       string       `yaml:"value" title:"值" desc:"指标值，按文件原样，如 100、90.00；文字描述的指标留空。"`
	Unit        string       `yaml:"unit" title:"单位（文字描述）" desc:"计量单位，如 %、次；文字描述的指标在此写目标，如 达标、满意。"`
	Basis       string       `yaml:"basis" title:"指标值确定依据" desc:"计划、标准、合同或历史数据等。"`
	Weight      *num.Decimal `yaml:"weight" title:"分值" desc:"自评分值（权重），可选；同一一级指标下的分值之和应等于该一级指标的分值。"`
	Polarity    Polarity     `yaml:"polarity" title:"指标方向" desc:"正向 或 反向，可选；不填时由符号推定（>= 为正向，<= 为反向）。"`
	Parts       []Part       `yaml:"parts" title:"其中" desc:"“其中…”子行：各有值和单位，不单独计分。"`
}

// Direction is the indicator's polarity as given, or as its operator
// implies (≥, > 正向; ≤, < 反向; = with a positive target 正向); "" for a
// 文字描述 row or a target of 0 with =.
func (in *Indicator) Direction() Polarity {
	if in.Polarity != "" {
		return in.Polarity
	}
	switch in.Operator.Kind {
	case OpGe, OpGt:
		return Positive
	case OpLe, OpLt:
		return Negative
	case OpEq, OpNone:
		// A bare number with no sign printed is scored as = (正向).
		if d, ok := in.NumericValue(); ok && d.Rat().Sign() > 0 {
			return Positive
		}
	}
	return ""
}

// Target returns what the indicator aims at, as a reader sees it: the value
// with its unit, or for 文字描述 rows the phrase in the unit column.
func (in *Indicator) Target() string {
	if in.Operator.Kind == OpText {
		return strings.TrimSpace(in.Value + in.Unit)
	}
	return in.Value + in.Unit
}

// NumericValue parses the value; ok is false when it is not a plain number.
func (in *Indicator) NumericValue() (num.Decimal, bool) {
	d, err := num.Parse(in.Value)
	return d, err == nil
}

// MarshalText writes the operator as it was written.
func (o Operator) MarshalText() ([]byte, error) { return []byte(o.Raw), nil }

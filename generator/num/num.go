// Package num holds exact decimals for percentages and indicator values, and
// formats exact ratios (big.Rat) with Chinese rounding (四舍五入).
package num

import (
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"
)

// Decimal is an exact decimal number as written: 90.00 keeps its two places.
type Decimal struct {
	coef   *big.Int
	places int
}

// ErrSyntax reports text that is not a plain decimal number.
var ErrSyntax = errors.New("not a decimal number")

// Parse reads "90", "-1.5" or "30.00". Exponents, separators and units are
// not numbers here: they would hide typing mistakes.
func Parse(s string) (Decimal, error) {
	s = strings.TrimSpace(s)
	body := strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	if body == "" {
		return Decimal{}, ErrSyntax
	}
	intPart, frac, hasPoint := strings.Cut(body, ".")
	if intPart == "" || (hasPoint && frac == "") || !allDigits(intPart) || !allDigits(frac) {
		return Decimal{}, ErrSyntax
	}
	coef, ok := new(big.Int).SetString(intPart+frac, 10)
	if !ok {
		return Decimal{}, ErrSyntax
	}
	if strings.HasPrefix(s, "-") {
		coef.Neg(coef)
	}
	return Decimal{coef: coef, places: len(frac)}, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// MustParse is Parse for constants in code and tests.
func MustParse(s string) Decimal {
	d, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether d is unset or zero.
func (d Decimal) IsZero() bool { return d.coef == nil || d.coef.Sign() == 0 }

// Valid reports whether d holds a parsed number.
func (d Decimal) Valid() bool { return d.coef != nil }

// Places is the number of decimal places d was written with.
func (d Decimal) Places() int { return d.places }

// Rat is d as an exact rational.
func (d Decimal) Rat() *big.Rat {
	if d.coef == nil {
		return new(big.Rat)
	}
	den := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(d.places)), nil)
	return new(big.Rat).SetFrac(d.coef, den)
}

// Cmp compares d and e by value (30 equals 30.00).
func (d Decimal) Cmp(e Decimal) int { return d.Rat().Cmp(e.Rat()) }

// String writes d with the places it was written with.
func (d Decimal) String() string {
	if d.coef == nil {
		return ""
	}
	return Format(d.Rat(), d.places)
}

// UnmarshalText reads a decimal from YAML or CSV text.
func (d *Decimal) UnmarshalText(b []byte) error {
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Format writes r rounded to places decimals, half away from zero (四舍五入).
func Format(r *big.Rat, places int) string {
	if s, ok := formatSmall(r, places); ok {
		return s
	}
	return formatBig(r, places)
}

var pow10 = [...]uint64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9}

// formatSmall is Format in machine integers, for the rates and amounts a
// disclosure has (numerator and denominator in 63 bits); ok is false
// when they do not fit, and formatBig does the work.
func formatSmall(r *big.Rat, places int) (string, bool) {
	if places < 0 || places >= len(pow10) || !r.Num().IsInt64() || !r.Denom().IsInt64() {
		return "", false
	}
	n, d := r.Num().Int64(), uint64(r.Denom().Int64())
	neg := n < 0
	if n == math.MinInt64 {
		return "", false
	}
	if neg {
		n = -n
	}
	hi, lo := bits.Mul64(uint64(n), pow10[places])
	if hi != 0 {
		return "", false
	}
	q, rem := lo/d, lo%d
	if rem >= d-rem { // 2·rem ≥ d without overflow: round half away from zero
		q++
	}
	digits := strconv.FormatUint(q, 10)
	for len(digits) <= places {
		digits = "0" + digits
	}
	s := digits
	if places > 0 {
		s = digits[:len(digits)-places] + "." + digits[len(digits)-places:]
	}
	if neg && q != 0 {
		s = "-" + s
	}
	return s, true
}

func formatBig(r *big.Rat, places int) string {
	neg := r.Sign() < 0
	a := new(big.Rat).Abs(r)
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
	a.Mul(a, new(big.Rat).SetInt(scale))
	q, m := new(big.Int).QuoRem(a.Num(), a.Denom(), new(big.Int))
	if m.Mul(m, big.NewInt(2)).Cmp(a.Denom()) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	digits := q.String()
	for len(digits) <= places {
		digits = "0" + digits
	}
	s := digits
	if places > 0 {
		s = digits[:len(digits)-places] + "." + digits[len(digits)-places:]
	}
	if neg && q.Sign() != 0 {
		s = "-" + s
	}
	return s
}

// Percent returns part ÷ whole × 100 as an exact rational, or nil when whole
// is zero (a rate of nothing is undefined, not zero).
func Percent(part, whole int64) *big.Rat {
	if whole == 0 {
		return nil
	}
	return new(big.Rat).SetFrac(new(big.Int).Mul(big.NewInt(part), big.NewInt(100)), big.NewInt(whole))
}

// UnmarshalJSON reads what encoding/json wrote, the unset decimal ("")
// too (a build cache keeps checked content as JSON).
func (d *Decimal) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == "" {
		*d = Decimal{}
		return nil
	}
	return d.UnmarshalText([]byte(s))
}

// MarshalText writes d with its places.
func (d Decimal) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// Package money holds amounts of Chinese yuan as whole fen (分), so that sums
// reconcile exactly. Budgets are written in 万元 and spending records in 元;
// both are parsed from their decimal text, never through a float.
package money

import (
	"errors"
	"math"
	"strconv"
	"strings"
)

// Fen is an amount in fen (分), 1 元 = 100 fen, 1 万元 = 1,000,000 fen.
type Fen int64

const (
	// PerYuan is the number of fen in one 元.
	PerYuan Fen = 100
	// PerWan is the number of fen in one 万元.
	PerWan Fen = 1_000_000
)

// ErrSyntax reports text that is not a decimal amount.
var ErrSyntax = errors.New("not a decimal amount")

// ErrPrecision reports more decimal places than fen can hold.
var ErrPrecision = errors.New("finer than one fen")

// ErrRange reports an amount too large to hold.
var ErrRange = errors.New("amount out of range")

// parseDecimal reads an optionally signed decimal "123.45" into its digits as
// an integer and its number of decimal places.
func parseDecimal(s string) (coef int64, places int, err error) {
	if s == "" {
		return 0, 0, ErrSyntax
	}
	neg := false
	switch s[0] {
	case '-':
		neg, s = true, s[1:]
	case '+':
		s = s[1:]
	}
	if s == "" {
		return 0, 0, ErrSyntax
	}
	digits, seenPoint := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.' && !seenPoint:
			seenPoint = true
		case c >= '0' && c <= '9':
			if coef > (math.MaxInt64-9)/10 {
				return 0, 0, ErrRange
			}
			coef = coef*10 + int64(c-'0')
			digits++
			if seenPoint {
				places++
			}
		default:
			return 0, 0, ErrSyntax
		}
	}
	if digits == 0 || (seenPoint && places == 0) {
		return 0, 0, ErrSyntax
	}
	if neg {
		coef = -coef
	}
	return coef, places, nil
}

// scale multiplies coef (with places decimals) into units of 10^-unitPlaces.
func scale(coef int64, places, unitPlaces int) (int64, error) {
	if places > unitPlaces {
		return 0, ErrPrecision
	}
	for i := places; i < unitPlaces; i++ {
		if coef > math.MaxInt64/10 || coef < math.MinInt64/10 {
			return 0, ErrRange
		}
		coef *= 10
	}
	return coef, nil
}

// ParseYuan reads an amount in 元 as finance systems and Excel export it:
// "1234.5", "1,234.50", "-500.00", "(500.00)" for a negative, optionally with
// a leading ¥ or ￥. At most two decimal places.
func ParseYuan(s string) (Fen, error) {
	s = strings.TrimSpace(s)
	neg := false
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		neg, s = true, strings.TrimSpace(s[1:len(s)-1])
	}
	if strings.HasPrefix(s, "-") {
		if neg {
			return 0, ErrSyntax
		}
		neg, s = true, s[1:]
	}
	s = strings.TrimPrefix(strings.TrimPrefix(s, "¥"), "￥")
	if strings.Contains(s, ",") {
		var err error
		if s, err = stripThousands(s); err != nil {
			return 0, err
		}
	}
	if s == "" || s[0] == '-' || s[0] == '+' {
		return 0, ErrSyntax
	}
	coef, places, err := parseDecimal(s)
	if err != nil {
		return 0, err
	}
	fen, err := scale(coef, places, 2)
	if err != nil {
		return 0, err
	}
	if neg {
		fen = -fen
	}
	return Fen(fen), nil
}

// stripThousands removes separators that sit every three digits left of the
// point, and rejects commas anywhere else ("1,23" is a typo, not 123).
func stripThousands(s string) (string, error) {
	intPart, frac, hasFrac := strings.Cut(s, ".")
	groups := strings.Split(intPart, ",")
	if len(groups[0]) == 0 || len(groups[0]) > 3 {
		return "", ErrSyntax
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return "", ErrSyntax
		}
	}
	out := strings.Join(groups, "")
	if hasFrac {
		out += "." + frac
	}
	return out, nil
}

// ParseWan reads an amount in 万元 such as "21", "4.5" or "0.350000" and
// returns it in fen with the number of decimal places it was written with,
// so that it can be shown again with the source's precision.
func ParseWan(s string) (Fen, int, error) {
	coef, places, err := parseDecimal(strings.TrimSpace(s))
	if err != nil {
		return 0, 0, err
	}
	fen, err := scale(coef, places, 6)
	if err != nil {
		return 0, 0, err
	}
	return Fen(fen), places, nil
}

// Yuan formats f in 元 with two decimals and thousands separators: "1,234.50".
func (f Fen) Yuan() string {
	return group(formatFixed(int64(f), 2, 2))
}

// Wan formats f in 万元 with the given number of decimal places, rounding
// half away from zero (四舍五入) when f is finer than that.
func (f Fen) Wan(places int) string {
	return formatFixed(int64(f), 6, places)
}

// String formats f in 元 with two decimals and no grouping: "1234.50".
func (f Fen) String() string { return formatFixed(int64(f), 2, 2) }

// AppendPlain appends String's text to b without allocating, for tables of
// a million amounts.
func (f Fen) AppendPlain(b []byte) []byte {
	u := uint64(f)
	if f < 0 {
		b = append(b, '-')
		u = uint64(-f)
	}
	b = strconv.AppendUint(b, u/100, 10)
	return append(b, '.', byte('0'+u/10%10), byte('0'+u%10))
}

// formatFixed writes v, a number with unitPlaces implied decimals, rounded to
// places decimals, half away from zero.
func formatFixed(v int64, unitPlaces, places int) string {
	neg := v < 0
	u := uint64(v)
	if neg {
		u = uint64(-v)
	}
	if places > unitPlaces {
		places = unitPlaces
	}
	div := uint64(1)
	for i := places; i < unitPlaces; i++ {
		div *= 10
	}
	q := u / div
	if r := u % div; div > 1 && r*2 >= div {
		q++
	}
	digits := strconv.FormatUint(q, 10)
	if pad := places + 1 - len(digits); pad > 0 {
		digits = strings.Repeat("0", pad) + digits
	}
	s := digits
	if places > 0 {
		s = digits[:len(digits)-places] + "." + digits[len(digits)-places:]
	}
	if neg && q != 0 {
		s = "-" + s
	}
	return s
}

// group inserts thousands separators into the integer part of a formatted number.
func group(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteString("." + frac)
	}
	return sign + b.String()
}

// Amount is a budget amount as written: its exact value in fen, the number
// of decimal places the author used (16 → 0, 16.00 → 2) and whether it was
// written in 元 ("215457.6元", as self-evaluation forms in 元 print it)
// rather than 万元, so that it can be shown again as published.
type Amount struct {
	Fen    Fen
	Places int
	// Yuan is true when the amount was written in 元; Places then counts
	// decimals of 元.
	Yuan bool
}

// UnmarshalText reads an amount in 万元 ("21", "207.4538", "21万元") or, with
// the suffix 元, in 元 ("215457.6元", "215,457.60元").
func (a *Amount) UnmarshalText(b []byte) error {
	s := strings.TrimSpace(string(b))
	if t, ok := strings.CutSuffix(s, "万元"); ok {
		s = strings.TrimSpace(t)
	} else if t, ok := strings.CutSuffix(s, "元"); ok {
		t = strings.TrimSpace(t)
		fen, err := ParseYuan(t)
		if err != nil {
			return err
		}
		_, frac, _ := strings.Cut(t, ".")
		*a = Amount{Fen: fen, Places: len(frac), Yuan: true}
		return nil
	}
	fen, places, err := ParseWan(s)
	if err != nil {
		return err
	}
	*a = Amount{Fen: fen, Places: places}
	return nil
}

// WanPlaces is the number of decimals of 万元 that show the amount exactly
// at the author's precision (an amount in 元 with 2 decimals needs 6).
func (a Amount) WanPlaces() int {
	if a.Yuan {
		return min(a.Places+4, 6)
	}
	return a.Places
}

// String shows the amount in 万元 with the author's precision (an amount
// written in 元 with the decimals that keep it exact).
func (a Amount) String() string { return a.Fen.Wan(a.WanPlaces()) }

// Published shows the amount as the source printed it, with its unit:
// "207.4538万元", "215,457.60元".
func (a Amount) Published() string {
	if a.Yuan {
		return group(formatFixed(int64(a.Fen), 2, a.Places)) + "元"
	}
	return a.String() + "万元"
}

// MarshalText writes the amount as the author wrote it: in 万元, or with
// the suffix 元.
func (a Amount) MarshalText() ([]byte, error) {
	if a.Yuan {
		return []byte(formatFixed(int64(a.Fen), 2, a.Places) + "元"), nil
	}
	return []byte(a.String()), nil
}

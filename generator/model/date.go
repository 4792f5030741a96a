package model

import (
	"cmp"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar day, stored as days since 1970-01-01 so that a million
// spending records stay small. The zero Date is "not given".
type Date struct{ days int32 }

// NewDate returns the Date of year, month and day; ok is false for a day
// that does not exist (2021-02-30).
func NewDate(year, month, day int) (Date, bool) {
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Year() != year || int(t.Month()) != month || t.Day() != day || year < 1900 || year > 9999 {
		return Date{}, false
	}
	return Date{days: int32(t.Unix()/86400) + 1}, true
}

// Days numbers the date: 1 is 1970-01-01, 0 the zero date; later dates
// have larger numbers.
func (d Date) Days() int32 { return d.days }

// IsZero reports whether the date was not given.
func (d Date) IsZero() bool { return d.days == 0 }

// Time is the date at midnight UTC.
func (d Date) Time() time.Time { return time.Unix(int64(d.days-1)*86400, 0).UTC() }

// Year is the calendar year.
func (d Date) Year() int { y, _, _ := d.civil(); return y }

// Month is the month, 1 to 12.
func (d Date) Month() int { _, m, _ := d.civil(); return m }

// Before reports whether d is earlier than e.
func (d Date) Before(e Date) bool { return d.days < e.days }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int { return cmp.Compare(d.days, e.days) }

// After reports whether d is later than e.
func (d Date) After(e Date) bool { return d.days > e.days }

// AppendString appends String's text to b.
func (d Date) AppendString(b []byte) []byte {
	y, m, day := d.civil()
	if d.IsZero() || y < 0 || y > 9999 {
		return append(b, d.String()...)
	}
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+day/10), byte('0'+day%10))
}

// String writes YYYY-MM-DD.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	y, m, day := d.civil()
	if y < 0 || y > 9999 {
		return d.Time().Format("2006-01-02")
	}
	b := [10]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + m/10), byte('0' + m%10), '-', byte('0' + day/10), byte('0' + day%10)}
	return string(b[:])
}

// civil converts the day number to year, month and day in the proleptic
// Gregorian calendar (H. Hinnant's days_from_civil, inverted): a million
// records print their dates without the time package.
func (d Date) civil() (year, month, day int) {
	z := int64(d.days-1) + 719468 // days since 0000-03-01
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097                                  // [0, 146096]
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // [0, 399]
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100) // [0, 365]
	mp := (5*doy + 2) / 153                  // [0, 11]
	day = int(doy - (153*mp+2)/5 + 1)
	month = int(mp + 3)
	if month > 12 {
		month -= 12
	}
	if month <= 2 {
		y++
	}
	return int(y), month, day
}

// parseISO reads YYYY-MM-DD; ok is false for anything else, which
// ParseDate then reads (or reports) the general way.
func parseISO(s string) (Date, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, false
	}
	n := 0
	var v [3]int
	for i, c := range []byte(s) {
		switch {
		case i == 4 || i == 7:
			n++
		case c >= '0' && c <= '9':
			v[n] = v[n]*10 + int(c-'0')
		default:
			return Date{}, false
		}
	}
	return NewDate(v[0], v[1], v[2])
}

// ParseDate reads a date as Chinese finance exports write it: 2021-03-15,
// 2021/3/15, 2021.3.15, 2021年3月15日 or 20210315.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if d, ok := parseISO(s); ok {
		return d, nil // the common form, without allocating
	}
	return parseDate(s)
}

// parseDate is ParseDate without the fast path.
func parseDate(s string) (Date, error) {
	bad := fmt.Errorf("%q 不是日期", s)
	var parts []string
	switch {
	case strings.HasSuffix(s, "日") && strings.Contains(s, "年") && strings.Contains(s, "月"):
		y, rest, _ := strings.Cut(strings.TrimSuffix(s, "日"), "年")
		m, d, ok := strings.Cut(rest, "月")
		if !ok {
			return Date{}, bad
		}
		parts = []string{y, m, d}
	case len(s) == 8 && !strings.ContainsAny(s, "-/."):
		parts = []string{s[:4], s[4:6], s[6:]}
	default:
		for _, sep := range []string{"-", "/", "."} {
			if strings.Count(s, sep) == 2 {
				parts = strings.Split(s, sep)
				break
			}
		}
	}
	if len(parts) != 3 || len(parts[0]) != 4 || len(parts[1]) == 0 || len(parts[1]) > 2 || len(parts[2]) == 0 || len(parts[2]) > 2 {
		return Date{}, bad
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 {
			return Date{}, bad
		}
		n[i] = v
	}
	d, ok := NewDate(n[0], n[1], n[2])
	if !ok {
		return Date{}, fmt.Errorf("%q 不是存在的日期", s)
	}
	return d, nil
}

// UnmarshalText reads a date from YAML.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// UnmarshalJSON reads what encoding/json wrote, the zero date ("") too (a
// build cache keeps checked content as JSON; YAML never reaches here).
func (d *Date) UnmarshalJSON(b []byte) error {
	return textOrZero(b, func() { *d = Date{} }, d.UnmarshalText)
}

// textOrZero reads a JSON string through text, or sets the zero value for
// "" (which text, reading what a user wrote, rightly refuses).
func textOrZero(b []byte, zero func(), text func([]byte) error) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == "" {
		zero()
		return nil
	}
	return text([]byte(s))
}

// MarshalText writes YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

package semdiff_test

import (
	"math/big"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"disclose/generator/check"
	"disclose/generator/derive"
	"disclose/generator/diag"
	"disclose/generator/internal/testutil"
	"disclose/generator/load"
	"disclose/generator/model"
	"disclose/generator/money"
	"disclose/generator/num"
	"disclose/generator/semdiff"
)

// leaf is an editable field of the content: where it is, and its name as
// the diff should report it.
type leaf struct {
	v     reflect.Value
	title string
}

// leaves collects the editable scalar fields under v, leaving out identity
// keys (changing those is an add and a remove, not an edit).
func leaves(v reflect.Value, out *[]leaf) {
	t := v.Type()
	if t == reflect.TypeFor[diag.Source]() {
		return
	}
	switch t {
	case reflect.TypeFor[money.Amount](), reflect.TypeFor[num.Decimal](), reflect.TypeFor[model.Date]():
		return // handled by their parent, which knows the title
	}
	switch t.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			leaves(v.Elem(), out)
		}
	case reflect.Slice:
		for i := range v.Len() {
			leaves(v.Index(i), out)
		}
	case reflect.Struct:
		for _, k := range model.Keys(t) {
			f := v.FieldByIndex(k.Index)
			if k.Identity {
				continue
			}
			switch f.Type() {
			case reflect.TypeFor[money.Amount](), reflect.TypeFor[num.Decimal](), reflect.TypeFor[string](), reflect.TypeFor[model.Date]():
				*out = append(*out, leaf{f, k.Title})
			default:
				leaves(f, out)
			}
		}
	}
}

// edit changes a leaf to a different value of its kind.
func edit(l leaf, r *rand.Rand) {
	switch x := l.v.Addr().Interface().(type) {
	case *money.Amount:
		x.Fen += money.Fen(1 + r.IntN(500_000))
	case *num.Decimal:
		d, _ := num.Parse(num.Format(x.Rat(), 2))
		*x = num.MustParse(num.Format(d.Rat().Add(d.Rat(), newRat(1+r.IntN(9))), 2))
	case *model.Date:
		if !x.IsZero() {
			*x, _ = model.NewDate(x.Year(), x.Month(), min(28, x.Time().Day()+1)%28+1)
		}
	case *string:
		*x += "（改" + string(rune('甲'+r.IntN(10))) + "）"
	}
}

// TestEveryChangedFieldReportedOnce edits random fields of the sample's
// department and project and checks that the diff reports each edit
// exactly once, under the field's name, and nothing else but totals.
func TestEveryChangedFieldReportedOnce(t *testing.T) {
	for seed := range uint64(200) {
		r := rand.New(rand.NewPCG(seed, 7))
		old, oldDiags := load.Site(testutil.ContentDir())
		check.Site(old, oldDiags)
		new, _ := load.Site(testutil.ContentDir())
		var all []leaf
		leaves(reflect.ValueOf(new.Departments[0]).Elem(), &all)
		leaves(reflect.ValueOf(new.Departments[0].Projects[0]).Elem(), &all)
		n := 1 + r.IntN(6)
		picked := map[int]bool{}
		var edited []leaf
		for len(edited) < n {
			i := r.IntN(len(all))
			if picked[i] || (all[i].v.Type() == reflect.TypeFor[model.Date]() && all[i].v.Interface().(model.Date).IsZero()) {
				continue
			}
			picked[i] = true
			before := all[i].v.Interface()
			edit(all[i], r)
			if reflect.DeepEqual(before, all[i].v.Interface()) {
				continue
			}
			edited = append(edited, all[i])
		}
		rep := semdiff.Compare(semdiff.Side{Label: "a", Site: old, Depts: derive.Site(old)}, semdiff.Side{Label: "b", Site: new, Depts: derive.Site(new)})
		var fields []semdiff.Change
		for _, c := range rep.Changes {
			if c.Kind != "total" {
				fields = append(fields, c)
			}
		}
		if len(fields) != len(edited) {
			var got []string
			for _, c := range fields {
				got = append(got, c.Path.String())
			}
			var want []string
			for _, e := range edited {
				want = append(want, e.title)
			}
			t.Fatalf("seed %d: %d edits (%v), %d changes reported:\n%s", seed, len(edited), want, len(fields), strings.Join(got, "\n"))
		}
		count := map[string]int{}
		for _, c := range fields {
			last := c.Path.Tail().Label
			if i := strings.LastIndex(last, " 第"); i > 0 {
				last = last[:i]
			}
			count[last]++
		}
		for _, e := range edited {
			if count[e.title] == 0 {
				t.Errorf("seed %d: the edit of %s was not reported", seed, e.title)
			}
			count[e.title]--
		}
	}
}

func newRat(i int) *big.Rat { return big.NewRat(int64(i), 1) }

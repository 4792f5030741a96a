package semdiff

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"disclose/generator/diag"
	"disclose/generator/model"
	"disclose/generator/money"
	"disclose/generator/num"
	"disclose/generator/present"
	"disclose/generator/rules"
)

var (
	sourceType   = reflect.TypeFor[diag.Source]()
	amountType   = reflect.TypeFor[money.Amount]()
	decimalType  = reflect.TypeFor[num.Decimal]()
	dateType     = reflect.TypeFor[model.Date]()
	operatorType = reflect.TypeFor[model.Operator]()
)

// scalar formats a leaf value; ok is false for structs and lists.
func scalar(v reflect.Value) (string, bool) {
	switch v.Type() {
	case amountType:
		return present.Wan(v.Interface().(money.Amount)), true
	case decimalType:
		return v.Interface().(num.Decimal).String(), true
	case dateType:
		return v.Interface().(model.Date).String(), true
	case operatorType:
		return v.Interface().(model.Operator).Raw, true
	}
	switch v.Kind() {
	case reflect.String:
		return v.String(), true
	case reflect.Bool:
		if v.Bool() {
			return "是", true
		}
		return "否", true
	case reflect.Int:
		return fmt.Sprint(v.Int()), true
	}
	return "", false
}

// equal compares leaf values by meaning: 30 and 30.00 are the same percent.
func equal(a, b reflect.Value) bool {
	switch a.Type() {
	case amountType:
		return a.Interface().(money.Amount).Fen == b.Interface().(money.Amount).Fen
	case decimalType:
		x, y := a.Interface().(num.Decimal), b.Interface().(num.Decimal)
		return x.Valid() == y.Valid() && (!x.Valid() || x.Cmp(y) == 0)
	case operatorType:
		return a.Interface().(model.Operator).Raw == b.Interface().(model.Operator).Raw
	}
	sa, _ := scalar(a)
	sb, _ := scalar(b)
	return sa == sb
}

// walk compares two values of a content type field by field, lists item by
// item (matched by their identity key), reporting each changed leaf once.
func (d *differ) walk(path Path, a, b reflect.Value) {
	t := a.Type()
	if t == sourceType {
		return
	}
	if t.Kind() == reflect.Pointer {
		switch {
		case a.IsNil() && b.IsNil():
		case a.IsNil():
			d.add(Change{Op: "added", Kind: "value", Path: path, New: summary(b.Elem())})
		case b.IsNil():
			d.add(Change{Op: "removed", Kind: "value", Path: path, Old: summary(a.Elem())})
		default:
			d.walk(path, a.Elem(), b.Elem())
		}
		return
	}
	if s, ok := scalar(a); ok {
		if equal(a, b) {
			return
		}
		n, _ := scalar(b)
		if t == amountType {
			c := amountChange(path, a.Interface().(money.Amount).Fen, b.Interface().(money.Amount).Fen)
			c.Old, c.New = s, n
			d.add(c)
			return
		}
		d.text(path, s, n)
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		for _, k := range model.Keys(t) {
			d.walk(path.With(Step{Kind: Field, Name: k.Name, Label: label(k)}), a.FieldByIndex(k.Index), b.FieldByIndex(k.Index))
		}
	case reflect.Slice:
		d.list(path, a, b)
	case reflect.Map:
		keys := map[string]bool{}
		for _, k := range a.MapKeys() {
			keys[k.String()] = true
		}
		for _, k := range b.MapKeys() {
			keys[k.String()] = true
		}
		for _, k := range slices.Sorted(mapKeys(keys)) {
			av, bv := a.MapIndex(reflect.ValueOf(k)), b.MapIndex(reflect.ValueOf(k))
			p := path.With(Step{Kind: Entry, ID: k, Label: k})
			switch {
			case !av.IsValid():
				d.add(Change{Op: "added", Kind: "value", Path: p, New: bv.String()})
			case !bv.IsValid():
				d.add(Change{Op: "removed", Kind: "value", Path: p, Old: av.String()})
			case av.String() != bv.String():
				d.add(Change{Op: "changed", Kind: "value", Path: p, Old: av.String(), New: bv.String()})
			}
		}
	}
}

func mapKeys(m map[string]bool) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func label(k model.Key) string {
	if k.Title != "" {
		return k.Title
	}
	return k.Name
}

// identity returns the identity key of a list item type, if it has one.
func identity(t reflect.Type) (model.Key, bool) {
	if t.Kind() != reflect.Struct {
		return model.Key{}, false
	}
	for _, k := range model.Keys(t) {
		if k.Identity {
			return k, true
		}
	}
	return model.Key{}, false
}

// list compares two lists: items with an identity are matched by it; plain
// strings are matched by a line diff; others by position.
func (d *differ) list(path Path, a, b reflect.Value) {
	et := a.Type().Elem()
	list, parent := path.Tail(), path[:len(path)-1]
	// item is the place of one item, in place of the list's own step.
	item := func(id, label string) Path {
		return parent.With(Step{Kind: Item, Name: list.Name, ID: id, Label: label})
	}
	at := func(i int) Path { return item(strconv.Itoa(i+1), fmt.Sprintf("%s 第%d项", list.Label, i+1)) }
	if id, ok := identity(et); ok {
		keyOf := func(v reflect.Value) string {
			s, _ := scalar(v.FieldByIndex(id.Index))
			return rules.Normalize(s)
		}
		olds := map[string]reflect.Value{}
		for i := range a.Len() {
			olds[keyOf(a.Index(i))] = a.Index(i)
		}
		seen := map[string]bool{}
		for i := range b.Len() {
			nv := b.Index(i)
			k := keyOf(nv)
			seen[k] = true
			p := item(k, list.Label+"“"+k+"”")
			if ov, ok := olds[k]; ok {
				d.walk(p, ov, nv)
			} else {
				d.add(Change{Op: "added", Kind: "item", Path: p, New: summary(nv)})
			}
		}
		for i := range a.Len() {
			ov := a.Index(i)
			if k := keyOf(ov); !seen[k] {
				p := item(k, list.Label+"“"+k+"”")
				d.add(Change{Op: "removed", Kind: "item", Path: p, Old: summary(ov)})
			}
		}
		return
	}
	if et.Kind() == reflect.String {
		var x, y []string
		for i := range a.Len() {
			x = append(x, a.Index(i).String())
		}
		for i := range b.Len() {
			y = append(y, b.Index(i).String())
		}
		for _, e := range lines(x, y) {
			p := at(e.index)
			if e.op == '-' {
				d.add(Change{Op: "removed", Kind: "item", Path: p, Old: e.text})
			} else {
				d.add(Change{Op: "added", Kind: "item", Path: p, New: e.text})
			}
		}
		return
	}
	for i := range max(a.Len(), b.Len()) {
		p := at(i)
		switch {
		case i >= a.Len():
			d.add(Change{Op: "added", Kind: "item", Path: p, New: summary(b.Index(i))})
		case i >= b.Len():
			d.add(Change{Op: "removed", Kind: "item", Path: p, Old: summary(a.Index(i))})
		default:
			d.walk(p, a.Index(i), b.Index(i))
		}
	}
}

type lineEdit struct {
	op    byte
	index int // in the new list for +, the old for -
	text  string
}

// lines diffs two lists of strings (LCS by dynamic programming; lists here
// are short: the sub-targets of a department).
func lines(x, y []string) []lineEdit {
	n, m := len(x), len(y)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []lineEdit
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && x[i] == y[j]:
			i, j = i+1, j+1
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			out = append(out, lineEdit{'+', j, y[j]})
			j++
		default:
			out = append(out, lineEdit{'-', i, x[i]})
			i++
		}
	}
	return out
}

// summary writes an added or removed item in a line: its fields with their
// names.
func summary(v reflect.Value) string {
	if s, ok := scalar(v); ok {
		return s
	}
	if v.Kind() != reflect.Struct {
		return ""
	}
	var parts []string
	for _, k := range model.Keys(v.Type()) {
		f := v.FieldByIndex(k.Index)
		if s, ok := scalar(f); ok && s != "" {
			parts = append(parts, label(k)+" "+s)
		}
	}
	return strings.Join(parts, "，")
}

func summarizeResults(r *model.Results) string {
	s := fmt.Sprintf("%d 次监控", len(r.Monitoring))
	if r.Evaluation != nil {
		s += fmt.Sprintf("，自评 %d 个指标", len(r.Evaluation.Indicators))
	}
	return s
}

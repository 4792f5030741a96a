package web

import (
	"html/template"
	"reflect"
	"testing"

	"disclose/generator/check"
	"disclose/generator/derive"
	"disclose/generator/internal/testutil"
	"disclose/generator/load"
	"disclose/generator/model"
)

// TestPromotedCopies: every field a view declares under the name of a field
// of the struct it embeds holds that field's value, so a template reads the
// same through either.
func TestPromotedCopies(t *testing.T) {
	site, diags := load.Site(testutil.ContentDir())
	check.Site(site, diags)
	if diags.HasErrors() {
		t.Fatal(diags.Sorted()[0])
	}
	render := func(model.Markdown) template.HTML { return "" }
	n := 0
	for _, d := range derive.Site(site) {
		v := deptView(d, render)
		n += sameAsEmbedded(t, reflect.ValueOf(v).Elem())
		for _, pv := range v.ProjectViews {
			n += sameAsEmbedded(t, reflect.ValueOf(pv).Elem())
		}
	}
	if n == 0 {
		t.Fatal("no copies compared")
	}
}

// sameAsEmbedded compares v's own fields with the fields of its embedded
// struct of the same names, and returns how many it compared.
func sameAsEmbedded(t *testing.T, v reflect.Value) int {
	t.Helper()
	typ, n := v.Type(), 0
	for i := range typ.NumField() {
		f := typ.Field(i)
		if !f.Anonymous {
			continue
		}
		inner := v.Field(i).Elem()
		for j := range typ.NumField() {
			own := typ.Field(j)
			if own.Anonymous {
				continue
			}
			if _, ok := inner.Type().FieldByName(own.Name); !ok {
				continue
			}
			n++
			if !reflect.DeepEqual(v.Field(j).Interface(), inner.FieldByName(own.Name).Interface()) {
				t.Errorf("%s.%s differs from its %s's", typ.Name(), own.Name, f.Name)
			}
		}
	}
	return n
}

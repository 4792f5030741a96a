package schema_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"disclose/generator/internal/testutil"
	"disclose/generator/model"
)

// TestReadmeNamesEveryKey keeps the README's content reference complete: a
// key added to the model must be documented for the people who edit content.
func TestReadmeNamesEveryKey(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(testutil.Root(), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(typ reflect.Type) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || seen[typ] {
			return
		}
		seen[typ] = true
		for _, k := range model.Keys(typ) {
			if !strings.Contains(string(readme), "`"+k.Name+"`") && !strings.Contains(string(readme), "."+k.Name+"`") {
				t.Errorf("README.md does not document the key %q (%s) of %s", k.Name, k.Title, typ.Name())
			}
			walk(k.Type)
		}
	}
	for _, typ := range []reflect.Type{reflect.TypeFor[model.Site](), reflect.TypeFor[model.Department](), reflect.TypeFor[model.Project](), reflect.TypeFor[model.Results]()} {
		walk(typ)
	}
}

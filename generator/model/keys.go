package model

import (
	"reflect"
	"sync"
)

// Key describes one YAML key of a content struct, read from its tags. The
// YAML decoder and the JSON Schema generator both use it, so the schema can
// never drift from what the loader accepts.
type Key struct {
	Index    []int
	Name     string // the key in the user's file
	Title    string // its Chinese name
	Desc     string // help text for editors
	Required bool
	Type     reflect.Type
}

var keyCache sync.Map // reflect.Type → []Key

// Keys lists the YAML keys of struct type t in declaration order.
func Keys(t reflect.Type) []Key {
	if k, ok := keyCache.Load(t); ok {
		return k.([]Key)
	}
	var out []Key
	for _, f := range reflect.VisibleFields(t) {
		name := f.Tag.Get("yaml")
		if name == "" || name == "-" || !f.IsExported() {
			continue
		}
		out = append(out, Key{Index: f.Index, Name: name, Title: f.Tag.Get("title"), Desc: f.Tag.Get("desc"),
			Required: f.Tag.Get("req") == "true", Type: f.Type})
	}
	keyCache.Store(t, out)
	return out
}

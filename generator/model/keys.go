package model

import (
	"disclose/generator/diag"
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
	// Identity marks the key that tells list items apart (a budget line by
	// its name, a checkpoint by its label), for comparing two versions.
	Identity bool
	Type     reflect.Type
}

var (
	keyCache    sync.Map // reflect.Type → []Key
	sourceCache sync.Map // reflect.Type → []int
	sourceType  = reflect.TypeFor[diag.Source]()
)

// SourceIndex returns the index of the embedded diag.Source of struct type
// t, or nil when it has none.
func SourceIndex(t reflect.Type) []int {
	if i, ok := sourceCache.Load(t); ok {
		return i.([]int)
	}
	var index []int
	for _, f := range reflect.VisibleFields(t) {
		if f.Anonymous && f.Type == sourceType {
			index = f.Index
			break
		}
	}
	sourceCache.Store(t, index)
	return index
}

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
			Required: f.Tag.Get("req") == "true", Identity: f.Tag.Get("key") == "true", Type: f.Type})
	}
	keyCache.Store(t, out)
	return out
}

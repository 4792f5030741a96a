package build

import (
	"encoding/json"
	"sync"
)

// lazyJSON is a part of a department's summary that most rebuilds never
// need (its section, its PastYear): read from the state, it stays the JSON
// it was saved as until asked for, and is saved again as those bytes.
type lazyJSON[T any] struct {
	once sync.Once
	raw  json.RawMessage
	v    *T
}

// lazyOf holds a value made by this build.
func lazyOf[T any](v *T) *lazyJSON[T] {
	if v == nil {
		return nil
	}
	l := &lazyJSON[T]{v: v}
	l.once.Do(func() {})
	return l
}

// get decodes the value once; nil when there is none (or it does not
// decode, which a state that verified cannot give).
func (l *lazyJSON[T]) get() *T {
	if l == nil {
		return nil
	}
	l.once.Do(func() {
		var v T
		if json.Unmarshal(l.raw, &v) == nil {
			l.v = &v
		}
	})
	return l.v
}

func (l *lazyJSON[T]) MarshalJSON() ([]byte, error) {
	if l.raw != nil {
		return l.raw, nil
	}
	return json.Marshal(l.v)
}

func (l *lazyJSON[T]) UnmarshalJSON(b []byte) error {
	l.raw = append(json.RawMessage(nil), b...)
	return nil
}

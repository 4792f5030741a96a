package build

import (
	"encoding/json"
	"errors"
	"sync"

	"disclose/generator/buildcache"
)

// lazyJSON is a part of a department's summary that most rebuilds never
// need (its section, its PastYear: together most of its bytes): it is kept
// in the state as a part of its own and read, then decoded, only when
// asked for; unchanged, it is saved again without being read.
type lazyJSON[T any] struct {
	once   sync.Once
	load   func() (json.RawMessage, bool)
	raw    json.RawMessage
	v      *T
	failed bool // it was in the state but could not be read
}

// errStateDamaged is a part of the state that was listed but did not
// verify when at last read: what was built from the rest may not agree.
var errStateDamaged = errors.New("增量构建记录已损坏，请用 --clean 完整构建")

// lazyOf holds a value made by this build.
func lazyOf[T any](v *T) *lazyJSON[T] {
	if v == nil {
		return nil
	}
	l := &lazyJSON[T]{v: v}
	l.once.Do(func() {})
	return l
}

// lazyFrom is the state's part key, when made from the inputs with
// fingerprint fp; nil when the state has none.
func lazyFrom[T any](s *buildcache.State, key, fp string) *lazyJSON[T] {
	if !s.Has(key) {
		return nil
	}
	return &lazyJSON[T]{load: func() (json.RawMessage, bool) {
		p, ok := s.Part(key)
		if !ok || p.Fingerprint != fp {
			return nil, false
		}
		return p.Data, true
	}}
}

// get reads and decodes the value once; nil when there is none or it
// could not be read (failed is then set).
func (l *lazyJSON[T]) get() *T {
	if l == nil {
		return nil
	}
	l.once.Do(func() {
		var ok bool
		if l.raw, ok = l.load(); ok {
			var v T
			if json.Unmarshal(l.raw, &v) == nil {
				l.v = &v
			}
		}
		l.failed = l.v == nil
	})
	return l.v
}

// encodeNow encodes a value made by this build, on the goroutine that made
// it: summarize, on one goroutine after every department, then only
// collects the bytes (a full build's details are 11 MB of JSON at 1×).
func (l *lazyJSON[T]) encodeNow() error {
	if l == nil || l.raw != nil || l.get() == nil {
		return nil
	}
	raw, err := json.Marshal(l.v)
	l.raw = raw
	return err
}

// encoded is the value's JSON, nil when there is none.
func (l *lazyJSON[T]) encoded() (json.RawMessage, error) {
	if l.get() == nil {
		return nil, nil
	}
	if l.raw != nil {
		return l.raw, nil
	}
	return json.Marshal(l.v)
}

// keepLazy records a department's PastYear and section in the next state
// as parts of their own: an unchanged department's as they were, unread.
func (b *builder) keepLazy(dr *deptResult) error {
	past := dr.sum.Past.encoded
	section := dr.sum.Section.encoded
	detail := dr.sum.Detail.encoded
	places := dr.sum.Places.encoded
	for key, encoded := range map[string]func() (json.RawMessage, error){"past:" + dr.key: past, "section:" + dr.key: section, "detail:" + dr.key: detail, "codes:" + dr.key: places} {
		if dr.cached != nil && !dr.rendered {
			if ref := b.state.Ref(key); ref != nil {
				b.next.Parts[key] = ref
			}
			continue
		}
		data, err := encoded()
		if err != nil {
			return err
		}
		if data != nil {
			b.next.Parts[key] = &buildcache.Part{Fingerprint: dr.fp, Data: data}
		}
	}
	return nil
}

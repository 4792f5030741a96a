package diag

// Source records where a YAML mapping and each of its keys were written, so
// that later stages can point messages at the user's file. The YAML decoder
// fills it in every struct that embeds it.
type Source struct {
	Pos  Pos
	Keys map[string]Pos
}

// At returns the position of the value of key, or of the mapping when the
// key is absent.
func (s Source) At(key string) Pos {
	if p, ok := s.Keys[key]; ok {
		return p
	}
	return s.Pos
}

// Has reports whether key was written.
func (s Source) Has(key string) bool {
	_, ok := s.Keys[key]
	return ok
}

package buildcache

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestRemembered: a value is made again unless the file's stamp is the
// one remembered and older than the memo by a second; a damaged memo, or
// none (no cache folder), makes it again.
func TestRemembered(t *testing.T) {
	cache := t.TempDir()
	path := filepath.Join(t.TempDir(), "disclose")
	os.WriteFile(path, []byte("program"), 0o755)
	made := 0
	compute := func() (string, error) { made++; return "sum" + string(rune('0'+made)), nil }
	later := func() { // as if the memo were written two seconds after the file
		soon := time.Now().Add(2 * time.Second)
		os.Chtimes(rememberedPath(cache, path), soon, soon)
	}
	for _, step := range []struct {
		name  string
		do    func()
		cache string
		want  string
	}{
		{"first", func() {}, cache, "sum1"},
		{"changed just before the memo", func() {}, cache, "sum2"},
		{"unchanged, older", later, cache, "sum2"},
		{"rewritten", func() { os.WriteFile(path, []byte("program 2"), 0o755); later() }, cache, "sum3"},
		{"unchanged again", later, cache, "sum3"},
		{"memo damaged", func() {
			m := rememberedPath(cache, path)
			data, _ := os.ReadFile(m)
			os.WriteFile(m, append([]byte("x"), data...), 0o644)
			later()
		}, cache, "sum4"},
		{"no cache folder", later, "", "sum5"},
	} {
		step.do()
		got, err := Remembered(step.cache, path, compute)
		if err != nil || got != step.want {
			t.Errorf("%s: %q %v, want %q", step.name, got, err, step.want)
		}
	}
	if _, err := Remembered(cache, filepath.Join(cache, "missing"), compute); err == nil {
		t.Error("a missing file must fail")
	}
}

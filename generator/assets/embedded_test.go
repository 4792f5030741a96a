//go:build embedassets

package assets

import "testing"

// A release build reads every bundled file without any cache.
func TestBundledWithoutCache(t *testing.T) {
	if !Bundled() {
		t.Fatal("built with embedassets but nothing bundled")
	}
	for _, p := range BundleList() {
		if _, err := Read(t.TempDir(), p); err != nil {
			t.Error(err)
		}
	}
}

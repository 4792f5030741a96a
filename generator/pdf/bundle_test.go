package pdf

import (
	"slices"
	"testing"

	"disclose/generator/assets"
)

// A release binary carries the default fonts and their licences inside
// (assets/bundle.txt); one missing would fail only on an officer's PC.
func TestFontsInReleaseBundle(t *testing.T) {
	list := assets.BundleList()
	need := []string{notoSerif, notoSans}
	for _, l := range FontLicences {
		need = append(need, l.Cache)
	}
	for _, p := range need {
		if !slices.Contains(list, p) {
			t.Errorf("assets/bundle.txt lacks %s", p)
		}
	}
}

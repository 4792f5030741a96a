package assets

import (
	"slices"
	"testing"
)

// The release bundle holds only pinned files, and every file the website
// copies: a release binary has no cache to fall back on.
func TestBundleList(t *testing.T) {
	pinned := Pinned()
	list := BundleList()
	for _, p := range list {
		if _, ok := pinned[p]; !ok {
			t.Errorf("bundle.txt names %s, which vendor.sha256 does not pin", p)
		}
	}
	for _, f := range ECharts {
		if !slices.Contains(list, f.Cache) {
			t.Errorf("bundle.txt lacks %s, which the website copies", f.Cache)
		}
	}
}

func TestReadChoosesSource(t *testing.T) {
	const js = "npm/echarts@5.4.3/package/dist/echarts.min.js"
	cases := []struct {
		name    string
		bundle  map[string]string
		wantErr bool
	}{
		{"not bundled, not cached", nil, true},
		{"bundled with the wrong bytes", map[string]string{js: "not echarts"}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			saved := bundled
			defer func() { bundled = saved }()
			bundled = nil
			if c.bundle != nil {
				bundled = mapFS(c.bundle)
			}
			_, err := Read(t.TempDir(), js)
			if (err != nil) != c.wantErr {
				t.Fatalf("Read: %v, want error %v", err, c.wantErr)
			}
		})
	}
}

//go:build embedassets

package assets

import (
	"embed"
	"io/fs"
)

// The bundle is made by scripts/dist from the verified cache: the files of
// bundle.txt under their paths in vendor.sha256. It is gitignored; a build
// with this tag and no bundle fails to compile, which is the point.
//
//go:embed all:bundle
var bundleFS embed.FS

func init() {
	sub, err := fs.Sub(bundleFS, "bundle")
	if err != nil {
		panic(err)
	}
	bundled = sub
}

// Package assets finds the third-party files the output needs (ECharts, and
// fonts for the PDFs) in a cache outside Git, verifies each against the
// sha256 pinned in vendor.sha256, and copies them into the site. The files
// are fetched from the npm registry by scripts/fetch-assets (make assets);
// vendor.sha256 is the one list both use.
//
// A release build (go build -tags embedassets, made by make dist) carries the
// files it needs inside the binary: scripts/dist copies the verified files
// named in bundle.txt from the cache into bundle/ (gitignored, never
// committed), and embedded.go embeds that folder. Read looks there first and
// verifies the bytes against the same manifest; a plain go build has no
// bundle and reads the cache as before.
package assets

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

//go:embed vendor.sha256
var manifest []byte

//go:embed bundle.txt
var bundleList []byte

// BundleList is what a release build carries inside (bundle.txt): the files
// the output needs, by their paths in vendor.sha256.
func BundleList() []string {
	return strings.Fields(string(bundleList))
}

// Pinned maps a path in the cache to its sha256.
func Pinned() map[string]string {
	out := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(manifest))
	for sc.Scan() {
		if sum, path, ok := strings.Cut(sc.Text(), "  "); ok {
			out[path] = sum
		}
	}
	return out
}

// File is a third-party file copied into the site.
type File struct {
	Cache string // path in the cache, as in vendor.sha256
	Dest  string // path in the output, slash-separated
}

const echarts = "npm/echarts@5.4.3/package/"

// ECharts is the chart library the website serves itself, with its licence
// and notice (Apache-2.0 asks for both).
var ECharts = []File{
	{echarts + "dist/echarts.min.js", "assets/vendor/echarts/echarts.min.js"},
	{echarts + "LICENSE", "assets/vendor/echarts/LICENSE"},
	{echarts + "NOTICE", "assets/vendor/echarts/NOTICE"},
	{echarts + "licenses/LICENSE-d3", "assets/vendor/echarts/LICENSE-d3"},
}

const minisearch = "npm/minisearch@7.2.0/package/"

// MiniSearch is the search library of the site search (MIT licence).
var MiniSearch = []File{
	{minisearch + "dist/umd/index.js", "assets/vendor/minisearch/minisearch.js"},
	{minisearch + "LICENSE.txt", "assets/vendor/minisearch/LICENSE.txt"},
}

// CacheDir is where fetched assets live: $DISCLOSE_CACHE, or the user's
// cache folder (~/.cache/disclose on Linux).
func CacheDir() string {
	if d := os.Getenv("DISCLOSE_CACHE"); d != "" {
		return d
	}
	if d, err := os.UserCacheDir(); err == nil {
		return filepath.Join(d, "disclose")
	}
	return filepath.Join(os.TempDir(), "disclose-cache")
}

// bundled holds the files embedded in a release build (paths as in
// vendor.sha256); nil in a plain build.
var bundled fs.FS

// Bundled reports whether this binary carries its third-party files.
func Bundled() bool { return bundled != nil }

// Read returns the bytes of a third-party file after checking its sha256:
// from inside the binary when it was built with them, else from the cache.
func Read(cache, path string) ([]byte, error) {
	want, ok := Pinned()[path]
	if !ok {
		return nil, fmt.Errorf("%s is not pinned in vendor.sha256", path)
	}
	if bundled != nil {
		if data, err := fs.ReadFile(bundled, path); err == nil {
			if got := sha256Hex(data); got != want {
				return nil, fmt.Errorf("程序内置的第三方文件 %s 的 sha256 为 %s，应为 %s：程序文件已损坏，请重新下载", path, got, want)
			}
			return data, nil
		}
	}
	full := filepath.Join(cache, filepath.FromSlash(path))
	data, err := os.ReadFile(full)
	if err != nil {
		return nil, fmt.Errorf("缺少第三方文件 %s（先运行 make assets 从 npm 获取）：%w", full, err)
	}
	if got := sha256Hex(data); got != want {
		return nil, fmt.Errorf("第三方文件 %s 的 sha256 为 %s，应为 %s：文件已损坏或版本不对，删除后重新运行 make assets", full, got, want)
	}
	return data, nil
}

func sha256Hex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// Copy verifies files and hands each to write, by its path in the site.
func Copy(cache string, files []File, write func(rel string, data []byte) error) error {
	for _, f := range files {
		data, err := Read(cache, f.Cache)
		if err != nil {
			return err
		}
		if err := write(f.Dest, data); err != nil {
			return err
		}
	}
	return nil
}

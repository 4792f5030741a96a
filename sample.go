// Package disclose holds the sample content (content/), embedded in the
// disclose binary for `disclose init`, so that a release binary alone can
// start a site: no Git clone, no make, no network.
package disclose

import "embed"

// Sample is content/: site.yaml and the 2021 department of the sample.
//
//go:embed all:content
var Sample embed.FS

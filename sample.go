// Package disclose holds the sample content (content/) and an empty starter
// department (starter/), embedded in the disclose binary for `disclose init`, so that a release binary alone can
// start a site: no Git clone, no make, no network.
package disclose

import "embed"

// Sample is content/: site.yaml and the 2021 department of the sample.
//
//go:embed all:content
var Sample embed.FS

// Starter is starter/: site.yaml and one department with nothing filled in
// but commented in Chinese (disclose init --empty). YEAR in a path or a file
// stands for the year init is given.
//
//go:embed all:starter
var Starter embed.FS

// Package templates holds the default page templates and static files of the
// website, embedded in the disclose binary so that it works anywhere. A site
// overrides any of them by placing a file of the same name in its own
// templates folder (disclose build --templates DIR).
package templates

import "embed"

// FS holds layout.html, the page templates and static/ (CSS, the chart
// start-up script).
//
//go:embed *.html static
var FS embed.FS

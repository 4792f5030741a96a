package check_test

import (
	"path/filepath"
	"strings"
	"testing"

	"disclose/generator/check"
	"disclose/generator/internal/badinput"
	"disclose/generator/internal/testutil"
	"disclose/generator/load"
)

func TestBadInput(t *testing.T) {
	for _, tc := range badinput.Cases() {
		t.Run(tc.Name, func(t *testing.T) {
			dir := testutil.CopyContent(t)
			tc.Apply(t, dir)
			site, diags := load.Site(dir)
			check.Site(site, diags)
			var got []string
			for _, d := range diags.Sorted() {
				rel, _ := filepath.Rel(dir, d.File)
				got = append(got, d.String())
				if d.Code != tc.Code || filepath.ToSlash(rel) != tc.File || !strings.Contains(d.String(), tc.Want) {
					continue
				}
				if d.Severity != tc.Severity {
					t.Errorf("severity %s, want %s: %s", d.Severity.Word(), tc.Severity.Word(), d)
				}
				if tc.Line != 0 && (d.Line != tc.Line || (tc.Col != 0 && d.Column != tc.Col)) {
					t.Errorf("at %d:%d, want %d:%d: %s", d.Line, d.Column, tc.Line, tc.Col, d)
				}
				return
			}
			t.Errorf("no %s %q in %s; got:\n%s", tc.Code, tc.Want, tc.File, strings.Join(got, "\n"))
		})
	}
}

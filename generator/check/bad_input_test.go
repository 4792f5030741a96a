package check_test

import (
	"testing"
	"time"

	"disclose/generator/check"
	"disclose/generator/diag"
	"disclose/generator/internal/badinput"
	"disclose/generator/internal/testutil"
	"disclose/generator/load"
	"disclose/generator/model"
)

func TestBadInput(t *testing.T) {
	for _, tc := range badinput.Cases() {
		t.Run(tc.Name, func(t *testing.T) {
			dir := testutil.CopyContent(t)
			tc.Apply(t, dir)
			// A file that blocks a read (a FIFO) must not hang the check.
			var diags *diag.List
			done := make(chan struct{})
			go func() {
				var site *model.Site
				site, diags = load.Site(dir)
				check.Site(site, diags)
				close(done)
			}()
			select {
			case <-done:
			case <-time.After(30 * time.Second):
				t.Fatal("load and check do not finish")
			}
			if msg, ok := tc.Find(dir, diags.Sorted()); !ok {
				t.Error(msg)
			}
		})
	}
}

// TestForms: what real published forms legitimately do is accepted without
// an error; where the form has a problem of its own, check says so as a
// warning.
func TestForms(t *testing.T) {
	for _, tc := range badinput.Forms() {
		t.Run(tc.Name, func(t *testing.T) {
			dir := testutil.CopyContent(t)
			tc.Apply(t, dir)
			site, diags := load.Site(dir)
			check.Site(site, diags)
			for _, d := range diags.Sorted() {
				if d.Severity == diag.Error {
					t.Errorf("error on a legitimate form: %s", d)
				}
			}
			if tc.Code != "" {
				if msg, ok := tc.Find(dir, diags.Sorted()); !ok {
					t.Error(msg)
				}
			}
		})
	}
}

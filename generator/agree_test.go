package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"disclose/generator/internal/badinput"
	"disclose/generator/internal/pdfcheck"
	"disclose/generator/internal/testutil"
)

// buildTimeout bounds one build of the sample in these tests: a build takes
// a second or two, so this catches a hang (a deadlock at 0% CPU, as a line
// break in a PDF cell once caused) without timing anything.
const buildTimeout = 2 * time.Minute

// runBounded runs the command in-process and fails the test if it does not
// return within buildTimeout.
func runBounded(t *testing.T, args ...string) (int, string) {
	t.Helper()
	type result struct {
		code   int
		stderr string
	}
	done := make(chan result, 1)
	go func() {
		var o, e bytes.Buffer
		code := run(args, &o, &e)
		done <- result{code, e.String()}
	}()
	select {
	case r := <-done:
		return r.code, r.stderr
	case <-time.After(buildTimeout):
		t.Fatalf("disclose %v did not finish in %s (a hang)", args, buildTimeout)
		return 0, ""
	}
}

// TestCheckAndBuildAgree: content that checks clean builds, with its PDFs,
// and content that check rejects does not build; for every case of the
// bad-input table and of the awkward-but-right table.
func TestCheckAndBuildAgree(t *testing.T) {
	cases := append(append(badinput.Awkward(), badinput.Forms()...), badinput.Cases()...)
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			t.Parallel()
			content := testutil.CopyContent(t)
			tc.Apply(t, content)
			checkCode, checkErr := runBounded(t, "check", "--content", content)
			out := filepath.Join(t.TempDir(), "public")
			buildCode, buildErr := runBounded(t, "build", "--content", content, "--out", out)
			if checkCode != buildCode {
				t.Fatalf("check exit %d, build exit %d\ncheck:\n%s\nbuild:\n%s", checkCode, buildCode, checkErr, buildErr)
			}
			if tc.Code == "" && checkCode != 0 {
				t.Fatalf("check rejects content that is right:\n%s", checkErr)
			}
			if buildCode != 0 {
				if _, err := os.Stat(out); !os.IsNotExist(err) {
					t.Errorf("a failed build left %s", out)
				}
				return
			}
			data, err := os.ReadFile(filepath.Join(out, "2021/dkb/dkb-2021.pdf"))
			if err != nil {
				t.Fatal(err)
			}
			r, err := pdfcheck.Check(data)
			if err != nil || len(r.Problems) > 0 {
				t.Errorf("department PDF: %v %v", err, r.Problems)
			}
		})
	}
}

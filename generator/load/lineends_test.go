package load

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"disclose/generator/diag"
	"disclose/generator/internal/testutil"
)

// Spending files come with the line ends of the program that wrote them.
func TestSpendingLineEnds(t *testing.T) {
	lf, err := os.ReadFile(filepath.Join(testutil.ContentDir(), "2021/dkb/spending/2021-illustrative.csv"))
	if err != nil {
		t.Fatal(err)
	}
	want, _ := readSpending("s.csv", 0, lf, &diag.List{})
	if len(want) == 0 {
		t.Fatal("the sample has no records")
	}
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"CRLF (Excel on Windows)", bytes.ReplaceAll(lf, []byte("\n"), []byte("\r\n"))},
		{"CR alone (Excel for Mac)", bytes.ReplaceAll(lf, []byte("\n"), []byte("\r"))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			diags := &diag.List{}
			got, _ := readSpending("s.csv", 0, tc.data, diags)
			if e, _ := diags.Count(); e > 0 {
				t.Fatalf("errors: %v", diags.Sorted())
			}
			if len(got) != len(want) {
				t.Fatalf("%d records, want %d", len(got), len(want))
			}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("record %d: %+v, want %+v", i+1, got[i], want[i])
				}
			}
		})
	}
}

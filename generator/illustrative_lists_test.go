package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"disclose/generator/internal/testutil"
)

// TestListsMarkIllustrativeProjects: the explorer's rows and the search's
// results say which projects are 示例数据 — the sample's 2022 and 2023 are
// illustrative years; 2021 is the published document, whose spending and
// results are illustrative too until this test makes them real.
func TestListsMarkIllustrativeProjects(t *testing.T) {
	content := testutil.CopyContent(t)
	for _, f := range []string{"2021/dkb/department.yaml", "2021/dkb/projects/110-0303-JBN-1VKY.results.yaml"} {
		p := filepath.Join(content, filepath.FromSlash(f))
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		real := bytes.ReplaceAll(data, []byte("illustrative: true"), []byte("illustrative: false"))
		if bytes.Equal(real, data) {
			t.Fatalf("%s: no illustrative flag to clear", f)
		}
		os.WriteFile(p, real, 0o644)
	}
	out := filepath.Join(t.TempDir(), "public")
	var o, e bytes.Buffer
	if code := run([]string{"build", "--content", content, "--out", out, "--pdf=false"}, &o, &e); code != 0 {
		t.Fatal(e.String())
	}
	for year, want := range map[string]bool{"2021": false, "2022": true, "2023": true} {
		var ex struct {
			Columns []string
			Rows    [][]any
		}
		data, err := os.ReadFile(filepath.Join(out, "explorer", year+"-0.json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &ex); err != nil {
			t.Fatal(err)
		}
		col := len(ex.Columns) - 1
		if ex.Columns[col] != "illustrative" || len(ex.Rows) == 0 {
			t.Fatalf("explorer/%s-0.json: columns %v, %d rows", year, ex.Columns, len(ex.Rows))
		}
		for _, r := range ex.Rows {
			if r[col] != want {
				t.Errorf("explorer/%s-0.json: %v marked %v, want %v", year, r[2], r[col], want)
			}
		}
		var docs [][]any
		data, err = os.ReadFile(filepath.Join(out, "search", "docs", year+"-dkb.json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &docs); err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			if got := len(d) == 5 && d[4] == 1.0; got != want {
				t.Errorf("search/docs/%s-dkb.json: %v marked %v, want %v", year, d[0], got, want)
			}
		}
	}
}

package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// revisionRows is the 修订记录 of a built department page: per row, its
// date and its text, tags dropped; nil when the page has no record.
func revisionRows(t *testing.T, dir string) [][2]string {
	t.Helper()
	page, err := os.ReadFile(filepath.Join(dir, "public/2021/dkb/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	i := strings.Index(s, `<h2 id="history">`)
	if i < 0 {
		return nil
	}
	s = s[i : strings.Index(s[i:], "</table>")+i]
	tags := regexp.MustCompile(`<[^>]+>`)
	var rows [][2]string
	for _, m := range regexp.MustCompile(`(?s)<tr><th scope="row"[^>]*>([^<]*)</th><td>(.*?)</td></tr>`).FindAllStringSubmatch(s, -1) {
		rows = append(rows, [2]string{m[1], tags.ReplaceAllString(strings.ReplaceAll(m[2], "</li>", "；"), "")})
	}
	return rows
}

// The 修订记录 is what changed in the department's published content:
// commits outside content/, and commits that change nothing a reader
// sees, are left out; a correction note is shown, a commit subject never.
func TestRevisionRecord(t *testing.T) {
	dir, commit := gitRepoAt(t)
	content := filepath.Join(dir, "content")
	proj := filepath.Join(content, "2021/dkb/projects/110-0303-JBN-1VKY.yaml")
	build := func() [][2]string {
		t.Helper()
		if code, _, errOut := runIn(t, dir, "build", "--content", "content", "--out", "public", "--pdf=false"); code != 0 {
			t.Fatalf("build: %s", errOut)
		}
		return revisionRows(t, dir)
	}

	commit("2021-03-01", "Initial import of the 2021 targets")
	os.WriteFile(filepath.Join(dir, "README.md"), []byte("# notes\n"), 0o644)
	commit("2021-03-05", "docs: how we work (outside content)")
	editFile(t, proj, "", "# reviewed by the finance office\n")
	second := commit("2021-03-09", "yaml: a comment only")
	editFile(t, proj, "    amount: 4\n", "    amount: 3.5\n")
	editFile(t, proj, "total: 21\n", "total: 20.5\n")
	editFile(t, proj, "    amount: 21\n", "    amount: 20.5\n")
	commit("2021-04-12", "fix budget typo per ticket #42\n\n更正说明: 软件维护费按预算批复更正为3.5万元。\n")

	rows := build()
	if len(rows) != 2 {
		t.Fatalf("修订记录 has %d rows, want 2 (the correction, the first publication): %q", len(rows), rows)
	}
	if rows[0][0] != "2021-04-12" || !strings.Contains(rows[0][1], "更正说明：软件维护费按预算批复更正为3.5万元。") ||
		!strings.Contains(rows[0][1], "预算明细“软件维护” › 金额（万元）：4.00 → 3.50（−0.50万元）") ||
		!strings.Contains(rows[0][1], "项目资金总额（万元）：21.00 → 20.50") {
		t.Errorf("the correction reads %q", rows[0])
	}
	if rows[1][0] != "2021-03-01" || !strings.HasPrefix(rows[1][1], "首次公开") || !strings.Contains(rows[1][1], "项目预算 21.00万元") {
		t.Errorf("the first publication reads %q", rows[1])
	}
	page, _ := os.ReadFile(filepath.Join(dir, "public/2021/dkb/index.html"))
	for _, s := range []string{"Initial import", "docs: how", "a comment only", "ticket #42", "fix budget"} {
		if strings.Contains(string(page), s) {
			t.Errorf("the page shows the commit subject %q", s)
		}
	}

	// history.since: the department's publication starts at a later commit.
	site := filepath.Join(content, "site.yaml")
	editFile(t, site, "", "history:\n  since: "+second+"\n")
	commit("2021-05-01", "settings: record from the second commit")
	rows = build()
	if len(rows) != 2 || rows[1][0] != "2021-03-09" || !strings.HasPrefix(rows[1][1], "首次公开") || !strings.Contains(rows[1][1], "项目预算 21.00万元") || rows[0][0] != "2021-04-12" {
		t.Errorf("with since, the record reads %q", rows)
	}

	// history.enabled: false turns the record off.
	editFile(t, site, "history:\n", "history:\n  enabled: false\n")
	commit("2021-05-02", "settings: no record")
	if rows := build(); rows != nil {
		t.Errorf("with enabled: false the page has a record: %q", rows)
	}
}

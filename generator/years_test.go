package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"disclose/generator/internal/testutil"
)

// TestAcrossYears builds the sample (2021 and its illustrative 2022) with
// a third year made from 2022: a code renamed with `previous`, one renamed
// without, targets raised, lowered after a miss, revised, added, removed.
// Each kind of change shows exactly once in the 2023 project's targets,
// and check warns where it should.
func TestAcrossYears(t *testing.T) {
	content := testutil.CopyContent(t)
	from, to := filepath.Join(content, "2022", "dkb"), filepath.Join(content, "2023", "dkb")
	if err := testutil.CopyDir(from, to); err != nil {
		t.Fatal(err)
	}
	replaceAll(t, to, "2022", "2023")
	p := filepath.Join(to, "projects", "110-0303-JBN-1VKY.yaml")
	edit(t, p, "value: 85.00", "value: 90.00")                                                                                      // raised (missed? 2022 has no evaluation)
	edit(t, p, "value: 95\n    unit: \"%\"", "value: 95\n    unit: 分")                                                              // revised
	edit(t, p, "  - level1: 产出指标\n    level2: 数量指标\n    name: 移动端优化功能模块", "  - level1: 产出指标\n    level2: 数量指标\n    name: 系统可用功能模块") // removed + added
	// A code renamed with previous, and a copy renamed without.
	q := filepath.Join(to, "projects", "110-0303-JBN-3KHX.yaml")
	edit(t, q, "code: 110-0303-JBN-3KHX", "code: 110-0303-JBN-3KHY\nprevious: 110-0303-JBN-3KHX")
	edit(t, q, "value: 4\n", "value: 3\n") // lowered, not missed
	os.Rename(q, filepath.Join(to, "projects", "110-0303-JBN-3KHY.yaml"))
	os.Rename(filepath.Join(to, "projects", "110-0303-JBN-3KHX.md"), filepath.Join(to, "projects", "110-0303-JBN-3KHY.md"))
	edit(t, filepath.Join(to, "spending", "2023-illustrative.csv"), "110-0303-JBN-3KHX", "110-0303-JBN-3KHY")
	replaceAll(t, filepath.Join(to, "spending"), "110-0303-JBN-3KHX", "110-0303-JBN-3KHY")

	var o, e bytes.Buffer
	if code := run([]string{"check", "--content", content}, &o, &e); code != 0 {
		t.Fatalf("check: %s%s", o.String(), e.String())
	}
	msgs := o.String() + e.String()
	for _, want := range []string{"2022/dkb/projects/110-0303-JBN-1VKY.yaml:66:12", "[target-lowered-after-miss]"} {
		if !strings.Contains(msgs, want) {
			t.Errorf("check does not say %q:\n%s", want, msgs)
		}
	}
	if strings.Count(msgs, "[target-lowered-after-miss]") != 1 || strings.Contains(msgs, "[previous-unknown]") || strings.Contains(msgs, "[code-changed-without-previous]") {
		t.Errorf("check's warnings across years are not the expected ones:\n%s", msgs)
	}

	out := filepath.Join(t.TempDir(), "out")
	if code := run([]string{"build", "--content", content, "--out", out}, &o, &e); code != 0 {
		t.Fatalf("build: %s", e.String())
	}
	page := readString(t, filepath.Join(out, "2023", "dkb", "projects", "110-0303-JBN-1VKY.html"))
	i, j := strings.Index(page, "绩效指标与上年对比"), strings.Index(page, "执行与自评与上年对比")
	if i < 0 || j < i {
		t.Fatal("no target comparison on the 2023 page")
	}
	targets := page[i:j]
	for word, n := range map[string]int{"<td>未变</td>": 1, "<td>新增</td>": 1, "<td>取消</td>": 1, "<td>提高</td>": 1, "<td>调整</td>": 1} {
		if got := strings.Count(targets, word); got != n {
			t.Errorf("%s shows %d times, want %d:\n%s", word, got, n, targets)
		}
	}
	renamed := readString(t, filepath.Join(out, "2023", "dkb", "projects", "110-0303-JBN-3KHY.html"))
	if !strings.Contains(renamed, "本项目2022年的编码为 110-0303-JBN-3KHX") || !strings.Contains(renamed, "<td>下调</td>") {
		t.Error("the renamed project is not compared with its predecessor")
	}
	dept := readString(t, filepath.Join(out, "2023", "dkb", "index.html"))
	for _, y := range []string{"2021年", "2022年", "2023年（本年）"} {
		if !strings.Contains(dept, y) {
			t.Errorf("the 2023 department's years have no %s", y)
		}
	}
}

func edit(t *testing.T, p, old, new string) {
	t.Helper()
	data := readString(t, p)
	if !strings.Contains(data, old) {
		t.Fatalf("%s has no %q", p, old)
	}
	os.WriteFile(p, []byte(strings.Replace(data, old, new, 1)), 0o644)
}

func replaceAll(t *testing.T, dir, old, new string) {
	t.Helper()
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, _ := os.ReadFile(p)
		os.WriteFile(p, bytes.ReplaceAll(data, []byte(old), []byte(new)), 0o644)
		if strings.Contains(filepath.Base(p), old) {
			os.Rename(p, filepath.Join(filepath.Dir(p), strings.ReplaceAll(filepath.Base(p), old, new)))
		}
		return nil
	})
}

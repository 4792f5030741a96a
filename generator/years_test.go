package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"disclose/generator/internal/pdfcheck"
	"disclose/generator/internal/testutil"
)

// TestAcrossYears builds the sample's 2021 and 2022 with a third year
// made from 2022 in place of the sample's 2023: a code renamed with
// `previous`, targets raised, lowered after a miss, revised, added, removed.
// Each kind of change shows exactly once in the 2023 project's targets,
// and check warns where it should.
func TestAcrossYears(t *testing.T) {
	content := testutil.CopyContent(t)
	from, to := filepath.Join(content, "2022", "dkb"), filepath.Join(content, "2023", "dkb")
	if err := os.RemoveAll(to); err != nil {
		t.Fatal(err)
	}
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
	// The targets compared, on each project's page and in the department's
	// PDF (projects in code order): each kind of change as often as made.
	pages := []string{
		readString(t, filepath.Join(out, "2023", "dkb", "projects", "110-0303-JBN-1VKY.html")),
		readString(t, filepath.Join(out, "2023", "dkb", "projects", "110-0303-JBN-3KHY.html")),
	}
	report, err := pdfcheck.Check([]byte(readString(t, filepath.Join(out, "2023", "dkb", "dkb-2023.pdf"))))
	if err != nil {
		t.Fatal(err)
	}
	printed := strings.Join(strings.Fields(report.Text), "")
	for _, where := range []struct {
		name  string
		texts []string
		cell  func(word string) string
	}{
		{"page", pages, func(w string) string { return "<td>" + w + "</td>" }},
		{"PDF", []string{printed}, func(w string) string { return w }},
	} {
		var sections []string
		for _, text := range where.texts {
			sections = append(sections, between(text, "绩效指标与上年对比", "执行与自评与上年对比")...)
		}
		if len(sections) != 2 {
			t.Fatalf("%s: %d target comparisons, want 2 (one a project)", where.name, len(sections))
		}
		for _, k := range []struct {
			word         string
			kept, rename int // times in 110-0303-JBN-1VKY's and in the renamed project's
		}{
			{"未变", 1, 1}, {"新增", 1, 0}, {"取消", 1, 0}, {"提高", 1, 0}, {"下调", 0, 1}, {"调整", 1, 0},
		} {
			for i, n := range []int{k.kept, k.rename} {
				if got := strings.Count(sections[i], where.cell(k.word)); got != n {
					t.Errorf("%s, project %d: %s shows %d times, want %d:\n%s", where.name, i+1, k.word, got, n, sections[i])
				}
			}
		}
	}
	if !strings.Contains(pages[1], "本项目2022年的编码为 110-0303-JBN-3KHX") || !strings.Contains(printed, "本项目2022年的编码为110-0303-JBN-3KHX") {
		t.Error("the renamed project is not compared with its predecessor")
	}
	dept := readString(t, filepath.Join(out, "2023", "dkb", "index.html"))
	for _, y := range []string{"2021年", "2022年", "2023年（本年）"} {
		if !strings.Contains(dept, y) {
			t.Errorf("the 2023 department's years have no %s", y)
		}
	}
}

// between is each part of text from a start to the next end.
func between(text, start, end string) []string {
	var out []string
	for {
		i := strings.Index(text, start)
		if i < 0 {
			return out
		}
		j := strings.Index(text[i:], end)
		if j < 0 {
			return out
		}
		out = append(out, text[i:i+j])
		text = text[i+j:]
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

// TestChecksAcrossYears: the warnings across years on the sample's 2023,
// each at the line and column of the field it names; the sample itself
// has none there.
func TestChecksAcrossYears(t *testing.T) {
	const ended = "110-0303-JBN-3KHX" // 2022's project that 2023 does not continue
	// renamed adds 2022's ended project to 2023 under a new code, with
	// extra written after the code.
	renamed := func(extra string) func(t *testing.T, to string) {
		return func(t *testing.T, to string) {
			data := readString(t, filepath.Join(to, "..", "..", "2022", "dkb", "projects", ended+".yaml"))
			data = strings.ReplaceAll(data, "2022-", "2023-")
			data = strings.Replace(data, "code: "+ended+"\n", "code: 110-0303-JBN-3KHZ\n"+extra, 1)
			os.WriteFile(filepath.Join(to, "projects", "110-0303-JBN-3KHZ.yaml"), []byte(data), 0o644)
		}
	}
	for _, tc := range []struct {
		name   string
		change func(t *testing.T, to string)
		want   []string // the 2023 warnings across years, each file:line:column [code]
	}{
		{"the sample", func(*testing.T, string) {}, nil},
		{"a code changed without previous", renamed(""),
			[]string{"2023/dkb/projects/110-0303-JBN-3KHZ.yaml:3:7 [code-changed-without-previous]"}},
		{"a code changed with previous", renamed("previous: " + ended + "\n"), nil},
		{"previous names no project of last year", func(t *testing.T, to string) {
			edit(t, filepath.Join(to, "projects", "110-0303-JBN-1VKY.yaml"), "name: 督查考核专项经费\n", "previous: 110-0303-JBN-0000\nname: 督查考核专项经费\n")
		}, []string{"2023/dkb/projects/110-0303-JBN-1VKY.yaml:6:11 [previous-unknown]"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			content := testutil.CopyContent(t)
			tc.change(t, filepath.Join(content, "2023", "dkb"))
			var o, e bytes.Buffer
			if code := run([]string{"check", "--content", content}, &o, &e); code != 0 {
				t.Fatalf("check: %s%s", o.String(), e.String())
			}
			var got []string
			for _, line := range strings.Split(o.String()+e.String(), "\n") {
				if !strings.Contains(line, "2023/") {
					continue
				}
				for _, code := range []string{"[code-changed-without-previous]", "[previous-unknown]", "[target-lowered-after-miss]"} {
					if strings.Contains(line, code) {
						at, _, _ := strings.Cut(line, ": ")
						got = append(got, at[strings.Index(at, "2023/"):]+" "+code)
					}
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("warnings across years:\n%s\nwant:\n%s\ncheck said:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"), o.String()+e.String())
			}
		})
	}
}

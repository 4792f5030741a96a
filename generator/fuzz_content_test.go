package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"disclose/generator/internal/testutil"
)

// freeText are the YAML keys whose values are prose, not codes, amounts,
// dates or names that other files refer to: what a random text may replace
// without making the content wrong for another reason.
var freeText = map[string]bool{
	"title": true, "publisher": true, "description": true, "basis": true, "purpose": true,
	"text": true, "note": true, "explanation": true, "deviation": true, "cause": true,
	"remedy": true, "measures_heading": true, "sub_targets": true,
}

// putText sets every free-text value of a YAML document to text.
func putText(n *yaml.Node, text string) {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			switch {
			case freeText[k.Value] && v.Kind == yaml.ScalarNode:
				v.Value, v.Style, v.Tag = text, yaml.DoubleQuotedStyle, "!!str"
			case freeText[k.Value] && v.Kind == yaml.SequenceNode:
				for _, item := range v.Content {
					if item.Kind == yaml.ScalarNode {
						item.Value, item.Style, item.Tag = text, yaml.DoubleQuotedStyle, "!!str"
					}
				}
			default:
				putText(v, text)
			}
		}
		return
	}
	for _, c := range n.Content {
		putText(c, text)
	}
}

// fillContent writes text into every text field of the sample in dir: the
// free-text YAML values, the end of every narrative and every spending
// memo (as a quoted CSV field).
func fillContent(t *testing.T, dir, text string) {
	t.Helper()
	quoted := `"` + strings.ReplaceAll(text, `"`, `""`) + `"`
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		switch filepath.Ext(p) {
		case ".yaml":
			var doc yaml.Node
			if err := yaml.Unmarshal(data, &doc); err != nil {
				return err
			}
			putText(&doc, text)
			var b bytes.Buffer
			enc := yaml.NewEncoder(&b)
			enc.SetIndent(2)
			if err := enc.Encode(&doc); err != nil {
				return err
			}
			data = b.Bytes()
		case ".md":
			data = append(append(data, "\n\n"...), text...)
		case ".csv":
			var b bytes.Buffer
			for i, line := range strings.SplitAfter(string(data), "\n") {
				// The sample's records end with the memo; the first
				// three lines are comments and the header.
				if i >= 3 && strings.Count(line, ",") == 5 {
					line = line[:strings.LastIndexByte(line, ',')+1] + quoted + "\n"
				}
				b.WriteString(line)
			}
			data = b.Bytes()
		}
		return os.WriteFile(p, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// peakHeap samples the live heap while f runs.
func peakHeap(f func()) uint64 {
	var peak atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		for {
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-stop:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	f()
	close(stop)
	<-done
	return peak.Load()
}

// contentHeapLimit bounds the heap of one build of the sample with a
// fuzzed text in every field (the sample alone needs about 60 MB, fonts
// included); a text's cost must stay linear in its length.
const contentHeapLimit = 1 << 30

// FuzzContentBuild puts random text (any Unicode, control characters, long
// runs) into every text field of the sample, then checks and builds it with
// PDFs: no hang, no crash, bounded memory, and check and build agree.
func FuzzContentBuild(f *testing.F) {
	for _, s := range []string{
		"考核", "第一行\n第二行", "回车\r换行\r\n", "制表\t符", "铃\a声", "(括号) \\反斜杠 <script>alert(1)</script>",
		"%PDF /OpenAction << /JS (app.alert(1)) >>", "\u2028\u2029", "𠮷", "\xff\xfe", strings.Repeat("长", 500),
	} {
		f.Add(s, uint16(1))
	}
	f.Add("按照合同对现有模块进行升级。", uint16(700))
	// A fuzz worker's output is discarded by Go's fuzzing engine: a crash
	// outside the fuzz function (a build goroutine's panic, a fatal error)
	// ends it with "fuzzing process hung or terminated unexpectedly" and
	// nothing else. scripts/fuzz-one names a folder for what the runtime
	// says then.
	if dir := os.Getenv("DISCLOSE_FUZZ_CRASH_DIR"); dir != "" {
		if out, err := os.Create(filepath.Join(dir, fmt.Sprintf("worker-%d.txt", os.Getpid()))); err == nil {
			_ = debug.SetCrashOutput(out, debug.CrashOptions{})
		}
	}
	content := filepath.Join(f.TempDir(), "content")
	out := filepath.Join(f.TempDir(), "public")
	f.Fuzz(func(t *testing.T, text string, repeat uint16) {
		// Up to about 20,000 characters in every field.
		if n := utf8.RuneCountInString(text); n > 0 {
			text = strings.Repeat(text, max(1, min(int(repeat), 20000/n)))
		}
		if !utf8.ValidString(text) {
			// YAML cannot carry it; the Markdown and CSV files still do.
			text = strings.ToValidUTF8(text, "\uFFFD")
		}
		_ = os.RemoveAll(content)
		if err := testutil.CopyDir(testutil.ContentDir(), content); err != nil {
			t.Fatal(err)
		}
		fillContent(t, content, text)
		var checkCode, buildCode int
		var checkErr, buildErr string
		peak := peakHeap(func() {
			checkCode, checkErr = runBounded(t, "check", "--content", content)
			buildCode, buildErr = runBounded(t, "build", "--content", content, "--out", out)
		})
		if checkCode != buildCode {
			t.Fatalf("text %q: check exit %d, build exit %d\ncheck:\n%s\nbuild:\n%s", text, checkCode, buildCode, checkErr, buildErr)
		}
		if buildCode > 1 {
			t.Fatalf("text %q: build exit %d\n%s", text, buildCode, buildErr)
		}
		if peak > contentHeapLimit {
			t.Fatalf("text of %d bytes: heap reached %d MB", len(text), peak>>20)
		}
	})
}

package build

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"disclose/generator/assets"
	"disclose/generator/internal/testutil"
)

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

type status struct {
	Version int
	Error   string
}

// waitFor polls the preview's status until ok holds, for at most 10 s.
func waitFor(t *testing.T, base string, ok func(status) bool) status {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		_, body := get(t, base+"/_disclose/status")
		var s status
		json.Unmarshal([]byte(body), &s)
		if ok(s) {
			return s
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("the preview did not reach the expected state in 10 s")
	return status{}
}

func TestServeRebuildsAndKeepsLastGoodSite(t *testing.T) {
	content := testutil.CopyContent(t)
	out := filepath.Join(t.TempDir(), "public")
	b := Config{Content: content, Out: out, Templates: filepath.Join(testutil.Root(), "templates"), Cache: assets.CacheDir()}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	log := &syncBuffer{}
	go func() {
		done <- Serve(ctx, Preview{Config: b, Addr: "127.0.0.1:0", Interval: 50 * time.Millisecond, Log: log, Ready: ready})
	}()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatalf("serve stopped: %v\n%s", err, log.b.String())
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not start")
	}
	base := "http://" + addr
	defer func() {
		cancel()
		<-done
	}()

	code, page := get(t, base+"/2021/dkb/index.html")
	if code != 200 || !strings.Contains(page, `<script src="/_disclose/reload.js"></script></body>`) || !strings.Contains(page, "connect-src &#39;self&#39;") {
		t.Fatalf("page not served for preview (%d)", code)
	}
	if onDisk, _ := os.ReadFile(filepath.Join(out, "2021/dkb/index.html")); bytes.Contains(onDisk, []byte("reload.js")) {
		t.Error("the preview script was written into the output folder")
	}
	first := waitFor(t, base, func(s status) bool { return s.Version >= 1 })

	dept := filepath.Join(content, "2021/dkb/department.yaml")
	data, _ := os.ReadFile(dept)
	os.WriteFile(dept, bytes.Replace(data, []byte("name: 督查考核办公室"), []byte("name: 督查考核办公室（已更正）"), 1), 0o644)
	waitFor(t, base, func(s status) bool { return s.Version > first.Version })
	if _, page := get(t, base+"/2021/dkb/index.html"); !strings.Contains(page, "督查考核办公室（已更正）") {
		t.Error("the change is not shown after the rebuild")
	}

	os.WriteFile(dept, bytes.Replace(data, []byte("year: 2021"), []byte("year: 二〇二一"), 1), 0o644)
	s := waitFor(t, base, func(s status) bool { return s.Error != "" })
	if !strings.Contains(s.Error, `department.yaml:7:7: 错误: year（年度）: "二〇二一" 不是整数`) {
		t.Errorf("status error: %s", s.Error)
	}
	if code, page := get(t, base+"/2021/dkb/index.html"); code != 200 || !strings.Contains(page, "督查考核办公室（已更正）") {
		t.Error("the last good site is no longer served")
	}
	if !strings.Contains(log.b.String(), "不是整数") {
		t.Error("the error was not printed in the terminal")
	}
	if code, _ := get(t, base+"/no/such/page.html"); code != 404 {
		t.Errorf("missing page: %d", code)
	}
}

// TestServeAnswersOnlyItsOwnHost: a request whose Host header names another
// site (DNS rebinding) is refused; the listening address and localhost work.
func TestServeAnswersOnlyItsOwnHost(t *testing.T) {
	h := onlyHost("127.0.0.1:8123", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "ok")
	}))
	for host, want := range map[string]int{
		"127.0.0.1:8123": 200, "localhost:8123": 200, "LOCALHOST:8123": 200, "[::1]:8123": 200,
		"evil.example": 421, "evil.example:8123": 421, "127.0.0.1:9999": 421, "": 421, "127.0.0.1": 421,
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.Host = host
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != want {
			t.Errorf("Host %q: status %d, want %d", host, w.Code, want)
		}
	}
}

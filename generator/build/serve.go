package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"disclose/generator/web"
)

// serveCSP is the pages' policy plus connect-src 'self', which the reload
// script needs to ask the preview server whether the site changed. It is
// applied only to pages served by disclose serve, never written to public/.
const serveCSP = web.CSP + "; connect-src 'self'"

// reloadJS polls the preview server, reloads the page after a good rebuild
// and shows content errors over the page while the last good site stays.
const reloadJS = `(function () {
  "use strict";
  var seen = null, box = null;
  function show(text) {
    if (!box) {
      box = document.createElement("pre");
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;margin:0;padding:1rem;background:#fff0f0;color:#8b0000;border-top:3px solid #8b0000;font:14px/1.5 monospace;white-space:pre-wrap;z-index:99";
      document.body.appendChild(box);
    }
    box.textContent = "内容有错误，显示的是上一次成功生成的网站：\n\n" + text;
  }
  function poll() {
    fetch("/_disclose/status", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (s) {
      if (seen !== null && s.version !== seen) { location.reload(); return; }
      seen = s.version;
      if (s.error) { show(s.error); } else if (box) { box.remove(); box = null; }
    }).catch(function () {}).then(function () { setTimeout(poll, 700); });
  }
  poll();
})();
`

// preview holds the state of a running preview server.
type preview struct {
	cfg     Config
	opts    web.Options
	log     io.Writer
	mu      sync.Mutex
	version int
	errText string
}

// rebuild builds the site; a failure keeps the last good site and records
// the error for the page and the terminal. It takes the output's lock as
// disclose build does: a build the author runs meanwhile is waited for.
func (p *preview) rebuild(ctx context.Context) {
	var report bytes.Buffer
	res, err := func() (Result, error) {
		lock, err := Lock(ctx, p.cfg, p.log, "serve")
		if err != nil {
			return Result{}, err
		}
		defer lock.Release()
		return Run(lock, p.cfg, &report)
	}()
	p.mu.Lock()
	defer p.mu.Unlock()
	if err != nil {
		p.errText = strings.TrimSpace(report.String() + "\n" + err.Error())
		fmt.Fprintf(p.log, "%s\ndisclose serve: 生成失败，继续提供上一次成功生成的网站\n", p.errText)
		return
	}
	p.version++
	p.errText = ""
	if report.Len() > 0 {
		fmt.Fprint(p.log, report.String())
	}
	fmt.Fprintf(p.log, "disclose serve: 已生成 %d 个页面（重新生成 %d 个部门）\n", res.Pages, res.Rendered)
}

// watchSum summarises the names, sizes and times of the watched files.
func watchSum(dirs ...string) [32]byte {
	h := sha256.New()
	for _, d := range dirs {
		_ = filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if info, err := e.Info(); err == nil {
				fmt.Fprintf(h, "%s %d %d\n", p, info.Size(), info.ModTime().UnixNano())
			}
			return nil
		})
	}
	var sum [32]byte
	copy(sum[:], h.Sum(nil))
	return sum
}

func (p *preview) handler() http.Handler {
	files := http.FileServer(http.Dir(p.cfg.Out))
	mux := http.NewServeMux()
	mux.HandleFunc("/_disclose/status", func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		defer p.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		_ = json.NewEncoder(w).Encode(map[string]any{"version": p.version, "error": p.errText})
	})
	mux.HandleFunc("/_disclose/reload.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		io.WriteString(w, reloadJS)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		name := path.Clean(r.URL.Path)
		if strings.HasSuffix(r.URL.Path, "/") {
			name = path.Join(name, "index.html")
		}
		if path.Ext(name) != ".html" {
			w.Header().Set("Cache-Control", "no-store")
			files.ServeHTTP(w, r)
			return
		}
		data, err := os.ReadFile(filepath.Join(p.cfg.Out, filepath.FromSlash(name)))
		status := http.StatusOK
		if err != nil {
			data, err = os.ReadFile(filepath.Join(p.cfg.Out, "404.html"))
			status = http.StatusNotFound
			if err != nil {
				http.NotFound(w, r)
				return
			}
		}
		// Pages reload themselves in the preview only: the script and the
		// looser policy are added here, never written into public/.
		data = bytes.Replace(data, []byte(`content="`+htmlAttr(web.CSP)+`"`), []byte(`content="`+htmlAttr(serveCSP)+`"`), 1)
		data = bytes.Replace(data, []byte("</body>"), []byte(`<script src="/_disclose/reload.js"></script></body>`), 1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(status)
		w.Write(data)
	})
	return mux
}

// htmlAttr escapes a policy as html/template writes it in an attribute.
func htmlAttr(s string) string { return strings.ReplaceAll(s, "'", "&#39;") }

// Preview is a preview server's configuration.
type Preview struct {
	Config
	Addr     string        // where to listen, such as 127.0.0.1:8080
	Interval time.Duration // how often the content and templates are looked at
	Log      io.Writer     // what each rebuild reports
	Ready    chan<- string // when not nil, receives the address once the server listens
}

// Serve builds, serves and rebuilds on change until ctx ends.
func Serve(ctx context.Context, pv Preview) error {
	p := &preview{cfg: pv.Config, opts: pv.WebOptions(), log: pv.Log}
	p.rebuild(ctx)
	if p.version == 0 {
		if _, err := os.Stat(filepath.Join(pv.Out, "index.html")); err != nil {
			return errors.New("第一次生成就失败了，没有可以预览的网站；修正上面的错误后重试")
		}
	}
	ln, err := net.Listen("tcp", pv.Addr)
	if err != nil {
		return err
	}
	// Take the files' fingerprint before saying we are ready: an edit made
	// right after must count as a change.
	watched := []string{pv.Content}
	if p.opts.Templates != "" {
		watched = append(watched, p.opts.Templates)
	}
	last := watchSum(watched...)
	srv := &http.Server{Handler: onlyHost(ln.Addr().String(), p.handler()), ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	if pv.Ready != nil {
		pv.Ready <- ln.Addr().String()
	}
	fmt.Fprintf(pv.Log, "disclose serve: http://%s/ （Ctrl+C 退出）\n", ln.Addr())
	tick := time.NewTicker(pv.Interval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			return srv.Shutdown(shut)
		case <-tick.C:
			if now := watchSum(watched...); now != last {
				last = now
				p.rebuild(ctx)
			}
		}
	}
}

// onlyHost answers only requests whose Host is the address the preview
// listens on or a loopback name with its port: a page elsewhere that
// points its own host name at 127.0.0.1 (DNS rebinding) gets nothing.
func onlyHost(listen string, h http.Handler) http.Handler {
	lhost, port, _ := net.SplitHostPort(listen)
	allowed := map[string]bool{}
	for _, name := range []string{lhost, "localhost", "127.0.0.1", "::1"} {
		allowed[strings.ToLower(net.JoinHostPort(name, port))] = true
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := strings.ToLower(r.Host)
		if !allowed[host] {
			http.Error(w, "disclose serve: 只接受发往 "+listen+" 的请求（Host: "+r.Host+"）", http.StatusMisdirectedRequest)
			return
		}
		h.ServeHTTP(w, r)
	})
}

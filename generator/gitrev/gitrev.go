// Package gitrev reads content as it was at a Git revision, through git
// itself (git archive, git log, git ls-tree), never touching the work tree,
// the index or HEAD, so that a reviewer can compare revisions while editing.
package gitrev

import (
	"archive/tar"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

// Repo is a Git repository's work tree.
type Repo struct {
	// Top is the work tree's top folder.
	Top string
}

func (r *Repo) git(args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", r.Top, "-c", "core.quotepath=off"}, args...)...)
	// Reading must never take the index lock or refresh the index.
	cmd.Env = append(os.Environ(), "GIT_OPTIONAL_LOCKS=0")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// Find returns the repository that holds dir, if dir is inside one and git
// is installed.
func Find(dir string) (*Repo, bool) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, false
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, false
	}
	r := &Repo{Top: abs}
	out, err := r.git("rev-parse", "--show-toplevel")
	if err != nil {
		return nil, false
	}
	r.Top = strings.TrimSpace(string(out))
	return r, true
}

// Rel is path relative to the repository's top, with slashes.
func (r *Repo) Rel(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	top, _ := filepath.EvalSymlinks(r.Top)
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	rel, err := filepath.Rel(top, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return "", fmt.Errorf("%s is not inside the repository %s", path, r.Top)
	}
	return filepath.ToSlash(rel), nil
}

// Resolve returns the full commit hash a revision names.
func (r *Repo) Resolve(rev string) (string, error) {
	out, err := r.git("rev-parse", "--verify", "--quiet", rev+"^{commit}")
	if err != nil {
		return "", fmt.Errorf("%q 不是这个 Git 仓库中的修订版本", rev)
	}
	return strings.TrimSpace(string(out)), nil
}

// Extract writes the files under paths, as they are at rev, into dest.
// Paths that do not exist at rev are skipped.
func (r *Repo) Extract(rev string, paths []string, dest string) error {
	out, err := r.git(append([]string{"ls-tree", "--name-only", rev, "--"}, paths...)...)
	if err != nil {
		return err
	}
	present := strings.Fields(string(out))
	if len(present) == 0 {
		return nil
	}
	tarball, err := r.git(append([]string{"archive", "--format=tar", rev, "--"}, present...)...)
	if err != nil {
		return err
	}
	tr := tar.NewReader(bytes.NewReader(tarball))
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		name := filepath.FromSlash(h.Name)
		if !filepath.IsLocal(name) {
			return fmt.Errorf("unsafe path in archive: %s", h.Name)
		}
		target := filepath.Join(dest, name)
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(target, 0o755); err != nil {
				return err
			}
		case tar.TypeReg:
			if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				return err
			}
			data, err := io.ReadAll(tr)
			if err != nil {
				return err
			}
			if err := os.WriteFile(target, data, 0o644); err != nil {
				return err
			}
		}
	}
}

// NoteTrailer opens the line of a commit message that is a correction
// note for the public (更正说明: … or 更正说明：…), shown in the 修订记录.
// Git's own trailer parsing takes only ASCII keys, so the body is read here.
const NoteTrailer = "更正说明"

// Commit is one commit of a path's history. It carries no subject: a
// commit message is written for colleagues, and only its NoteTrailer is
// meant for readers.
type Commit struct {
	Hash   string
	Parent string // the first parent, "" for a root commit
	Date   string // author date, YYYY-MM-DD
	Note   string // the NoteTrailer's value, "" when absent
}

// Log lists the commits that touched any of paths, newest first, following
// the first parent (a merged pull request is one entry). A non-empty since
// names the oldest commit to list: it and its descendants are kept, its
// ancestors are not.
func (r *Repo) Log(since string, paths ...string) ([]Commit, error) {
	args := []string{"log", "--first-parent", "--format=" + logFormat, "--date=short", "HEAD"}
	if since != "" {
		hash, err := r.Resolve(since)
		if err != nil {
			return nil, err
		}
		args = append(args, "--not", hash+"^@")
	}
	out, err := r.git(append(append(args, "--"), paths...)...)
	if err != nil {
		return nil, err
	}
	return parseLog(out), nil
}

// At describes the commit rev names.
func (r *Repo) At(rev string) (Commit, error) {
	hash, err := r.Resolve(rev)
	if err != nil {
		return Commit{}, err
	}
	out, err := r.git("log", "-1", "--format="+logFormat, "--date=short", hash)
	if err != nil {
		return Commit{}, err
	}
	cs := parseLog(out)
	if len(cs) == 0 {
		return Commit{}, fmt.Errorf("git log %s: no commit", hash)
	}
	return cs[0], nil
}

// logFormat is one commit a record: hash, parents, date, correction note.
const logFormat = "%H%x1f%P%x1f%ad%x1f%b%x1e"

func parseLog(out []byte) []Commit {
	var commits []Commit
	for _, rec := range strings.Split(string(out), "\x1e") {
		rec = strings.TrimSpace(rec)
		if rec == "" {
			continue
		}
		f := strings.Split(rec, "\x1f")
		if len(f) < 4 {
			continue
		}
		c := Commit{Hash: f[0], Date: f[2], Note: note(f[3])}
		if parents := strings.Fields(f[1]); len(parents) > 0 {
			c.Parent = parents[0]
		}
		commits = append(commits, c)
	}
	return commits
}

// note is the correction note in a commit body: the text after NoteTrailer
// and a colon, up to a blank line or the next "Key:" line.
func note(body string) string {
	var parts []string
	in := false
	for _, line := range strings.Split(body, "\n") {
		line = strings.TrimSpace(line)
		if rest, ok := strings.CutPrefix(line, NoteTrailer); ok && !in {
			if v, ok := strings.CutPrefix(strings.TrimLeft(rest, " "), ":"); ok {
				rest, in = v, true
			} else if v, ok := strings.CutPrefix(strings.TrimLeft(rest, " "), "："); ok {
				rest, in = v, true
			}
			if in {
				parts = append(parts, strings.TrimSpace(rest))
			}
			continue
		}
		if in {
			if line == "" || trailerLine.MatchString(line) {
				break
			}
			parts = append(parts, line)
		}
	}
	return strings.Join(parts, "")
}

// trailerLine is another trailer (Signed-off-by: …) that ends a note.
var trailerLine = regexp.MustCompile(`^[A-Za-z0-9-]+:\s`)

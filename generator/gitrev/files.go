package gitrev

import (
	"strings"
)

// Changed is a commit with the files it changed against its first parent
// (all its files for a root commit), relative to the repository's top.
type Changed struct {
	Commit
	Files []string
}

// LogFiles is Log of the folder dir with each commit's files: one git log
// for a whole content folder, which the caller splits by department,
// rather than one for each of a province's departments. Renames count
// as a removal and an addition, as a path-limited Log sees them.
func (r *Repo) LogFiles(since, dir string) ([]Changed, error) {
	args := []string{"log", "--first-parent", "--diff-merges=first-parent", "--root", "--no-renames", "--name-only",
		"--format=\x1d" + logFormat, "--date=short", "HEAD"}
	if since != "" {
		hash, err := r.Resolve(since)
		if err != nil {
			return nil, err
		}
		args = append(args, "--not", hash+"^@")
	}
	out, err := r.git(append(args, "--", dir)...)
	if err != nil {
		return nil, err
	}
	var commits []Changed
	for _, rec := range strings.Split(string(out), "\x1d") {
		head, files, ok := strings.Cut(rec, "\x1e")
		if !ok {
			continue
		}
		cs := parseLog([]byte(head))
		if len(cs) != 1 {
			continue
		}
		c := Changed{Commit: cs[0]}
		for _, f := range strings.Split(files, "\n") {
			if f = strings.TrimSpace(f); f != "" {
				c.Files = append(c.Files, f)
			}
		}
		commits = append(commits, c)
	}
	return commits, nil
}

// Touches reports whether the commit changed a file at one of paths or
// under it.
func (c Changed) Touches(paths ...string) bool {
	for _, f := range c.Files {
		for _, p := range paths {
			if p == "" || p == "." || f == p || strings.HasPrefix(f, p+"/") {
				return true
			}
		}
	}
	return false
}

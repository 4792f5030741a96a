package build

import (
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"disclose/generator/check"
	"disclose/generator/derive"
	"disclose/generator/diag"
	"disclose/generator/load"
	"disclose/generator/model"
	"disclose/generator/semdiff"
	"disclose/generator/workers"
)

// compareFolders compares two content folders department by department,
// so that memory is bounded by the largest department, not by two whole
// provinces. A department whose files and year's rules are byte for byte
// the same in both, when site.yaml and every department's heading are the
// same too, cannot differ in any change or check message: it costs a
// comparison of its files and a read of its YAML for the checks across
// departments. The others are loaded, checked and derived a pair at a time.
func compareFolders(old, new semdiff.Side) (*semdiff.Report, error) {
	o, n := openSide(old.Root), openSide(new.Root)
	changes := semdiff.Settings(o.site, n.site)
	alike := sameContent(o.site.File, n.site.File) && slices.EqualFunc(o.heads, n.heads, sameHeading)
	pairs := pairDepartments(o, n)
	found := make([][]semdiff.Change, len(pairs))
	skipped := make([]bool, len(pairs))
	workers.Each(len(pairs), func(k int) {
		p := pairs[k]
		if alike && p.old >= 0 && p.new >= 0 && sameDepartment(o.dirs[p.old], n.dirs[p.new]) {
			skipped[k] = true
			return
		}
		found[k] = semdiff.Departments(o.department(p.old), n.department(p.new))
	})
	// The checks across departments need every department's codes, read
	// from its YAML; when no code moved (same departments, and the same
	// codes at the same places in those that changed) they give the same
	// messages on both sides, and are not run.
	if !alike || !sameCodes(o, n, pairs, skipped) {
		workers.Each(len(pairs), func(k int) {
			if p := pairs[k]; skipped[k] {
				c := codesOnly(n.dirs[p.new])
				n.codes[p.new] = c
				o.codes[p.old] = rebase(c, n.dirs[p.new].Path, o.dirs[p.old].Path)
			}
		})
		o.duplicates()
		n.duplicates()
	}
	old.Diags, new.Diags = o.diags.Sorted(), n.diags.Sorted()
	return semdiff.Assemble(old, new, slices.Concat(append([][]semdiff.Change{changes}, found...)...)), nil
}

// sameCodes reports whether the departments that were loaded have the
// same codes at the same places in both versions.
func sameCodes(o, n *diffSide, pairs []deptPair, skipped []bool) bool {
	for k, p := range pairs {
		if skipped[k] {
			continue
		}
		if p.old < 0 || p.new < 0 {
			return false
		}
		a, b := o.codes[p.old], rebase(n.codes[p.new], n.dirs[p.new].Path, o.dirs[p.old].Path)
		if a.Year != b.Year || a.Code != b.Code || a.Name != b.Name || a.At != b.At || !slices.Equal(a.Projects, b.Projects) {
			return false
		}
	}
	return true
}

// diffSide is one version being compared: its settings, its department
// folders with their headings, and what the checks across departments
// gather.
type diffSide struct {
	site   *model.Site
	dirs   []load.DeptDir
	heads  []heading
	others check.Others
	diags  *diag.List
	codes  []check.Codes // by folder, in the site's order
}

// heading is what load.Heading reads: enough to answer check's question
// which department has a project.
type heading struct {
	year           int
	name, code     string
	projects       []string
	folder, parent string // the folder's name and its year's
}

func sameHeading(a, b heading) bool {
	return a.year == b.year && a.name == b.name && a.code == b.code && a.folder == b.folder &&
		a.parent == b.parent && slices.Equal(a.projects, b.projects)
}

func openSide(root string) *diffSide {
	site, dirs, diags := load.Settings(root)
	check.Settings(site, diags)
	s := &diffSide{site: site, dirs: dirs, diags: diags, heads: make([]heading, len(dirs)), codes: make([]check.Codes, len(dirs))}
	workers.Each(len(dirs), func(i int) {
		h := &s.heads[i]
		h.name, h.code, h.year, h.projects = load.Heading(dirs[i])
		h.folder, h.parent = filepath.Base(dirs[i].Path), dirs[i].Year
	})
	s.others = func(year int, code string) string {
		for _, h := range s.heads {
			if h.year == year && slices.Contains(h.projects, code) {
				return h.name + "（" + h.code + "）"
			}
		}
		return ""
	}
	return s
}

// department loads, checks and derives the department of folder i (nil
// when i < 0: the other version has it alone).
func (s *diffSide) department(i int) *derive.Department {
	if i < 0 {
		return nil
	}
	dl := &diag.List{}
	d := load.Department(s.dirs[i], dl)
	check.DepartmentAmong(s.site, d, dl, s.others)
	s.diags.Merge(dl)
	s.codes[i] = check.CodesOf(d)
	return derive.Dept(d)
}

// duplicates runs the checks across departments.
func (s *diffSide) duplicates() { check.Duplicates(s.codes, s.diags) }

// deptPair is a department's folder in each version, -1 where absent.
type deptPair struct{ old, new int }

// pairDepartments matches departments by year and code, as Compare does
// (a renamed folder is the same department), in the new version's order,
// then those removed.
func pairDepartments(o, n *diffSide) []deptPair {
	keys := func(s *diffSide) []string {
		out := make([]string, len(s.heads))
		seen := map[string]int{}
		for i, h := range s.heads {
			k := strconv.Itoa(h.year) + "/" + h.code
			if h.code == "" {
				k = "folder:" + h.parent + "/" + h.folder
			}
			seen[k]++
			if seen[k] > 1 {
				k += "#" + strconv.Itoa(seen[k])
			}
			out[i] = k
		}
		return out
	}
	oldAt := map[string]int{}
	for i, k := range keys(o) {
		oldAt[k] = i
	}
	var pairs []deptPair
	paired := make([]bool, len(o.dirs))
	for j, k := range keys(n) {
		i, ok := oldAt[k]
		if ok {
			paired[i] = true
		} else {
			i = -1
		}
		pairs = append(pairs, deptPair{i, j})
	}
	for i, p := range paired {
		if !p {
			pairs = append(pairs, deptPair{i, -1})
		}
	}
	return pairs
}

// codesOnly reads the codes of a department from its YAML files alone
// (the spending records, most of its bytes, are not needed for them).
func codesOnly(dir load.DeptDir) check.Codes {
	d := load.DepartmentFrom(dir, &diag.List{}, func(p string) ([]byte, error) {
		if filepath.Ext(p) != ".yaml" {
			return nil, &fs.PathError{Op: "open", Path: p, Err: fs.ErrNotExist}
		}
		data, _, err := dir.Files.ReadFile(p)
		return data, err
	})
	return check.CodesOf(d)
}

// rebase moves the positions of codes from one department folder to the
// same files in another.
func rebase(c check.Codes, from, to string) check.Codes {
	move := func(p diag.Pos) diag.Pos {
		if rest, ok := strings.CutPrefix(p.File, from); ok {
			p.File = to + rest
		}
		return p
	}
	c.At = move(c.At)
	c.Projects = slices.Clone(c.Projects)
	for i := range c.Projects {
		c.Projects[i].At = move(c.Projects[i].At)
	}
	return c
}

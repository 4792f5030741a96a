package build

import (
	"fmt"
	"os"
	"path/filepath"

	"disclose/generator/derive"
	"disclose/generator/gitrev"
	"disclose/generator/semdiff"
)

// Diff compares two versions, each a content folder or a Git revision of
// the repository's content folder (at content), in the domain's terms,
// department by department (see compareFolders).
func Diff(oldArg, newArg, content string) (*semdiff.Report, error) {
	old, cleanOld, err := version(oldArg, content)
	if err != nil {
		return nil, err
	}
	defer cleanOld()
	new, cleanNew, err := version(newArg, content)
	if err != nil {
		return nil, err
	}
	defer cleanNew()
	return compareFolders(old, new)
}

// version finds one version for a diff: a content folder, or a Git
// revision of the repository's content folder (read through git into a
// temporary folder; the work tree, the index and HEAD are not touched).
// It returns the version with its folder as Root and its label, and a
// function the caller calls once done with it.
func version(arg, content string) (semdiff.Side, func(), error) {
	noop := func() {}
	if st, err := os.Stat(arg); err == nil && st.IsDir() {
		return semdiff.Side{Label: arg, Root: arg}, noop, nil
	}
	repo, ok := gitrev.Find(".")
	if !ok {
		return semdiff.Side{}, noop, fmt.Errorf("%q 既不是内容目录，当前目录也不在 Git 仓库中", arg)
	}
	hash, err := repo.Resolve(arg)
	if err != nil {
		return semdiff.Side{}, noop, err
	}
	rel, err := repo.Rel(content)
	if err != nil {
		return semdiff.Side{}, noop, err
	}
	tmp, err := os.MkdirTemp("", "disclose-diff-")
	if err != nil {
		return semdiff.Side{}, noop, err
	}
	cleanup := func() { os.RemoveAll(tmp) }
	if err := repo.Extract(hash, []string{rel}, tmp); err != nil {
		cleanup()
		return semdiff.Side{}, noop, err
	}
	root := filepath.Join(tmp, filepath.FromSlash(rel))
	return semdiff.Side{Label: fmt.Sprintf("%s（%s）", arg, hash[:10]), Root: root}, cleanup, nil
}

// loadSide runs load, check and derive on a whole content folder (the
// 修订记录 compares one department's folder at two commits).
func loadSide(dir, label string) semdiff.Side {
	site, diags := loadAndCheck(dir)
	return semdiff.Side{Label: label, Root: dir, Site: site, Depts: derive.Site(site), Diags: diags.Sorted()}
}

package build

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// ErrOutput marks an --out that must not be replaced: the command line is
// wrong, not the content.
var ErrOutput = errors.New("输出目录不可用")

// checkOutput refuses an output folder that is a symbolic link (the swap
// would replace the link by a folder, leaving its target stale) or that
// holds the content folder or lies inside it (a build would replace the
// content, or read its own output as content).
func checkOutput(content, out string) error {
	if st, err := os.Lstat(out); err == nil && st.Mode()&os.ModeSymlink != 0 {
		target, _ := filepath.EvalSymlinks(out)
		return fmt.Errorf("%w：--out %s 是符号链接（指向 %s）；请把 --out 写成目标目录本身", ErrOutput, out, target)
	}
	c, o := realPath(content), realPath(out)
	switch {
	case inside(c, o):
		return fmt.Errorf("%w：--out %s 在内容目录 %s 之内；请把输出目录放在内容目录之外", ErrOutput, out, content)
	case inside(o, c):
		return fmt.Errorf("%w：内容目录 %s 在 --out %s 之内，构建会把它整体替换；请把输出目录放在内容目录之外", ErrOutput, content, out)
	}
	return nil
}

// realPath is p absolute with the links of its existing part resolved.
func realPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		if r, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(r, rest)
		}
		if dir == filepath.Dir(dir) {
			return abs
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

func inside(dir, p string) bool {
	return p == dir || strings.HasPrefix(p, dir+string(filepath.Separator))
}

package importer

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxNameRunes bounds a code used as a file name: with ".results.yaml"
// it stays well under the 255 bytes a file system allows a name.
const maxNameRunes = 64

// nameProblem says why s cannot be a file or folder name on every system
// the content may be edited on, or "" when it can. A code is the
// project's (or department's) identity, so a bad one is refused, never
// rewritten into something else.
func nameProblem(s string) string {
	switch {
	case s == "":
		return "是空的"
	case !utf8.ValidString(s):
		return "不是有效的 UTF-8 文字"
	case strings.ContainsAny(s, `/\`):
		return "含有路径分隔符（/ 或 \\）"
	case strings.Contains(s, ".."):
		return "含有 ..（上一级目录）"
	case strings.HasPrefix(s, "."):
		return "以 . 开头（会成为隐藏文件）"
	case utf8.RuneCountInString(s) > maxNameRunes:
		return fmt.Sprintf("太长（%d 个字符，最多 %d 个）", utf8.RuneCountInString(s), maxNameRunes)
	}
	for _, r := range s {
		switch {
		case r < 0x20 || r == 0x7f || unicode.IsControl(r):
			return fmt.Sprintf("含有控制字符 U+%04X", r)
		case unicode.Is(unicode.Cf, r):
			return fmt.Sprintf("含有不可见的格式字符 U+%04X", r)
		case strings.ContainsRune(`<>:"|?*`, r):
			return fmt.Sprintf("含有 Windows 文件名不允许的字符 %c", r)
		}
	}
	if strings.HasSuffix(s, " ") || strings.HasSuffix(s, ".") {
		return "以空格或 . 结尾（Windows 会去掉它，文件名就变了）"
	}
	// CON, NUL, COM1… name devices on Windows, with any extension.
	stem, _, _ := strings.Cut(s, ".")
	switch strings.ToUpper(strings.TrimRight(stem, " ")) {
	case "CON", "PRN", "AUX", "NUL",
		"COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
		"LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9":
		return "是 Windows 的设备名"
	}
	return ""
}

// Package textenc reads text files in the encodings users have them in:
// UTF-8, UTF-8 with a BOM, or GB18030 (what Excel on Chinese Windows
// writes), and points at the first byte that is valid in none of them.
package textenc

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"disclose/generator/diag"
)

// Encoding is the character encoding a text file was read in.
type Encoding string

// The encodings spending files come in.
const (
	UTF8    Encoding = "UTF-8"
	UTF8BOM Encoding = "UTF-8 with BOM"
	GB18030 Encoding = "GB18030"
	UTF16   Encoding = "UTF-16" // recognised only to be refused
)

// BOM is the UTF-8 byte order mark.
var BOM = []byte{0xEF, 0xBB, 0xBF}

// utf16 reports a file that starts with a UTF-16 byte order mark (Excel's
// "Unicode text", Notepad's "Unicode"): read as GB18030 its first byte
// would be the whole message.
func utf16(file string, data []byte, diags *diag.List) bool {
	if !bytes.HasPrefix(data, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return false
	}
	diags.Errorf(diag.Pos{File: file}, "encoding", "", "用记事本或 Excel 另存为 UTF-8 编码（Excel：“CSV UTF-8（逗号分隔）”）",
		"文件是 UTF-16 编码，请另存为 UTF-8")
	return true
}

// CheckUTF8 reports the first byte of data that is not UTF-8 and returns
// false; YAML and Markdown files must be UTF-8 (a BOM is allowed).
func CheckUTF8(file string, data []byte, diags *diag.List) bool {
	if utf16(file, data, diags) {
		return false
	}
	body := bytes.TrimPrefix(data, BOM)
	if utf8.Valid(body) {
		return true
	}
	off := firstInvalidUTF8(body)
	pos := diag.At(file, body, off)
	diags.Errorf(pos, "encoding", "", "用 UTF-8 编码保存此文件（记事本/VS Code：另存为 → 编码 UTF-8）",
		"文件不是有效的 UTF-8 编码：第 %d 个字节 0x%02X 无法识别", off+1, body[off])
	return false
}

func firstInvalidUTF8(b []byte) int {
	if utf8.Valid(b) { // the common case, many times faster than decoding
		return -1
	}
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

// Decode detects the encoding of a CSV file as spreadsheets write it and
// returns its text in UTF-8. A byte sequence that is valid in neither UTF-8
// nor GB18030 is an error at its line and column.
func Decode(file string, data []byte, diags *diag.List) ([]byte, Encoding, bool) {
	if utf16(file, data, diags) {
		return nil, UTF16, false
	}
	if bytes.HasPrefix(data, BOM) {
		body := data[len(BOM):]
		if off := firstInvalidUTF8(body); off >= 0 {
			badUTF8(file, body, off, diags)
			return nil, UTF8BOM, false
		}
		return body, UTF8BOM, true
	}
	off := firstInvalidUTF8(data)
	if off < 0 {
		return data, UTF8, true
	}
	if looksUTF8(data) {
		badUTF8(file, data, off, diags)
		return nil, UTF8, false
	}
	if bad := firstInvalidGB18030(data); bad >= 0 {
		// Report the position in the characters that did decode before it.
		prefix, _ := simplifiedchinese.GB18030.NewDecoder().Bytes(data[:bad])
		pos := diag.At(file, prefix, len(prefix))
		diags.Errorf(pos, "encoding", "", "用 Excel 另存为“CSV UTF-8（逗号分隔）”，或修正此处的字符",
			"文件按 GB18030 读取，在此处遇到无法识别的字节 0x%02X（文件可能已损坏或被截断）", data[bad])
		return nil, GB18030, false
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		diags.Errorf(diag.Pos{File: file}, "encoding", "", "用 Excel 另存为“CSV UTF-8（逗号分隔）”", "文件按 GB18030 读取失败：%v", err)
		return nil, GB18030, false
	}
	return out, GB18030, true
}

func badUTF8(file string, b []byte, off int, diags *diag.List) {
	diags.Errorf(diag.At(file, b, off), "encoding", "", "用 UTF-8 重新导出此文件，或修正此处的字符",
		"文件是 UTF-8 编码，但此处的字节 0x%02X 无法识别（文件可能已损坏或被截断）", b[off])
}

// looksUTF8 tells a damaged UTF-8 file from a GB18030 one: Chinese text in
// GB18030 almost never forms valid multi-byte UTF-8 sequences, while a UTF-8
// file with one broken byte is mostly valid ones.
func looksUTF8(b []byte) bool {
	valid, invalid := 0, 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			invalid++
		case size > 1:
			valid++
		}
		i += size
	}
	return valid > 4*invalid
}

// firstInvalidGB18030 returns the offset of the first byte that does not
// start or continue a valid GB18030 sequence, or -1. GB18030 has one-byte
// (00–7F), two-byte (81–FE, 40–7E|80–FE) and four-byte (81–FE, 30–39,
// 81–FE, 30–39) sequences.
func firstInvalidGB18030(b []byte) int {
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c < 0x80:
			i++
		case c == 0x80 || c == 0xFF:
			return i
		case i+1 < len(b) && (b[i+1] >= 0x40 && b[i+1] <= 0x7E || b[i+1] >= 0x80 && b[i+1] <= 0xFE):
			i += 2
		case i+3 < len(b) && b[i+1] >= 0x30 && b[i+1] <= 0x39 && b[i+2] >= 0x81 && b[i+2] <= 0xFE && b[i+3] >= 0x30 && b[i+3] <= 0x39:
			i += 4
		default:
			return i
		}
	}
	return -1
}

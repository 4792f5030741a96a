// Package console makes what disclose prints readable where it is shown. A
// Chinese Windows console runs in code page 936 (GBK) unless set to UTF-8
// (chcp 65001): there UTF-8 shows as mojibake, so output to it is encoded
// in the console's code page. Files the program writes stay UTF-8; only the
// two standard streams pass through here.
package console

import (
	"io"
	"os"
	"strconv"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// Windows code pages the choice knows.
const (
	CodePageUTF8    = 65001
	CodePageGBK     = 936   // 简体中文 Windows 的默认代码页
	CodePageGB2312  = 20936 // 极少见；按 GBK 输出（GBK 包含 GB2312）
	CodePageGB18030 = 54936
	CodePageBig5    = 950
)

// Choose is the encoding for a console in code page cp, nil for UTF-8
// (written as is). 0 (no console, or not Windows) and code pages that
// cannot show Chinese at all keep UTF-8: a file or a pipe then gets the
// same bytes as on any other system.
func Choose(cp uint32) encoding.Encoding {
	switch cp {
	case CodePageGBK, CodePageGB2312:
		return simplifiedchinese.GBK
	case CodePageGB18030:
		return simplifiedchinese.GB18030
	case CodePageBig5:
		return traditionalchinese.Big5
	}
	return nil
}

// Override is the environment variable that names the code page to write
// in, for a terminal that says one code page and shows another (Git Bash's
// mintty reports 936 but shows UTF-8: DISCLOSE_CODEPAGE=65001).
const Override = "DISCLOSE_CODEPAGE"

// CodePage is the code page output should be written in: the override when
// set, else the console's (0 when there is none).
func CodePage() uint32 {
	if v := os.Getenv(Override); v != "" {
		if n, err := strconv.ParseUint(v, 10, 32); err == nil {
			return uint32(n)
		}
	}
	return consoleCodePage()
}

// Wrap returns w writing in the encoding for code page cp.
func Wrap(w io.Writer, cp uint32) io.Writer {
	enc := Choose(cp)
	if enc == nil {
		return w
	}
	return &writer{w: w, enc: enc.NewEncoder()}
}

// Streams are the standard output and error as the console shows them.
func Streams() (stdout, stderr io.Writer) {
	cp := CodePage()
	return Wrap(os.Stdout, cp), Wrap(os.Stderr, cp)
}

// writer encodes UTF-8 into a console code page; a character the code page
// lacks is written as '?'. A character split across two writes is held
// until its end arrives.
type writer struct {
	w       io.Writer
	enc     *encoding.Encoder
	pending []byte
}

func (c *writer) Write(p []byte) (int, error) {
	buf := append(c.pending, p...)
	c.pending = nil
	cut := len(buf)
	for i := len(buf) - 1; i >= 0 && i >= len(buf)-utf8.UTFMax; i-- {
		if utf8.RuneStart(buf[i]) {
			if !utf8.FullRune(buf[i:]) {
				cut = i
			}
			break
		}
	}
	c.pending = append(c.pending, buf[cut:]...)
	out, err := c.enc.Bytes(buf[:cut])
	if err != nil {
		out = c.slow(buf[:cut])
	}
	if _, err := c.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// slow encodes rune by rune, '?' for what the code page lacks.
func (c *writer) slow(s []byte) []byte {
	var out []byte
	for len(s) > 0 {
		_, n := utf8.DecodeRune(s)
		b, err := c.enc.Bytes(s[:n])
		if err != nil {
			b = []byte{'?'}
		}
		out = append(out, b...)
		s = s[n:]
	}
	return out
}

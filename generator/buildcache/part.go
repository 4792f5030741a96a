package buildcache

import (
	"bytes"
	"errors"
	"fmt"
	"hash/crc32"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"disclose/generator/fileio"
)

// A part's file is a line giving the length of its front and the CRC-32C
// of it, then the front: a JSON head (the fingerprint and how many lines
// of each list follow), the outputs a line each, the input folders'
// listings a line each ("inode modNano changeNano dir names", both quoted,
// the names joined by "/"), the data as it is; then, behind the front, the
// input stamps a line each ("sum size modNano changeNano inode path",
// paths quoted), and the data when it is kept behind (see
// Part.DataBehind). A rebuild reads every department's part: at 1,000
// departments of 100 files each, decoding the stamps as JSON objects cost
// more than stat'ing the files, and reading them at all (three quarters
// of a part) a tenth of the rebuild; only a department whose files
// changed needs them (see Part.Stamps).

// partHead is a part's first line: the lengths of its lists, whether its
// data is behind, then its fingerprint and tree stamp, quoted
// ("3 104 2 0 \"fp\" \"stats\" \"sums\"").
// (Not JSON: at 10× the province a rebuild reads 1,000 heads, and
// encoding/json took a third of decoding a part.)
type partHead struct {
	Fingerprint           string
	Outputs, Inputs, Dirs int
	Behind                bool // the data is behind the stamps (see Part.DataBehind)
	Tree                  TreeStamp
}

func (h partHead) append(b []byte) []byte {
	b = strconv.AppendInt(b, int64(h.Outputs), 10)
	b = strconv.AppendInt(append(b, ' '), int64(h.Inputs), 10)
	b = strconv.AppendInt(append(b, ' '), int64(h.Dirs), 10)
	if h.Behind {
		b = append(b, " 1"...)
	} else {
		b = append(b, " 0"...)
	}
	b = strconv.AppendQuote(append(b, ' '), h.Fingerprint)
	b = strconv.AppendQuote(append(b, ' '), h.Tree.Stats)
	return strconv.AppendQuote(append(b, ' '), h.Tree.Sums)
}

func parseHead(line string) (partHead, error) {
	var h partHead
	var n [4]int64
	for i := range n {
		f, rest, ok := strings.Cut(line, " ")
		v, ok2 := atoi(f)
		if !ok || !ok2 || v < 0 || v > 1<<31 || (i == 3 && v > 1) {
			return h, errPart
		}
		n[i], line = v, rest
	}
	var q [3]string
	for i := range q {
		quoted, err := strconv.QuotedPrefix(line)
		if err != nil {
			return h, errPart
		}
		if q[i], err = strconv.Unquote(quoted); err != nil {
			return h, errPart
		}
		line = line[len(quoted):]
		if i < 2 {
			var ok bool
			if line, ok = strings.CutPrefix(line, " "); !ok {
				return h, errPart
			}
		}
	}
	if line != "" {
		return h, errPart
	}
	return partHead{Fingerprint: q[0], Outputs: int(n[0]), Inputs: int(n[1]), Dirs: int(n[2]), Behind: n[3] == 1, Tree: TreeStamp{Stats: q[1], Sums: q[2]}}, nil
}

// appendPath appends a path as a line of a part's list: as it is, unless
// it holds a line break, starts with a quote or is not UTF-8 (then
// quoted).
func appendPath(b []byte, p string) []byte {
	if strings.ContainsAny(p, "\n\r") || strings.HasPrefix(p, `"`) || !utf8.ValidString(p) {
		return strconv.AppendQuote(b, p)
	}
	return append(b, p...)
}

// parsePath reads what appendPath wrote.
func parsePath(line string) (string, error) {
	if strings.HasPrefix(line, `"`) {
		return strconv.Unquote(line)
	}
	return line, nil
}

var errPart = errors.New("damaged part")

func encodePart(p *Part) ([]byte, error) {
	inputs := p.Stamps()
	data, ok := p.LoadData()
	if !ok {
		return nil, errPart
	}
	head := partHead{Fingerprint: p.Fingerprint, Outputs: len(p.Outputs), Inputs: len(inputs), Tree: p.Tree, Dirs: len(p.Dirs), Behind: p.DataBehind}.append(nil)
	size := len(head) + 1 + len(data)
	for _, o := range p.Outputs {
		size += len(o) + 3
	}
	for _, s := range inputs {
		size += len(s.Sum) + len(s.Path) + 80
	}
	for _, d := range p.Dirs {
		size += len(d.Dir) + 70
		for _, n := range d.Names {
			size += len(n) + 1
		}
	}
	b := make([]byte, 0, size+32)
	b = append(append(b, head...), '\n')
	for _, o := range p.Outputs {
		b = append(appendPath(b, o), '\n')
	}
	for _, d := range p.Dirs {
		b = append(dirLine(b, d), '\n')
	}
	if !p.DataBehind {
		b = append(b, data...)
	}
	front := len(b)
	for _, s := range inputs {
		b = append(stampLine(b, s), '\n')
	}
	if p.DataBehind {
		b = append(b, data...)
	}
	return append(fmt.Appendf(nil, "%d %08x\n", front, crc32.Checksum(b[:front], castagnoli)), b...), nil
}

// stampLine appends s as a part's file lists it (without the newline).
func stampLine(b []byte, s Stamp) []byte {
	b = append(append(b, s.Sum...), ' ')
	b = append(strconv.AppendInt(b, s.Size, 10), ' ')
	b = append(strconv.AppendInt(b, s.ModNano, 10), ' ')
	b = append(strconv.AppendInt(b, s.ChangeNano, 10), ' ')
	b = append(strconv.AppendInt(b, int64(s.Inode), 10), ' ')
	return strconv.AppendQuote(b, s.Path)
}

// dirLine appends d as a part's file lists it (without the newline).
func dirLine(b []byte, d fileio.Listing) []byte {
	b = append(strconv.AppendUint(b, d.Inode, 10), ' ')
	b = append(strconv.AppendInt(b, d.ModNano, 10), ' ')
	b = append(strconv.AppendInt(b, d.ChangeNano, 10), ' ')
	b = append(strconv.AppendQuote(b, d.Dir), ' ')
	return strconv.AppendQuote(b, strings.Join(d.Names, "/"))
}

// parseDir parses a dirLine.
func parseDir(line string) (fileio.Listing, error) {
	var d fileio.Listing
	var f [3]string
	for i := range f {
		var ok bool
		if f[i], line, ok = strings.Cut(line, " "); !ok {
			return d, errPart
		}
	}
	inode, ok1 := atoi(f[0])
	mod, ok2 := atoi(f[1])
	change, ok3 := atoi(f[2])
	dir, err1 := strconv.QuotedPrefix(line)
	if !ok1 || !ok2 || !ok3 || err1 != nil || !strings.HasPrefix(line[len(dir):], " ") {
		return d, errPart
	}
	names, err2 := strconv.Unquote(line[len(dir)+1:])
	dir, err1 = strconv.Unquote(dir)
	if err1 != nil || err2 != nil {
		return d, errPart
	}
	d = fileio.Listing{Dir: dir, Inode: uint64(inode), ModNano: mod, ChangeNano: change}
	if names != "" {
		d.Names = strings.Split(names, "/")
	}
	return d, nil
}

// decodePart decodes a part's file, or its front alone (see loadFront);
// it keeps none of data, and its stamps and the data behind them only
// when keepStamps is set (else Stamps and LoadData read the file again).
func decodePart(data []byte, keepStamps bool) (*Part, error) {
	check, rest, ok := bytes.Cut(data, []byte("\n"))
	size, sum, ok2 := strings.Cut(string(check), " ")
	n, ok3 := atoi(size)
	if !ok || !ok2 || !ok3 || n < 0 || n > int64(len(rest)) || fmt.Sprintf("%08x", crc32.Checksum(rest[:n], castagnoli)) != sum {
		return nil, errPart
	}
	front, back := rest[:n], rest[n:]
	first, rest, ok := bytes.Cut(front, []byte("\n"))
	if !ok {
		return nil, errPart
	}
	head, err := parseHead(string(first))
	if err != nil {
		return nil, errPart
	}
	// Each list as one string: each entry is a piece of it, not a copy.
	var lists [2]string
	for i, n := range []int{head.Outputs, head.Dirs} {
		end := 0
		for range n {
			j := bytes.IndexByte(rest[end:], '\n')
			if j < 0 {
				return nil, errPart
			}
			end += j + 1
		}
		lists[i] = string(rest[:end])
		rest = rest[end:]
	}
	if head.Behind && len(rest) > 0 {
		return nil, errPart
	}
	p := &Part{Fingerprint: head.Fingerprint, Data: bytes.Clone(rest), Tree: head.Tree, DataBehind: head.Behind}
	var line string
	if head.Outputs > 0 {
		p.Outputs = make([]string, head.Outputs)
	}
	for i := range p.Outputs {
		line, lists[0], _ = strings.Cut(lists[0], "\n")
		if p.Outputs[i], err = parsePath(line); err != nil {
			return nil, errPart
		}
	}
	if head.Dirs > 0 {
		p.Dirs = make([]fileio.Listing, head.Dirs)
	}
	for i := range p.Dirs {
		line, lists[1], _ = strings.Cut(lists[1], "\n")
		var err error
		if p.Dirs[i], err = parseDir(line); err != nil {
			return nil, errPart
		}
	}
	// (The stamps are parsed when asked for, see Stamps; a file read
	// whole was verified as a whole.)
	p.stampCount = head.Inputs
	if keepStamps {
		end := 0
		for range head.Inputs {
			j := bytes.IndexByte(back[end:], '\n')
			if j < 0 {
				return nil, errPart
			}
			end += j + 1
		}
		p.stampLines = string(back[:end])
		switch {
		case head.Behind:
			p.Data, p.dataRead = bytes.Clone(back[end:]), true
		case end != len(back):
			return nil, errPart
		}
	}
	return p, nil
}

// parseStamps parses n stamp lines; nil and an error when one does not
// parse or they are not sorted by path, once each.
func parseStamps(lines string, n int) ([]Stamp, error) {
	stamps := make([]Stamp, n)
	var line string
	for i := range stamps {
		line, lines, _ = strings.Cut(lines, "\n")
		s, err := parseStamp(line)
		if err != nil || (i > 0 && stamps[i-1].Path >= s.Path) {
			return nil, errPart
		}
		stamps[i] = s
	}
	return stamps, nil
}

func parseStamp(line string) (Stamp, error) {
	var s Stamp
	var f [5]string
	for i := range f {
		var ok bool
		if f[i], line, ok = strings.Cut(line, " "); !ok {
			return s, errPart
		}
	}
	var ok [5]bool
	var inode int64
	s.Sum = f[0]
	s.Size, ok[0] = atoi(f[1])
	s.ModNano, ok[1] = atoi(f[2])
	s.ChangeNano, ok[2] = atoi(f[3])
	inode, ok[3] = atoi(f[4])
	s.Inode = uint64(inode)
	var err error
	s.Path, err = strconv.Unquote(line)
	ok[4] = err == nil
	if slices.Contains(ok[:], false) {
		return s, errPart
	}
	return s, nil
}

// atoi reads what strconv.AppendInt wrote (an inode above 1<<63 wraps
// round); it is strconv.ParseInt without its generality, a fifth of the
// cost of decoding a part.
func atoi(s string) (int64, bool) {
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	if s == "" || len(s) > 20 {
		return 0, false
	}
	var n uint64
	for i := 0; i < len(s); i++ {
		d := s[i] - '0'
		if d > 9 {
			return 0, false
		}
		next := n*10 + uint64(d)
		if next/10 != n {
			return 0, false // overflow
		}
		n = next
	}
	if neg {
		return -int64(n), true
	}
	return int64(n), true
}

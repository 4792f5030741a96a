package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"sync"
)

// gopdf compresses each page's content stream with a compressor of its own
// (about a megabyte to allocate and clear, per page), which made the
// writing of a 500-page report a matter of allocation. Reports are
// therefore written by gopdf uncompressed and deflated here, with
// compressors that are reused.

var deflaters = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return w
}}

var (
	xrefAt    = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	lengthKey = regexp.MustCompile(`/Length (\d+)`)
)

// compressStreams deflates every stream of a PDF written by gopdf that
// has no filter yet, and writes the objects again with a new
// cross-reference table. Objects keep their numbers and order.
func compressStreams(pdf []byte) ([]byte, error) {
	bad := errors.New("compressStreams: unexpected PDF structure from gopdf")
	m := xrefAt.FindSubmatch(pdf[max(0, len(pdf)-1024):]) // the tail: reports are megabytes
	if m == nil {
		return nil, bad
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if xref <= 0 || xref >= len(pdf) {
		return nil, bad
	}
	// "xref\n0 N\n", then N entries of 20 bytes; entry 0 is the free head.
	table := pdf[xref:]
	var n int
	if _, err := fmt.Sscanf(string(table[:min(len(table), 32)]), "xref\n0 %d\n", &n); err != nil || n < 1 {
		return nil, bad
	}
	head := bytes.IndexByte(table[5:], '\n') + 6
	if head < 6 || len(table) < head+20*n {
		return nil, bad
	}
	offsets := make([]int, n)
	for i := 1; i < n; i++ {
		e := table[head+20*i : head+20*i+20]
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || off <= 0 || off >= xref || (i > 1 && off <= offsets[i-1]) {
			return nil, bad
		}
		offsets[i] = off
	}
	trailer := bytes.Index(table, []byte("trailer"))
	startxref := bytes.LastIndex(table, []byte("startxref"))
	if trailer < 0 || startxref < trailer {
		return nil, bad
	}

	out := bytes.NewBuffer(make([]byte, 0, len(pdf)/3))
	out.Write(pdf[:offsets[1]])
	newOffsets := make([]int, n)
	var packed bytes.Buffer
	zw := deflaters.Get().(*zlib.Writer)
	defer deflaters.Put(zw)
	for i := 1; i < n; i++ {
		end := xref
		if i+1 < n {
			end = offsets[i+1]
		}
		obj := pdf[offsets[i]:end]
		newOffsets[i] = out.Len()
		s := bytes.Index(obj, []byte(">>\nstream\n"))
		if s < 0 {
			s = bytes.Index(obj, []byte(">>stream\n"))
		}
		if s < 0 || bytes.Contains(obj[:s], []byte("/Filter")) {
			out.Write(obj)
			continue
		}
		dict := obj[:s]
		lm := lengthKey.FindSubmatchIndex(dict)
		if lm == nil {
			return nil, bad
		}
		length, _ := strconv.Atoi(string(dict[lm[2]:lm[3]]))
		dataAt := bytes.Index(obj[s:], []byte("stream\n")) + s + len("stream\n")
		if dataAt+length > len(obj) {
			return nil, bad
		}
		packed.Reset()
		zw.Reset(&packed)
		if _, err := zw.Write(obj[dataAt : dataAt+length]); err != nil {
			return nil, err
		}
		if err := zw.Close(); err != nil {
			return nil, err
		}
		out.Write(dict[:lm[0]])
		fmt.Fprintf(out, "/Length %d\n/Filter /FlateDecode", packed.Len())
		out.Write(dict[lm[1]:])
		out.Write(obj[s:dataAt])
		out.Write(packed.Bytes())
		out.Write(obj[dataAt+length:])
	}
	newXref := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", n)
	for i := 1; i < n; i++ {
		fmt.Fprintf(out, "%010d 00000 n \n", newOffsets[i])
	}
	out.Write(table[trailer:startxref])
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", newXref)
	return out.Bytes(), nil
}

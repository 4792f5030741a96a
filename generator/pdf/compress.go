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
	o, err := parseObjects(pdf)
	if err != nil {
		return nil, err
	}
	bad := errors.New("compressStreams: unexpected PDF structure from gopdf")
	n, offsets := len(o.offsets), o.offsets

	out := bytes.NewBuffer(make([]byte, 0, len(pdf)/3))
	out.Write(pdf[:offsets[1]])
	newOffsets := make([]int, n)
	var packed bytes.Buffer
	zw := deflaters.Get().(*zlib.Writer)
	defer deflaters.Put(zw)
	for i := 1; i < n; i++ {
		obj := o.object(i)
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
	out.Write(o.trailer)
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", newXref)
	return out.Bytes(), nil
}

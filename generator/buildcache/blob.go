package buildcache

import (
	"bytes"
	"fmt"
	"hash/crc32"
	"math"
	"os"
	"path/filepath"
	"strconv"

	"disclose/generator/fileio"
)

// A blob is a file the build keeps beside its state (a department's part
// of a combined report, say), named by what it was made from: the bytes,
// then a CRC-32C of them on a line of its own, so that a damaged blob is
// not used. (A check, not a name: a rebuild at 10× the province reads
// 25 MB of blobs, and SHA-256 cost it more CPU than reading them.)

// SaveBlob writes data to path in one step (a temporary file renamed).
func SaveBlob(path string, data []byte) error {
	return fileio.WriteFileAtomic(path, ".blob-*", append(append(data[:len(data):len(data)], '\n'), check(data)+"\n"...))
}

// LoadBlob reads what SaveBlob wrote; false when it is missing or damaged.
func LoadBlob(path string) ([]byte, bool) {
	data, _, ok := loadBlobTo(path, nil)
	return data, ok
}

// loadBlobTo is LoadBlob reading into buf (see fileio.ReadFileTo); whole
// is the array read into, for the next call.
func loadBlobTo(path string, buf []byte) (data, whole []byte, ok bool) {
	whole, err := fileio.ReadFileTo(path, buf)
	if err != nil {
		return nil, buf, false
	}
	data = bytes.TrimSuffix(whole, []byte("\n"))
	i := bytes.LastIndexByte(data, '\n')
	if i < 0 || check(data[:i]) != string(data[i+1:]) {
		return nil, whole, false
	}
	return data[:i], whole, true
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// check is a blob's check line: its CRC-32C, in hex, with its length (a
// blob cut short fails on the length alone).
func check(data []byte) string {
	return fmt.Sprintf("crc32c %08x %d", crc32.Checksum(data, castagnoli), len(data))
}

// PruneBlobs removes the blobs in dir whose names keep does not hold.
func PruneBlobs(dir string, keep map[string]bool) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !keep[e.Name()] {
			_ = os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// loadFront reads the front of a part's file (see part.go) into buf (see
// fileio.ReadFileTo), without its stamps: it is verified by its own check,
// the file's is not read. whole is the array read into, for the next call.
func loadFront(path string, buf []byte) (data, whole []byte, ok bool) {
	const guess = 8 << 10 // (a department's front at the province's scale: 6 KB)
	data, err := fileio.ReadPrefixTo(path, buf, guess)
	if err != nil {
		return nil, buf, false
	}
	line, _, found := bytes.Cut(data, []byte("\n"))
	size, _, _ := bytes.Cut(line, []byte(" "))
	n, err := strconv.Atoi(string(size))
	if !found || err != nil || n < 0 || n > math.MaxInt32 {
		return nil, data, false
	}
	if need := len(line) + 1 + n; need > len(data) {
		if len(data) < guess { // (the file ends before its front does)
			return nil, data, false
		}
		if data, err = fileio.ReadPrefixTo(path, data, need); err != nil {
			return nil, buf, false
		}
	}
	return data, data, true
}

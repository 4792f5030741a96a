package buildcache

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Remembered returns what compute makes of the file at path, remembered
// under cache by the file's stamp: a file whose size, times and inode are
// those it had, and that changed more than a second before the value was
// remembered, is not read again. The program's own fingerprint is the
// SHA-256 of a file of tens of megabytes, read at every build otherwise.
func Remembered(cache, path string, compute func() (string, error)) (string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return "", err
	}
	stamp, stamped := stampOf(st)
	if !stamped || cache == "" {
		return compute()
	}
	memo := rememberedPath(cache, path)
	if data, ok := LoadBlob(memo); ok {
		if old, err := parseStamp(string(data)); err == nil && old.Path == path &&
			old.Size == stamp.Size && old.ModNano == stamp.ModNano && old.ChangeNano == stamp.ChangeNano && old.Inode == stamp.Inode {
			if mst, err := os.Stat(memo); err == nil && time.Unix(0, max(stamp.ModNano, stamp.ChangeNano)).Before(mst.ModTime().Add(-time.Second)) {
				return old.Sum, nil
			}
		}
	}
	value, err := compute()
	if err != nil || strings.ContainsAny(value, " \n") {
		return value, err
	}
	stamp.Path, stamp.Sum = path, value
	_ = SaveBlob(memo, stampLine(nil, stamp)) // (not remembered: read next time)
	return value, nil
}

func rememberedPath(cache, path string) string {
	key := sha256.Sum256([]byte(path))
	return filepath.Join(cache, "build", "remembered", hex.EncodeToString(key[:8]))
}

//go:build !linux

package publish

import (
	"io/fs"
	"time"
)

// markerStamp: no spare is kept here (see exchange), so no list either.
func markerStamp(fs.FileInfo) (string, bool) { return "", false }

func folderTime(string) (time.Time, bool) { return time.Time{}, false }

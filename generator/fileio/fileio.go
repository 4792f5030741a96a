// Package fileio reads and writes whole files with the fewest system calls:
// a build reads and writes tens of thousands of small files, and the os
// package spends several more calls on each (registering a regular file
// with the poller, which refuses it, and setting its flags back). Errors
// are *fs.PathError, as the os package's, so os.IsNotExist and friends
// keep working.
package fileio

//go:build unix

package importer

import "syscall"

// openNoBlock keeps the open itself from waiting for a writer, should a
// FIFO take the file's place after the stat.
const openNoBlock = syscall.O_NONBLOCK

//go:build !unix && !windows

package publish

// acquire has no lock held by the system here: the lock file is created
// exclusively and removed on release (see acquireExclusive).
func acquire(path string) (func(), error) { return acquireExclusive(path) }

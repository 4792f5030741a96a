//go:build !linux

package importer

func renameNoReplace(from, to string) error { return renameChecked(from, to) }

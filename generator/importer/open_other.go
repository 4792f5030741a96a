//go:build !unix

package importer

const openNoBlock = 0

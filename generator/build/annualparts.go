package build

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"

	"disclose/generator/buildcache"
	"disclose/generator/pdf"
)

// How a combined report prints a department: its section only (the
// summary edition) or in full.
const (
	partSection = "section"
	partFull    = "full"
)

// partCache keeps each department's part of a combined report, written
// (pdf.YearPart.Encode), beside the build's state, named by what it was
// made from: the global fingerprint, the department's (its earlier years'
// chained in) and how it is printed. A rebuild reads an unchanged
// department's part instead of laying it out and writing it again.
type partCache struct {
	dir    string
	global string
	read   bool // false for a full build: every part is made afresh
}

func (c *partCache) name(dr *deptResult, kind string) string {
	sum := sha256.Sum256([]byte(c.global + "\x00" + dr.fp + "\x00" + kind))
	return hex.EncodeToString(sum[:16]) + ".part"
}

// load is the department's part, nil when not kept or unreadable.
func (c *partCache) load(dr *deptResult, kind string) *pdf.YearPart {
	if !c.read || dr.fp == "" {
		return nil
	}
	data, ok := buildcache.LoadBlob(filepath.Join(c.dir, c.name(dr, kind)))
	if !ok {
		return nil
	}
	p, err := pdf.DecodePart(data)
	if err != nil {
		return nil
	}
	return p
}

// save keeps a written part; failing costs only a later rebuild's time.
func (c *partCache) save(dr *deptResult, kind string, p *pdf.YearPart) {
	if dr.fp == "" || !p.Written() {
		return
	}
	if data, err := p.Encode(); err == nil {
		_ = buildcache.SaveBlob(filepath.Join(c.dir, c.name(dr, kind)), data)
	}
}

// prune removes the parts no department of the site has now.
func (c *partCache) prune(years []*annualYear, kindOf func(*annualYear) string) {
	keep := map[string]bool{}
	for _, y := range years {
		kind := kindOf(y)
		for _, dr := range y.depts {
			keep[c.name(dr, kind)] = true
		}
	}
	buildcache.PruneBlobs(c.dir, keep)
}

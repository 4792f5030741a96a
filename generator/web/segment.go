package web

import (
	"fmt"
)

// A segment (段) is a run of at most SegmentSize consecutive departments,
// in the site's order, whose site-wide files are written together: the
// search index's shards of their pages, their rows of the project
// explorer, their sitemap, their datapackage.json resources. No file grows
// with the site, and a rebuild after one department changes writes its
// segment's files again and keeps the others: what it costs does not grow
// with the province.
const SegmentSize = 64

// Segments cuts n departments into segments: for each, the index of its
// first department and of the one after its last.
func Segments(n int) [][2]int {
	var out [][2]int
	for first := 0; first < n; first += SegmentSize {
		out = append(out, [2]int{first, min(first+SegmentSize, n)})
	}
	return out
}

// SegmentPiece is what the site-wide pages take from a segment besides its
// departments' summaries: its part of datapackage.json's resource list,
// encoded as it stands there (a build keeps it with the segment).
type SegmentPiece struct {
	Resources []byte
}

// Segment writes the files of segment n, whose departments are depts
// (each with its Detail), and returns its piece.
func (r *Renderer) Segment(n int, depts []*DeptSummary, out Output) (SegmentPiece, error) {
	w := &writer{out: out}
	for _, d := range depts {
		if d.Detail == nil {
			return SegmentPiece{}, fmt.Errorf("web: segment %d: department %d/%s has no detail", n, d.Year, d.Code)
		}
	}
	writeSearchSegment(w, n, depts)
	for _, year := range segmentYears(depts) {
		w.file(explorerPath(year, n), explorerFile(year, depts))
	}
	writeSitemap(w, r.site, n, depts)
	var resources []Resource
	for _, d := range depts {
		resources = append(resources, d.Detail.Resources...)
	}
	sortResources(resources)
	piece, err := resourcesPiece(resources)
	if err != nil {
		return SegmentPiece{}, err
	}
	return SegmentPiece{Resources: piece}, w.err
}

// segmentYears lists the years of a run of departments, in order, each
// once (the site's order is by year).
func segmentYears(depts []*DeptSummary) []int {
	var years []int
	for _, d := range depts {
		if len(years) == 0 || years[len(years)-1] != d.Year {
			years = append(years, d.Year)
		}
	}
	return years
}

// explorerPath is the explorer's data of one year's departments in
// segment n.
func explorerPath(year, n int) string {
	return fmt.Sprintf("explorer/%d-%d.json", year, n)
}

// Catalog writes what lists the segments' files: datapackage.json from
// their pieces and the sitemap's index.
func (r *Renderer) Catalog(segs []SegmentPiece, out Output) error {
	w := &writer{out: out}
	writeDatapackage(w, r.site, segs)
	writeSitemapIndex(w, r.site, len(segs))
	return w.err
}

package build

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"sync/atomic"

	"disclose/generator/buildcache"
	"disclose/generator/web"
	"disclose/generator/workers"
)

// segments writes or keeps the site-wide files of each segment of
// departments (web.Segment: search shards, explorer data, sitemap) and
// returns their pieces for the site-wide pages. A segment whose
// departments, in the same places, have the fingerprints they had is kept
// as it was: its files linked, its piece from the state, its departments'
// details never read. Only a changed segment reads them. same says
// whether every piece is the one the state holds for its segment.
func (b *builder) segments() (_ segmentPieces, same bool, _ error) {
	segs := web.Segments(len(b.results))
	pieces := make([]web.SegmentPiece, len(segs))
	kept := make([]*buildcache.Part, len(segs))
	errs := make([]error, len(segs))
	usable := b.state.Usable(b.stage.BuildID, b.global)
	var changed atomic.Bool
	workers.Each(len(segs), func(n int) {
		key := fmt.Sprintf("seg:%d", n)
		members := b.results[segs[n][0]:segs[n][1]]
		h := buildcache.NewHasher()
		h.String("global", b.global)
		for _, dr := range members {
			h.String(dr.key, dr.fp)
		}
		fp := h.Sum()
		if usable {
			// Its piece is read only if the catalog is made again.
			if part, ok := b.state.Lookup(b.stage.BuildID, b.global, key, fp); ok && keepAll(b.stage, part.Outputs) {
				kept[n] = part
				b.keepPart(key, part)
				return
			}
		}
		depts := make([]*web.DeptSummary, len(members))
		var damaged atomic.Bool
		// (Decoded on every core: a rebuild writes one segment, alone.)
		workers.Each(len(members), func(i int) {
			dr := members[i]
			w := *dr.sum.Web // a copy: the summary is shared with the state
			if w.Detail = dr.sum.Detail.get(); w.Detail == nil {
				damaged.Store(true)
			}
			depts[i] = &w
		})
		if damaged.Load() {
			errs[n] = errStateDamaged
			return
		}
		out := &recorder{out: b.stage}
		piece, err := b.web.Segment(n, depts, out)
		if err != nil {
			errs[n] = err
			return
		}
		data := slices.Concat([]byte("[\n"), piece.Resources, []byte("\n]"))
		if !usable || !samePart(b.state, key, data) {
			changed.Store(true)
		}
		slices.Sort(out.paths)
		pieces[n] = piece
		b.keepPart(key, &buildcache.Part{Fingerprint: fp, Outputs: out.paths, Data: data, DataBehind: true})
	})
	for _, err := range errs {
		if err != nil {
			return segmentPieces{}, false, err
		}
	}
	return segmentPieces{pieces, kept}, usable && !changed.Load(), nil
}

// segmentPieces are the segments' pieces of the catalog: those of the
// segments kept are read from the state when asked for (at 10× the
// province, 15 pieces of 2 MB that a one-edit rebuild does not need).
type segmentPieces struct {
	made []web.SegmentPiece
	kept []*buildcache.Part
}

// all gives every piece.
func (s segmentPieces) all() ([]web.SegmentPiece, error) {
	for n, part := range s.kept {
		if part == nil {
			continue
		}
		data, ok := part.LoadData()
		piece, ok2 := unbracket(data)
		if !ok || !ok2 {
			return nil, errStateDamaged
		}
		s.made[n] = web.SegmentPiece{Resources: piece}
	}
	return s.made, nil
}

// samePart says whether the state's part key holds data.
func samePart(s *buildcache.State, key string, data []byte) bool {
	old, ok := s.Part(key)
	if !ok {
		return false
	}
	had, ok := old.LoadData()
	return ok && bytes.Equal(had, data)
}

// unbracket is a segment's piece as the state keeps it: in brackets, so
// the part's data is JSON, stored as it is (not quoted, nothing to undo).
func unbracket(data []byte) ([]byte, bool) {
	piece, ok := bytes.CutPrefix(data, []byte("[\n"))
	if !ok {
		return nil, false
	}
	return bytes.CutSuffix(piece, []byte("\n]"))
}

// keepPart records a part in the next state (from several goroutines).
func (b *builder) keepPart(key string, p *buildcache.Part) {
	b.nextMu.Lock()
	b.next.Parts[key] = p
	b.nextMu.Unlock()
}

// catalog writes datapackage.json and the sitemap's index, or keeps them
// when every segment gave the piece it gave last time: at 10× the
// province datapackage.json is 30 MB, which a one-edit rebuild would
// otherwise assemble and compare with the old one.
func (b *builder) catalog(segments segmentPieces, same bool) error {
	h := buildcache.NewHasher()
	h.String("global", b.global)
	h.String("segments", strconv.Itoa(len(segments.made)))
	fp := h.Sum()
	if same {
		if part, ok := b.state.Lookup(b.stage.BuildID, b.global, "catalog", fp); ok && keepAll(b.stage, part.Outputs) {
			b.keepPart("catalog", part)
			return nil
		}
	}
	pieces, err := segments.all()
	if err != nil {
		return err
	}
	out := &recorder{out: b.stage}
	if err := b.web.Catalog(pieces, out); err != nil {
		return err
	}
	slices.Sort(out.paths)
	b.keepPart("catalog", &buildcache.Part{Fingerprint: fp, Outputs: out.paths})
	return nil
}

// prefetchDetails decodes, while the changed departments are rendered,
// the details of the unchanged ones in the same segments (in the order
// load gives, which is the site's): those segments are written again and
// need them, and a rebuild with one department to render leaves a core
// idle meanwhile.
func (b *builder) prefetchDetails() {
	var details []*lazyJSON[web.DeptDetail]
	for _, s := range web.Segments(len(b.results)) {
		members := b.results[s[0]:s[1]]
		if !slices.ContainsFunc(members, func(dr *deptResult) bool { return dr.cached == nil }) {
			continue
		}
		for _, dr := range members {
			if dr.cached != nil {
				details = append(details, dr.sum.Detail)
			}
		}
	}
	if len(details) == 0 || len(details) == len(b.results) {
		return // nothing to render, or nothing kept
	}
	b.prefetch.Go(func() {
		for _, d := range details {
			d.get()
		}
	})
}

package build

import (
	"bytes"
	"fmt"
	"slices"
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
// details never read. Only a changed segment reads them.
func (b *builder) segments() ([]web.SegmentPiece, error) {
	segs := web.Segments(len(b.results))
	pieces := make([]web.SegmentPiece, len(segs))
	errs := make([]error, len(segs))
	usable := b.state.Usable(b.stage.BuildID, b.global)
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
			if part, ok := b.state.Lookup(b.stage.BuildID, b.global, key, fp); ok {
				if piece, ok := unbracket(part.Data); ok && keepAll(b.stage, part.Outputs) {
					pieces[n] = web.SegmentPiece{Resources: piece}
					b.keepPart(key, part)
					return
				}
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
		slices.Sort(out.paths)
		pieces[n] = piece
		b.keepPart(key, &buildcache.Part{Fingerprint: fp, Outputs: out.paths, Data: data})
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return pieces, nil
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

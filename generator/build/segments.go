package build

import (
	"encoding/json"
	"fmt"
	"slices"

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
				var piece string
				if json.Unmarshal(part.Data, &piece) == nil && keepAll(b.stage, part.Outputs) {
					pieces[n] = web.SegmentPiece{Resources: []byte(piece)}
					b.keepPart(key, part)
					return
				}
			}
		}
		depts := make([]*web.DeptSummary, len(members))
		for i, dr := range members {
			det := dr.sum.Detail.get()
			if det == nil {
				errs[n] = errStateDamaged
				return
			}
			w := *dr.sum.Web // a copy: the summary is shared with the state
			w.Detail = det
			depts[i] = &w
		}
		out := &recorder{out: b.stage}
		piece, err := b.web.Segment(n, depts, out)
		if err != nil {
			errs[n] = err
			return
		}
		data, err := json.Marshal(string(piece.Resources))
		if err != nil {
			errs[n] = err
			return
		}
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

// keepPart records a part in the next state (from several goroutines).
func (b *builder) keepPart(key string, p *buildcache.Part) {
	b.nextMu.Lock()
	b.next.Parts[key] = p
	b.nextMu.Unlock()
}

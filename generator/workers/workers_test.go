package workers

import (
	"sync/atomic"
	"testing"
)

func TestOn(t *testing.T) {
	for _, c := range []struct{ workers, n int }{
		{0, 5}, {1, 5}, {3, 2}, {4, 100}, {2, 0}, {8, 1},
	} {
		var calls [100]atomic.Int32
		var running, most atomic.Int32
		On(c.workers, c.n, func(i int) {
			r := running.Add(1)
			for {
				m := most.Load()
				if r <= m || most.CompareAndSwap(m, r) {
					break
				}
			}
			calls[i].Add(1)
			running.Add(-1)
		})
		for i := range calls {
			want := int32(0)
			if i < c.n {
				want = 1
			}
			if got := calls[i].Load(); got != want {
				t.Errorf("On(%d, %d): f(%d) ran %d times, want %d", c.workers, c.n, i, got, want)
			}
		}
		if limit := int32(max(1, c.workers)); most.Load() > limit {
			t.Errorf("On(%d, %d): %d at once, want at most %d", c.workers, c.n, most.Load(), limit)
		}
	}
}

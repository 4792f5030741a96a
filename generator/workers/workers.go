// Package workers is the one worker pool of the build: load reads a
// department's projects, web renders its pages and build runs departments
// on it. It imports no project package, so every stage may use it.
//
// Not errgroup: no caller stops early on an error (each keeps its own per
// item, so messages stay in input order), and a fixed set of workers
// pulling indices keeps one goroutine per core rather than one per item.
package workers

import (
	"runtime"
	"sync"
)

// Cores is how many workers a stage runs by default: GOMAXPROCS.
func Cores() int { return runtime.GOMAXPROCS(0) }

// Each runs f(0), …, f(n-1) on Cores() workers and returns when all have
// returned.
func Each(n int, f func(i int)) { On(Cores(), n, f) }

// On runs f(0), …, f(n-1) on at most workers goroutines (at least one),
// handing out indices in order, and returns when all have returned.
func On(workers, n int, f func(i int)) {
	if n <= 0 {
		return
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(n, workers)) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

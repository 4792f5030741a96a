package build

import (
	"runtime"
	"sync"
)

// inParallel runs f(0..n-1) on all cores.
func inParallel(n int, f func(i int)) { inParallelOn(runtime.GOMAXPROCS(0), n, f) }

// inParallelOn runs f(0..n-1) on the given number of workers.
func inParallelOn(workers, n int, f func(i int)) {
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

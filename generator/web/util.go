package web

import "runtime"

func runtimeCPU() int { return runtime.GOMAXPROCS(0) }

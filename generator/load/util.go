package load

import (
	"runtime"
	"strconv"
)

func runtimeCPU() int { return runtime.GOMAXPROCS(0) }

func itoa(i int) string { return strconv.Itoa(i) }

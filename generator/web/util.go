package web

import (
	"math/big"
	"runtime"

	"disclose/generator/money"
	"disclose/generator/num"
)

func runtimeCPU() int { return runtime.GOMAXPROCS(0) }

// pctOrNil is part ÷ whole × 100, typed so that templates can print it
// with pct.
func pctOrNil(part, whole money.Fen) *big.Rat { return num.Percent(int64(part), int64(whole)) }

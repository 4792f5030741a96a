// Command winshim writes bcryptprimitives.dll (see package winshim) to the
// path given, for scripts/test-wine.
package main

import (
	"fmt"
	"os"

	"disclose/generator/internal/winshim"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: winshim PATH/bcryptprimitives.dll")
		os.Exit(2)
	}
	if err := os.WriteFile(os.Args[1], winshim.DLL(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "winshim:", err)
		os.Exit(1)
	}
}

package console

import "golang.org/x/sys/windows"

// consoleCodePage is the output code page of the console the process is
// attached to (chcp shows it), 0 when it has none.
func consoleCodePage() uint32 {
	cp, err := windows.GetConsoleOutputCP()
	if err != nil {
		return 0
	}
	return cp
}

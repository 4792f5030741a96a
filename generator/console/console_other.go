//go:build !windows

package console

// consoleCodePage: terminals outside Windows take UTF-8.
func consoleCodePage() uint32 { return 0 }

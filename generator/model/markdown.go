package model

// Markdown is a narrative file: its path and its text (UTF-8, without BOM).
type Markdown struct {
	File string
	Text string
}

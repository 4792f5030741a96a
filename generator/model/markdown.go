package model

import (
	"encoding/json"

	"disclose/generator/markdown"
)

// Markdown is a narrative file: its path, its text (UTF-8, without BOM) and
// the document load parsed from it, which check, web and pdf walk (none of
// them parses again). Doc is nil when there is no file.
type Markdown struct {
	File string
	Text string
	Doc  *markdown.Doc
}

type markdownJSON struct{ File, Text string }

// MarshalJSON writes the file and its text: a build cache keeps a
// department's section for the annual report this way.
func (m Markdown) MarshalJSON() ([]byte, error) { return json.Marshal(markdownJSON{m.File, m.Text}) }

// UnmarshalJSON reads what MarshalJSON wrote and parses the text, as load
// would have: a cached department is not loaded, so this is still its one
// parse in the build.
func (m *Markdown) UnmarshalJSON(data []byte) error {
	var j markdownJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return err
	}
	*m = Markdown{File: j.File, Text: j.Text}
	if j.File != "" {
		m.Doc = markdown.Parse(j.Text)
	}
	return nil
}

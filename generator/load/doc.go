// Package load reads a content folder into the model: YAML with the position
// of every value, Markdown narratives, and spending records in CSV (UTF-8,
// UTF-8 with BOM or GB18030). It reports what it cannot read as diagnostics
// pointing into the user's files, and never formats anything for display.
package load

// Package model holds a year of disclosures as the user wrote them: the site
// settings, each department's performance targets (绩效目标), its projects
// and their spending records. It has no behaviour beyond small accessors;
// loading fills it, checking reads it, deriving computes from it.
//
// Struct tags drive both the YAML decoder and the JSON Schema:
//
//	yaml:"key"       the key in the user's file
//	title:"…"        the Chinese name shown in messages and editors
//	desc:"…"         the help text for editors
//	req:"true"       the key must be present
//	key:"true"       the key identifies an item of its list (for diffs)
package model

package build

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"

	"disclose/generator/check"
)

// codeList is a department's codes (check.CodeList) as its summary keeps
// them: the project codes as one string, a line each. A rebuild at 10× the
// province decodes 1,000 summaries, and their 50,000 code strings were
// most of that. A list that one string cannot carry exactly (a code that
// is empty or holds a line break) is kept as an array.
type codeList check.CodeList

// codeListJSON is codeList's saved form.
type codeListJSON struct {
	Year     int
	Code     string
	Projects json.RawMessage // a string, lines; or an array of strings
}

func (l codeList) MarshalJSON() ([]byte, error) {
	var projects any = l.Projects
	if !slices.ContainsFunc(l.Projects, func(c string) bool { return c == "" || strings.Contains(c, "\n") }) {
		projects = strings.Join(l.Projects, "\n")
	}
	p, err := json.Marshal(projects)
	if err != nil {
		return nil, err
	}
	return json.Marshal(codeListJSON{Year: l.Year, Code: l.Code, Projects: p})
}

func (l *codeList) UnmarshalJSON(data []byte) error {
	var v codeListJSON
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	*l = codeList{Year: v.Year, Code: v.Code}
	p := bytes.TrimSpace(v.Projects)
	if len(p) > 0 && p[0] == '"' {
		var lines string
		if err := json.Unmarshal(p, &lines); err != nil {
			return err
		}
		if lines != "" {
			l.Projects = strings.Split(lines, "\n") // (pieces of one string)
		}
		return nil
	}
	return json.Unmarshal(p, &l.Projects)
}

package build

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"disclose/generator/check"
)

// A department's summary as the state keeps it: its JSON without the
// projects' codes, a line, then a line for each project: its code, line,
// column and file, quoted. A rebuild reads every department's summary;
// its projects' codes as JSON objects (50 a department) were most of the
// bytes to decode.

var errSummary = errors.New("damaged summary")

func encodeSummary(s *deptSummary) ([]byte, error) {
	head := *s
	head.Codes.Projects = nil
	data, err := json.Marshal(&head)
	if err != nil {
		return nil, err
	}
	data = append(data, '\n')
	for _, p := range s.Codes.Projects {
		data = append(strconv.AppendQuote(data, p.Code), ' ')
		data = append(strconv.AppendInt(data, int64(p.At.Line), 10), ' ')
		data = append(strconv.AppendInt(data, int64(p.At.Column), 10), ' ')
		data = append(strconv.AppendQuote(data, p.At.File), '\n')
	}
	return data, nil
}

func decodeSummary(data []byte, s *deptSummary) error {
	head, rest, ok := bytes.Cut(data, []byte("\n"))
	if !ok || json.Unmarshal(head, s) != nil {
		return errSummary
	}
	s.Codes.Projects = nil
	lines := string(rest) // each code and file a piece of it, not a copy
	if n := strings.Count(lines, "\n"); n > 0 {
		s.Codes.Projects = make([]check.ProjectCode, 0, n)
	}
	for lines != "" {
		var line string
		line, lines, _ = strings.Cut(lines, "\n")
		p, err := parseProjectCode(line)
		if err != nil {
			return err
		}
		s.Codes.Projects = append(s.Codes.Projects, p)
	}
	return nil
}

func parseProjectCode(line string) (check.ProjectCode, error) {
	var p check.ProjectCode
	code, err := strconv.QuotedPrefix(line)
	rest, ok := strings.CutPrefix(line[len(code):], " ")
	if err != nil || !ok {
		return p, errSummary
	}
	lineNo, rest, _ := strings.Cut(rest, " ")
	col, file, _ := strings.Cut(rest, " ")
	var errs [4]error
	p.Code, errs[0] = strconv.Unquote(code)
	p.At.Line, errs[1] = strconv.Atoi(lineNo)
	p.At.Column, errs[2] = strconv.Atoi(col)
	p.At.File, errs[3] = strconv.Unquote(file)
	for _, e := range errs {
		if e != nil {
			return p, errSummary
		}
	}
	return p, nil
}

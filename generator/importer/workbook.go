package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// measure reads a workbook's zip once before excelize sees it: it counts
// the bytes each part inflates to (the headers' sizes are the file's word,
// not a measure), refusing the workbook past lim.InflatedBytes, and
// collects each sheet's merged ranges, refusing a sheet with more than
// maxMerges. It returns the merged ranges by sheet name.
func measure(file string, data []byte, lim Limits) (map[string][]string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w：%s 无法作为工作簿打开：%v", ErrNotForm, file, err)
	}
	var declared uint64
	for _, e := range zr.File {
		declared += e.UncompressedSize64
	}
	if declared > uint64(lim.InflatedBytes) {
		return nil, tooInflated(file, lim, "")
	}
	left := lim.InflatedBytes
	parts := map[string][]byte{} // the few small parts that name the sheets
	merges := map[string][]string{}
	crowded := map[string]bool{} // parts with more than maxMerges
	for _, e := range zr.File {
		if e.FileInfo().IsDir() {
			continue
		}
		name := strings.ToLower(strings.ReplaceAll(e.Name, `\`, "/"))
		rc, err := e.Open()
		if err != nil {
			return nil, fmt.Errorf("%w：%s 无法作为工作簿打开：%s：%v", ErrNotForm, file, e.Name, err)
		}
		n := &countingReader{r: io.LimitReader(rc, left+1)}
		switch {
		case strings.HasPrefix(name, "xl/worksheets/"):
			merges[name], err = mergedRanges(n)
		case strings.HasSuffix(name, ".rels") || strings.HasSuffix(name, "workbook.xml"):
			parts[name], err = io.ReadAll(n)
		}
		if err == nil {
			_, err = io.Copy(io.Discard, n) // the rest, counted
		}
		rc.Close()
		if n.n > left {
			return nil, tooInflated(file, lim, e.Name)
		}
		left -= n.n
		if errors.Is(err, errTooManyMerges) {
			crowded[name], err = true, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%w：%s 无法作为工作簿打开：%s：%v", ErrNotForm, file, e.Name, err)
		}
	}
	bySheet := map[string][]string{}
	named := map[string]bool{}
	for sheet, part := range sheetParts(parts) {
		if crowded[part] {
			return nil, tooManyMerges(file, "「"+sheet+"」")
		}
		bySheet[sheet], named[part] = merges[part], true
	}
	for part := range crowded {
		if !named[part] {
			return nil, tooManyMerges(file, " "+part+" ")
		}
	}
	return bySheet, nil
}

func tooInflated(file string, lim Limits, part string) error {
	at := ""
	if part != "" {
		at = "（读到 " + part + " 时）"
	}
	return fmt.Errorf("%w：%s 解压后超过 %s%s，超过绩效表格的合理大小；请只导出绩效目标表或自评表（--max-unzip-mb 可放宽）", ErrNotForm, file, megabytes(lim.InflatedBytes), at)
}

func tooManyMerges(file, sheet string) error {
	return fmt.Errorf("%w：%s%s有超过 %d 个合并单元格，不像绩效表格", ErrNotForm, file, sheet, maxMerges)
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

var errTooManyMerges = errors.New("too many merged ranges")

// mergedRanges returns the ref of every <mergeCell> of a sheet's XML. A
// sheet that is not XML has none here; excelize reports it.
func mergedRanges(r io.Reader) ([]string, error) {
	var refs []string
	d := xml.NewDecoder(r)
	for {
		tok, err := d.RawToken()
		if err != nil {
			return refs, nil
		}
		if el, ok := tok.(xml.StartElement); ok && el.Name.Local == "mergeCell" {
			for _, a := range el.Attr {
				if a.Name.Local == "ref" {
					refs = append(refs, a.Value)
				}
			}
			if len(refs) > maxMerges {
				return refs, errTooManyMerges
			}
		}
	}
}

// sheetParts maps sheet names to their parts (lower case), as excelize
// finds them: the workbook named by _rels/.rels, its sheets' r:id looked
// up in the workbook's relationships, targets relative to the workbook.
func sheetParts(parts map[string][]byte) map[string]string {
	type rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	resolve := func(dir, target string) string {
		target = strings.ReplaceAll(target, `\`, "/")
		if !strings.HasPrefix(target, "/") {
			target = dir + "/" + target
		}
		return strings.ToLower(strings.TrimPrefix(path.Clean(target), "/"))
	}
	wbPath := "xl/workbook.xml"
	var root rels
	if xml.Unmarshal(parts["_rels/.rels"], &root) == nil {
		for _, r := range root.Rel {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				wbPath = resolve("", r.Target)
			}
		}
	}
	var wb struct {
		Sheets []struct {
			Name string     `xml:"name,attr"`
			Attr []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	var wbRels rels
	dir := path.Dir(wbPath)
	xml.Unmarshal(parts[wbPath], &wb)
	xml.Unmarshal(parts[strings.ToLower(path.Join(dir, "_rels", path.Base(wbPath)+".rels"))], &wbRels)
	out := map[string]string{}
	for _, s := range wb.Sheets {
		id := ""
		for _, a := range s.Attr {
			if a.Name.Local == "id" && strings.HasSuffix(a.Name.Space, "/relationships") {
				id = a.Value
			}
		}
		for _, r := range wbRels.Rel {
			if r.ID == id {
				out[s.Name] = resolve(dir, r.Target)
			}
		}
	}
	return out
}

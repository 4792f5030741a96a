package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/richardlehane/mscfb"
)

// A disclosure written in Word is read as the officer laid it out:
// headings (第一部分 …, 总体绩效目标, 四、工作保障措施, a project's name),
// narrative paragraphs, and tables with merged cells: a cell merged down
// (vMerge) carries its value into every row it covers, as the workbook
// readers do; one spanning columns (gridSpan) stands in its first. The document becomes grids in the layout the
// workbook export writes (a label cell, its text to the right), so the
// one form recognition reads Word, Excel and CSV alike.

// docBlock is a paragraph (text) or a table (rows) of the body.
type docBlock struct {
	text  string
	table [][]string
}

// Bounds of a document beyond those of Limits.
const maxSpan = 64 // Word allows 63 columns

// readDOCX reads a Word document into grids: the department's part and
// one grid per project.
func readDOCX(file string, data []byte, lim Limits) ([]Grid, error) {
	if bytes.HasPrefix(data, oleHeader) {
		return nil, oleDocument(file, data)
	}
	if !bytes.HasPrefix(data, []byte("PK")) {
		return nil, fmt.Errorf("%w：%s 不是 Word 文档（.docx 是 zip 文件，这个文件不是）", ErrNotForm, file)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w：%s 无法作为 Word 文档打开（文件不完整或已损坏：%v）", ErrNotForm, file, err)
	}
	part, err := documentPart(zr, lim)
	if err != nil {
		return nil, fmt.Errorf("%w：%s 无法作为 Word 文档打开（%v）", ErrNotForm, file, err)
	}
	if part == nil {
		return nil, fmt.Errorf("%w：%s 不是 Word 文档（其中没有 word/document.xml）", ErrNotForm, file)
	}
	blocks, err := docBlocks(part, lim)
	if err != nil {
		if errors.Is(err, ErrNotForm) {
			return nil, fmt.Errorf("%s：%w", file, err)
		}
		return nil, fmt.Errorf("%w：%s 无法作为 Word 文档读取（文件已损坏：%v）", ErrNotForm, file, err)
	}
	tables := 0
	for _, b := range blocks {
		if b.table != nil {
			tables++
		}
	}
	if tables == 0 {
		return nil, fmt.Errorf("%w：%s 中没有表格；绩效目标表、自评表应是 Word 表格（不是制表符或空格对齐的文字），什么也没有写入", ErrNotForm, file)
	}
	return layoutDocument(file, blocks), nil
}

// oleDocument tells an encrypted .docx from a Word 97–2003 .doc.
func oleDocument(file string, data []byte) error {
	doc, err := mscfb.New(bytes.NewReader(data))
	if err == nil {
		for e, err := doc.Next(); err == nil; e, err = doc.Next() {
			switch e.Name {
			case "EncryptedPackage", "EncryptionInfo":
				return fmt.Errorf("%w：%s 设置了打开密码；请在 Word 或 WPS 中取消密码后另存为 .docx", ErrNotForm, file)
			case "WordDocument":
				return fmt.Errorf("%w：%s 是 Word 97–2003 的 .doc 文件；请在 Word 或 WPS 中另存为 .docx", ErrNotForm, file)
			}
		}
	}
	return fmt.Errorf("%w：%s 不是 Word 文档", ErrNotForm, file)
}

// documentPart reads the main part of the package (named by _rels/.rels,
// word/document.xml when it says nothing), inflating no more than
// lim.InflatedBytes whatever the zip's headers claim.
func documentPart(zr *zip.Reader, lim Limits) ([]byte, error) {
	read := func(e *zip.File) ([]byte, error) {
		rc, err := e.Open()
		if err != nil {
			return nil, fmt.Errorf("%s：%v", e.Name, err)
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, lim.InflatedBytes+1))
		if err != nil {
			return nil, fmt.Errorf("%s：%v", e.Name, err)
		}
		if int64(len(b)) > lim.InflatedBytes {
			return nil, fmt.Errorf("%s 解压后超过 %s，超过绩效文档的合理大小（--max-unzip-mb 可放宽）", e.Name, megabytes(lim.InflatedBytes))
		}
		return b, nil
	}
	byName := map[string]*zip.File{}
	for _, e := range zr.File {
		byName[strings.ToLower(strings.ReplaceAll(e.Name, `\`, "/"))] = e
	}
	main := "word/document.xml"
	if e := byName["_rels/.rels"]; e != nil {
		b, err := read(e)
		if err != nil {
			return nil, err
		}
		var rels struct {
			Rel []struct {
				Type   string `xml:"Type,attr"`
				Target string `xml:"Target,attr"`
			} `xml:"Relationship"`
		}
		if xml.Unmarshal(b, &rels) == nil {
			for _, r := range rels.Rel {
				if strings.HasSuffix(r.Type, "/officeDocument") {
					main = strings.ToLower(strings.TrimPrefix(path.Clean("/"+strings.ReplaceAll(r.Target, `\`, "/")), "/"))
				}
			}
		}
	}
	e := byName[main]
	if e == nil {
		return nil, nil
	}
	return read(e)
}

// docBlocks reads the body's paragraphs and tables. A table inside a
// table cell adds its text to that cell.
func docBlocks(part []byte, lim Limits) ([]docBlock, error) {
	type cell struct {
		text        strings.Builder
		span        int
		merge, cont bool // vMerge: restart / continue
	}
	type tbl struct {
		rows   [][]*cell
		row    []*cell
		cur    *cell
		before int // gridBefore of the row
	}
	var (
		blocks []docBlock
		tables []*tbl // open tables, innermost last
		para   strings.Builder
		inText bool
		cells  int
	)
	attr := func(el xml.StartElement, name string) string {
		for _, a := range el.Attr {
			if a.Name.Local == name {
				return a.Value
			}
		}
		return ""
	}
	d := xml.NewDecoder(bytes.NewReader(part))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		var top *tbl
		if len(tables) > 0 {
			top = tables[len(tables)-1]
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab":
				para.WriteByte('\t')
			case "br", "cr":
				para.WriteByte('\n')
			case "tbl":
				tables = append(tables, &tbl{})
			case "tr":
				if top != nil {
					top.row, top.before = nil, 0
				}
			case "tc":
				if top != nil {
					top.cur = &cell{span: 1}
				}
			case "gridBefore":
				if top != nil && top.cur == nil {
					n, _ := strconv.Atoi(attr(t, "val"))
					top.before = min(max(n, 0), maxSpan)
				}
			case "gridSpan":
				if top != nil && top.cur != nil {
					n, _ := strconv.Atoi(attr(t, "val"))
					if n > maxSpan {
						return nil, fmt.Errorf("%w：表格中有一个单元格横跨 %d 列，不像绩效表格", ErrNotForm, n)
					}
					top.cur.span = max(n, 1)
				}
			case "vMerge":
				if top != nil && top.cur != nil {
					v := attr(t, "val")
					top.cur.merge, top.cur.cont = true, v != "restart"
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				text := para.String()
				para.Reset()
				if top != nil && top.cur != nil {
					if top.cur.text.Len() > 0 {
						top.cur.text.WriteByte('\n')
					}
					top.cur.text.WriteString(text)
				} else if top == nil {
					blocks = append(blocks, docBlock{text: text})
				}
			case "tc":
				if top != nil && top.cur != nil {
					top.row = append(top.row, top.cur)
					top.cur = nil
				}
			case "tr":
				if top != nil {
					if len(top.rows) >= maxRows {
						return nil, fmt.Errorf("%w：一个表格超过 %d 行，超过绩效表格的合理行数", ErrNotForm, maxRows)
					}
					for range top.before {
						top.row = append([]*cell{{span: 1}}, top.row...)
					}
					top.rows = append(top.rows, top.row)
					top.row = nil
				}
			case "tbl":
				if top == nil {
					continue
				}
				tables = tables[:len(tables)-1]
				// Resolve spans and vertical merges into rows of text.
				var rows [][]string
				for _, tr := range top.rows {
					var row []string
					for _, c := range tr {
						v := clean(c.text.String())
						if c.cont && len(rows) > 0 {
							if above := rows[len(rows)-1]; len(row) < len(above) {
								v = above[len(row)]
							}
						}
						if cells += c.span; cells > maxCells {
							return nil, fmt.Errorf("%w：表格的单元格超过 %d 个，不像绩效表格", ErrNotForm, maxCells)
						}
						// Across, the text stands in the first column (a
						// wider cell is layout, not a repeated value); down,
						// every row of the merge repeats it, as in a workbook.
						row = append(row, v)
						for range c.span - 1 {
							row = append(row, "")
						}
					}
					rows = append(rows, row)
				}
				if len(tables) == 0 {
					blocks = append(blocks, docBlock{table: rows})
					continue
				}
				// A nested table: its text goes into the enclosing cell.
				if outer := tables[len(tables)-1]; outer.cur != nil {
					for _, r := range rows {
						if outer.cur.text.Len() > 0 {
							outer.cur.text.WriteByte('\n')
						}
						outer.cur.text.WriteString(strings.Join(r, " "))
					}
				}
			}
		case xml.CharData:
			if inText {
				para.Write(t)
			}
		}
	}
	return blocks, nil
}

// The parts of a disclosure, by their headings.
const (
	partNone = iota
	partDepartment
	partSpecial
	partProjects
)

var (
	partHeading   = regexp.MustCompile(`^第[一二三四五六七八九十\d]+部分`)
	numbering     = regexp.MustCompile(`^\s*(第[一二三四五六七八九十\d]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）|\([一二三四五六七八九十\d]+\)|\d+[、.．])\s*`)
	signatureDate = regexp.MustCompile(`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$`)
)

// isHeading tells a heading from a narrative paragraph: short, and not a
// sentence.
func isHeading(s string) bool {
	n := utf8.RuneCountInString(s)
	return n > 0 && n <= 40 && !strings.ContainsAny(s, "。；;")
}

// layoutDocument lays the blocks out as grids: the department's (title,
// narratives, the department-wide indicator table, 保障措施, 专项资金 text,
// the signature's publisher and date) and one per project (its heading,
// its tables, the paragraphs after them as its 项目说明).
func layoutDocument(file string, blocks []docBlock) []Grid {
	var paras []int // indices of non-empty paragraphs
	for i, b := range blocks {
		if b.table == nil && clean(b.text) != "" {
			paras = append(paras, i)
		}
	}
	dept := &Grid{File: file, Sheet: "部门整体绩效目标"}
	var projects []*Grid
	var special *Grid
	// The signature: an organisation and a date, the last paragraphs.
	end := len(blocks)
	if k := len(paras); k > 0 {
		if m := signatureDate.FindStringSubmatch(norm(blocks[paras[k-1]].text)); m != nil {
			dept.Rows = append(dept.Rows, []string{"发布日期", fmt.Sprintf("%s-%02s-%02s", m[1], m[2], m[3])})
			end = paras[k-1]
			if k > 1 && isHeading(clean(blocks[paras[k-2]].text)) && !lastIsTable(blocks[:paras[k-1]]) {
				dept.Rows = append(dept.Rows, []string{"发布机构", clean(blocks[paras[k-2]].text)})
				end = paras[k-2]
			}
		}
	}
	part := partNone
	key := "" // the label the next paragraphs go under
	texts := map[string][]string{}
	var order []string
	add := func(g *Grid, label, text string) {
		g.Rows = append(g.Rows, []string{label, text})
	}
	flush := func(g *Grid) {
		for _, k := range order {
			if len(texts[k]) == 0 {
				continue
			}
			if k == "分项绩效目标" {
				for i, t := range texts[k] {
					add(g, map[bool]string{true: k, false: ""}[i == 0], t)
				}
				continue
			}
			add(g, k, strings.Join(texts[k], "\n\n"))
		}
		texts, order, key = map[string][]string{}, nil, ""
	}
	target := func() *Grid {
		if part == partProjects && len(projects) > 0 {
			return projects[len(projects)-1]
		}
		return dept
	}
	under := func(k string) {
		key = k
		if _, seen := texts[k]; !seen {
			texts[k] = []string{}
			order = append(order, k)
		}
	}
	title := false
	var hasTable []bool // by project
	for i := 0; i < end; i++ {
		b := blocks[i]
		if b.table != nil {
			if part == partSpecial {
				if special == nil {
					special = &Grid{File: file, Sheet: "专项资金绩效目标"}
				}
				special.Rows = append(special.Rows, b.table...)
				continue
			}
			if part != partProjects && looksLikeProject(b.table) {
				flush(dept)
				part = partProjects
			}
			if part == partProjects {
				// A project starts at its heading, or at a table with a
				// header block of its own.
				if len(projects) == 0 || hasTable[len(projects)-1] && looksLikeProject(b.table) {
					flush(target())
					projects = append(projects, &Grid{File: file, Sheet: fmt.Sprintf("项目 %d", len(projects)+1)})
					hasTable = append(hasTable, false)
				}
				flush(target())
				hasTable[len(projects)-1] = true
				under("项目说明")
			}
			g := target()
			g.Rows = append(g.Rows, b.table...)
			continue
		}
		s := clean(b.text)
		if s == "" {
			continue
		}
		bare := numbering.ReplaceAllString(s, "")
		bare = strings.TrimRight(bare, "：:")
		if isHeading(s) {
			switch {
			case partHeading.MatchString(s) && bare == "":
				continue // 第二部分 alone; its name follows
			case strings.Contains(bare, "专项资金") && strings.Contains(bare, "绩效目标"):
				flush(target())
				part = partSpecial
				under("专项资金说明")
				continue
			case strings.Contains(bare, "项目") && strings.Contains(bare, "绩效目标") && !strings.Contains(bare, "部门"):
				flush(target())
				part = partProjects
				continue
			case strings.Contains(bare, "部门整体绩效目标") || partHeading.MatchString(s) && part == partNone:
				part = partDepartment
				// The document's title, not the heading of its first part.
				if !title && !partHeading.MatchString(s) {
					add(dept, "标题", s)
					title = true
				}
				continue
			case bare == "总体绩效目标" || bare == "部门总体绩效目标":
				under("总体绩效目标")
				continue
			case bare == "分项绩效目标":
				under("分项绩效目标")
				continue
			case strings.Contains(bare, "保障措施") && part != partProjects:
				under("工作保障措施")
				if s != "工作保障措施" {
					add(dept, "工作保障措施标题", s)
				}
				continue
			case strings.Contains(bare, "绩效指标") && (part == partDepartment || part == partNone):
				key = "" // 部门整体绩效指标：如下表
				continue
			case bare == "项目说明" && part == partProjects:
				under("项目说明")
				continue
			case part == partProjects && nextIsTable(blocks[i+1:end]):
				// A project's name, above its table.
				flush(target())
				projects = append(projects, &Grid{File: file, Sheet: s})
				hasTable = append(hasTable, false)
				continue
			}
		}
		if key == "" {
			continue // between headings, no place of its own
		}
		texts[key] = append(texts[key], s)
	}
	flush(target())
	grids := []Grid{*dept}
	if special != nil {
		grids = append(grids, *special)
	}
	for _, p := range projects {
		grids = append(grids, *p)
	}
	return grids
}

// looksLikeProject tells a project's table by its header block.
func looksLikeProject(rows [][]string) bool {
	for _, r := range rows {
		for _, c := range r {
			if l := labelOf(c); l == "code" || l == "name" {
				return true
			}
		}
	}
	return false
}

func lastIsTable(blocks []docBlock) bool {
	for i := len(blocks) - 1; i >= 0; i-- {
		if blocks[i].table != nil {
			return true
		}
		if clean(blocks[i].text) != "" {
			return false
		}
	}
	return false
}

func nextIsTable(blocks []docBlock) bool {
	for _, b := range blocks {
		if b.table != nil {
			return true
		}
		if clean(b.text) != "" {
			return false
		}
	}
	return false
}

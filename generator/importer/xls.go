package importer

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"
)

// Excel 97–2003 (.xls) is BIFF8 records in an OLE compound file. The OLE
// container is read with mscfb (already in the module graph through
// excelize, maintained, fuzzed upstream); the few records a form uses are
// read here. The Go .xls readers available (extrame/xls, shakinm/xlsReader)
// are unmaintained, do not read merged cells, and index records without
// bounds checks, so a broken file panics or exits the process.

// BIFF record types read.
const (
	recBOF        = 0x0809
	recEOF        = 0x000A
	recFilePass   = 0x002F
	recBoundSheet = 0x0085
	recSST        = 0x00FC
	recContinue   = 0x003C
	recLabelSST   = 0x00FD
	recLabel      = 0x0204
	recRString    = 0x00D6
	recNumber     = 0x0203
	recRK         = 0x027E
	recMulRK      = 0x00BD
	recBoolErr    = 0x0205
	recFormula    = 0x0006
	recString     = 0x0207
	recMerged     = 0x00E5
	recXF         = 0x00E0
	recFormat     = 0x041E
)

// readOLE reads a file in an OLE container: an .xls workbook, or an
// .xlsx that Excel encrypted (its package inside EncryptedPackage).
func readOLE(path string, data []byte, lim Limits) (grids []Grid, err error) {
	defer func() {
		if r := recover(); r != nil {
			grids, err = nil, fmt.Errorf("%w：%s 无法作为 .xls 工作簿读取（文件已损坏）", ErrNotForm, path)
		}
	}()
	doc, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w：%s 无法作为 .xls 工作簿打开（文件已损坏）：%v", ErrNotForm, path, err)
	}
	var book []byte
	biff5 := false
	for {
		e, err := doc.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w：%s 无法作为 .xls 工作簿打开（文件已损坏）：%v", ErrNotForm, path, err)
		}
		switch e.Name {
		case "EncryptedPackage", "EncryptionInfo":
			return nil, encrypted(path)
		case "Workbook", "Book":
			if book != nil || len(e.Path) > 0 {
				continue
			}
			// The stream is within the file, which is within FileBytes.
			book, err = io.ReadAll(io.LimitReader(e, lim.FileBytes+1))
			if err != nil {
				return nil, fmt.Errorf("%w：%s 无法作为 .xls 工作簿读取（文件已损坏）：%v", ErrNotForm, path, err)
			}
			biff5 = e.Name == "Book"
		}
	}
	if book == nil {
		return nil, fmt.Errorf("%w：%s 不是 Excel 工作簿（没有工作簿数据，可能是 Word 或其他 Office 文件）", ErrNotForm, path)
	}
	if biff5 {
		return nil, fmt.Errorf("%w：%s 是 Excel 5.0/95 格式；请在 Excel 或 WPS 中另存为 .xlsx", ErrNotForm, path)
	}
	return readBIFF(path, book)
}

func encrypted(path string) error {
	return fmt.Errorf("%w：%s 设置了打开密码；请在 Excel 或 WPS 中取消密码（文件 → 信息 → 保护工作簿）后另存为 .xlsx", ErrNotForm, path)
}

// record is one BIFF record: its type, its data, and where it starts in
// the stream (for the report).
type record struct {
	typ  uint16
	data []byte
	at   int
}

// records splits a BIFF stream into records, from offset at until EOF.
func records(book []byte, at int, each func(record) (bool, error)) error {
	for at+4 <= len(book) {
		typ := binary.LittleEndian.Uint16(book[at:])
		n := int(binary.LittleEndian.Uint16(book[at+2:]))
		if at+4+n > len(book) {
			return fmt.Errorf("第 %d 字节处的记录（类型 0x%04X）长 %d 字节，超出了文件", at, typ, n)
		}
		more, err := each(record{typ, book[at+4 : at+4+n], at})
		if err != nil || !more {
			return err
		}
		at += 4 + n
	}
	return errors.New("工作簿数据在结束记录之前中断")
}

type boundSheet struct {
	name string
	pos  int
}

// readBIFF reads a BIFF8 workbook stream into grids, a sheet each.
func readBIFF(path string, book []byte) ([]Grid, error) {
	broken := func(err error) error {
		return fmt.Errorf("%w：%s 无法作为 .xls 工作簿读取（文件已损坏：%v）", ErrNotForm, path, err)
	}
	if len(book) < 8 || binary.LittleEndian.Uint16(book) != recBOF {
		return nil, broken(errors.New("没有开始记录"))
	}
	if v := binary.LittleEndian.Uint16(book[4:]); v != 0x0600 {
		return nil, fmt.Errorf("%w：%s 是 Excel 5.0/95 或更早的格式；请在 Excel 或 WPS 中另存为 .xlsx", ErrNotForm, path)
	}
	var sheets []boundSheet
	var sst []string
	var xfFormats []uint16      // format of each XF, by index
	formats := map[uint16]int{} // custom formats with fixed places
	var sstParts [][]byte
	inSST := false
	err := records(book, 0, func(r record) (bool, error) {
		if r.typ == recContinue && inSST {
			sstParts = append(sstParts, r.data)
			return true, nil
		}
		inSST = false
		switch r.typ {
		case recFilePass:
			return false, encrypted(path)
		case recBoundSheet:
			if len(r.data) < 8 {
				return false, fmt.Errorf("工作表记录太短")
			}
			if r.data[5] != 0 { // a chart or macro sheet, not cells
				return true, nil
			}
			name, _, err := shortString(r.data[6:])
			if err != nil {
				return false, err
			}
			sheets = append(sheets, boundSheet{name, int(binary.LittleEndian.Uint32(r.data))})
		case recSST:
			inSST, sstParts = true, [][]byte{r.data}
		case recXF:
			if len(r.data) >= 4 {
				xfFormats = append(xfFormats, binary.LittleEndian.Uint16(r.data[2:]))
			}
		case recFormat:
			if len(r.data) >= 2 {
				if code, _, err := longString(r.data[2:]); err == nil {
					if n, ok := fixedPlaces(code); ok {
						formats[binary.LittleEndian.Uint16(r.data)] = n
					}
				}
			}
		case recEOF:
			return false, nil
		}
		return true, nil
	})
	if err != nil {
		if errors.Is(err, ErrNotForm) {
			return nil, err
		}
		return nil, broken(err)
	}
	if sstParts != nil {
		if sst, err = readSST(sstParts); err != nil {
			return nil, broken(err)
		}
	}
	// The places each XF shows a number with (-1: as it is).
	places := make([]int, len(xfFormats))
	for i, f := range xfFormats {
		places[i] = -1
		if n, ok := builtinPlaces[f]; ok {
			places[i] = n
		} else if n, ok := formats[f]; ok {
			places[i] = n
		}
	}
	left := budget{cells: maxCells, fill: maxMergeFill}
	var grids []Grid
	for _, s := range sheets {
		g, err := readBIFFSheet(path, book, s, sst, places, &left)
		if err != nil {
			return nil, err
		}
		grids = append(grids, g)
	}
	return grids, nil
}

type cellAt struct {
	r, c int
	v    string
}

// readBIFFSheet reads one worksheet's substream: its cells, then its
// merged ranges filled as the .xlsx reader fills them.
func readBIFFSheet(path string, book []byte, s boundSheet, sst []string, places []int, left *budget) (Grid, error) {
	where := fmt.Sprintf("%s「%s」", path, s.name)
	if s.pos < 0 || s.pos+8 > len(book) || binary.LittleEndian.Uint16(book[s.pos:]) != recBOF {
		return Grid{}, fmt.Errorf("%w：%s 无法读取（文件已损坏：工作表的位置不对）", ErrNotForm, where)
	}
	var cells []cellAt
	var merges [][4]int
	maxRow := -1
	pendingString := -1 // the cell whose formula's text the next STRING record holds
	put := func(r, c int, v string) error {
		if r >= maxRows {
			return fmt.Errorf("%w：%s第 %d 行还有内容，超过绩效表格的合理行数（%d）", ErrNotForm, where, r+1, maxRows)
		}
		if len(cells) >= maxCells {
			return fmt.Errorf("%w：%s的单元格超过 %d 个，不像绩效表格", ErrNotForm, where, maxCells)
		}
		cells = append(cells, cellAt{r, c, v})
		maxRow = max(maxRow, r)
		return nil
	}
	first := true
	err := records(book, s.pos, func(rec record) (bool, error) {
		if first { // the sheet's own BOF
			first = false
			return true, nil
		}
		d := rec.data
		if rec.typ != recString && rec.typ != recContinue {
			pendingString = -1
		}
		// show writes a number with the places its cell's format shows.
		show := func(f float64, xf int) string {
			if xf < len(places) && places[xf] >= 0 && !math.IsNaN(f) && !math.IsInf(f, 0) {
				return strconv.FormatFloat(f, 'f', places[xf], 64)
			}
			return formatFloat(f)
		}
		xf := 0
		if len(d) >= 6 {
			xf = int(binary.LittleEndian.Uint16(d[4:]))
		}
		rc := func() (int, int, error) {
			if len(d) < 6 {
				return 0, 0, fmt.Errorf("第 %d 字节处的单元格记录太短", rec.at)
			}
			return int(binary.LittleEndian.Uint16(d)), int(binary.LittleEndian.Uint16(d[2:])), nil
		}
		switch rec.typ {
		case recEOF:
			return false, nil
		case recBOF: // an embedded chart's substream: skip to its EOF
			return true, nil
		case recLabelSST:
			r, c, err := rc()
			if err != nil || len(d) < 10 {
				return false, fmt.Errorf("第 %d 字节处的单元格记录太短", rec.at)
			}
			i := int(binary.LittleEndian.Uint32(d[6:]))
			if i >= len(sst) {
				return false, fmt.Errorf("单元格 %s 引用了不存在的第 %d 个字符串", cellName(r, c), i+1)
			}
			return true, put(r, c, sst[i])
		case recLabel, recRString:
			r, c, err := rc()
			if err != nil {
				return false, err
			}
			v, _, err := longString(d[6:])
			if err != nil {
				return false, fmt.Errorf("单元格 %s：%v", cellName(r, c), err)
			}
			return true, put(r, c, v)
		case recNumber:
			r, c, err := rc()
			if err != nil || len(d) < 14 {
				return false, fmt.Errorf("第 %d 字节处的数值记录太短", rec.at)
			}
			return true, put(r, c, show(math.Float64frombits(binary.LittleEndian.Uint64(d[6:])), xf))
		case recRK:
			r, c, err := rc()
			if err != nil || len(d) < 10 {
				return false, fmt.Errorf("第 %d 字节处的数值记录太短", rec.at)
			}
			return true, put(r, c, show(rkFloat(binary.LittleEndian.Uint32(d[6:])), xf))
		case recMulRK:
			r, c, err := rc()
			if err != nil {
				return false, err
			}
			for i := 4; i+6 <= len(d)-2; i += 6 {
				if err := put(r, c, show(rkFloat(binary.LittleEndian.Uint32(d[i+2:])), int(binary.LittleEndian.Uint16(d[i:])))); err != nil {
					return false, err
				}
				c++
			}
		case recBoolErr:
			r, c, err := rc()
			if err != nil || len(d) < 8 {
				return false, fmt.Errorf("第 %d 字节处的单元格记录太短", rec.at)
			}
			if d[7] == 0 { // a boolean; an error value is left blank
				return true, put(r, c, map[bool]string{true: "1", false: "0"}[d[6] != 0])
			}
		case recFormula:
			r, c, err := rc()
			if err != nil || len(d) < 14 {
				return false, fmt.Errorf("第 %d 字节处的公式记录太短", rec.at)
			}
			v := d[6:14]
			if v[6] != 0xFF || v[7] != 0xFF {
				return true, put(r, c, show(math.Float64frombits(binary.LittleEndian.Uint64(v)), xf))
			}
			switch v[0] {
			case 0: // text: in the STRING record that follows
				if err := put(r, c, ""); err != nil {
					return false, err
				}
				pendingString = len(cells) - 1
			case 1:
				return true, put(r, c, map[bool]string{true: "1", false: "0"}[v[2] != 0])
			}
		case recString:
			if pendingString >= 0 {
				s, _, err := longString(d)
				if err != nil {
					return false, fmt.Errorf("单元格 %s 的公式结果：%v", cellName(cells[pendingString].r, cells[pendingString].c), err)
				}
				cells[pendingString].v = s
				pendingString = -1
			}
		case recMerged:
			if len(d) < 2 {
				return false, fmt.Errorf("第 %d 字节处的合并单元格记录太短", rec.at)
			}
			n := int(binary.LittleEndian.Uint16(d))
			if 2+8*n > len(d) {
				return false, fmt.Errorf("第 %d 字节处的合并单元格记录说有 %d 个区域，记录里放不下", rec.at, n)
			}
			if len(merges)+n > maxMerges {
				return false, tooManyMerges(path, "「"+s.name+"」")
			}
			for i := range n {
				m := d[2+8*i:]
				merges = append(merges, [4]int{int(binary.LittleEndian.Uint16(m)), int(binary.LittleEndian.Uint16(m[4:])),
					int(binary.LittleEndian.Uint16(m[2:])), int(binary.LittleEndian.Uint16(m[6:]))})
			}
		}
		return true, nil
	})
	if err != nil {
		if errors.Is(err, ErrNotForm) {
			return Grid{}, err
		}
		return Grid{}, fmt.Errorf("%w：%s 无法读取（文件已损坏：%v）", ErrNotForm, where, err)
	}
	// Rows up to their last value, as the .xlsx reader makes them.
	rows := make([][]string, maxRow+1)
	widths := make([]int, maxRow+1)
	for _, c := range cells {
		if c.v != "" {
			widths[c.r] = max(widths[c.r], c.c+1)
		}
	}
	width := 0
	for r, w := range widths {
		if left.cells -= w; left.cells < 0 {
			return Grid{}, fmt.Errorf("%w：%s的单元格超过 %d 个（到第 %d 行），不像绩效表格", ErrNotForm, where, maxCells, r+1)
		}
		if w > 0 {
			rows[r] = make([]string, w)
		}
		width = max(width, w)
	}
	for _, c := range cells {
		if c.c < len(rows[c.r]) {
			rows[c.r][c.c] = c.v
		}
	}
	for len(rows) > 0 && len(rows[len(rows)-1]) == 0 {
		rows = rows[:len(rows)-1]
	}
	for _, m := range merges {
		if err := fillMerge(rows, width, m[0], m[1], m[2], m[3], left); err != nil {
			return Grid{}, fmt.Errorf("%w：%s的合并单元格 %s:%s %v", ErrNotForm, where, cellName(m[0], m[1]), cellName(m[2], m[3]), err)
		}
	}
	return Grid{File: path, Sheet: s.name, Rows: rows}, nil
}

// fillMerge gives every cell of a merged range (0-based, inclusive) the
// value of its first, the range clipped to the used area as in readSheet.
func fillMerge(rows [][]string, width, r1, c1, r2, c2 int, left *budget) error {
	r1, r2 = min(r1, r2), min(max(r1, r2), len(rows)-1)
	c1, c2 = min(c1, c2), min(max(c1, c2), width-1)
	if r1 > r2 || c1 > c2 {
		return nil
	}
	if left.fill -= (r2 - r1 + 1) * (c2 - c1 + 1); left.fill < 0 {
		return fmt.Errorf("要填的单元格太多（全部合并单元格合计超过 %d 个）", maxMergeFill)
	}
	v := ""
	if c1 < len(rows[r1]) {
		v = rows[r1][c1]
	}
	for r := r1; r <= r2; r++ {
		for len(rows[r]) <= c2 {
			rows[r] = append(rows[r], "")
		}
		for c := c1; c <= c2; c++ {
			rows[r][c] = v
		}
	}
	return nil
}

func cellName(r, c int) string {
	name := ""
	for c++; c > 0; c = (c - 1) / 26 {
		name = string(rune('A'+(c-1)%26)) + name
	}
	return name + strconv.Itoa(r+1)
}

// formatFloat writes a number as the .xlsx reader gets it from the file:
// the shortest decimal that is the same double, never an exponent.
func formatFloat(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return ""
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// rkFloat decodes an RK number: a 30-bit integer or the high bits of a
// double, either one perhaps ×100. (An integer ÷100 is a double like any
// other number of the sheet: formatFloat gives its shortest decimal.)
func rkFloat(rk uint32) float64 {
	var f float64
	if rk&2 != 0 {
		f = float64(int32(rk) >> 2)
	} else {
		f = math.Float64frombits(uint64(rk&^3) << 32)
	}
	if rk&1 != 0 {
		f /= 100
	}
	return f
}

// builtinPlaces are the built-in number formats that show fixed places:
// 0, 0.00, #,##0, #,##0.00 and the accounting forms of the last two.
var builtinPlaces = map[uint16]int{1: 0, 2: 2, 3: 0, 4: 2, 37: 0, 38: 0, 39: 2, 40: 2}

// fixedPlaces tells a custom format that shows a number with fixed
// decimal places (0.00, #,##0.000_ and the like) and how many; a date, a
// percentage or a fraction is not one.
func fixedPlaces(code string) (int, bool) {
	first, _, _ := strings.Cut(code, ";")
	first = strings.TrimRight(first, "_)- ")
	m := fixedFormat.FindStringSubmatch(first)
	if m == nil {
		return 0, false
	}
	return len(m[1]), true
}

var fixedFormat = regexp.MustCompile(`^[#,]*0(?:\.(0+))?$`)

// shortString reads a ShortXLUnicodeString (a sheet's name): a one-byte
// length, a flags byte, the characters.
func shortString(d []byte) (string, int, error) {
	if len(d) < 2 {
		return "", 0, errors.New("名称记录太短")
	}
	return chars(d[2:], int(d[0]), d[1]&1 != 0, 2)
}

// longString reads an XLUnicodeString (LABEL, STRING): a two-byte length,
// a flags byte, the characters.
func longString(d []byte) (string, int, error) {
	if len(d) < 3 {
		return "", 0, errors.New("文字记录太短")
	}
	return chars(d[3:], int(binary.LittleEndian.Uint16(d)), d[2]&1 != 0, 3)
}

// chars decodes n characters, UTF-16LE or one byte each (the low byte of
// UTF-16: BIFF8 text does not depend on the code page).
func chars(d []byte, n int, wide bool, skip int) (string, int, error) {
	size := n
	if wide {
		size = 2 * n
	}
	if size > len(d) {
		return "", 0, fmt.Errorf("文字长 %d 个字符，记录里放不下", n)
	}
	return decodeChars(d[:size], wide), skip + size, nil
}

func decodeChars(d []byte, wide bool) string {
	if !wide {
		r := make([]rune, len(d))
		for i, b := range d {
			r[i] = rune(b)
		}
		return string(r)
	}
	u := make([]uint16, len(d)/2)
	for i := range u {
		u[i] = binary.LittleEndian.Uint16(d[2*i:])
	}
	return string(utf16.Decode(u))
}

// readSST reads the shared strings: an SST record and its CONTINUE
// records. A string's characters may run on into the next record, which
// then starts with a flags byte of its own (one byte or two per
// character); its formatting runs and phonetic data are skipped.
func readSST(parts [][]byte) ([]string, error) {
	if len(parts[0]) < 8 {
		return nil, errors.New("共享字符串记录太短")
	}
	unique := int(binary.LittleEndian.Uint32(parts[0][4:]))
	p, off := 0, 8
	// take returns n bytes, following records; a string's characters use
	// chars instead.
	take := func(n int) ([]byte, error) {
		var out []byte
		for n > 0 {
			if off >= len(parts[p]) {
				if p++; p >= len(parts) {
					return nil, errors.New("共享字符串在记录结束前中断")
				}
				off = 0
				continue
			}
			k := min(n, len(parts[p])-off)
			out = append(out, parts[p][off:off+k]...)
			off += k
			n -= k
		}
		return out, nil
	}
	// Each string takes at least 3 bytes: a count past what the records
	// hold is broken, not a reason to allocate.
	total := 0
	for _, b := range parts {
		total += len(b)
	}
	if unique > total/3+1 {
		return nil, fmt.Errorf("共享字符串表说有 %d 个字符串，记录里放不下", unique)
	}
	out := make([]string, 0, unique)
	for range unique {
		h, err := take(3)
		if err != nil {
			return nil, err
		}
		n, flags := int(binary.LittleEndian.Uint16(h)), h[2]
		runs, ext := 0, 0
		if flags&8 != 0 {
			b, err := take(2)
			if err != nil {
				return nil, err
			}
			runs = int(binary.LittleEndian.Uint16(b))
		}
		if flags&4 != 0 {
			b, err := take(4)
			if err != nil {
				return nil, err
			}
			ext = int(binary.LittleEndian.Uint32(b))
		}
		wide := flags&1 != 0
		var s strings.Builder
		for n > 0 {
			if off >= len(parts[p]) {
				if p++; p >= len(parts) {
					return nil, errors.New("共享字符串在记录结束前中断")
				}
				if len(parts[p]) == 0 {
					return nil, errors.New("共享字符串的续接记录是空的")
				}
				wide, off = parts[p][0]&1 != 0, 1
				continue
			}
			per := 1
			if wide {
				per = 2
			}
			k := min(n, (len(parts[p])-off)/per)
			if k == 0 {
				return nil, errors.New("共享字符串的字符跨越了记录")
			}
			s.WriteString(decodeChars(parts[p][off:off+k*per], wide))
			off += k * per
			n -= k
		}
		if _, err := take(4*runs + ext); err != nil {
			return nil, err
		}
		out = append(out, s.String())
	}
	return out, nil
}

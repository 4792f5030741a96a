package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"disclose/generator/diag"
	"disclose/generator/textenc"
)

// Grid is one sheet of a workbook, or a CSV file, as rows of cell text.
// Cells of a merged range all carry the range's value: Excel leaves the
// cells below a merged 一级指标 blank, and the form means them to repeat.
type Grid struct {
	File, Sheet string
	Rows        [][]string
}

// Cell returns the trimmed text of a cell, "" outside the grid.
func (g *Grid) Cell(r, c int) string {
	if r < 0 || r >= len(g.Rows) || c < 0 || c >= len(g.Rows[r]) {
		return ""
	}
	return clean(g.Rows[r][c])
}

// Where names a cell for the report, as Excel does: 表1!C12.
func (g *Grid) Where(r, c int) string {
	name, _ := excelize.CoordinatesToCellName(c+1, r+1)
	if g.Sheet == "" {
		return fmt.Sprintf("%s 第 %d 行第 %d 列", filepath.Base(g.File), r+1, c+1)
	}
	return fmt.Sprintf("%s「%s」%s", filepath.Base(g.File), g.Sheet, name)
}

// clean trims the spaces Word and Excel leave around cell text.
func clean(s string) string {
	return strings.TrimSpace(strings.Trim(s, " \t\r\n\u3000\u00a0"))
}

// Limits bound what one import reads; a zero field takes its default.
// Official forms are a few hundred rows: the defaults are far above any
// real form and far below what would exhaust memory.
type Limits struct {
	FileBytes     int64 // one workbook or CSV file, as stored
	InflatedBytes int64 // all the parts of one workbook, once unzipped
}

// Defaults of Limits.
const (
	DefaultFileBytes     = 20 << 20
	DefaultInflatedBytes = 64 << 20
)

func (l Limits) orDefaults() Limits {
	if l.FileBytes <= 0 {
		l.FileBytes = DefaultFileBytes
	}
	if l.InflatedBytes <= 0 {
		l.InflatedBytes = DefaultInflatedBytes
	}
	return l
}

// Fixed bounds, per file.
const (
	maxRows      = 20000
	maxCells     = 4 << 20 // cells of all sheets, each row up to its last value
	maxMerges    = 5000    // merged ranges of one sheet
	maxMergeFill = 1 << 20 // cells filled from merged ranges
)

// ErrNotForm is wrapped by every refusal of a file that is not a form.
var ErrNotForm = errors.New("not a form")

var oleHeader = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// readFile reads a workbook, a CSV file or a Word document into grids. Only a regular file
// is opened: a FIFO would block the open, a device never ends.
func readFile(path string, lim Limits) ([]Grid, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%w：%s 不是普通文件（%s）；请给出 .xlsx、.xls、.csv 或 .docx 文件", ErrNotForm, path, fileKind(st.Mode()))
	}
	if st.Size() > lim.FileBytes {
		return nil, tooBig(path, st.Size(), lim.FileBytes)
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openNoBlock, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if now, err := f.Stat(); err != nil || !os.SameFile(st, now) {
		return nil, fmt.Errorf("%w：%s 在读取时被换成了另一个文件", ErrNotForm, path)
	}
	// The limit again while reading: the file may grow after the stat.
	data, err := io.ReadAll(io.LimitReader(f, lim.FileBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > lim.FileBytes {
		return nil, tooBig(path, int64(len(data)), lim.FileBytes)
	}
	switch ext := strings.ToLower(filepath.Ext(path)); {
	case ext == ".docx" || ext == ".docm":
		return readDOCX(path, data, lim)
	case ext != ".csv" && bytes.HasPrefix(data, oleHeader):
		return readOLE(path, data, lim) // .xls, or an encrypted .xlsx
	case ext == ".xls" && bytes.HasPrefix(data, []byte("PK")):
		return readWorkbook(path, data, lim) // an .xlsx named .xls
	case ext == ".csv":
		g, err := readCSV(path, data)
		if err != nil {
			return nil, err
		}
		return []Grid{g}, nil
	case ext == ".xlsx" || ext == ".xlsm":
		return readWorkbook(path, data, lim)
	case ext == ".xls":
		return nil, fmt.Errorf("%w：%s 不是 Excel 工作簿（.xls 是 OLE 复合文件，这个文件不是）", ErrNotForm, path)
	}
	return nil, fmt.Errorf("%w：%s 不是 .xlsx、.xls、.csv 或 .docx 文件", ErrNotForm, path)
}

func tooBig(path string, size, limit int64) error {
	return fmt.Errorf("%w：%s 有 %s，超过绩效表格的合理大小（%s）；请只导出绩效目标表或自评表", ErrNotForm, path, megabytes(size), megabytes(limit))
}

// megabytes writes a size for the report, rounded up: 20.1 MB is not 20.
func megabytes(n int64) string {
	return fmt.Sprintf("%d MB", (n+1<<20-1)>>20)
}

func fileKind(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "目录"
	case m&os.ModeNamedPipe != 0:
		return "命名管道"
	case m&os.ModeDevice != 0:
		return "设备"
	case m&os.ModeSocket != 0:
		return "套接字"
	}
	return "特殊文件"
}

// readWorkbook reads every sheet of a workbook. The zip is measured
// first (workbook.go): excelize would otherwise inflate whatever the
// headers claim, spill big sheets to temporary files, and compare every
// pair of merged ranges. Its temporary files go to a folder of our own,
// removed on every return, a panic included.
func readWorkbook(path string, data []byte, lim Limits) (grids []Grid, err error) {
	if bytes.HasPrefix(data, oleHeader) {
		return nil, fmt.Errorf("%w：%s 设置了打开密码（或是旧版 .xls）；请在 Excel 中取消密码并另存为 .xlsx", ErrNotForm, path)
	}
	if !bytes.HasPrefix(data, []byte("PK")) {
		return nil, fmt.Errorf("%w：%s 不是 Excel 工作簿（.xlsx 是 zip 文件，这个文件不是）", ErrNotForm, path)
	}
	merges, err := measure(path, data, lim)
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "disclose-import-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	defer func() {
		if r := recover(); r != nil {
			grids, err = nil, fmt.Errorf("%w：%s 无法作为工作簿读取：%v", ErrNotForm, path, r)
		}
	}()
	// Every part is within InflatedBytes (measured), so excelize keeps
	// all of them in memory and writes no temporary file.
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true,
		UnzipSizeLimit: lim.InflatedBytes, UnzipXMLSizeLimit: lim.InflatedBytes, TmpDir: tmp})
	if f != nil {
		defer f.Close()
	}
	if err != nil {
		return nil, fmt.Errorf("%w：%s 无法作为工作簿打开：%v", ErrNotForm, path, err)
	}
	left := budget{cells: maxCells, fill: maxMergeFill}
	for _, sheet := range f.GetSheetList() {
		g, err := readSheet(f, path, sheet, merges[sheet], &left)
		if err != nil {
			return nil, err
		}
		grids = append(grids, g)
	}
	return grids, nil
}

// budget is what is left of a file's bounds as its sheets are read.
type budget struct{ cells, fill int }

// readSheet reads one sheet row by row, each row up to its last value
// (as excelize's GetRows, but stopping at the bounds rather than after
// them), then fills its merged ranges.
func readSheet(f *excelize.File, path, sheet string, merges []string, left *budget) (Grid, error) {
	it, err := f.Rows(sheet)
	if err != nil {
		return Grid{}, fmt.Errorf("%w：%s「%s」无法读取：%v", ErrNotForm, path, sheet, err)
	}
	defer it.Close()
	var rows [][]string
	width := 0
	for r := 0; it.Next(); r++ {
		row, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			break // as GetRows: the rows read so far
		}
		if len(row) == 0 {
			continue
		}
		if r >= maxRows {
			return Grid{}, fmt.Errorf("%w：%s「%s」第 %d 行还有内容，超过绩效表格的合理行数（%d）", ErrNotForm, path, sheet, r+1, maxRows)
		}
		if left.cells -= len(row); left.cells < 0 {
			return Grid{}, fmt.Errorf("%w：%s「%s」的单元格超过 %d 个（到第 %d 行），不像绩效表格", ErrNotForm, path, sheet, maxCells, r+1)
		}
		for len(rows) < r {
			rows = append(rows, nil)
		}
		rows = append(rows, row)
		width = max(width, len(row))
	}
	if err := it.Error(); err != nil {
		return Grid{}, fmt.Errorf("%w：%s「%s」无法读取：%v", ErrNotForm, path, sheet, err)
	}
	// A merged range is clipped to the used area (the rows and columns
	// that hold a value): what lies beyond is blank in Excel too.
	for _, ref := range merges {
		from, to, _ := strings.Cut(ref, ":")
		c1, r1, err1 := excelize.CellNameToCoordinates(from)
		c2, r2, err2 := excelize.CellNameToCoordinates(to)
		if err1 != nil || err2 != nil {
			continue
		}
		r1, r2 = min(r1, r2), min(max(r1, r2), len(rows))
		c1, c2 = min(c1, c2), min(max(c1, c2), width)
		if r1 > r2 || c1 > c2 {
			continue
		}
		if left.fill -= (r2 - r1 + 1) * (c2 - c1 + 1); left.fill < 0 {
			return Grid{}, fmt.Errorf("%w：%s「%s」的合并单元格 %s 要填的单元格太多（全部合并单元格合计超过 %d 个）", ErrNotForm, path, sheet, ref, maxMergeFill)
		}
		v := ""
		if c1 <= len(rows[r1-1]) {
			v = rows[r1-1][c1-1]
		}
		for r := r1 - 1; r < r2; r++ {
			for len(rows[r]) < c2 {
				rows[r] = append(rows[r], "")
			}
			for c := c1 - 1; c < c2; c++ {
				rows[r][c] = v
			}
		}
	}
	return Grid{File: path, Sheet: sheet, Rows: rows}, nil
}

// readCSV reads a form exported as CSV, in UTF-8, UTF-8 with BOM or
// GB18030.
func readCSV(path string, data []byte) (Grid, error) {
	// Separators bound the cells (from above: quoted ones count too); a
	// file of commas would otherwise make millions of empty cells.
	if n := bytes.Count(data, []byte(",")) + bytes.Count(data, []byte("\n")); n > maxCells {
		return Grid{}, fmt.Errorf("%w：%s 有超过 %d 个单元格，不像绩效表格", ErrNotForm, path, maxCells)
	}
	diags := &diag.List{}
	text, _, ok := textenc.Decode(path, data, diags)
	if !ok {
		return Grid{}, fmt.Errorf("%w：%s", ErrNotForm, diags.Sorted()[0].String())
	}
	r := csv.NewReader(bytes.NewReader(text))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	rows, err := r.ReadAll()
	if err != nil {
		return Grid{}, fmt.Errorf("%w：%s 不是有效的 CSV：%v", ErrNotForm, path, err)
	}
	if len(rows) > maxRows {
		return Grid{}, fmt.Errorf("%w：%s 有 %d 行，超过绩效表格的合理行数（%d）", ErrNotForm, path, len(rows), maxRows)
	}
	return Grid{File: path, Rows: rows}, nil
}

package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
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

// Limits a form must keep: official forms are a few hundred rows.
const (
	maxFileBytes = 20 << 20
	maxRows      = 20000
)

// ErrNotForm is wrapped by every refusal of a file that is not a form.
var ErrNotForm = errors.New("not a form")

var oleHeader = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// readFile reads a workbook or a CSV file into grids.
func readFile(path string) ([]Grid, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.Size() > maxFileBytes {
		return nil, fmt.Errorf("%w：%s 有 %d MB，超过绩效表格的合理大小（%d MB）；请只导出绩效目标表或自评表", ErrNotForm, path, st.Size()>>20, maxFileBytes>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		g, err := readCSV(path, data)
		if err != nil {
			return nil, err
		}
		return []Grid{g}, nil
	case ".xlsx", ".xlsm":
		return readWorkbook(path, data)
	case ".xls":
		return nil, fmt.Errorf("%w：%s 是旧版 .xls 文件；请在 Excel 中另存为 .xlsx", ErrNotForm, path)
	}
	return nil, fmt.Errorf("%w：%s 既不是 .xlsx 也不是 .csv", ErrNotForm, path)
}

func readWorkbook(path string, data []byte) ([]Grid, error) {
	if bytes.HasPrefix(data, oleHeader) {
		return nil, fmt.Errorf("%w：%s 设置了打开密码（或是旧版 .xls）；请在 Excel 中取消密码并另存为 .xlsx", ErrNotForm, path)
	}
	if !bytes.HasPrefix(data, []byte("PK")) {
		return nil, fmt.Errorf("%w：%s 不是 Excel 工作簿（.xlsx 是 zip 文件，这个文件不是）", ErrNotForm, path)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true, UnzipXMLSizeLimit: 64 << 20})
	if err != nil {
		return nil, fmt.Errorf("%w：%s 无法作为工作簿打开：%v", ErrNotForm, path, err)
	}
	defer f.Close()
	var grids []Grid
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("%w：%s「%s」无法读取：%v", ErrNotForm, path, sheet, err)
		}
		if len(rows) > maxRows {
			return nil, fmt.Errorf("%w：%s「%s」有 %d 行，超过绩效表格的合理行数（%d）", ErrNotForm, path, sheet, len(rows), maxRows)
		}
		merges, _ := f.GetMergeCells(sheet)
		for _, m := range merges {
			c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
			c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
			if err1 != nil || err2 != nil || r2-r1 > maxRows {
				continue
			}
			for r := r1 - 1; r < r2; r++ {
				for len(rows) <= r {
					rows = append(rows, nil)
				}
				for c := c1 - 1; c < c2; c++ {
					for len(rows[r]) <= c {
						rows[r] = append(rows[r], "")
					}
					rows[r][c] = m.GetCellValue()
				}
			}
		}
		grids = append(grids, Grid{File: path, Sheet: sheet, Rows: rows})
	}
	return grids, nil
}

// readCSV reads a form exported as CSV, in UTF-8, UTF-8 with BOM or
// GB18030.
func readCSV(path string, data []byte) (Grid, error) {
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

package load

import (
	"bytes"
	"disclose/generator/textenc"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"disclose/generator/diag"
	"disclose/generator/model"
	"disclose/generator/money"
)

// headerNames maps every header spelling seen in finance exports, after
// normalizeHeader, to a record field.
var headerNames = map[string]int{
	"date": model.FieldDate, "日期": model.FieldDate, "支出日期": model.FieldDate, "记账日期": model.FieldDate,
	"凭证日期": model.FieldDate, "业务日期": model.FieldDate, "支付日期": model.FieldDate,
	"project": model.FieldProject, "projectcode": model.FieldProject, "project_code": model.FieldProject,
	"项目编码": model.FieldProject, "项目代码": model.FieldProject, "项目编号": model.FieldProject,
	"budgetline": model.FieldBudgetLine, "budget_line": model.FieldBudgetLine, "line": model.FieldBudgetLine,
	"资金用途": model.FieldBudgetLine, "预算明细": model.FieldBudgetLine, "支出明细": model.FieldBudgetLine,
	"明细项目": model.FieldBudgetLine, "用途": model.FieldBudgetLine, "支出用途": model.FieldBudgetLine,
	"amount": model.FieldAmount, "amount_yuan": model.FieldAmount, "金额": model.FieldAmount,
	"支出金额": model.FieldAmount, "发生额": model.FieldAmount, "支付金额": model.FieldAmount,
	"voucher": model.FieldVoucher, "voucher_no": model.FieldVoucher, "凭证号": model.FieldVoucher,
	"凭证编号": model.FieldVoucher, "凭证字号": model.FieldVoucher,
	"memo": model.FieldMemo, "note": model.FieldMemo, "摘要": model.FieldMemo, "备注": model.FieldMemo, "说明": model.FieldMemo,
}

// fieldWords names the record fields in messages.
var fieldWords = model.RecordFieldTitles

func normalizeHeader(h string) string {
	h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
	for _, unit := range []string{"（元）", "(元)", "（人民币元）", "(人民币元)"} {
		h = strings.TrimSuffix(h, unit)
	}
	return strings.NewReplacer(" ", "", "\u3000", "", "-", "_").Replace(h)
}

// lineIndex converts csv's byte columns into character columns.
type lineIndex struct {
	text  []byte
	start []int // byte offset of each line, from line 1
}

func newLineIndex(text []byte) *lineIndex {
	starts := make([]int, 1, bytes.Count(text, []byte{'\n'})+2)
	for i := 0; ; {
		j := bytes.IndexByte(text[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		starts = append(starts, i)
	}
	return &lineIndex{text: text, start: starts}
}

// column returns the character column of a 1-based byte column on line.
func (x *lineIndex) column(line, byteCol int) int {
	if line < 1 || line > len(x.start) {
		return byteCol
	}
	s := x.start[line-1]
	e := min(s+byteCol-1, len(x.text))
	return 1 + utf8.RuneCount(x.text[s:e])
}

// readSpending reads the spending records of one CSV file.
func readSpending(file string, fileIndex int32, data []byte, diags *diag.List) ([]model.Record, textenc.Encoding) {
	text, enc, ok := textenc.Decode(file, data, diags)
	if !ok {
		return nil, enc
	}
	if bytes.IndexByte(text, '\n') < 0 && bytes.IndexByte(text, '\r') >= 0 {
		// Lines ended by CR alone (Excel for Mac's "CSV (Macintosh)"):
		// encoding/csv would see one line. Lines are counted the same way.
		text = bytes.ReplaceAll(text, []byte{'\r'}, []byte{'\n'})
	}
	idx := newLineIndex(text)
	r := newRecordReader(text)

	var cols [model.NumRecordFields]int
	for i := range cols {
		cols[i] = -1
	}
	header, err := r.Read()
	if err == io.EOF {
		diags.Errorf(diag.Pos{File: file}, "csv-header", "", "第一行写列名：日期,项目编码,资金用途,金额,凭证号,摘要", "文件中没有表头和记录")
		return nil, enc
	}
	if err != nil {
		csvError(file, idx, err, diags)
		return nil, enc
	}
	headerLine, _ := r.FieldPos(0)
	for i, h := range header {
		f, known := headerNames[normalizeHeader(h)]
		if !known {
			continue
		}
		if cols[f] >= 0 {
			_, c := r.FieldPos(i)
			diags.Errorf(diag.Pos{File: file, Line: headerLine, Column: idx.column(headerLine, c)}, "csv-header", fieldWords[f], "每种列只出现一次", "%q 与第 %d 列都表示%s", h, cols[f]+1, fieldWords[f])
			continue
		}
		cols[f] = i
	}
	var missing []string
	for f := range model.FieldVoucher {
		if cols[f] < 0 {
			missing = append(missing, fieldWords[f])
		}
	}
	if len(missing) > 0 {
		diags.Errorf(diag.Pos{File: file, Line: headerLine, Column: 1}, "csv-header", "", "表头含 日期、项目编码、资金用途、金额 四列（也可用英文 date,project,budget_line,amount）",
			"表头缺少 %s 列（表头是：%s）", strings.Join(missing, "、"), strings.Join(header, ","))
		return nil, enc
	}

	intern := map[string]string{}
	share := func(s string) string {
		if v, ok := intern[s]; ok {
			return v
		}
		intern[s] = s
		return s
	}
	records := make([]model.Record, 0, bytes.Count(text, []byte{'\n'}))
	var charCols []int32
	for {
		row, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			csvError(file, idx, err, diags)
			break
		}
		if blank(row) {
			continue
		}
		line, _ := r.FieldPos(0)
		rec := model.Record{File: fileIndex, Line: int32(line)}
		// Character columns of every field, in one pass over the line.
		charCols = charCols[:0]
		prevByte, prevChar := 1, 1
		for i := range row {
			l, c := r.FieldPos(i)
			if l != line { // a quoted field ran over a line break
				charCols = append(charCols, int32(idx.column(l, c)))
				continue
			}
			if c >= prevByte && line >= 1 && line <= len(idx.start) {
				s := idx.start[line-1]
				prevChar += utf8.RuneCount(idx.text[min(s+prevByte-1, len(idx.text)):min(s+c-1, len(idx.text))])
				prevByte = c
				charCols = append(charCols, int32(prevChar))
				continue
			}
			charCols = append(charCols, int32(idx.column(line, c)))
		}
		cell := func(f int) string {
			if cols[f] < 0 {
				return ""
			}
			if cols[f] >= len(row) { // past the end of a short row
				_, c := r.FieldPos(len(row) - 1)
				rec.Col[f] = int32(idx.column(line, c+len(row[len(row)-1])+1))
				return ""
			}
			rec.Col[f] = charCols[cols[f]]
			return strings.TrimSpace(row[cols[f]])
		}
		dateText, amountText := cell(model.FieldDate), cell(model.FieldAmount)
		rec.Project = share(cell(model.FieldProject))
		rec.BudgetLine = share(cell(model.FieldBudgetLine))
		rec.Voucher = cell(model.FieldVoucher)
		rec.Memo = cell(model.FieldMemo)
		at := func(f int) diag.Pos { return diag.Pos{File: file, Line: line, Column: int(rec.Col[f])} }
		if dateText == "合计" || dateText == "总计" {
			diags.Warnf(at(model.FieldDate), "csv-total-row", fieldWords[model.FieldDate], "删去合计行，合计由程序计算", "合计行不是支出记录，已忽略")
			continue
		}
		good := true
		if d, err := model.ParseDate(dateText); err != nil {
			diags.Errorf(at(model.FieldDate), "record-date", fieldWords[model.FieldDate], "如 2021-03-15、2021/3/15 或 2021年3月15日", "%q 不是日期", dateText)
			good = false
		} else {
			rec.Date = d
		}
		if a, err := money.ParseYuan(amountText); err != nil {
			diags.Errorf(at(model.FieldAmount), "record-amount", fieldWords[model.FieldAmount], "以元计的数字，最多两位小数，如 1234.50、-200.00（退款或更正为负数）", "%q 不是金额（%s）", amountText, errText(err))
			good = false
		} else {
			rec.Amount = a
		}
		if rec.Project == "" {
			diags.Errorf(at(model.FieldProject), "record-project", fieldWords[model.FieldProject], "填写本部门某个项目的编码", "项目编码为空")
			good = false
		}
		if rec.BudgetLine == "" {
			diags.Errorf(at(model.FieldBudgetLine), "record-line", fieldWords[model.FieldBudgetLine], "填写项目预算明细中的某个用途", "资金用途为空")
			good = false
		}
		if good {
			records = append(records, rec)
		}
	}
	return records, enc
}

func blank(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func csvError(file string, idx *lineIndex, err error, diags *diag.List) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		pos := diag.Pos{File: file, Line: pe.Line, Column: idx.column(pe.Line, pe.Column)}
		msg := pe.Err.Error()
		switch {
		case errors.Is(pe.Err, csv.ErrBareQuote):
			msg = "未加引号的单元格中出现了引号"
		case errors.Is(pe.Err, csv.ErrQuote):
			// An unclosed quote runs on to the end of the file: point at
			// the record where it was opened.
			pos = diag.Pos{File: file, Line: pe.StartLine}
			msg = fmt.Sprintf("从第 %d 行开始的记录中引号不成对，一直读到第 %d 行", pe.StartLine, pe.Line)
		}
		diags.Errorf(pos, "csv-syntax", "", "含逗号或引号的单元格用英文双引号括起，单元格内的引号写成两个（\"\"）；或用 Excel 重新导出为 CSV", "CSV 格式错误：%s", msg)
		return
	}
	diags.Errorf(diag.Pos{File: file}, "csv-syntax", "", "", "CSV 读取失败：%v", fmt.Sprint(err))
}

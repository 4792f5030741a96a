package importer_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"disclose/generator/check"
	"disclose/generator/importer"
	"disclose/generator/internal/testutil"
	"disclose/generator/load"
)

// TestExportWritesNumbers: the exported workbook's amounts, percentages
// and weights are number cells, so a SUM in Excel adds them; codes and
// dates stay text; columns are as wide as their text; the file is an
// ordinary one (not executable).
func TestExportWritesNumbers(t *testing.T) {
	site, diags := load.Site(testutil.ContentDir())
	check.Site(site, diags)
	p := filepath.Join(t.TempDir(), "dkb.xlsx")
	if err := importer.Export(site.Departments[0], p); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if m := st.Mode().Perm(); m&0o111 != 0 || m&0o600 != 0o600 {
		t.Errorf("exported workbook has mode %v, want rw-r--r-- (less the umask)", m)
	}
	f, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := "项目 110-0303-JBN-1VKY"
	rows, _ := f.GetRows(sheet)
	find := func(label string) int {
		for r, row := range rows {
			if len(row) > 0 && row[0] == label {
				return r + 1
			}
		}
		t.Fatalf("no row %q in %s", label, sheet)
		return 0
	}
	// The budget lines 16 + 4 + 1, summed by Excel's own formula.
	first := find("项目推进模块软件升级")
	f.SetCellFormula(sheet, "D1", "SUM(B"+strconv.Itoa(first)+":B"+strconv.Itoa(first+2)+")")
	if v, err := f.CalcCellValue(sheet, "D1"); err != nil || v != "21" {
		t.Errorf("SUM of the budget lines = %q, %v; want 21 (the amounts are not numbers)", v, err)
	}
	for _, ref := range []string{"B" + strconv.Itoa(find("资金总额（万元）")), "B" + strconv.Itoa(first)} {
		if typ, _ := f.GetCellType(sheet, ref); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("%s!%s is of type %v, want a number", sheet, ref, typ)
		}
	}
	plan := find("资金支出计划（累计进度%）") + 1
	if v, _ := f.GetCellValue(sheet, "E"+strconv.Itoa(plan)); v != "90.00" {
		t.Errorf("plan percent shows %q, want 90.00 (its places kept)", v)
	}
	if typ, _ := f.GetCellType(sheet, "B"+strconv.Itoa(find("项目编码"))); typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
		t.Errorf("the project code is of type %v, want text", typ)
	}
	// Records in 元: numbers too.
	rec := "支出记录 2021-illustrative"
	if typ, _ := f.GetCellType(rec, "D2"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("%s!D2 (金额) is of type %v, want a number", rec, typ)
	}
	if typ, _ := f.GetCellType(rec, "A2"); typ == excelize.CellTypeUnset || typ == excelize.CellTypeNumber {
		t.Errorf("%s!A2 (日期) is a number, want text", rec)
	}
	// Widths: the column of names wider than the default, the narrative
	// column capped.
	if w, _ := f.GetColWidth(sheet, "A"); w < 20 {
		t.Errorf("column A is %v wide, want room for its labels", w)
	}
	if w, _ := f.GetColWidth("部门整体绩效目标", "B"); w > 70 {
		t.Errorf("the narrative column is %v wide, want it capped", w)
	}
}

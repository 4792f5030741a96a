package importer_test

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"disclose/generator/check"
	"disclose/generator/importer"
	"disclose/generator/internal/testutil"
	"disclose/generator/load"
)

// FuzzReadWorkbook feeds mutated .xlsx bytes to importer.Import, the
// entry `disclose import` uses, with the default limits. Whatever the
// bytes, the import must not panic (a panic inside excelize is turned into
// an error naming the file), must finish, must stay within the memory the
// limits allow, must write nothing when it fails and only inside --out when
// it succeeds, and must leave no temporary file behind. The seeds are the
// small workbooks the other tests make: the official forms with merged
// header cells, a self-evaluation form, a records sheet, the sample
// department exported, and two hostile ones; each also stored
// uncompressed without checksums, so that a mutated byte reaches the XML
// readers and excelize rather than only the zip reader's checksum test.
func FuzzReadWorkbook(f *testing.F) {
	for _, p := range workbookSeeds(f) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		f.Add(stored(f, data))
	}
	// The workbook reader's temporary folders go here, so that one left
	// behind is seen (t.TempDir's folders land here too, and are removed).
	tmp := filepath.Join(f.TempDir(), "tmp")
	if err := os.Mkdir(tmp, 0o755); err != nil {
		f.Fatal(err)
	}
	f.Setenv("TMPDIR", tmp)
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		p := filepath.Join(dir, "form.xlsx")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, "out", "content")
		var rep *importer.Report
		var err error
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		// Not a speed target: a hang (the limits bound the work far below this).
		within(t, time.Minute, func() {
			rep, err = importer.Import([]string{p}, importer.Options{Out: out, Year: 2021, Code: "x"})
		})
		runtime.ReadMemStats(&after)
		// The hostile tests' worst workbook within the limits (20,000 rows
		// reaching column XFD) allocates under 384 MB.
		if used := after.TotalAlloc - before.TotalAlloc; used > 512<<20 {
			t.Errorf("the import allocated %d MB", used>>20)
		}
		if err != nil {
			if entries, _ := os.ReadDir(filepath.Join(dir, "out")); len(entries) > 0 {
				t.Errorf("a failed import (%v) wrote %v", err, entries)
			}
		} else {
			for _, f := range rep.Files {
				if !filepath.IsLocal(f) {
					t.Errorf("the import wrote %q, outside --out", f)
				}
			}
			filepath.WalkDir(filepath.Join(dir, "out"), func(q string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() && !strings.HasPrefix(q, out+string(filepath.Separator)) {
					t.Errorf("the import wrote %s, outside --out", q)
				}
				return nil
			})
		}
		entries, _ := os.ReadDir(tmp)
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), "disclose-import-") {
				t.Errorf("temporary folder left behind: %s", e.Name())
				os.RemoveAll(filepath.Join(tmp, e.Name()))
			}
		}
	})
}

// workbookSeeds makes the seed workbooks and returns their paths.
func workbookSeeds(tb testing.TB) []string {
	official := append(header("110-0001", "平台运维", "10"),
		[]string{"一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "", "", "指标值确定依据"},
		[]string{"", "", "", "", "符号", "值", "单位（文字描述）", ""},
		[]string{"产出指标", "数量指标", "巡检次数", "全年巡检", ">=", "12", "次", "运维合同"},
		[]string{"", "时效指标", "完成时间", "", "<=", "44561", "", "合同"},
		[]string{"满意度指标", "服务对象满意度指标", "用户满意度", "", "≥", "90", "%", "问卷"},
	)
	selfEval := [][]string{
		{"项目支出绩效自评表"},
		{"项目名称", "平台运维", "项目编码", "110-0008"},
		{"年初预算数（万元）", "10", "全年预算数（万元）", "9", "全年执行数（万元）", "8.5"},
		{},
		{"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"},
		{"产出指标", "数量指标", "巡检次数", "≥12次", "12", "50", "50", ""},
		{"满意度指标", "服务对象满意度指标", "满意度", "≥90%", "88%", "10", "9.78", "个别单位不满意，加强培训"},
	}
	records := func(w func(string)) {
		w(`<sheetData><row r="1">` + inline("A1", "日期") + inline("B1", "项目编码") + inline("C1", "金额") + `</row>` +
			`<row r="2">` + inline("A2", "2021-03-01") + inline("B2", "110-0001") + inline("C2", "1.00") + `</row></sheetData>`)
	}
	formHead := `<sheetData><row r="1">` + inline("A1", "一级指标") + inline("B1", "二级指标") + inline("C1", "三级指标") + `</row></sheetData>`
	seeds := []string{
		book(tb, official, "A9:A10", "B9:B10", "C9:C10", "D9:D10", "E9:G9", "H9:H10", "A11:A12"),
		book(tb, selfEval),
		rawBook(tb, "", sheetPart{"支出记录", records}),
		rawBook(tb, "", sheetPart{"表1", func(w func(string)) {
			w(formHead + `<mergeCells count="1"><mergeCell ref="A1:XFD20000"/></mergeCells>`)
		}}),
		rawBook(tb, `<workbook xmlns="`+mainNS+`"><sheets><sheet`, sheetPart{"表1", func(w func(string)) { w(formHead) }}),
	}
	site, diags := load.Site(testutil.ContentDir())
	check.Site(site, diags)
	exported := filepath.Join(tb.TempDir(), "dkb.xlsx")
	if err := importer.Export(site.Departments[0], exported); err != nil {
		tb.Fatal(err)
	}
	return append(seeds, exported)
}

// stored repacks a workbook with every part stored (not deflated) and its
// CRC-32 left 0, which archive/zip takes as "not set" and does not check.
func stored(tb testing.TB, data []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, e := range zr.File {
		rc, err := e.Open()
		if err != nil {
			tb.Fatal(err)
		}
		part, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			tb.Fatal(err)
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: e.Name, Method: zip.Store,
			CompressedSize64: uint64(len(part)), UncompressedSize64: uint64(len(part))})
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write(part); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return out.Bytes()
}

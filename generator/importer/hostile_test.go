package importer_test

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"disclose/generator/importer"
)

// sheetPart is one worksheet of a hand-made workbook: its name and the XML
// inside <worksheet>, written by fill so that a part of any size costs
// little memory to make.
type sheetPart struct {
	name string
	fill func(w func(string))
}

const (
	mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	relNS  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	pkgNS  = "http://schemas.openxmlformats.org/package/2006/relationships"
)

// rawBook writes an .xlsx with archive/zip, as a hostile tool could: the
// parts say what they like, excelize never saw them.
func rawBook(t testing.TB, workbookXML string, sheets ...sheetPart) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "hostile.xlsx")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	put := func(name string, write func(w func(string))) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		write(func(s string) {
			if _, err := w.Write([]byte(s)); err != nil {
				t.Fatal(err)
			}
		})
	}
	text := func(s string) func(func(string)) { return func(w func(string)) { w(s) } }
	var over, rels, list strings.Builder
	for i, s := range sheets {
		fmt.Fprintf(&over, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="%s/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, relNS, i+1)
		fmt.Fprintf(&list, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, s.name, i+1, i+1)
	}
	put("[Content_Types].xml", text(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`+over.String()+`</Types>`))
	put("_rels/.rels", text(`<Relationships xmlns="`+pkgNS+`"><Relationship Id="rId1" Type="`+relNS+`/officeDocument" Target="xl/workbook.xml"/></Relationships>`))
	if workbookXML == "" {
		workbookXML = `<workbook xmlns="` + mainNS + `" xmlns:r="` + relNS + `"><sheets>` + list.String() + `</sheets></workbook>`
	}
	put("xl/workbook.xml", text(workbookXML))
	put("xl/_rels/workbook.xml.rels", text(`<Relationships xmlns="`+pkgNS+`">`+rels.String()+`</Relationships>`))
	for i, s := range sheets {
		put(fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), func(w func(string)) {
			w(`<worksheet xmlns="` + mainNS + `">`)
			s.fill(w)
			w(`</worksheet>`)
		})
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return p
}

// withMerges adds merged ranges to the first sheet of a saved workbook,
// past what excelize's MergeCell would allocate for them.
func withMerges(t testing.TB, path string, refs ...string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	p := filepath.Join(t.TempDir(), "merged.xlsx")
	f, _ := os.Create(p)
	zw := zip.NewWriter(f)
	var add strings.Builder
	for _, r := range refs {
		add.WriteString(`<mergeCell ref="` + r + `"/>`)
	}
	for _, e := range zr.File {
		rc, _ := e.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		if e.Name == "xl/worksheets/sheet1.xml" {
			s := string(data)
			i := strings.Index(s, "<mergeCells")
			if i < 0 {
				t.Fatal("no mergeCells in sheet1.xml")
			}
			j := i + strings.Index(s[i:], ">") + 1
			data = []byte(s[:j] + add.String() + s[j:])
		}
		w, _ := zw.Create(e.Name)
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return p
}

// inline is a cell holding text.
func inline(ref, text string) string {
	return `<c r="` + ref + `" t="inlineStr"><is><t>` + text + `</t></is></c>`
}

// within runs fn and fails the test if it takes longer than d (a hang, not
// a speed target: d is far above what the work needs).
func within(t *testing.T, d time.Duration, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("did not finish within %v", d)
	}
}

// allocated returns the bytes fn allocated on the heap.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestHostileWorkbooks: workbooks made to exhaust memory or time are
// refused (or clipped) with the sheet named, in bounded memory and time,
// writing nothing and leaving no temporary file.
func TestHostileWorkbooks(t *testing.T) {
	base := t.TempDir()
	formHead := `<sheetData><row r="1">` + inline("A1", "一级指标") + inline("B1", "二级指标") + inline("C1", "三级指标") + `</row></sheetData>`
	spaces := func(n int) func(w func(string)) {
		return func(w func(string)) {
			w(`<sheetData><row r="1">` + inline("A1", "一级指标") + `</row></sheetData>`)
			chunk := strings.Repeat(" ", 1<<20)
			for range n {
				w(chunk)
			}
		}
	}
	cases := []struct {
		name     string
		path     string
		want     string
		maxAlloc uint64 // 0: not measured
	}{
		{"one merged range A1:XFD20000", rawBook(t, "", sheetPart{"表1", func(w func(string)) {
			w(formHead + `<mergeCells count="1"><mergeCell ref="A1:XFD20000"/></mergeCells>`)
		}}), "没有找到可识别的绩效表格", 64 << 20},
		{"a value in column XFD of 20,000 rows", rawBook(t, "", sheetPart{"表1", func(w func(string)) {
			w(`<sheetData>`)
			for r := 1; r <= 20000; r++ {
				w(fmt.Sprintf(`<row r="%d">%s</row>`, r, inline(fmt.Sprintf("XFD%d", r), "x")))
			}
			w(`</sheetData>`)
		}}), "「表1」的单元格超过", 384 << 20},
		{"100,000 merged ranges", rawBook(t, "", sheetPart{"表1", func(w func(string)) {
			w(formHead + `<mergeCells count="100000">`)
			for r := 1; r <= 100000; r++ {
				w(fmt.Sprintf(`<mergeCell ref="D%d:E%d"/>`, r, r))
			}
			w(`</mergeCells>`)
		}}), "「表1」有超过 5000 个合并单元格", 64 << 20},
		{"a sheet that inflates to 65 MB", rawBook(t, "", sheetPart{"表1", spaces(65)}), "解压后超过 64 MB", 0},
		{"65 MB and a broken workbook.xml", rawBook(t, `<workbook xmlns="`+mainNS+`"><sheets><sheet`, sheetPart{"表1", spaces(65)}), "解压后超过 64 MB", 0},
		{"a broken workbook.xml", rawBook(t, `<workbook xmlns="`+mainNS+`"><sheets><sheet`, sheetPart{"表1", func(w func(string)) { w(formHead) }}), "无法作为工作簿打开", 0},
	}
	// Set after the workbooks are made: t.TempDir uses TMPDIR too.
	tmp := filepath.Join(base, "tmp")
	os.Mkdir(tmp, 0o755)
	t.Setenv("TMPDIR", tmp)
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(base, fmt.Sprint(i), "content")
			var err error
			used := allocated(func() {
				within(t, 60*time.Second, func() {
					_, err = importer.Import([]string{tc.path}, importer.Options{Out: out, Year: 2021, Code: "x"})
				})
			})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error with %q", err, tc.want)
			}
			if err != nil && !errors.Is(err, importer.ErrNotForm) {
				t.Errorf("error does not say the file is not a form: %v", err)
			}
			if tc.maxAlloc > 0 && used > tc.maxAlloc {
				t.Errorf("allocated %d MB, want under %d MB", used>>20, tc.maxAlloc>>20)
			}
			if entries, _ := os.ReadDir(out); len(entries) > 0 {
				t.Errorf("a refused import wrote %v", entries)
			}
			if entries, _ := os.ReadDir(tmp); len(entries) > 0 {
				t.Errorf("temporary files left behind in TMPDIR: %v", entries)
			}
		})
	}
}

// TestMergedRangeClippedToUsedArea: a merged range that runs past the
// rows and columns holding values fills only the used area (what Excel
// shows), so the form imports as it would without the overhang.
func TestMergedRangeClippedToUsedArea(t *testing.T) {
	rows := append(header("110-0001", "平台运维", "10"),
		[]string{"一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "", "", "指标值确定依据"},
		[]string{"", "", "", "", "符号", "值", "单位（文字描述）", ""},
		[]string{"产出指标", "数量指标", "巡检次数", "全年巡检", ">=", "12", "次", "运维合同"},
		[]string{"满意度指标", "服务对象满意度指标", "用户满意度", "", ">=", "90", "%", "问卷"},
	)
	p := withMerges(t, book(t, rows, "A9:A10", "B9:B10", "C9:C10", "D9:D10", "E9:G9", "H9:H10"), "A12:A20000", "J30:XFD20000")
	_, rep, d, diags := importOne(t, p)
	clean(t, diags)
	expect(t, d.Projects[0].Indicators, []row{
		{"产出指标", "数量指标", "巡检次数", ">=", "12", "次"},
		{"满意度指标", "服务对象满意度指标", "用户满意度", ">=", "90", "%"},
	})
	if strings.Contains(notes(rep), "没有三级指标名称") {
		t.Errorf("the merge past the data made rows of its own:\n%s", notes(rep))
	}
}

// TestCodesThatAreNotFileNames: a 项目编码, a records sheet's name or a
// department code that would make a path outside its folder (or a name
// Windows cannot hold) is refused with the cell named; nothing is written
// anywhere and a file in the way keeps its bytes.
func TestCodesThatAreNotFileNames(t *testing.T) {
	formRows := func(code string) [][]string {
		return append(header(code, "平台运维", "10"),
			[]string{"一级指标", "二级指标", "三级指标", "符号", "值", "单位"},
			[]string{"产出指标", "数量指标", "巡检次数", ">=", "12", "次"})
	}
	for _, tc := range []struct {
		name, code, dept, want string
	}{
		{"project up four levels", "../../../../victim", "x", `form.xlsx「Sheet1」D2：项目编码 "../../../../victim" 不能用作文件名`},
		{"project up five levels", "../../../../../victim", "x", `项目编码 "../../../../../victim" 不能用作文件名`},
		{"project with a backslash", `..\..\victim`, "x", "不能用作文件名"},
		{"project in a subfolder", "a/b", "x", "不能用作文件名"},
		{"project named as a device", "CON", "x", "Windows"},
		{"project with a colon", "110:1", "x", "不能用作文件名"},
		{"project too long", strings.Repeat("1", 200), "x", "太长"},
		{"hidden project file", ".110", "x", "不能用作文件名"},
		{"department up", "110-0001", "../x", `部门编码 "../x" 不能用作目录名`},
		{"department up two", "110-0001", "../../x", `部门编码 "../../x" 不能用作目录名`},
		{"department absolute", "110-0001", "/tmp/x", `不能用作目录名`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			out := filepath.Join(root, "a", "b", "content")
			victim := filepath.Join(root, "a", "victim.yaml")
			os.MkdirAll(filepath.Dir(victim), 0o755)
			os.WriteFile(victim, []byte("keep"), 0o644)
			p := book(t, formRows(tc.code))
			_, err := importer.Import([]string{p}, importer.Options{Out: out, Year: 2021, Code: tc.dept})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error with %q", err, tc.want)
			}
			if data, _ := os.ReadFile(victim); string(data) != "keep" {
				t.Errorf("the file outside --out was overwritten: %q", data)
			}
			var written []string
			filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() && p != victim {
					written = append(written, p)
				}
				return nil
			})
			if len(written) > 0 {
				t.Errorf("a refused import wrote %v", written)
			}
		})
	}
}

// TestCodeWithControlCharacter: a CSV keeps what a workbook cell would
// not (excelize drops control characters), so the CSV form carries it.
func TestCodeWithControlCharacter(t *testing.T) {
	root := t.TempDir()
	p := filepath.Join(root, "form.csv")
	os.WriteFile(p, []byte("项目名称,平台运维,项目编码,110\x1b[2J\n一级指标,二级指标,三级指标,符号,值,单位\n产出指标,数量指标,巡检次数,>=,12,次\n"), 0o644)
	_, err := importer.Import([]string{p}, importer.Options{Out: filepath.Join(root, "content"), Year: 2021, Code: "x"})
	if err == nil || !strings.Contains(err.Error(), "form.csv 第 1 行第 4 列：项目编码") || !strings.Contains(err.Error(), "控制字符 U+001B") {
		t.Errorf("got %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "content")); err == nil {
		t.Error("a refused import made the content folder")
	}
}

// TestRecordsSheetNameIsAFileName: the name of a 支出记录 sheet becomes a
// file name; one that climbs out of the folder is refused by sheet.
func TestRecordsSheetNameIsAFileName(t *testing.T) {
	records := func(w func(string)) {
		w(`<sheetData><row r="1">` + inline("A1", "日期") + inline("B1", "项目编码") + inline("C1", "金额") + `</row>` +
			`<row r="2">` + inline("A2", "2021-03-01") + inline("B2", "110-0001") + inline("C2", "1.00") + `</row></sheetData>`)
	}
	// excelize refuses a sheet name with / or \; these it reads.
	for _, name := range []string{"支出记录 ..", "支出记录 CON", "支出记录 a..b"} {
		root := t.TempDir()
		out := filepath.Join(root, "content")
		p := rawBook(t, "", sheetPart{name, records})
		_, err := importer.Import([]string{p}, importer.Options{Out: out, Year: 2021, Code: "x"})
		if err == nil || !strings.Contains(err.Error(), "「"+name+"」") || !strings.Contains(err.Error(), "不能用作文件名") {
			t.Errorf("%s: got %v", name, err)
		}
		if entries, _ := os.ReadDir(root); len(entries) > 0 {
			t.Errorf("a refused import wrote %v", entries)
		}
	}
}

// TestImportNeverReplaces: a department folder, or a site.yaml, that is
// already there is never replaced, also when it appears while the import
// runs (the last step refuses an existing target).
func TestImportNeverReplaces(t *testing.T) {
	p := book(t, append(header("110-0001", "平台运维", "10"),
		[]string{"一级指标", "二级指标", "三级指标", "符号", "值", "单位"},
		[]string{"产出指标", "数量指标", "巡检次数", ">=", "12", "次"}))
	out := filepath.Join(t.TempDir(), "content")
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, "site.yaml"), []byte("title: 我的站点\n"), 0o644)
	// An empty department folder is still someone's: refused.
	os.MkdirAll(filepath.Join(out, "2021", "x"), 0o755)
	if _, err := importer.Import([]string{p}, importer.Options{Out: out, Year: 2021, Code: "x"}); err == nil || !strings.Contains(err.Error(), "不会覆盖") {
		t.Errorf("import over an empty department folder: %v", err)
	}
	// A year folder that is a link out of --out: refused.
	elsewhere := t.TempDir()
	os.Symlink(elsewhere, filepath.Join(out, "2022"))
	if _, err := importer.Import([]string{p}, importer.Options{Out: out, Year: 2022, Code: "x"}); err == nil || !strings.Contains(err.Error(), "之外") {
		t.Errorf("import through a linked year folder: %v", err)
	}
	if entries, _ := os.ReadDir(elsewhere); len(entries) > 0 {
		t.Errorf("import wrote through the link: %v", entries)
	}
	rep, err := importer.Import([]string{p}, importer.Options{Out: out, Year: 2021, Code: "y"})
	if err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "site.yaml")); string(data) != "title: 我的站点\n" {
		t.Errorf("site.yaml replaced: %q", data)
	}
	for _, f := range rep.Files {
		if f == "site.yaml" {
			t.Error("report lists site.yaml as written")
		}
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".import-") {
			t.Errorf("temporary folder left: %s", e.Name())
		}
	}
}

// TestCSVWithMillionsOfCells: a CSV within the size limit but made of
// separators would make millions of cells; it is refused before they are
// made.
func TestCSVWithMillionsOfCells(t *testing.T) {
	p := filepath.Join(t.TempDir(), "commas.csv")
	os.WriteFile(p, []byte("一级指标,二级指标,三级指标\n"+strings.Repeat(",", 10<<20)+"\n"), 0o644)
	var err error
	used := allocated(func() {
		_, err = importer.Import([]string{p}, importer.Options{Out: filepath.Join(t.TempDir(), "content"), Year: 2021, Code: "x"})
	})
	if err == nil || !strings.Contains(err.Error(), "commas.csv 有超过") {
		t.Errorf("got %v", err)
	}
	if used > 64<<20 {
		t.Errorf("allocated %d MB, want under 64 MB", used>>20)
	}
}

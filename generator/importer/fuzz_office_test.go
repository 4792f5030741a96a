package importer

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/richardlehane/mscfb"
)

func seedFile(f *testing.F, name string) []byte {
	data, err := os.ReadFile(filepath.Join("testdata", "office", name))
	if err != nil {
		f.Fatal(err)
	}
	return data
}

// checkGrids runs the form recognition over what a reader gave: neither
// may panic, and the bounds hold.
func checkGrids(t *testing.T, gs []Grid) {
	cells := 0
	for i := range gs {
		if len(gs[i].Rows) > maxRows {
			t.Fatalf("%d rows", len(gs[i].Rows))
		}
		for _, r := range gs[i].Rows {
			cells += len(r)
		}
		readForm(&gs[i], 2021, &Report{})
	}
	if cells > maxCells+maxMergeFill {
		t.Fatalf("%d cells", cells)
	}
}

// FuzzReadXLS feeds bytes to the .xls reader: an OLE file, or (so the
// fuzzer reaches the records without rebuilding a container) a BIFF
// workbook stream itself. Seeds: LibreOffice's sample.xls, its encrypted
// copy, and sample.xls's workbook stream.
func FuzzReadXLS(f *testing.F) {
	xls := seedFile(f, "sample.xls")
	f.Add(xls)
	f.Add(seedFile(f, "locked.xls"))
	doc, err := mscfb.New(bytes.NewReader(xls))
	if err != nil {
		f.Fatal(err)
	}
	for e, err := doc.Next(); err == nil; e, err = doc.Next() {
		if e.Name == "Workbook" {
			book, _ := io.ReadAll(e)
			f.Add(book)
		}
	}
	lim := Limits{}.orDefaults()
	f.Fuzz(func(t *testing.T, data []byte) {
		var gs []Grid
		var err error
		if bytes.HasPrefix(data, oleHeader) {
			gs, err = readOLE("f.xls", data, lim)
		} else {
			gs, err = readBIFF("f.xls", data)
		}
		if err == nil {
			checkGrids(t, gs)
		}
	})
}

// FuzzReadDOCX feeds bytes to the Word reader: a .docx, or (so the fuzzer
// reaches the XML without rebuilding a zip) a document.xml itself. Seeds:
// LibreOffice's seed.docx and two-projects.docx and their document.xml.
func FuzzReadDOCX(f *testing.F) {
	for _, name := range []string{"seed.docx", "two-projects.docx"} {
		data := seedFile(f, name)
		f.Add(data)
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			f.Fatal(err)
		}
		for _, e := range zr.File {
			if e.Name == "word/document.xml" {
				rc, _ := e.Open()
				part, _ := io.ReadAll(rc)
				rc.Close()
				f.Add(part)
			}
		}
	}
	lim := Limits{}.orDefaults()
	f.Fuzz(func(t *testing.T, data []byte) {
		if bytes.HasPrefix(data, []byte("PK")) || bytes.HasPrefix(data, oleHeader) {
			if gs, err := readDOCX("f.docx", data, lim); err == nil {
				checkGrids(t, gs)
			}
			return
		}
		blocks, err := docBlocks(data, lim)
		if err != nil {
			return
		}
		checkGrids(t, layoutDocument("f.docx", blocks))
	})
}

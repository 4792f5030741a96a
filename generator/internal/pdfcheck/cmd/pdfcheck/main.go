// Command pdfcheck checks every PDF under the folders or files named: no
// glyph drawn blank or as .notdef for a character that has text, every
// font embedded. make validate runs it on public/.
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"disclose/generator/internal/pdfcheck"
)

func main() {
	bad, files := 0, 0
	for _, arg := range os.Args[1:] {
		_ = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".pdf") {
				return err
			}
			files++
			data, err := os.ReadFile(p)
			if err != nil {
				fmt.Printf("FAIL %s: %v\n", p, err)
				bad++
				return nil
			}
			r, err := pdfcheck.Check(data)
			if err != nil {
				fmt.Printf("FAIL %s: %v\n", p, err)
				bad++
				return nil
			}
			for _, pr := range r.Problems {
				fmt.Printf("FAIL %s: %s\n", p, pr)
			}
			if len(r.Problems) > 0 {
				bad++
			}
			fmt.Printf("%s: %d pages, %d embedded fonts, %d glyphs, %d problems\n", p, r.Pages, r.Fonts, r.Glyphs, len(r.Problems))
			return nil
		})
	}
	if files == 0 {
		fmt.Println("pdfcheck: no PDF found")
		os.Exit(1)
	}
	if bad > 0 {
		os.Exit(1)
	}
}

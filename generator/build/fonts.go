package build

import (
	"path/filepath"
	"sync"

	"disclose/generator/model"
	"disclose/generator/pdf"
)

// fontCache keeps parsed fonts for the life of the process (disclose serve
// rebuilds many times; parsing the CJK fonts costs about 0.1 s).
var fontCache struct {
	sync.Mutex
	key   pdf.FontFiles
	fonts *pdf.Fonts
}

func loadFonts(key pdf.FontFiles, cache string) (*pdf.Fonts, error) {
	fontCache.Lock()
	defer fontCache.Unlock()
	if fontCache.fonts != nil && fontCache.key == key {
		return fontCache.fonts, nil
	}
	f, err := pdf.LoadFonts(cache, key)
	if err != nil {
		return nil, err
	}
	fontCache.key, fontCache.fonts = key, f
	return f, nil
}

// fontFiles resolves site.yaml's font paths against the content folder.
func fontFiles(site *model.Site) pdf.FontFiles {
	rel := func(p string) string {
		if p == "" || filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(site.Dir, p)
	}
	return pdf.FontFiles{Serif: rel(site.PDF.Serif), Sans: rel(site.PDF.Sans), Fallback: rel(site.PDF.Fallback)}
}

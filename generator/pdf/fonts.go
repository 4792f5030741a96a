package pdf

import (
	"crypto/sha256"
	"fmt"
	"os"
	"slices"
	"sync"

	"github.com/signintech/gopdf"

	"disclose/generator/assets"
)

// Face is a typeface role in the reports.
type Face int

const (
	// Serif is the body face, 宋体-like (Noto Serif SC by default).
	Serif Face = iota
	// Sans is the heading face, bold 黑体-like (Noto Sans SC Bold).
	Sans
	// Fallback draws characters the other two lack, when configured.
	Fallback
	numFaces
)

// FontFiles names the TrueType files of the faces; empty means the pinned
// Noto fonts from the asset cache.
type FontFiles struct {
	Serif, Sans, Fallback string
}

const (
	notoSerif = "npm/@expo-google-fonts/noto-serif-sc@0.4.3/package/400Regular/NotoSerifSC_400Regular.ttf"
	notoSans  = "npm/@expo-google-fonts/noto-sans-sc@0.4.3/package/700Bold/NotoSansSC_700Bold.ttf"
)

// FontLicences are the licence files shipped beside the PDFs.
var FontLicences = []assets.File{
	{Cache: "npm/@expo-google-fonts/noto-serif-sc@0.4.3/package/LICENSE_FONT", Dest: "assets/fonts/NotoSerifSC-OFL.txt"},
	{Cache: "npm/@expo-google-fonts/noto-sans-sc@0.4.3/package/LICENSE_FONT", Dest: "assets/fonts/NotoSansSC-OFL.txt"},
}

// Fonts holds the parsed fonts of a build, shared by every document (gopdf's
// FontContainer is safe across goroutines), and measures characters.
type Fonts struct {
	container *gopdf.FontContainer
	family    [numFaces]string // gopdf family names, "" for an absent face
	files     [numFaces]string
	mu        sync.Mutex   // guards meter, widths and has
	meter     *gopdf.GoPdf // a document used only to measure and test glyphs
	widths    map[glyphKey]float64
	has       map[glyphKey]bool
	// missing collects characters gopdf was asked to draw but could not;
	// CheckGlyphs should have stopped them, so any here is a bug, and the
	// build fails rather than print a blank.
	// It has its own lock: gopdf calls OnGlyphNotFound while Width holds
	// mu, and one lock for both deadlocked the build.
	missingMu sync.Mutex
	missing   map[rune]bool
}

type glyphKey struct {
	face Face
	r    rune
}

// LoadFonts parses the fonts once. files may name a user's own TrueType
// fonts (a 仿宋 on Windows, say); the defaults come verified from cache.
func LoadFonts(cache string, files FontFiles) (*Fonts, error) {
	f := &Fonts{container: &gopdf.FontContainer{}, widths: map[glyphKey]float64{}, has: map[glyphKey]bool{}, missing: map[rune]bool{}}
	sources := [numFaces]struct{ path, pinned, name string }{
		Serif:    {files.Serif, notoSerif, "NotoSerifSC"},
		Sans:     {files.Sans, notoSans, "NotoSansSCBold"},
		Fallback: {files.Fallback, "", "Fallback"},
	}
	f.meter = &gopdf.GoPdf{}
	f.meter.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
	for face, s := range sources {
		var data []byte
		var err error
		switch {
		case s.path != "":
			data, err = os.ReadFile(s.path)
			f.files[face] = s.path
		case s.pinned != "":
			data, err = assets.Read(cache, s.pinned)
			f.files[face] = s.pinned
		default:
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("字体：%w", err)
		}
		// A subset font is named with a six-letter tag; derived from the
		// font's bytes it is the same on every build.
		sum := sha256.Sum256(data)
		tag := make([]byte, 6)
		for i := range tag {
			tag[i] = 'A' + sum[i]%26
		}
		family := string(tag) + "+" + s.name
		opt := gopdf.TtfOption{UseKerning: false, OnGlyphNotFound: func(r rune) {
			f.missingMu.Lock()
			f.missing[r] = true
			f.missingMu.Unlock()
		}}
		if err := f.container.AddTTFFontDataWithOption(family, data, opt); err != nil {
			return nil, fmt.Errorf("字体 %s 无法读取（只支持 TrueType 轮廓的 .ttf 文件，不支持 .ttc 和 .otf）：%w", f.files[face], err)
		}
		if err := f.meter.AddTTFFontFromFontContainer(family, f.container); err != nil {
			return nil, err
		}
		f.family[face] = family
	}
	return f, nil
}

// Has reports whether the face has a glyph for r.
func (f *Fonts) Has(face Face, r rune) bool {
	if f.family[face] == "" {
		return false
	}
	if r == ' ' || isLayoutControl(r) {
		return true
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	k := glyphKey{face, r}
	if v, ok := f.has[k]; ok {
		return v
	}
	_ = f.meter.SetFont(f.family[face], "", 10)
	ok, err := f.meter.IsCurrFontContainGlyph(r)
	f.has[k] = ok && err == nil
	return f.has[k]
}

// faceFor is the face that draws r in text set in face: the face itself, or
// the fallback when only it has the glyph.
func (f *Fonts) faceFor(face Face, r rune) Face {
	if f.family[Fallback] != "" && !f.Has(face, r) && f.Has(Fallback, r) {
		return Fallback
	}
	return face
}

// Width is the advance of r at 1 pt in face (or its fallback).
func (f *Fonts) Width(face Face, r rune) float64 {
	if isLayoutControl(r) {
		// Breaks and controls are laid out, never drawn (drawText drops
		// them); asking gopdf would report them as missing glyphs.
		return 0
	}
	face = f.faceFor(face, r)
	f.mu.Lock()
	defer f.mu.Unlock()
	k := glyphKey{face, r}
	if w, ok := f.widths[k]; ok {
		return w
	}
	_ = f.meter.SetFont(f.family[face], "", 100)
	w, err := f.meter.MeasureTextWidth(string(r))
	if err != nil {
		w = 100
	}
	f.widths[k] = w / 100
	return f.widths[k]
}

// Missing returns the characters of text that no configured face can draw.
func (f *Fonts) Missing(face Face, text string) []rune {
	var out []rune
	for _, r := range text {
		if isLayoutControl(r) {
			continue
		}
		if !f.Has(face, r) && !f.Has(Fallback, r) {
			out = append(out, r)
		}
	}
	return out
}

// drawnMissing lists the characters gopdf could not draw so far.
func (f *Fonts) drawnMissing() []rune {
	f.missingMu.Lock()
	defer f.missingMu.Unlock()
	var out []rune
	for r := range f.missing {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}

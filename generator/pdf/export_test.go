package pdf

import "disclose/generator/present"

// DrawnMissing lets tests see the characters gopdf was asked to draw but
// could not.
func DrawnMissing(f *Fonts) []rune { return f.drawnMissing() }

var PDFLiteral = pdfLiteral

// MemoCut ends a memo cut at MaxMemoChars.
const MemoCut = memoCut

// YearOfSections is the summary edition of a year made from its
// departments' sections, as a build makes it from its state.
func YearOfSections(f *Fonts, year int, sections []*Section, o Options) ([]byte, error) {
	parts := make([]*YearPart, len(sections))
	for i, s := range sections {
		parts[i] = sectionPart(f, s)
	}
	return yearFromParts(f, year, present.Volume{Number: 1, Of: 1, To: len(parts)}, parts, o)
}

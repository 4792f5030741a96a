package pdf

// DrawnMissing lets tests see the characters gopdf was asked to draw but
// could not.
func DrawnMissing(f *Fonts) []rune { return f.drawnMissing() }

var PDFLiteral = pdfLiteral

// MemoCut ends a memo cut at MaxMemoChars.
const MemoCut = memoCut

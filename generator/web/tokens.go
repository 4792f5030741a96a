package web

import "unicode"

// The search tokenizer (搜索分词). Chinese has no spaces, so a run of Han
// characters is indexed as its overlapping two-character pairs (bigrams):
// a query of two or more characters becomes its own pairs, and every text
// that contains the query contains all of them, so nothing that matches is
// missed. Names also index each character alone, so a one-character query
// finds names. Runs of letters and digits are one token each (codes such as
// d001-0001 split at the hyphen). templates/static/search.js tokenizes
// queries with the same rules; change both together.

// fold maps full-width ASCII to ASCII and A–Z to a–z; nothing else, so the
// browser's tokenizer can do exactly the same.
func fold(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		r -= 0xFEE0
	}
	if r >= 'A' && r <= 'Z' {
		r += 'a' - 'A'
	}
	return r
}

func isHan(r rune) bool  { return unicode.Is(unicode.Han, r) }
func isWord(r rune) bool { return !isHan(r) && (unicode.IsLetter(r) || unicode.IsNumber(r)) }

// tokenize calls emit with each token of s, in order, repeats included.
// singles adds each Han character of a longer run on its own.
func tokenize(s string, singles bool, emit func(string)) {
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := fold(rs[i])
		switch {
		case isHan(r):
			j := i
			for j < len(rs) && isHan(rs[j]) {
				j++
			}
			if j-i == 1 {
				emit(string(rs[i]))
			}
			for k := i; k+1 < j; k++ {
				emit(string(rs[k : k+2]))
			}
			if singles && j-i > 1 {
				for k := i; k < j; k++ {
					emit(string(rs[k]))
				}
			}
			i = j
		case isWord(r):
			j := i
			word := make([]rune, 0, 16)
			for j < len(rs) && isWord(fold(rs[j])) {
				word = append(word, fold(rs[j]))
				j++
			}
			emit(string(word))
			i = j
		default:
			i++
		}
	}
}

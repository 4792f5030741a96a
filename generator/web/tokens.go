package web

import (
	"unicode"
	"unicode/utf8"
)

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
// singles adds each Han character of a longer run on its own. A token is
// a piece of s where folding changes nothing (always so for Han): the
// pages of a province give it some millions of tokens.
func tokenize(s string, singles bool, emit func(string)) {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		r = fold(r)
		switch {
		case isHan(r):
			prev, j, count := i, i+n, 1
			for j < len(s) {
				r, n := utf8.DecodeRuneInString(s[j:])
				if !isHan(r) {
					break
				}
				emit(s[prev : j+n]) // the pair ending here
				prev, j, count = j, j+n, count+1
			}
			if count == 1 {
				emit(s[i:j])
			} else if singles {
				for k := i; k < j; {
					_, n := utf8.DecodeRuneInString(s[k:])
					emit(s[k : k+n])
					k += n
				}
			}
			i = j
		case isWord(r):
			j, folded := i, false
			for j < len(s) {
				r, n := utf8.DecodeRuneInString(s[j:])
				f := fold(r)
				if !isWord(f) {
					break
				}
				folded = folded || f != r
				j += n
			}
			if folded {
				word := make([]rune, 0, j-i)
				for _, r := range s[i:j] {
					word = append(word, fold(r))
				}
				emit(string(word))
			} else {
				emit(s[i:j])
			}
			i = j
		default:
			i += n
		}
	}
}

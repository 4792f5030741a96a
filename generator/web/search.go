package web

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"

	"disclose/generator/derive"
	"disclose/generator/model"
	"disclose/generator/workers"
)

// The site search (搜索) is MiniSearch in the browser over an index this
// build writes in MiniSearch's own serialized form (MiniSearch.loadJSON,
// serializationVersion 2), cut into shards by a hash of the term: a query
// loads search/meta.json and the shards of its terms only, never the whole
// index. All postings of a term sit in one shard, so the shards' BM25
// scores are those of one index. The pages' titles, links and amounts are
// in one small file per department (search/docs/), fetched for the results
// shown; the snippet comes from the result's own page.

// SearchDoc is what the search index keeps of one page: the distinct
// tokens of its name field (name and code) and of its text field
// (indicator names, narratives), sorted and joined by spaces (a token has
// none; one string decodes from the build's state far faster than a list),
// with each field's token count.
type SearchDoc struct {
	Terms [2]string
	Len   [2]int
}

// searchFields are the MiniSearch fields, in SearchDoc's order.
var searchFields = []string{"name", "text"}

func searchDoc(name, code string, text ...string) SearchDoc {
	var d SearchDoc
	var terms [2][]string
	seen := map[string]bool{}
	add := func(field int) func(string) {
		return func(t string) {
			d.Len[field]++
			if !seen[t] {
				seen[t] = true
				terms[field] = append(terms[field], t)
			}
		}
	}
	tokenize(name, true, add(0))
	tokenize(code, false, add(0))
	clear(seen)
	for _, s := range text {
		tokenize(s, false, add(1))
	}
	for f := range terms {
		slices.Sort(terms[f])
		d.Terms[f] = strings.Join(terms[f], " ")
	}
	return d
}

func indicatorNames(in []model.Indicator) []string {
	out := make([]string, len(in))
	for i := range in {
		out[i] = in[i].Name
	}
	return out
}

// deptSearch is the department page's document: its name, code, targets,
// indicators and narratives (Markdown as written: the tokenizer skips the
// markup).
func deptSearch(d *derive.Department) SearchDoc {
	text := append(indicatorNames(d.Indicators), d.Title, d.OverallGoal.Text, d.Measures.Text)
	return searchDoc(d.Name, d.Code, append(text, d.SubTargets...)...)
}

// projectSearch is a project page's document: name and code; indicator
// and budget line names, targets, the header's words and the narrative.
func projectSearch(p *derive.Project) SearchDoc {
	text := append(indicatorNames(p.Indicators), p.Category, p.Supervisor, p.Implementer, p.Office, p.Purpose, p.Description.Text)
	for _, l := range p.BudgetLines {
		text = append(text, l.Name)
	}
	for _, t := range p.Targets {
		text = append(text, t.Text)
	}
	return searchDoc(p.Name, p.Code, text...)
}

// postingsPerShard sets the shard count: about this many postings a shard
// (a few tens of kilobytes), so a query of a few terms stays small.
const postingsPerShard = 2000

// writeSearch writes the index of every department's pages.
func writeSearch(w *writer, depts []*DeptSummary) {
	// Documents are numbered in the site's order: each department's page,
	// then its projects.
	var docs []*SearchDoc
	var meta bytes.Buffer
	meta.WriteString(`{"version":1,"fields":["name","text"],"departments":[`)
	postings := 0
	for i, d := range depts {
		if i > 0 {
			meta.WriteByte(',')
		}
		file := fmt.Sprintf("search/docs/%d-%s.json", d.Year, d.Code)
		fmt.Fprintf(&meta, "[%d,%s,%s,%d]", d.Year, jsonString(file), jsonString(d.Name), len(docs))
		list := &bytes.Buffer{}
		list.WriteString("[")
		add := func(s *SearchDoc, title, code, href, amount string, illustrative bool) {
			if len(docs) > 0 && list.Len() > 1 {
				list.WriteByte(',')
			}
			fmt.Fprintf(list, "[%s,%s,%s,%s", jsonString(title), jsonString(code), jsonString(href), jsonString(amount))
			if illustrative {
				list.WriteString(",1") // 示例数据, which the result says
			}
			list.WriteByte(']')
			docs = append(docs, s)
			postings += strings.Count(s.Terms[0], " ") + strings.Count(s.Terms[1], " ") + 2
		}
		add(&d.Search, d.Title, d.Code, d.Href, d.BudgetWan(), len(d.Notes) > 0)
		for j := range d.Rows {
			r := &d.Rows[j]
			add(&r.Search, r.Name, r.Code, r.Href, r.BudgetWan, r.Illustrative)
		}
		list.WriteString("]\n")
		w.file(file, list.Bytes())
	}
	shards := 1
	for shards < 4096 && shards*postingsPerShard < postings {
		shards *= 2
	}
	fmt.Fprintf(&meta, `],"documents":%d,"shards":%d}`+"\n", len(docs), shards)
	w.file("search/meta.json", meta.Bytes())

	// Average field lengths, in hundredths, by integer division: the same
	// bytes on every machine.
	avg := make([]string, 2)
	for f := range avg {
		sum := 0
		for _, d := range docs {
			sum += d.Len[f]
		}
		h := 0
		if len(docs) > 0 {
			h = sum * 100 / len(docs)
		}
		avg[f] = fmt.Sprintf("%d.%02d", h/100, h%100)
	}
	index := make([]map[string][]posting, shards)
	members := make([][]int, shards)
	for s := range index {
		index[s] = map[string][]posting{}
	}
	for k, d := range docs {
		for f, terms := range d.Terms {
			for t := range strings.FieldsSeq(terms) {
				s := shardOf(t, shards)
				index[s][t] = append(index[s][t], posting{f, k})
				if m := members[s]; len(m) == 0 || m[len(m)-1] != k {
					members[s] = append(members[s], k)
				}
			}
		}
	}
	// Each document's entries in a shard's documentIds and fieldLength,
	// made once: a shard lists most documents.
	ids, lens := make([]string, len(docs)), make([]string, len(docs))
	for k, d := range docs {
		num := strconv.Itoa(k)
		ids[k] = `"` + num + `":` + num
		lens[k] = `"` + num + `":[` + strconv.Itoa(d.Len[0]) + `,` + strconv.Itoa(d.Len[1]) + `]`
	}
	workers.Each(shards, func(s int) {
		w.file(fmt.Sprintf("search/shards/%d.json", s), shardJSON(index[s], members[s], [2][]string{ids, lens}, len(docs), avg))
	})
}

type posting struct{ field, doc int }

// shardOf is the shard of a term: FNV-1a of its UTF-8 bytes (search.js
// computes the same).
func shardOf(term string, shards int) int {
	h := fnv.New32a()
	h.Write([]byte(term))
	return int(h.Sum32() & uint32(shards-1))
}

// shardJSON is one shard in MiniSearch's serialized form. Short ids are
// the documents' numbers; the ids are the same numbers. entries are each
// document's entry in documentIds and in fieldLength.
func shardJSON(index map[string][]posting, members []int, entries [2][]string, docs int, avg []string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `{"documentCount":%d,"nextId":%d,"documentIds":{`, docs, docs)
	for i, k := range members {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(entries[0][k])
	}
	b.WriteString(`},"fieldIds":{"name":0,"text":1},"fieldLength":{`)
	for i, k := range members {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(entries[1][k])
	}
	fmt.Fprintf(&b, `},"averageFieldLength":[%s,%s],"storedFields":{},"dirtCount":0,"index":[`, avg[0], avg[1])
	terms := make([]string, 0, len(index))
	for t := range index {
		terms = append(terms, t)
	}
	slices.Sort(terms)
	for i, t := range terms {
		if i > 0 {
			b.WriteString(",\n")
		}
		b.WriteString("[")
		b.WriteString(jsonString(t))
		b.WriteString(",{")
		ps := index[t]
		for f := range searchFields {
			first := true
			for _, p := range ps {
				if p.field != f {
					continue
				}
				if first {
					if f > 0 && b.Bytes()[b.Len()-1] != '{' {
						b.WriteByte(',')
					}
					b.WriteString(`"` + strconv.Itoa(f) + `":{`)
					first = false
				} else {
					b.WriteByte(',')
				}
				b.WriteByte('"')
				b.WriteString(strconv.Itoa(p.doc))
				b.WriteString(`":1`)
			}
			if !first {
				b.WriteByte('}')
			}
		}
		b.WriteString("}]")
	}
	b.WriteString(`],"serializationVersion":2}` + "\n")
	return b.Bytes()
}

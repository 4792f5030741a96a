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
// build writes in segments of departments (segment.go), each cut into
// shards by a hash of the term: a query loads search/meta.json and its
// terms' shard of every segment, never the whole index. A shard keeps its
// terms' postings, each a document's number (delta-coded) and its field's
// token count (a sixth of MiniSearch's serialized form); search.js joins a term's
// shards into MiniSearch's form with the site's document count and
// average field lengths from meta.json, so BM25 scores as one index over
// the whole site would. The pages' titles, links and amounts are in one
// small file per department (search/docs/), fetched for the results shown;
// the snippet comes from the result's own page.

// SearchDoc is what the search index keeps of one page: the distinct
// tokens of its name field (name and code) and of its text field
// (indicator names, narratives), sorted and joined by spaces (a token has
// none; one string decodes from the build's state far faster than a list),
// with each field's token count.
type SearchDoc struct {
	Terms [2]string
	Len   [2]int
}

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

// postingsPerShard sets a segment's shard count: about this many postings
// a shard (a few tens of kilobytes), so a query of a few terms stays small.
const postingsPerShard = 2000

// SearchStats is a department's share of the index's statistics, which
// search/meta.json gives for the whole site (BM25 needs the document
// count and the average field lengths of one index): its documents (its
// page and its projects'), their field lengths summed, their postings.
type SearchStats struct {
	Docs     int
	Len      [2]int
	Postings int
}

func searchStats(det *DeptDetail) SearchStats {
	st := SearchStats{}
	add := func(d *SearchDoc) {
		st.Docs++
		for f := range d.Len {
			st.Len[f] += d.Len[f]
			if d.Terms[f] != "" {
				st.Postings += strings.Count(d.Terms[f], " ") + 1
			}
		}
	}
	add(&det.Search)
	for i := range det.Rows {
		add(&det.Rows[i].Search)
	}
	return st
}

// docsPerDept spaces the departments' document numbers: a department's
// pages are numbered from its index in the site times this, so a
// department's numbers do not move when another's projects change.
const docsPerDept = 1 << 16

func searchDocsPath(d *DeptSummary) string {
	return fmt.Sprintf("search/docs/%d-%s.json", d.Year, d.Code)
}

// writeSearchDocs writes a department's result entries: its page, then its
// projects', each [title, code, link, amount] and 1 when it shows 示例数据.
func writeSearchDocs(w *writer, d *DeptSummary, det *DeptDetail) {
	if len(det.Rows)+1 >= docsPerDept {
		w.fail(fmt.Errorf("%d/%s：项目超过 %d 个，搜索索引无法编号", d.Year, d.Code, docsPerDept-1))
		return
	}
	list := &bytes.Buffer{}
	list.WriteString("[")
	add := func(title, code, href, amount string, illustrative bool) {
		if list.Len() > 1 {
			list.WriteByte(',')
		}
		fmt.Fprintf(list, "[%s,%s,%s,%s", jsonString(title), jsonString(code), jsonString(href), jsonString(amount))
		if illustrative {
			list.WriteString(",1") // 示例数据, which the result says
		}
		list.WriteByte(']')
	}
	add(d.Title, d.Code, d.Href, d.BudgetWan(), len(d.Notes) > 0)
	for j := range det.Rows {
		r := &det.Rows[j]
		add(r.Name, r.Code, r.Href, r.BudgetWan, r.Illustrative)
	}
	list.WriteString("]\n")
	w.file(searchDocsPath(d), list.Bytes())
}

// segmentShards is the shard count of a segment's index: a power of two
// by its postings, at most 4096.
func segmentShards(depts []*DeptSummary) int {
	postings := 0
	for _, d := range depts {
		postings += d.Search.Postings
	}
	shards := 1
	for shards < 4096 && shards*postingsPerShard < postings {
		shards *= 2
	}
	return shards
}

// writeSearchMeta writes search/meta.json: the fields, the site's document
// count and average field lengths (in hundredths, by integer division: the
// same bytes on every machine), each segment's shard count, and each
// department's year, result entries, name and first document number.
func writeSearchMeta(w *writer, depts []*DeptSummary) {
	var meta bytes.Buffer
	docs, lens := 0, [2]int{}
	meta.WriteString(`{"version":2,"fields":["name","text"],"departments":[`)
	for i, d := range depts {
		if i > 0 {
			meta.WriteByte(',')
		}
		fmt.Fprintf(&meta, "[%d,%s,%s,%d]", d.Year, jsonString(searchDocsPath(d)), jsonString(d.Name), i*docsPerDept)
		docs += d.Search.Docs
		for f := range lens {
			lens[f] += d.Search.Len[f]
		}
	}
	avg := make([]string, 2)
	for f := range avg {
		h := 0
		if docs > 0 {
			h = lens[f] * 100 / docs
		}
		avg[f] = fmt.Sprintf("%d.%02d", h/100, h%100)
	}
	meta.WriteString(`],"segments":[`)
	for n, s := range Segments(len(depts)) {
		if n > 0 {
			meta.WriteByte(',')
		}
		fmt.Fprintf(&meta, "%d", segmentShards(depts[s[0]:s[1]]))
	}
	fmt.Fprintf(&meta, `],"documents":%d,"averageFieldLength":[%s,%s]}`+"\n", docs, avg[0], avg[1])
	w.file("search/meta.json", meta.Bytes())
}

// writeSearchSegment writes segment n's shards (search/N/SHARD.json) from
// its departments' documents.
func writeSearchSegment(w *writer, n int, depts []*DeptSummary) {
	shards := segmentShards(depts)
	var docs []*SearchDoc
	var nums []int
	for i, d := range depts {
		base := (n*SegmentSize + i) * docsPerDept
		docs = append(docs, &d.Detail.Search)
		nums = append(nums, base)
		for j := range d.Detail.Rows {
			docs = append(docs, &d.Detail.Rows[j].Search)
			nums = append(nums, base+1+j)
		}
	}
	// Documents are in increasing number, so each term's postings are too.
	index := make([]map[string]*[2][]int, shards)
	for s := range index {
		index[s] = map[string]*[2][]int{}
	}
	for k, d := range docs {
		for f, terms := range d.Terms {
			for t := range strings.FieldsSeq(terms) {
				s := shardOf(t, shards)
				ps := index[s][t]
				if ps == nil {
					ps = &[2][]int{}
					index[s][t] = ps
				}
				ps[f] = append(ps[f], k)
			}
		}
	}
	workers.Each(shards, func(s int) {
		w.file(fmt.Sprintf("search/%d/%d.json", n, s), shardJSON(index[s], docs, nums))
	})
}

// shardOf is the shard of a term: FNV-1a of its UTF-8 bytes (search.js
// computes the same).
func shardOf(term string, shards int) int {
	h := fnv.New32a()
	h.Write([]byte(term))
	return int(h.Sum32() & uint32(shards-1))
}

// shardJSON is one shard: each term with, for each field, the documents
// that have it there, in increasing number, each as its number's
// difference from the one before and its token count in that field (all
// BM25 needs of it). postings are indexes in docs and nums.
func shardJSON(index map[string]*[2][]int, docs []*SearchDoc, nums []int) []byte {
	terms := make([]string, 0, len(index))
	size := 0
	for t, ps := range index {
		terms = append(terms, t)
		size += len(t) + 8*(len(ps[0])+len(ps[1])) + 16
	}
	slices.Sort(terms)
	b := make([]byte, 0, size)
	b = append(b, `{"index":[`...)
	for i, t := range terms {
		if i > 0 {
			b = append(b, ",\n"...)
		}
		b = append(b, '[')
		b = append(b, jsonString(t)...)
		for f, ps := range index[t] {
			b = append(b, ",["...)
			prev := 0
			for j, k := range ps {
				if j > 0 {
					b = append(b, ',')
				}
				b = strconv.AppendInt(b, int64(nums[k]-prev), 10)
				b = append(b, ',')
				b = strconv.AppendInt(b, int64(docs[k].Len[f]), 10)
				prev = nums[k]
			}
			b = append(b, ']')
		}
		b = append(b, ']')
	}
	return append(b, "]}\n"...)
}

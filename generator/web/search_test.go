package web

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestTokenize(t *testing.T) {
	for _, c := range []struct {
		in      string
		singles bool
		want    string
	}{
		{"软件升级", false, "软件 件升 升级"},
		{"软件升级", true, "软件 件升 升级 软 件 升 级"},
		{"考核", false, "考核"},
		{"校", false, "校"},
		{"第1教育局", false, "第 1 教育 育局"},
		{"d001-0001-F26C", false, "d001 0001 f26c"},
		{"ＡＢＣ１２３，5G基站", false, "abc123 5g 基站"},
		{"**校舍**维修", false, "校舍 维修"},
		{"", false, ""},
	} {
		var got []string
		tokenize(c.in, c.singles, func(s string) { got = append(got, s) })
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("tokenize(%q, %v) = %q, want %q", c.in, c.singles, g, c.want)
		}
	}
}

// searchSite writes the search index of depts (each with its Detail) as a
// build does: each department's statistics and result entries, meta.json,
// then each segment's shards.
func searchSite(t *testing.T, depts []*DeptSummary) (mapOutput, searchMeta) {
	t.Helper()
	out := mapOutput{}
	w := &writer{out: out}
	for _, d := range depts {
		d.Search = searchStats(d.Detail)
		writeSearchDocs(w, d, d.Detail)
	}
	writeSearchMeta(w, depts)
	for n, s := range Segments(len(depts)) {
		writeSearchSegment(w, n, depts[s[0]:s[1]])
	}
	if w.err != nil {
		t.Fatal(w.err)
	}
	var meta searchMeta
	if err := json.Unmarshal(out["search/meta.json"], &meta); err != nil {
		t.Fatal(err)
	}
	return out, meta
}

type searchMeta struct {
	Departments        [][]any
	Segments           []int
	Documents          int
	AverageFieldLength [2]float64
}

// searchIndex is what a term's index holds: the documents that have the
// term, by field, and their field lengths.
type searchIndex struct {
	lens     map[int][2]int
	postings [2][]int
}

// joinShards is what search.js loads for term: its shard of every segment
// joined, the numbers decoded.
func joinShards(t *testing.T, out mapOutput, meta searchMeta, term string) searchIndex {
	t.Helper()
	ix := searchIndex{lens: map[int][2]int{}}
	for n, shards := range meta.Segments {
		path := fmt.Sprintf("search/%d/%d.json", n, shardOf(term, shards))
		var s struct{ Index [][]json.RawMessage }
		if err := json.Unmarshal(out[path], &s); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, e := range s.Index {
			var name string
			if json.Unmarshal(e[0], &name); name != term {
				continue
			}
			for f := range ix.postings {
				var ps []int
				if err := json.Unmarshal(e[1+f], &ps); err != nil || len(ps)%2 != 0 {
					t.Fatalf("%s: %s: %v", path, term, err)
				}
				for k, id := 0, 0; k < len(ps); k += 2 {
					id += ps[k]
					if slices.Contains(ix.postings[f], id) {
						t.Fatalf("%s: %s in document %d twice", path, term, id)
					}
					ix.postings[f] = append(ix.postings[f], id)
					l := ix.lens[id]
					l[f] = ps[k+1]
					ix.lens[id] = l
				}
			}
		}
	}
	return ix
}

// bm25 is MiniSearch 7.2.0's score of one term in each document (k 1.2,
// b 0.7, d 0.5; a term counts once in a field; the name field boosted 3,
// as search.js asks).
func bm25(ix searchIndex, docs int, avg [2]float64) map[int]float64 {
	score := map[int]float64{}
	for f, boost := range [2]float64{3, 1} {
		m := float64(len(ix.postings[f]))
		idf := math.Log(1 + (float64(docs)-m+0.5)/(m+0.5))
		for _, id := range ix.postings[f] {
			norm := 1 + 1.2*(1-0.7+0.7*float64(ix.lens[id][f])/avg[f])
			score[id] += boost * idf * (0.5 + 2.2/norm)
		}
	}
	return score
}

// rank is search.js's find: the documents with every term, by their
// scores summed, best first, then by number.
func rank(scores []map[int]float64) []int {
	total := maps.Clone(scores[0])
	for _, s := range scores[1:] {
		for id := range total {
			if v, ok := s[id]; ok {
				total[id] += v
			} else {
				delete(total, id)
			}
		}
	}
	ids := slices.Collect(maps.Keys(total))
	slices.SortFunc(ids, func(a, b int) int {
		if c := cmp.Compare(total[b], total[a]); c != 0 {
			return c
		}
		return a - b
	})
	return ids
}

// TestSearchShards: every token of every page is in the shard its hash
// names, with the page's number, and a page's number finds its result
// entry in its department's file.
func TestSearchShards(t *testing.T) {
	depts := []*DeptSummary{
		{Year: 2021, Code: "a", Name: "第一局", Title: "第一局 2021年", Href: "2021/a/index.html", Detail: &DeptDetail{Search: searchDoc("第一局", "a", "考核办法"),
			Rows: []ProjectRow{{Code: "p1", Name: "校舍维修", Href: "2021/a/projects/p1.html", BudgetWan: "1.00", Search: searchDoc("校舍维修", "p1", "软件升级")}}}},
		{Year: 2022, Code: "b", Name: "第二局", Title: "第二局 2022年", Href: "2022/b/index.html", Detail: &DeptDetail{Search: searchDoc("第二局", "b"),
			Rows: []ProjectRow{{Code: "p2", Name: "软件升级", Href: "2022/b/projects/p2.html", Search: searchDoc("软件升级", "p2", "考核")}}}},
	}
	out, meta := searchSite(t, depts)
	if meta.Documents != 4 || len(meta.Departments) != 2 || len(meta.Segments) != 1 {
		t.Fatalf("meta: %+v", meta)
	}
	b := docsPerDept
	for term, want := range map[string][]int{"考核": {0, b + 1}, "升级": {1, b + 1}, "校": {1}, "p2": {b + 1}, "局": {0, b}, "办法": {0}, "维护": nil} {
		ix := joinShards(t, out, meta, term)
		got := slices.Concat(ix.postings[0], ix.postings[1])
		slices.Sort(got)
		if got = slices.Compact(got); !slices.Equal(got, want) {
			t.Errorf("%s: pages %v, want %v", term, got, want)
		}
	}
	var docs [][]string
	if err := json.Unmarshal(out["search/docs/2022-b.json"], &docs); err != nil || len(docs) != 2 || docs[1][2] != "2022/b/projects/p2.html" {
		t.Errorf("docs of 2022/b: %v %v", docs, err)
	}
}

// TestSearchSegmentsRankAsOneIndex: on a site of several segments with
// different shard counts, a query's shards of every segment joined with
// meta.json's statistics rank and score the pages exactly as one index over
// all the site's pages does (the index the build wrote before segments),
// and each result's number leads to its own entry.
func TestSearchSegmentsRankAsOneIndex(t *testing.T) {
	words := []string{"校舍维修", "软件升级", "道路养护", "考核办法", "资金管理", "医疗救助", "农田水利", "环境监测",
		"图书采购", "培训经费", "设备购置", "应急储备", "文物保护", "污水处理", "就业补助", "信息系统"}
	seed := uint32(1)
	pick := func() string {
		seed = seed*1664525 + 1013904223
		return words[seed>>16%uint32(len(words))]
	}
	text := func(n int) []string {
		var s []string
		for range n {
			s = append(s, pick()+"项目"+pick())
		}
		return s
	}
	type page struct {
		num  int
		doc  SearchDoc
		href string
	}
	var depts []*DeptSummary
	var all []page
	for i := range SegmentSize + 9 {
		code := fmt.Sprintf("d%03d", i)
		d := &DeptSummary{Year: 2021 + i/40, Code: code, Name: fmt.Sprintf("第%d局", i), Title: code, Href: code + "/index.html",
			Detail: &DeptDetail{Search: searchDoc(fmt.Sprintf("第%d局", i), code, text(3)...)}}
		all = append(all, page{i * docsPerDept, d.Detail.Search, d.Href})
		for j := range i % 7 * 2 {
			pc := fmt.Sprintf("%s-%d", code, j)
			r := ProjectRow{Code: pc, Name: pick() + pick(), Href: pc + ".html"}
			r.Search = searchDoc(r.Name, pc, text(1+j%4)...)
			d.Detail.Rows = append(d.Detail.Rows, r)
			all = append(all, page{i*docsPerDept + 1 + j, r.Search, r.Href})
		}
		depts = append(depts, d)
	}
	out, meta := searchSite(t, depts)
	if len(meta.Segments) != 2 || meta.Segments[0] == meta.Segments[1] {
		t.Fatalf("want two segments with different shard counts, got %v", meta.Segments)
	}

	// One index over every page: its postings, its lengths, its statistics
	// as the build wrote them before segments (hundredths, rounded down).
	one := func(term string) searchIndex {
		ix := searchIndex{lens: map[int][2]int{}}
		for _, p := range all {
			ix.lens[p.num] = p.doc.Len
			for f := range ix.postings {
				if slices.Contains(strings.Fields(p.doc.Terms[f]), term) {
					ix.postings[f] = append(ix.postings[f], p.num)
				}
			}
		}
		return ix
	}
	var avg [2]float64
	for f := range avg {
		sum := 0
		for _, p := range all {
			sum += p.doc.Len[f]
		}
		avg[f] = float64(sum*100/len(all)) / 100
	}
	if meta.Documents != len(all) || meta.AverageFieldLength != avg {
		t.Fatalf("meta: %d documents, average lengths %v; the site has %d, %v", meta.Documents, meta.AverageFieldLength, len(all), avg)
	}
	href := map[int]string{}
	for _, p := range all {
		href[p.num] = p.href
	}
	spanned := false
	for _, q := range [][]string{{"项目"}, {"维修"}, {"校舍", "维修"}, {"软件", "项目", "升级"}, {"局"}, {"d070"}, {"第7", "局"}, {"水利", "环境"}, {"没有"}} {
		var got, want []map[int]float64
		for _, term := range q {
			got = append(got, bm25(joinShards(t, out, meta, term), meta.Documents, meta.AverageFieldLength))
			want = append(want, bm25(one(term), len(all), avg))
		}
		g, w := rank(got), rank(want)
		if !slices.Equal(g, w) {
			at := 0
			for at < min(len(g), len(w)) && g[at] == w[at] {
				at++
			}
			t.Errorf("%v: %d results, one index %d; from place %d: %v, one index %v", q, len(g), len(w), at+1, g[at:min(at+5, len(g))], w[at:min(at+5, len(w))])
			continue
		}
		for _, id := range g {
			for k := range q {
				if got[k][id] != want[k][id] {
					t.Errorf("%v: page %d scores %v for %s, one index %v", q, id, got[k][id], q[k], want[k][id])
				}
			}
			// The result entry: the department at the number's base.
			i := id / docsPerDept
			if base := int(meta.Departments[i][3].(float64)); base != i*docsPerDept {
				t.Fatalf("department %d starts at %d", i, base)
			}
			var entries [][]any
			if err := json.Unmarshal(out[meta.Departments[i][1].(string)], &entries); err != nil || entries[id-i*docsPerDept][2] != href[id] {
				t.Errorf("page %d: entry %v, want %s (%v)", id, entries[id-i*docsPerDept], href[id], err)
			}
		}
		if len(g) > 0 && g[0]/docsPerDept < SegmentSize != (g[len(g)-1]/docsPerDept < SegmentSize) {
			spanned = true
		}
	}
	if !spanned {
		t.Error("no query has results in both segments")
	}
}

// mapOutput keeps files in memory; shards are written concurrently.
type mapOutput map[string][]byte

var mapOutputMu sync.Mutex

func (m mapOutput) WriteFile(rel string, data []byte) error {
	mapOutputMu.Lock()
	m[rel] = slices.Clone(data)
	mapOutputMu.Unlock()
	return nil
}

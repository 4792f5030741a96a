package web

import (
	"encoding/json"
	"fmt"
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

// TestSearchShards: every token of every page is in the shard its hash
// names, with the page's number, and the shards are MiniSearch's JSON.
func TestSearchShards(t *testing.T) {
	depts := []*DeptSummary{
		{Year: 2021, Code: "a", Name: "第一局", Title: "第一局 2021年", Href: "2021/a/index.html", Search: searchDoc("第一局", "a", "考核办法"),
			Rows: []ProjectRow{{Code: "p1", Name: "校舍维修", Href: "2021/a/projects/p1.html", BudgetWan: "1.00", Search: searchDoc("校舍维修", "p1", "软件升级")}}},
		{Year: 2022, Code: "b", Name: "第二局", Title: "第二局 2022年", Href: "2022/b/index.html", Search: searchDoc("第二局", "b"),
			Rows: []ProjectRow{{Code: "p2", Name: "软件升级", Href: "2022/b/projects/p2.html", Search: searchDoc("软件升级", "p2", "考核")}}},
	}
	out := mapOutput{}
	w := &writer{out: out}
	writeSearch(w, depts)
	if w.err != nil {
		t.Fatal(w.err)
	}
	var meta struct {
		Departments [][]any
		Documents   int
		Shards      int
	}
	if err := json.Unmarshal(out["search/meta.json"], &meta); err != nil {
		t.Fatal(err)
	}
	if meta.Documents != 4 || len(meta.Departments) != 2 {
		t.Fatalf("meta: %+v", meta)
	}
	type shard struct {
		DocumentCount int
		DocumentIDs   map[string]int `json:"documentIds"`
		Index         [][]json.RawMessage
	}
	find := func(term string) []int {
		var s shard
		if err := json.Unmarshal(out[fmt.Sprintf("search/shards/%d.json", shardOf(term, meta.Shards))], &s); err != nil {
			t.Fatal(err)
		}
		for _, e := range s.Index {
			var name string
			_ = json.Unmarshal(e[0], &name)
			if name != term {
				continue
			}
			var fields map[string]map[string]int
			_ = json.Unmarshal(e[1], &fields)
			var docs []int
			for _, f := range fields {
				for id := range f {
					var n int
					fmt.Sscan(id, &n)
					docs = append(docs, n)
				}
			}
			slices.Sort(docs)
			return slices.Compact(docs)
		}
		return nil
	}
	for term, want := range map[string][]int{"考核": {0, 3}, "升级": {1, 3}, "校": {1}, "p2": {3}, "局": {0, 2}, "办法": {0}, "维护": nil} {
		if got := find(term); !slices.Equal(got, want) {
			t.Errorf("%s: pages %v, want %v", term, got, want)
		}
	}
	var docs [][]string
	if err := json.Unmarshal(out["search/docs/2022-b.json"], &docs); err != nil || len(docs) != 2 || docs[1][2] != "2022/b/projects/p2.html" {
		t.Errorf("docs of 2022/b: %v %v", docs, err)
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

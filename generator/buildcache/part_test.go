package buildcache

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"

	"disclose/generator/fileio"
)

// TestPartRoundTrip: a part's file gives back the part, whatever its
// paths hold; a file whose lists are cut short or not quoted is not a
// part, and stamps out of order or not numbers are none (every file is
// then read again).
func TestPartRoundTrip(t *testing.T) {
	stamps := []Stamp{
		{Path: "a b.yaml", Sum: "00ff", Size: 3, ModNano: -1, ChangeNano: 1733356800123456789, Inode: 1 << 63},
		{Path: "projects/\"引号\".yaml", Sum: "ab"},
		{Path: "projects/new\nline.yaml", Sum: "cd", Size: 1},
		{Path: "spending/2021.csv", Sum: ""},
	}
	dirs := []fileio.Listing{
		{Dir: ".", Inode: 1 << 63, ModNano: 1733356800123456789, ChangeNano: -1, Names: []string{"a b.yaml", "projects", "spending"}},
		{Dir: "projects", Names: []string{"\"引号\".yaml", "new\nline.yaml"}},
		{Dir: "空 folder"},
	}
	for _, p := range []*Part{
		{Fingerprint: "fp"},
		{Fingerprint: "fp", Outputs: []string{"2021/a/index.html", "2021/a/第 1 页.html"}, Data: []byte(`{"x":1}`)},
		{Fingerprint: "fp", Inputs: stamps, Data: []byte("line\nline\n")},
		{Fingerprint: "fp", Outputs: []string{"o"}, Inputs: stamps[:1], Tree: TreeStamp{Stats: "s", Sums: "t"}},
		{Fingerprint: "fp", Inputs: stamps, Dirs: dirs, Data: []byte("{}")},
		{Fingerprint: "fp", Dirs: dirs[:1]},
	} {
		data, err := encodePart(p)
		if err != nil {
			t.Fatal(err)
		}
		back, err := decodePart(data, true)
		if err != nil {
			t.Fatalf("%q: %v", data, err)
		}
		if len(back.Data) == 0 {
			back.Data = nil
		}
		got := Part{Fingerprint: back.Fingerprint, Outputs: back.Outputs, Data: back.Data, Inputs: back.Stamps(), Tree: back.Tree, Dirs: back.Dirs}
		want := Part{Fingerprint: p.Fingerprint, Outputs: p.Outputs, Data: p.Data, Inputs: p.Inputs, Tree: p.Tree, Dirs: p.Dirs}
		if !reflect.DeepEqual(&got, &want) {
			t.Errorf("%q\n gave %+v\n want %+v", data, &got, &want)
		}
	}
	good, _ := encodePart(&Part{Fingerprint: "fp", Outputs: []string{"o"}, Inputs: stamps[:2], Dirs: dirs[:2]})
	for name, edit := range map[string][2]string{
		"a listing cut short": {`"Dirs":2`, `"Dirs":3`},
		"a listing's time":    {`1733356800123456789 -1`, `17333568001234x6789 -1`},
		"a listing unquoted":  {`"projects" `, `projects `},
		"a list cut short":    {`"Inputs":2`, `"Inputs":3`},
		"a path unquoted":     {`"o"`, `o`},
		"not JSON":            {`{"Fingerprint"`, `{Fingerprint`},
		"a count below 0":     {`"Outputs":1`, `"Outputs":-1`},
	} {
		bad := strings.Replace(string(good), edit[0], edit[1], 1)
		if bad == string(good) {
			t.Fatalf("%s: the edit did not apply to %q", name, good)
		}
		if p, err := decodePart([]byte(bad), true); err == nil {
			t.Errorf("%s: decoded %+v", name, p)
		}
	}
	for name, edit := range map[string][2]string{
		"out of order":    {`"a b.yaml"`, `"z.yaml"`},
		"not a number":    {` 3 -1 `, ` 3 x `},
		"a field missing": {` 3 -1 `, ` 3 `},
	} {
		bad := strings.Replace(string(good), edit[0], edit[1], 1)
		if bad == string(good) {
			t.Fatalf("%s: the edit did not apply to %q", name, good)
		}
		p, err := decodePart([]byte(bad), true)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if s := p.Stamps(); s != nil {
			t.Errorf("%s: stamps %+v", name, s)
		}
	}
}

// FuzzDecodePart: a part's file from anywhere (a damaged cache) never
// panics the decoder, and a part it accepts encodes to a file that
// decodes to the same part.
func FuzzDecodePart(f *testing.F) {
	stamps := []Stamp{{Path: "a.yaml", Sum: "00ff", Size: 3, ModNano: 1, ChangeNano: 2, Inode: 3}, {Path: "p/b.md", Sum: "ab"}}
	dirs := []fileio.Listing{{Dir: ".", Inode: 9, ModNano: 1, ChangeNano: 2, Names: []string{"a.yaml", "p"}}, {Dir: "p", Names: []string{"b.md"}}}
	for _, p := range []*Part{
		{Fingerprint: "fp"},
		{Fingerprint: "fp", Outputs: []string{"2021/a/index.html"}, Inputs: stamps, Dirs: dirs, Tree: TreeStamp{Stats: "s", Sums: "t"}, Data: []byte(`{"x":1}`)},
	} {
		data, err := encodePart(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := decodePart(data, true)
		if err != nil {
			return
		}
		stamps := p.Stamps()
		again, err := encodePart(p)
		if err != nil {
			t.Fatal(err)
		}
		q, err := decodePart(again, true)
		if err != nil {
			t.Fatalf("%q encoded as %q, which does not decode: %v", data, again, err)
		}
		if q.Fingerprint != p.Fingerprint || q.Tree != p.Tree || !slices.Equal(q.Outputs, p.Outputs) ||
			!slices.Equal(q.Stamps(), stamps) || !slices.EqualFunc(q.Dirs, p.Dirs, fileio.Listing.Equal) || !bytes.Equal(q.Data, p.Data) {
			t.Fatalf("%q decoded as %+v, encoded as %q, decoded as %+v", data, p, again, q)
		}
	})
}

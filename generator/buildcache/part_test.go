package buildcache

import (
	"bytes"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
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
		{Fingerprint: "fp", Outputs: []string{"o"}, Inputs: stamps, Data: []byte("behind\nthe stamps"), DataBehind: true},
		{Fingerprint: "fp", Data: []byte("behind, no stamps"), DataBehind: true},
		{Fingerprint: "f p \"q\"", Outputs: []string{`"quoted".html`, "line\nbreak.html", "cr\r.html", "bad\xff.html", "a b/c.html"}, Tree: TreeStamp{Sums: "t t"}},
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
		got := Part{Fingerprint: back.Fingerprint, Outputs: back.Outputs, Data: back.Data, Inputs: back.Stamps(), Tree: back.Tree, Dirs: back.Dirs, DataBehind: back.DataBehind}
		want := Part{Fingerprint: p.Fingerprint, Outputs: p.Outputs, Data: p.Data, Inputs: p.Inputs, Tree: p.Tree, Dirs: p.Dirs, DataBehind: p.DataBehind}
		if !reflect.DeepEqual(&got, &want) {
			t.Errorf("%q\n gave %+v\n want %+v", data, &got, &want)
		}
	}
	good, _ := encodePart(&Part{Fingerprint: "fp", Outputs: []string{"o"}, Inputs: stamps[:2], Dirs: dirs[:2]})
	for name, edit := range map[string][2]string{
		"a listing cut short": {`1 2 2 0 "fp"`, `1 2 3 0 "fp"`},
		"a listing's time":    {`1733356800123456789 -1`, `17333568001234x6789 -1`},
		"a listing unquoted":  {`"projects" `, `projects `},
		"a list cut short":    {`1 2 2 0 "fp"`, `1 3 2 0 "fp"`},
		"a path badly quoted": {"\no\n", "\n\"o\n"},
		"a head not quoted":   {`"fp"`, `fp`},
		"a count below 0":     {`1 2 2 0 "fp"`, `-1 2 2 0 "fp"`},
		"a head too long":     {`"fp" "" ""`, `"fp" "" "" x`},
		"a flag not 0 or 1":   {`1 2 2 0 "fp"`, `1 2 2 2 "fp"`},
	} {
		bad := edited(good, edit)
		if bytes.Equal(bad, good) {
			t.Fatalf("%s: the edit did not apply to %q", name, good)
		}
		if p, err := decodePart(bad, true); err == nil {
			t.Errorf("%s: decoded %+v", name, p)
		}
	}
	// The front's check: a byte changed in it, or the front cut short.
	front, back := unseal(good)
	for name, bad := range map[string][]byte{
		"a byte changed": append(fmt.Appendf(nil, "%d %08x\n", len(front), crc32.Checksum([]byte(front), castagnoli)), strings.Replace(front, "fp", "fq", 1)+back...),
		"cut short":      good[:len(good)-len(back)-1],
	} {
		if p, err := decodePart(bad, false); err == nil {
			t.Errorf("%s: decoded %+v", name, p)
		}
	}
	for name, edit := range map[string][2]string{
		"out of order":    {`"a b.yaml"`, `"z.yaml"`},
		"not a number":    {` 3 -1 `, ` 3 x `},
		"a field missing": {` 3 -1 `, ` 3 `},
	} {
		bad := edited(good, edit)
		if bytes.Equal(bad, good) {
			t.Fatalf("%s: the edit did not apply to %q", name, good)
		}
		p, err := decodePart(bad, true)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if s := p.Stamps(); s != nil {
			t.Errorf("%s: stamps %+v", name, s)
		}
	}
}

// unseal splits a part's file into its front and what is behind it.
func unseal(data []byte) (front, back string) {
	check, rest, _ := strings.Cut(string(data), "\n")
	size, _, _ := strings.Cut(check, " ")
	n, _ := strconv.Atoi(size)
	return rest[:n], rest[n:]
}

// seal makes a part's file of a front and what is behind it.
func seal(front, back string) []byte {
	return append(fmt.Appendf(nil, "%d %08x\n", len(front), crc32.Checksum([]byte(front), castagnoli)), front+back...)
}

// edited is a part's file with edit (old, new) made in its front, or
// else behind it, its check made again.
func edited(data []byte, edit [2]string) []byte {
	front, back := unseal(data)
	if f := strings.Replace(front, edit[0], edit[1], 1); f != front {
		return seal(f, back)
	}
	return seal(front, strings.Replace(back, edit[0], edit[1], 1))
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
		front, back := unseal(data)
		f.Add([]byte(front), []byte(back))
	}
	f.Fuzz(func(t *testing.T, front, back []byte) {
		decodePart(append(front, back...), true) // (never panics, checked or not)
		data := seal(string(front), string(back))
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

// TestLoadFront: a part's front is read alone, in one read or two (past
// the first guess), into the buffer given when it holds it; a file cut
// short within its front is refused.
func TestLoadFront(t *testing.T) {
	dir := t.TempDir()
	stamps := []Stamp{{Path: "a.yaml", Sum: strings.Repeat("0", 64)}}
	var many []string
	for i := range 400 {
		many = append(many, fmt.Sprintf("2021/d%03d/projects/p%04d.html", i%7, i))
	}
	buf := make([]byte, 0, 64<<10)
	for _, p := range []*Part{
		{Fingerprint: "small", Outputs: many[:3], Inputs: stamps, Data: []byte(`{}`)},
		{Fingerprint: "large", Outputs: many, Inputs: stamps, Data: []byte(`{"x":1}`)},
	} {
		path := filepath.Join(dir, p.Fingerprint)
		data, err := encodePart(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := SaveBlob(path, data); err != nil {
			t.Fatal(err)
		}
		front, whole, ok := loadFront(path, buf)
		if !ok {
			t.Fatalf("%s: not read", p.Fingerprint)
		}
		if &whole[:1][0] != &buf[:1][0] {
			t.Errorf("%s: read into a new array", p.Fingerprint)
		}
		got, err := decodePart(front, false)
		if err != nil || got.Fingerprint != p.Fingerprint || !slices.Equal(got.Outputs, p.Outputs) || !bytes.Equal(got.Data, p.Data) {
			t.Errorf("%s: decoded %+v, %v", p.Fingerprint, got, err)
		}
		f, _ := unseal(data)
		if err := os.WriteFile(path, data[:len(data)-len(f)/2-30], 0o644); err != nil {
			t.Fatal(err)
		}
		if front, _, ok := loadFront(path, buf); ok {
			if _, err := decodePart(front, false); err == nil {
				t.Errorf("%s: a file cut short in its front decodes", p.Fingerprint)
			}
		}
	}
}

package winshim

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"fmt"
	"testing"
)

// The DLL is a well-formed PE32+ DLL whose one export, ProcessPrng, is a
// forwarder to advapi32.SystemFunction036.
func TestDLL(t *testing.T) {
	f, err := pe.NewFile(bytes.NewReader(DLL()))
	if err != nil {
		t.Fatal(err)
	}
	opt, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		t.Fatal("not PE32+")
	}
	sec := f.Section(".edata")
	if sec == nil {
		t.Fatal("no .edata section")
	}
	data, err := sec.Data()
	if err != nil {
		t.Fatal(err)
	}
	exp := opt.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_EXPORT]
	str := func(rva uint32) string {
		b := data[rva-sec.VirtualAddress:]
		return string(b[:bytes.IndexByte(b, 0)])
	}
	u32 := func(rva uint32) uint32 { return binary.LittleEndian.Uint32(data[rva-sec.VirtualAddress:]) }
	dir := exp.VirtualAddress
	fn := u32(u32(dir + 28))
	cases := []struct{ what, got, want string }{
		{"machine", fmt.Sprint(f.Machine), fmt.Sprint(pe.IMAGE_FILE_MACHINE_AMD64)},
		{"dll name", str(u32(dir + 12)), "bcryptprimitives.dll"},
		{"export name", str(u32(u32(dir + 32))), "ProcessPrng"},
		{"forwarder", str(fn), "advapi32.SystemFunction036"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
		}
	}
	if f.Characteristics&pe.IMAGE_FILE_DLL == 0 {
		t.Error("not marked as a DLL")
	}
	if fn < dir || fn >= dir+exp.Size {
		t.Error("the function's address is outside the export directory: a loader would call it, not forward it")
	}
}

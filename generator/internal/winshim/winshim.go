// Package winshim writes bcryptprimitives.dll for testing the Windows
// release under Debian's Wine 8.0. Go programs since Go 1.22 call
// ProcessPrng from bcryptprimitives.dll at start-up (Windows 10 has it);
// Wine gained the DLL only in 8.13, so under 8.0 the program stops with
// "bcryptprimitives.dll not found" before main. The DLL written here holds
// no code: one export, ProcessPrng, forwarded to advapi32's
// SystemFunction036 (RtlGenRandom), which Wine 8.0 has and which fills a
// buffer with random bytes the same way. It is put only into the test's
// own Wine prefix, never shipped.
package winshim

import (
	"bytes"
	"encoding/binary"
)

// DLL returns the bytes of the PE32+ (x86-64) bcryptprimitives.dll.
func DLL() []byte {
	const (
		fileAlign = 0x200
		sectRVA   = 0x1000
	)
	// The export section: directory, one-entry tables, then the strings.
	// A function address inside the export directory's range is read by
	// the loader as a forwarder string ("dll.function").
	dllName := "bcryptprimitives.dll\x00"
	funcName := "ProcessPrng\x00"
	forward := "advapi32.SystemFunction036\x00"
	const dirSize = 40
	eat := sectRVA + dirSize
	names := eat + 4
	ords := names + 4
	nameRVA := ords + 2
	funcRVA := nameRVA + len(dllName)
	fwdRVA := funcRVA + len(funcName)
	end := fwdRVA + len(forward)

	var sec bytes.Buffer
	le := func(v any) { binary.Write(&sec, binary.LittleEndian, v) }
	le([4]uint32{0, 0, 0, uint32(nameRVA)}) // characteristics, time, version, name
	le([6]uint32{1, 1, 1, uint32(eat), uint32(names), uint32(ords)})
	le(uint32(fwdRVA))
	le(uint32(funcRVA))
	le(uint16(0))
	sec.WriteString(dllName + funcName + forward)
	raw := make([]byte, fileAlign)
	copy(raw, sec.Bytes())

	var f bytes.Buffer
	w := func(v any) { binary.Write(&f, binary.LittleEndian, v) }
	// DOS header: "MZ", and at 0x3c the offset of the PE header.
	dos := make([]byte, 0x40)
	copy(dos, "MZ")
	binary.LittleEndian.PutUint32(dos[0x3c:], 0x40)
	f.Write(dos)
	f.WriteString("PE\x00\x00")
	// COFF header: x86-64, one section, 240-byte optional header,
	// executable | large address aware | DLL.
	w(struct {
		Machine, Sections        uint16
		Time, Symtab, Symbols    uint32
		OptSize, Characteristics uint16
	}{0x8664, 1, 0, 0, 0, 240, 0x2022})
	// Optional header, PE32+.
	w(struct {
		Magic                                         uint16
		LinkerMajor, LinkerMinor                      uint8
		Code, InitData, UninitData, Entry, BaseOfCode uint32
		ImageBase                                     uint64
		SectAlign, FileAlign                          uint32
		OSMajor, OSMinor, ImgMajor, ImgMinor          uint16
		SubMajor, SubMinor                            uint16
		Win32Version, ImageSize, HeadersSize          uint32
		Checksum                                      uint32
		Subsystem, DllChars                           uint16
		StackReserve, StackCommit                     uint64
		HeapReserve, HeapCommit                       uint64
		LoaderFlags, NumDirs                          uint32
	}{0x20b, 14, 0, 0, fileAlign, 0, 0, sectRVA, 0x180000000, 0x1000, fileAlign,
		6, 0, 0, 0, 6, 0, 0, 0x2000, fileAlign, 0, 3, 0x0140,
		0x100000, 0x1000, 0x100000, 0x1000, 0, 16})
	dirs := make([]uint32, 32)
	dirs[0], dirs[1] = sectRVA, uint32(end-sectRVA) // export table
	w(dirs)
	// Section header: .edata, initialized data, readable.
	var name [8]byte
	copy(name[:], ".edata")
	w(struct {
		Name                                  [8]byte
		VirtualSize, RVA, RawSize, RawPointer uint32
		Relocs, Lines                         uint32
		NumRelocs, NumLines                   uint16
		Characteristics                       uint32
	}{name, uint32(end - sectRVA), sectRVA, fileAlign, fileAlign, 0, 0, 0, 0, 0x40000040})
	f.Write(make([]byte, fileAlign-f.Len()))
	f.Write(raw)
	return f.Bytes()
}

package charts

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"unicode/utf16"

	"github.com/golang/freetype/truetype"
	chart "github.com/wcharczuk/go-chart/v2"
)

// EnvFont names an environment variable holding the path of a TrueType font
// to use when Options.FontPath is empty.
const EnvFont = "AUTOCITIES_FONT"

// cjkProbe is the character a font must have to count as CJK-capable.
const cjkProbe = '重'

// fontCandidates are the system fonts tried, in order, when neither
// Options.FontPath nor AUTOCITIES_FONT names a usable font. Only TrueType
// outlines work: freetype cannot read CFF fonts such as Noto Sans CJK.
func fontCandidates() []string {
	switch runtime.GOOS {
	case "darwin":
		return []string{
			"/System/Library/Fonts/STHeiti Medium.ttc",
			"/System/Library/Fonts/STHeiti Light.ttc",
			"/Library/Fonts/Arial Unicode.ttf",
			"/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
		}
	case "windows":
		dir := filepath.Join(os.Getenv("WINDIR"), "Fonts")
		if os.Getenv("WINDIR") == "" {
			dir = `C:\Windows\Fonts`
		}
		return []string{
			filepath.Join(dir, "msyh.ttc"),
			filepath.Join(dir, "msyh.ttf"),
			filepath.Join(dir, "simhei.ttf"),
			filepath.Join(dir, "simsun.ttc"),
		}
	}
	list := []string{
		"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
		"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
		"/usr/share/fonts/wqy-microhei/wqy-microhei.ttc", // Fedora, Arch
		"/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
	}
	arphic, _ := filepath.Glob("/usr/share/fonts/truetype/arphic/*.ttf")
	return append(list, arphic...)
}

// loadedFont is a parsed font and where it came from.
type loadedFont struct {
	font *truetype.Font
	name string // family name, e.g. "WenQuanYi Micro Hei"
	path string // "" for the built-in Roboto
	cjk  bool
}

var (
	fontMu    sync.Mutex
	fontCache = map[string]*loadedFont{} // by path; nil: tried and unusable
	fallback  *loadedFont
)

// parseFontFile reads and parses a TrueType font or collection, once per
// path. truetype.Parse itself takes the first face of a .ttc (table offsets
// in a collection are relative to the whole file, so the file is passed
// whole, not sliced). It returns nil if the file is missing or unusable.
func parseFontFile(path string) *loadedFont {
	fontMu.Lock()
	defer fontMu.Unlock()
	if lf, ok := fontCache[path]; ok {
		return lf
	}
	var lf *loadedFont
	if data, err := os.ReadFile(path); err == nil {
		if f, err := truetype.Parse(data); err == nil && f.Index('A') != 0 {
			lf = &loadedFont{font: f, name: familyName(data, f, path), path: path, cjk: f.Index(cjkProbe) != 0}
		}
	}
	fontCache[path] = lf
	return lf
}

// familyName prefers the font's English family name: freetype's Name
// returns the first record, which for Chinese fonts is the Chinese name,
// mis-decoded.
func familyName(data []byte, f *truetype.Font, path string) string {
	if n := englishFamily(data); n != "" {
		return n
	}
	if n := f.Name(truetype.NameIDFontFamily); n != "" && !strings.Contains(n, "?") {
		return n
	}
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
}

// englishFamily reads name ID 1 for Windows/US English (UTF-16BE) or Mac
// Roman English from the first font of a TrueType file or collection.
func englishFamily(data []byte) string {
	d := fontData(data)
	start := 0
	if len(data) > 16 && string(data[:4]) == "ttcf" {
		start = d.u32(12)
	}
	tables := d.u16(start + 4)
	for i := 0; i < tables; i++ {
		rec := start + 12 + 16*i
		if rec+16 <= len(data) && string(data[rec:rec+4]) == "name" {
			return d.familyRecord(d.u32(rec + 8))
		}
	}
	return ""
}

// fontData is a TrueType file read by offset; a read outside it gives -1.
type fontData []byte

// u16 is the big-endian 16-bit number at offset o, or -1.
func (d fontData) u16(o int) int {
	if o < 0 || o+2 > len(d) {
		return -1
	}
	return int(binary.BigEndian.Uint16(d[o:]))
}

// u32 is the big-endian 32-bit number at offset o, or -1.
func (d fontData) u32(o int) int {
	if o < 0 || o+4 > len(d) {
		return -1
	}
	return int(binary.BigEndian.Uint32(d[o:]))
}

// familyRecord reads the family name (name ID 1) from the naming table at
// offset name: the Windows/US English record, else the first Mac Roman
// English one, else "".
func (d fontData) familyRecord(name int) string {
	count, strs := d.u16(name+2), name+d.u16(name+4)
	mac := ""
	for j := 0; j < count; j++ {
		r := name + 6 + 12*j
		pid, lang, id := d.u16(r), d.u16(r+4), d.u16(r+6)
		l, off := d.u16(r+8), strs+d.u16(r+10)
		if id != 1 || l < 0 || off < 0 || off+l > len(d) {
			continue
		}
		b := []byte(d[off : off+l])
		switch {
		case pid == 3 && lang == 0x409:
			return utf16BE(b)
		case pid == 1 && lang == 0 && mac == "":
			mac = string(b)
		}
	}
	return mac
}

// utf16BE decodes big-endian UTF-16 text (an odd last byte is dropped).
func utf16BE(b []byte) string {
	units := make([]uint16, len(b)/2)
	for k := range units {
		units[k] = binary.BigEndian.Uint16(b[2*k:])
	}
	return string(utf16.Decode(units))
}

// builtinFont is go-chart's Roboto: Latin only, always available.
func builtinFont() *loadedFont {
	fontMu.Lock()
	defer fontMu.Unlock()
	if fallback == nil {
		f, err := chart.GetDefaultFont()
		if err != nil { // the embedded font always parses
			panic(err)
		}
		fallback = &loadedFont{font: f, name: "Roboto"}
	}
	return fallback
}

// findFont picks the font for a chart: the explicit path if it parses
// (CJK or not: the caller asked for it), else the first CJK-capable font
// from AUTOCITIES_FONT and the system list, else Roboto.
func findFont(explicit string) *loadedFont {
	if explicit != "" {
		if lf := parseFontFile(explicit); lf != nil {
			return lf
		}
	}
	if env := os.Getenv(EnvFont); env != "" {
		if lf := parseFontFile(env); lf != nil && lf.cjk {
			return lf
		}
	}
	for _, p := range fontCandidates() {
		if lf := parseFontFile(p); lf != nil && lf.cjk {
			return lf
		}
	}
	return builtinFont()
}

// HasCJKFont reports whether the font FontName names can draw Chinese.
func HasCJKFont() bool {
	return findFont("").cjk
}

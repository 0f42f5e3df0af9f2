//go:build windows && !ci

package clipboard

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"runtime"
	"strings"
	"testing"
	"unicode/utf16"
	"unsafe"

	"golang.org/x/sys/windows"
)

// Run on Windows, or cross-built and run under Wine:
//   GOOS=windows go test -c -o clip.test.exe ./views/clipboard/
//   bash .ci/wine-run clip.test.exe -test.v

var (
	getClipboardData     = user32.NewProc("GetClipboardData")
	enumClipboardFormats = user32.NewProc("EnumClipboardFormats")
	globalSize           = kernel32.NewProc("GlobalSize")
)

// read is what the clipboard holds in a format, as an app that pastes
// gets it.
func read(t *testing.T, id uintptr) []byte {
	t.Helper()
	h, _, err := getClipboardData.Call(id)
	if h == 0 {
		t.Fatalf("GetClipboardData(%d): %v", id, err)
	}
	n, _, _ := globalSize.Call(h)
	p, _, _ := globalLock.Call(h)
	defer globalUnlock.Call(h)
	out := make([]byte, n)
	moveMemory.Call(uintptr(unsafe.Pointer(&out[0])), p, n)
	return out
}

func registered(t *testing.T, name string) uintptr {
	t.Helper()
	p, _ := windows.UTF16PtrFromString(name)
	id, _, err := registerClipboardFormat.Call(uintptr(unsafe.Pointer(p)))
	if id == 0 {
		t.Fatal(err)
	}
	return id
}

// TestWindowsEveryFormat: PNG, a bitmap, SVG and text at once, each read
// back as written (the bitmap laid on its matte, bottom-up BGR).
func TestWindowsEveryFormat(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 3, 2))
	img.Set(0, 0, color.RGBA{0xE6, 0x9F, 0x00, 0xff}) // Chongqing's orange, top left
	var pic bytes.Buffer
	if err := png.Encode(&pic, img); err != nil {
		t.Fatal(err)
	}
	svg := []byte("<svg/>")
	if err := Write(Content{PNG: pic.Bytes(), SVG: svg, Text: "Region\t2025\n重庆\t253.2\n", Matte: color.Black}); err != nil {
		t.Fatal(err)
	}
	runtime.LockOSThread() // the clipboard is open for one thread
	defer runtime.UnlockOSThread()
	if err := open(0); err != nil {
		t.Fatal(err)
	}
	defer closeClipboard.Call()
	t.Logf("formats: %v", formatIDs())
	if got := read(t, registered(t, "PNG")); !bytes.HasPrefix(got, pic.Bytes()) {
		t.Errorf("PNG: %d bytes, want the %d written", len(got), pic.Len())
	}
	if got := read(t, registered(t, "image/svg+xml")); !bytes.HasPrefix(got, svg) {
		t.Errorf("image/svg+xml: %q", got)
	}
	if got, want := unicodeText(t), "Region\t2025\r\n重庆\t253.2\r\n"; got != want {
		t.Errorf("text = %q, want %q", got, want)
	}
	b := read(t, cfDIB)
	if w, h := binary.LittleEndian.Uint32(b[4:]), binary.LittleEndian.Uint32(b[8:]); w != 3 || h != 2 {
		t.Errorf("bitmap %dx%d, want 3x2", w, h)
	}
	top := b[40+12:] // rows of 3 pixels × 3 bytes, padded to 12; the top row last
	if !bytes.Equal(top[:6], []byte{0x00, 0x9F, 0xE6, 0, 0, 0}) {
		t.Errorf("bitmap's top row starts % x, want 00 9f e6 (BGR orange) then black (the matte)", top[:6])
	}
}

// formatIDs lists the formats the clipboard holds, in its order.
func formatIDs() []uintptr {
	var ids []uintptr
	for id := uintptr(0); ; {
		id, _, _ = enumClipboardFormats.Call(id)
		if id == 0 {
			return ids
		}
		ids = append(ids, id)
	}
}

// unicodeText is CF_UNICODETEXT up to its NUL.
func unicodeText(t *testing.T) string {
	t.Helper()
	u := read(t, cfUnicodeText)
	words := make([]uint16, len(u)/2)
	for i := range words {
		words[i] = binary.LittleEndian.Uint16(u[2*i:])
	}
	s := string(utf16.Decode(words))
	end, _, _ := strings.Cut(s, "\x00")
	return end
}

//go:build windows

package clipboard

// The Win32 clipboard holds every format at once, copied into the system
// at once, so it outlives the app. The order of SetClipboardData is the
// order apps that walk the formats see: the picture first.

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"runtime"
	"strings"
	"time"
	"unicode/utf16"
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	user32   = windows.NewLazySystemDLL("user32.dll")
	kernel32 = windows.NewLazySystemDLL("kernel32.dll")

	openClipboard           = user32.NewProc("OpenClipboard")
	closeClipboard          = user32.NewProc("CloseClipboard")
	emptyClipboard          = user32.NewProc("EmptyClipboard")
	setClipboardData        = user32.NewProc("SetClipboardData")
	registerClipboardFormat = user32.NewProc("RegisterClipboardFormatW")
	globalAlloc             = kernel32.NewProc("GlobalAlloc")
	globalLock              = kernel32.NewProc("GlobalLock")
	globalUnlock            = kernel32.NewProc("GlobalUnlock")
	globalFree              = kernel32.NewProc("GlobalFree")
	moveMemory              = kernel32.NewProc("RtlMoveMemory")
)

const (
	cfDIB         = 8  // a BITMAPINFOHEADER and its pixels; Windows makes CF_BITMAP and CF_DIBV5 of it
	cfUnicodeText = 13 // UTF-16, NUL-terminated; Windows makes CF_TEXT of it
	gmemMoveable  = 0x0002
)

// format is one clipboard format and its bytes.
type format struct {
	name string // a registered format's name; "" for id
	id   uintptr
	data []byte
}

// Write replaces the clipboard's contents: "PNG" (the format Office and
// browsers read, with transparency), a bitmap (CF_DIB, for every other
// app), "image/svg+xml" and Unicode text.
func Write(c Content) error {
	formats, err := formatsFor(c)
	if err != nil {
		return err
	}
	runtime.LockOSThread() // the clipboard is opened and closed by one thread
	defer runtime.UnlockOSThread()
	if err := open(c.Window); err != nil {
		return err
	}
	defer closeClipboard.Call()
	if r, _, err := emptyClipboard.Call(); r == 0 {
		return fmt.Errorf("EmptyClipboard: %w", err)
	}
	for _, f := range formats {
		if err := f.set(); err != nil {
			return err
		}
	}
	return nil
}

// Keep has nothing to do on Windows: the system holds the contents.
func Keep(time.Duration) {}

func formatsFor(c Content) ([]format, error) {
	var out []format
	if c.PNG != nil {
		img := c.Image
		if img == nil {
			var err error
			if img, err = png.Decode(bytes.NewReader(c.PNG)); err != nil {
				return nil, fmt.Errorf("the picture is not a PNG: %w", err)
			}
		}
		out = append(out, format{name: "PNG", data: c.PNG}, format{id: cfDIB, data: dib(img, c.Matte)})
	}
	if c.SVG != nil {
		out = append(out, format{name: "image/svg+xml", data: c.SVG})
	}
	if c.Text != "" {
		out = append(out, format{id: cfUnicodeText, data: utf16Text(c.Text)})
	}
	return out, nil
}

// open opens the clipboard for the window, trying for a moment while
// another app has it open (clipboard viewers and managers do, briefly).
func open(owner uintptr) error {
	var err error
	for range 20 {
		var r uintptr
		if r, _, err = openClipboard.Call(owner); r != 0 {
			return nil
		}
		time.Sleep(25 * time.Millisecond)
	}
	return fmt.Errorf("another program keeps the clipboard open (OpenClipboard: %w)", err)
}

// set copies the bytes into global memory and hands it to the clipboard,
// which owns it from then on.
func (f format) set() error {
	id := f.id
	if f.name != "" {
		name, err := windows.UTF16PtrFromString(f.name)
		if err != nil {
			return err
		}
		r, _, err := registerClipboardFormat.Call(uintptr(unsafe.Pointer(name)))
		if r == 0 {
			return fmt.Errorf("RegisterClipboardFormat(%s): %w", f.name, err)
		}
		id = r
	}
	h, _, err := globalAlloc.Call(gmemMoveable, uintptr(len(f.data)))
	if h == 0 {
		return fmt.Errorf("GlobalAlloc(%d bytes): %w", len(f.data), err)
	}
	p, _, err := globalLock.Call(h)
	if p == 0 {
		globalFree.Call(h)
		return fmt.Errorf("GlobalLock: %w", err)
	}
	moveMemory.Call(p, uintptr(unsafe.Pointer(&f.data[0])), uintptr(len(f.data)))
	globalUnlock.Call(h)
	if r, _, err := setClipboardData.Call(id, h); r == 0 {
		globalFree.Call(h)
		return fmt.Errorf("SetClipboardData(%s): %w", f.label(), err)
	}
	return nil
}

func (f format) label() string {
	if f.name != "" {
		return f.name
	}
	return fmt.Sprint(f.id)
}

// utf16Text is the text as CF_UNICODETEXT: CRLF line ends, UTF-16LE, NUL
// at the end.
func utf16Text(s string) []byte {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	u := utf16.Encode([]rune(strings.ReplaceAll(s, "\n", "\r\n") + "\x00"))
	b := make([]byte, 2*len(u))
	for i, c := range u {
		binary.LittleEndian.PutUint16(b[2*i:], c)
	}
	return b
}

// dib is the picture as a packed device-independent bitmap: a
// BITMAPINFOHEADER, then 24-bit rows bottom-up, each padded to 4 bytes.
// A bitmap's alpha is read differently by each app, so the picture is
// laid on the matte (white by default) and the bitmap is opaque; the PNG
// keeps the transparency.
func dib(img image.Image, matte color.Color) []byte {
	if matte == nil {
		matte = color.White
	}
	r := img.Bounds()
	flat := image.NewRGBA(image.Rect(0, 0, r.Dx(), r.Dy()))
	draw.Draw(flat, flat.Bounds(), image.NewUniform(matte), image.Point{}, draw.Src)
	draw.Draw(flat, flat.Bounds(), img, r.Min, draw.Over)
	w, h := r.Dx(), r.Dy()
	stride := (w*3 + 3) &^ 3
	b := make([]byte, 40+stride*h)
	le := binary.LittleEndian
	le.PutUint32(b[0:], 40)                // biSize
	le.PutUint32(b[4:], uint32(w))         // biWidth
	le.PutUint32(b[8:], uint32(h))         // biHeight: positive, bottom-up
	le.PutUint16(b[12:], 1)                // biPlanes
	le.PutUint16(b[14:], 24)               // biBitCount
	le.PutUint32(b[20:], uint32(stride*h)) // biSizeImage; biCompression 0 = BI_RGB
	for y := range h {
		row := b[40+(h-1-y)*stride:]
		src := flat.Pix[y*flat.Stride:]
		for x := range w {
			row[3*x], row[3*x+1], row[3*x+2] = src[4*x+2], src[4*x+1], src[4*x] // BGR
		}
	}
	return b
}

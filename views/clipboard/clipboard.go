// Package clipboard puts a picture and text on the system clipboard, in
// several formats at once, so that each app that pastes takes the richest
// it reads: PowerPoint, Keynote, Word and chat apps the picture, Excel and
// text editors the text. Fyne's own clipboard carries text only.
//
// One file per system, each the system's own calls, no Fyne:
//   - clipboard_x11.go: Linux and FreeBSD (X11, and Wayland through
//     XWayland): a selection owner of its own, on its own connection (XCB),
//     serving image/png, image/svg+xml and text; large data in pieces
//     (INCR); on exit the contents go to the desktop's clipboard manager.
//   - clipboard_windows.go: Win32 (OpenClipboard, SetClipboardData): "PNG",
//     a device-independent bitmap, "image/svg+xml" and Unicode text.
//   - clipboard_darwin.go: NSPasteboard: public.png, public.tiff,
//     public.svg-image and plain text.
//   - clipboard_none.go: builds without a clipboard (the ci tag, no cgo):
//     every Write fails with ErrUnavailable.
package clipboard

import (
	"errors"
	"image"
	"image/color"
)

// Content is what one copy offers. Each system gets every format it can
// carry at once, the picture first.
type Content struct {
	PNG   []byte      // the picture, as PNG; nil: text only
	Image image.Image // the same picture decoded (Windows' bitmap format); nil: decoded from PNG
	Matte color.Color // the bitmap's background where the picture is transparent (a bitmap has no alpha); nil: white
	SVG   []byte      // the picture as SVG; nil: none
	Text  string      // UTF-8 text with "\n" line ends; "": none

	// Window is the app's native window handle (Windows: its HWND, which
	// owns the clipboard's contents); 0 elsewhere.
	Window uintptr
}

// ErrUnavailable says that this session has no clipboard to write to: no
// X display (a headless session, a login without X forwarding), or a
// build without one.
var ErrUnavailable = errors.New("no clipboard in this session")

//go:build !ci

package views

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// screenSize is the primary monitor's work area (without task bars) in
// the window's units, or false when it cannot be known. Fyne has no call
// for it; GLFW, which Fyne's desktop driver runs on, does. Call it on the
// UI goroutine (GLFW's main thread), once the app runs.
func screenSize(scale float32) (fyne.Size, bool) {
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return fyne.Size{}, false
	}
	_, _, w, h := m.GetWorkarea()
	if w <= 0 || h <= 0 {
		return fyne.Size{}, false
	}
	if scale <= 0 {
		scale = 1
	}
	return fyne.NewSize(float32(w)/scale, float32(h)/scale), true
}

package views

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
)

// toastTime is how long a note stays.
const toastTime = 3 * time.Second

// toast is a short note at the bottom of the window ("Chart copied —
// 1920×1080 PNG") that goes by itself. It is no dialog and takes no
// clicks or keys: the widgets under it go on working.
type toast struct {
	layer *fyne.Container // over the window's content, always there
	note  *fyne.Container // shown and hidden
	text  *canvas.Text
	box   *canvas.Rectangle
	shown int // bumps with each note, so an older note's timer leaves a newer one up
}

func newToast() *toast {
	t := &toast{text: canvas.NewText("", nil), box: canvas.NewRectangle(nil)}
	t.box.CornerRadius = theme.InputRadiusSize()
	t.note = container.NewStack(t.box, container.NewPadded(t.text))
	t.note.Hide()
	// At the bottom, in the middle, clear of the edge. The layer itself is
	// never hidden: the driver repaints only what it has drawn before.
	t.layer = container.NewBorder(nil, container.NewPadded(container.NewHBox(layout.NewSpacer(), t.note, layout.NewSpacer())), nil, nil)
	return t
}

// show puts up a note in the theme's inverse colours, for a few seconds.
func (t *toast) show(msg string) {
	t.shown++
	shown := t.shown
	t.text.Text = msg
	t.text.Color = theme.Color(theme.ColorNameBackground)
	t.box.FillColor = theme.Color(theme.ColorNameForeground)
	t.note.Show()
	t.layer.Refresh()
	time.AfterFunc(toastTime, func() {
		onUI(func() {
			if t.shown == shown {
				t.note.Hide()
				t.layer.Refresh()
			}
		})
	})
}

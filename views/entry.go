package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// appEntry is a text field that passes the app's own shortcuts on (Redo's
// second shortcut): a focused text field gets shortcuts the main menu does
// not carry before the window does.
type appEntry struct {
	widget.Entry
	state *State
}

var _ fyne.Shortcutable = (*appEntry)(nil)

func newAppEntry(s *State, placeHolder string, changed func(string)) *appEntry {
	e := &appEntry{state: s}
	e.PlaceHolder, e.OnChanged = placeHolder, changed
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut is part of fyne.Shortcutable.
func (e *appEntry) TypedShortcut(sc fyne.Shortcut) {
	if e.state != nil && e.state.shortcut != nil && e.state.shortcut(sc) {
		return
	}
	e.Entry.TypedShortcut(sc)
}

package views

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"autocities/importer"
)

// keyShortcut is the shortcut Fyne's desktop driver makes of a key press:
// Ctrl/Cmd+Z is fyne.ShortcutUndo, Ctrl+Y fyne.ShortcutRedo, the rest a
// desktop.CustomShortcut (internal/driver/glfw/window.go, triggersShortcut).
func keyShortcut(key fyne.KeyName, mod fyne.KeyModifier) fyne.Shortcut {
	if mod == fyne.KeyModifierShortcutDefault {
		switch key {
		case fyne.KeyZ:
			return &fyne.ShortcutUndo{}
		case fyne.KeyY:
			return &fyne.ShortcutRedo{}
		}
	}
	return &desktop.CustomShortcut{KeyName: key, Modifier: mod}
}

// press runs a key press the way the desktop driver does: the main menu's
// shortcuts first, whatever has the focus; then a focused widget that
// takes shortcuts; then the window's own.
func press(w fyne.Window, key fyne.KeyName, mod fyne.KeyModifier) {
	sc := keyShortcut(key, mod)
	for _, m := range w.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() && it.Action != nil {
				it.Action()
				return
			}
		}
	}
	if f, ok := w.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(sc)
		return
	}
	w.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(sc)
}

// TestShortcutsWhateverHasTheFocus presses Undo, both Redo shortcuts,
// Find, Import and Export chart after clicking each tab, the chart, and
// with the Data tab's filter focused.
func TestShortcutsWhateverHasTheFocus(t *testing.T) {
	a := newTestApp(t)
	s := newTestState(t)
	w := NewWindow(a, s, nil)
	defer w.Close()
	ctrl, ctrlShift := fyne.KeyModifierShortcutDefault, fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift
	change := func() {
		d := s.Data().Clone()
		d.AddObservation(importer.Observation{Region: "Wuhu", Year: 2024, Period: importer.FY, Metric: importer.Production,
			Value: 1, Qualifier: importer.Exact, Confidence: importer.Normal, SourceID: "user"})
		s.Change(d, s.Report(), "test change")
	}
	ui := s.ui
	for i := range 5 {
		ui.tabs.SelectIndex(i)
		// A click on the tab or on the chart leaves nothing focused; a
		// click in a text field focuses it.
		focus := []func(){func() { w.Canvas().Unfocus() }, func() { w.Canvas().Focus(ui.data.filter) },
			func() { w.Canvas().Focus(ui.glossary.search) }}
		for _, f := range focus {
			f()
			change()
			n := s.Data().Count()
			press(w, fyne.KeyZ, ctrl)
			if s.Data().Count() != n-1 {
				t.Fatalf("tab %d: Ctrl+Z did not undo", i)
			}
			press(w, fyne.KeyZ, ctrlShift)
			if s.Data().Count() != n {
				t.Fatalf("tab %d: Ctrl+Shift+Z did not redo", i)
			}
			press(w, fyne.KeyZ, ctrl)
			press(w, fyne.KeyY, ctrl)
			if s.Data().Count() != n {
				t.Fatalf("tab %d: Ctrl+Y did not redo", i)
			}
		}
	}
	press(w, fyne.KeyF, ctrl)
	if w.Canvas().Focused() != ui.data.filter {
		t.Error("Ctrl+F did not put the cursor in the Data tab's filter")
	}
}

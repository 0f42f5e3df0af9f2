package views

import (
	"errors"
	"slices"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver"
	"fyne.io/fyne/v2/widget"

	"autocities/charts"
	"autocities/views/chartspec"
	"autocities/views/clipboard"
)

// Edit → Copy chart (Ctrl/Cmd+Shift+C) and Copy data (Ctrl/Cmd+Shift+D),
// also in the chart's context menu: the chart in front on the system
// clipboard (views/clipboard), as PNG at the copy size and background
// (Edit → Copy chart size and background; 16:9 on light at first), with
// SVG and its values as text where the system takes several formats at
// once; or its values alone, tab-separated. The payloads come from
// clipboard_payload.go; a note at the bottom of the window says what was
// copied (clipboard_toast.go).

// writeClipboard puts contents on the system clipboard; tests put a fake
// here.
var writeClipboard = clipboard.Write

// copier is what the copy commands keep: the note, the format menu, a
// lock so that copies are made one at a time, and the copies under way.
type copier struct {
	note    *toast
	format  *fyne.Menu
	mu      sync.Mutex
	pending jobs
}

// Preference keys of the copy format.
const (
	prefCopyPreset     = "copyPreset"     // a chartspec.Presets name: "16:9"
	prefCopyBackground = "copyBackground" // a chartspec.Backgrounds name
	prefCopyDouble     = "copyDouble"     // twice the pixels
)

// withCopy sets up copying: the charts' context menus and the layer of the
// note over the window's content.
func (u *ui) withCopy(content fyne.CanvasObject) fyne.CanvasObject {
	for _, t := range u.charts {
		t.chart.OnSecondaryTapped = func(ev *fyne.PointEvent) {
			widget.ShowPopUpMenuAtPosition(u.chartMenu(), u.win.Canvas(), ev.AbsolutePosition)
		}
	}
	u.clip.note = newToast()
	return container.NewStack(content, u.clip.note.layer)
}

// copyItems are the Edit menu's entries: Copy chart, Copy data, and the
// copy size and background.
func (u *ui) copyItems() []*fyne.MenuItem {
	u.clip.format = u.copyFormatMenu()
	format := fyne.NewMenuItem(T("clip.format"), nil)
	format.ChildMenu = u.clip.format
	return []*fyne.MenuItem{
		{Label: T("clip.copy_chart"), Action: u.copyChart, Shortcut: ctrlShift(fyne.KeyC)},
		{Label: T("clip.copy_data"), Action: u.copyData, Shortcut: ctrlShift(fyne.KeyD)},
		format,
	}
}

// chartMenu is the chart's context menu.
func (u *ui) chartMenu() *fyne.Menu {
	format := fyne.NewMenuItem(T("clip.format"), nil)
	format.ChildMenu = u.copyFormatMenu()
	return fyne.NewMenu("",
		&fyne.MenuItem{Label: T("clip.copy_chart"), Action: u.copyChart, Shortcut: ctrlShift(fyne.KeyC)},
		&fyne.MenuItem{Label: T("clip.copy_data"), Action: u.copyData, Shortcut: ctrlShift(fyne.KeyD)},
		format,
		fyne.NewMenuItemSeparator(),
		&fyne.MenuItem{Label: T("ui.export_chart"), Action: u.exportChart, Shortcut: ctrl(fyne.KeyE)},
	)
}

// copyFormatMenu offers the sizes, the backgrounds and 2×, the chosen ones
// ticked.
func (u *ui) copyFormatMenu() *fyne.Menu {
	prefs := u.app.Preferences()
	var items []*fyne.MenuItem
	names := presetNames()
	for i, p := range chartspec.Presets {
		items = append(items, u.copyFormatItem(names[i], prefCopyPreset, p.Name))
	}
	items = append(items, fyne.NewMenuItemSeparator())
	for _, b := range chartspec.Backgrounds {
		items = append(items, u.copyFormatItem(T(backgroundWord(b)), prefCopyBackground, b))
	}
	double := fyne.NewMenuItem(T("ui.2_pixels_sharp_on_high_resolution"), nil)
	double.Action = func() {
		prefs.SetBool(prefCopyDouble, !prefs.Bool(prefCopyDouble))
		u.markCopyFormat()
	}
	items = append(items, fyne.NewMenuItemSeparator(), double)
	m := fyne.NewMenu("", items...)
	u.markFormatMenu(m)
	return m
}

// copyFormatItem chooses a size or a background.
func (u *ui) copyFormatItem(label, pref, value string) *fyne.MenuItem {
	return fyne.NewMenuItem(label, func() {
		u.app.Preferences().SetString(pref, value)
		u.markCopyFormat()
	})
}

// markCopyFormat ticks the chosen format in the Edit menu.
func (u *ui) markCopyFormat() {
	if u.clip.format != nil {
		u.markFormatMenu(u.clip.format)
		u.mainMenu.Refresh()
	}
}

func (u *ui) markFormatMenu(m *fyne.Menu) {
	o := u.copyOptions()
	sizes, backgrounds := len(chartspec.Presets), len(chartspec.Backgrounds)
	for i, p := range chartspec.Presets {
		m.Items[i].Checked = p.Width == o.Width && p.Height == o.Height
	}
	chosen := u.copyBackground()
	for i, b := range chartspec.Backgrounds {
		m.Items[sizes+1+i].Checked = b == chosen
	}
	m.Items[sizes+backgrounds+2].Checked = o.Scale == 2
}

// copyOptions are a copied chart's size, scale, background and words, as
// chosen: 16:9 (1920×1080) on a light background at first.
func (u *ui) copyOptions() charts.Options {
	prefs := u.app.Preferences()
	p, ok := chartspec.PresetNamed(prefs.String(prefCopyPreset))
	if !ok {
		p = chartspec.Presets[0]
	}
	o := charts.Options{Width: p.Width, Height: p.Height, Scale: 1, Words: chartspec.Words(uiLang())}
	if prefs.Bool(prefCopyDouble) {
		o.Scale = 2
	}
	_ = chartspec.SetBackground(&o, u.copyBackground()) // a known name
	return o
}

// copyBackground is the chosen background's name (light at first).
func (u *ui) copyBackground() string {
	if b := u.app.Preferences().String(prefCopyBackground); slices.Contains(chartspec.Backgrounds, b) {
		return b
	}
	return chartspec.BackgroundLight
}

// copyWords are the copied table's words in the UI's language.
func copyWords() clipWords {
	return clipWords{Region: T("clip.region"), Unit: T("clip.unit"),
		Approx: T("clip.marked", T("chart.key.approx"), "%s"), MoreThan: T("clip.marked", T("chart.key.more_than"), "%s"),
		ValueAt: T("clip.value_at", "%[1]s", "%[2]s"), Sep: T("and.sep")}
}

// copyChart draws the chart in front at the copy format, off the UI
// goroutine, and puts it on the clipboard: PNG, SVG and its values.
func (u *ui) copyChart() {
	build, opts, words, owner := u.state.specLater(u.current().choice), u.copyOptions(), copyWords(), nativeHandle(u.win)
	u.inBackground(func() (*clipboard.Content, string, error) {
		p, err := buildChartPayload(build(), opts, words)
		if err != nil {
			return nil, "", err
		}
		c := &clipboard.Content{PNG: p.PNG, Image: p.Image, Matte: charts.Background(opts.Theme), SVG: p.SVG, Text: p.Text, Window: owner}
		return c, T("clip.chart_copied", p.Image.Bounds().Dx(), p.Image.Bounds().Dy()), nil
	})
}

// copyData puts the values of the chart in front on the clipboard as
// tab-separated text.
func (u *ui) copyData() {
	build, words, owner := u.state.specLater(u.current().choice), copyWords(), nativeHandle(u.win)
	u.inBackground(func() (*clipboard.Content, string, error) {
		spec := build()
		if spec == nil {
			return nil, T("clip.nothing"), nil
		}
		text, rows := chartTable(spec, words)
		if rows == 0 {
			return nil, T("clip.nothing"), nil
		}
		return &clipboard.Content{Text: text, Window: owner}, T("clip.data_copied", rows), nil
	})
}

// inBackground makes a copy's contents off the UI goroutine, then puts
// them on the clipboard on it (AppKit wants the main thread; the others
// take a moment at most) and shows its note or why it failed. Copies go
// one at a time.
func (u *ui) inBackground(work func() (*clipboard.Content, string, error)) {
	u.clip.pending.Add(1)
	go func() {
		defer u.clip.pending.Done()
		u.clip.mu.Lock()
		defer u.clip.mu.Unlock()
		c, note, err := work()
		onUIWait(func() {
			if err == nil && c != nil {
				err = writeClipboard(*c)
			}
			if err != nil {
				u.copyFailed(err)
				return
			}
			u.clip.note.show(note)
		})
	}()
}

// copyFailed says why nothing was copied.
func (u *ui) copyFailed(err error) {
	msg := T("clip.failed", err.Error())
	if errors.Is(err, clipboard.ErrUnavailable) {
		msg = T("clip.no_clipboard", err.Error())
	}
	showError(errors.New(msg), u.win)
}

// keepCopy hands what the app copied to the desktop's clipboard manager
// as the window closes, so that it can still be pasted (X11; elsewhere the
// system holds it already).
func (u *ui) keepCopy() { clipboard.Keep(3 * time.Second) }

// nativeHandle is the window's HWND on Windows, where the clipboard's
// contents belong to a window; 0 elsewhere.
func nativeHandle(w fyne.Window) uintptr {
	var h uintptr
	if nw, ok := w.(driver.NativeWindow); ok {
		nw.RunNative(func(ctx any) {
			if wc, ok := ctx.(driver.WindowsWindowContext); ok {
				h = wc.HWND
			}
		})
	}
	return h
}

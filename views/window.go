package views

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"autocities/importer"
	"autocities/views/chartspec"
)

// Version is the app's version, shown in About and written into exports;
// main sets it from the build's metadata.
var Version = "dev"

// Quitting, when set, is called once the app has decided to end: the
// window has closed (its last change on disk, its lock released), or a
// new instance has been started in another language. main sets it to a
// watchdog for Fyne's exit (see main.go); tests leave it nil.
var Quitting func()

func quitting() {
	if Quitting != nil {
		Quitting()
	}
}

// ui is the window and what its menus act on.
type ui struct {
	app      fyne.App
	win      fyne.Window
	state    *State
	tabs     *container.AppTabs
	charts   []*chartTab // one per kind of chart, in chartspec's order
	glossary *glossary
	data     *dataTab

	previewShown chan *preview // tests: each import preview once it is up

	mainMenu           *fyne.MainMenu
	undoItem, redoItem *fyne.MenuItem
	recentItem         *fyne.MenuItem
	ws                 *workspace
	imports            jobs                 // imports running (tests wait for them)
	lock               *instanceLock        // nil: another instance has the workspace (read-only), or none could be made
	readOnly           bool                 // another instance has the workspace: nothing is saved
	unsavedErr         error                // why the last change is not on disk
	saveDialog         *dialog.CustomDialog // the save failure shown
	clip               copier               // Copy chart, Copy data (clipboard.go)
}

// NewWindow builds the main window on the state and imports files (from
// the command line or "Open with"), merging them into the default data.
func NewWindow(a fyne.App, s *State, files []string) fyne.Window {
	limitMemory()
	return newUI(a, s, files).win
}

// memoryLimit is the heap size the garbage collector works to stay under
// (a soft limit: debug.SetMemoryLimit), and gcPercent how far the heap may
// grow past what is live before a collection. With Go's defaults alone
// the heap grows to twice what is live: the app with a million figures
// peaked at 1.35 GB, and with 360,000 (136 MB live) it held 410–435 MB
// resident under Xvfb. GOMEMLIMIT and GOGC, when set, win.
const (
	memoryLimit = 900 << 20
	gcPercent   = 50
)

func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
}

func newUI(a fyne.App, s *State, files []string) *ui {
	applyTheme(a, a.Preferences().String(prefTheme))
	u := &ui{app: a, state: s, win: a.NewWindow("Auto Cities"), ws: newWorkspace(a)}
	s.win, s.ui = u.win, u
	start := u.restore()
	var items []*container.TabItem
	for _, kind := range chartspec.KindNames() {
		t := tabMakers[kind](s)
		u.charts = append(u.charts, t)
		items = append(items, t.tab)
	}
	u.data = newDataTab(s)
	u.glossary = newGlossaryTab(s)
	u.tabs = container.NewAppTabs(append(items, u.glossary.tab, u.data.tab)...)
	u.win.SetContent(u.withCopy(u.tabs))
	u.tabs.SelectIndex(recallTab(len(u.tabs.Items)))
	u.tabs.OnSelected = func(*container.TabItem) { rememberTab(u.tabs.SelectedIndex()) }
	u.hookTitles()
	u.mainMenu = u.menu()
	u.win.SetMainMenu(u.mainMenu)
	s.OnChanged(u.updateUndoItems)
	u.win.Resize(fyne.NewSize(1200, 780))
	go onUI(u.fitScreen)
	u.win.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) { u.importURIs(uris) })
	u.shortcuts()
	u.win.SetCloseIntercept(u.closing)
	u.win.SetOnClosed(func() { // the last change is on disk, the copy with the clipboard manager, before the app exits
		u.ws.wait()
		u.keepCopy()
		u.lock.release()
		quitting()
	})
	u.showStart(start)
	u.updateUndoItems()
	if len(files) > 0 {
		u.importPaths(files)
	}
	return u
}

func (u *ui) menu() *fyne.MainMenu {
	u.recentItem = fyne.NewMenuItem(T("ui.open_recent"), nil)
	u.recentItem.ChildMenu = fyne.NewMenu("", u.recentItems()...)
	file := fyne.NewMenu(T("ui.file"),
		&fyne.MenuItem{Label: T("ui.import"), Action: u.openImportDialog, Shortcut: ctrl(fyne.KeyO)},
		u.recentItem,
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(T("ui.new_workspace"), u.newWorkspace),
		fyne.NewMenuItem(T("ui.reset_to_default_data"), u.resetToDefault),
		fyne.NewMenuItem(T("ui.save_workspace_as"), u.saveWorkspaceAs),
		fyne.NewMenuItemSeparator(),
		&fyne.MenuItem{Label: T("ui.export_chart"), Action: u.exportChart, Shortcut: ctrl(fyne.KeyE)},
		fyne.NewMenuItem(T("ui.export_workbook"), u.exportWorkbook),
		fyne.NewMenuItem(T("ui.export_slides"), u.exportSlides),
		fyne.NewMenuItem(T("ui.export_csv"), u.exportCSV),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(T("ui.settings"), u.settings),
	)
	// Ctrl/Cmd+Z reaches the window as fyne.ShortcutUndo, Ctrl+Y as
	// ShortcutRedo: menu shortcuts must be those to match, and the main
	// menu's shortcuts run whichever widget has the focus.
	redo, _ := redoShortcuts()
	u.undoItem = &fyne.MenuItem{Label: T("ui.undo"), Action: u.undo, Shortcut: &fyne.ShortcutUndo{}, Disabled: true}
	u.redoItem = &fyne.MenuItem{Label: T("ui.redo"), Action: u.redoChange, Shortcut: redo, Disabled: true}
	find := &fyne.MenuItem{Label: T("ui.find"), Action: u.find, Shortcut: ctrl(fyne.KeyF)}
	edit := fyne.NewMenu(T("ui.edit"), append([]*fyne.MenuItem{u.undoItem, u.redoItem, fyne.NewMenuItemSeparator(), find,
		fyne.NewMenuItem(T("ui.chart_titles_menu"), u.editTitles), fyne.NewMenuItemSeparator()}, u.copyItems()...)...)
	help := fyne.NewMenu(T("ui.help"),
		fyne.NewMenuItem(T("ui.about"), u.about),
		fyne.NewMenuItem(T("ui.data_sources"), func() { u.tabs.Select(u.data.tab); u.data.inner.SelectIndex(1) }),
	)
	return fyne.NewMainMenu(file, edit, help)
}

func ctrl(k fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

func ctrlShift(k fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
}

func (u *ui) undo()       { u.state.Undo() }
func (u *ui) redoChange() { u.state.Redo() }

// updateUndoItems names what Undo and Redo would do: "Undo import of
// yearbook.xlsx".
func (u *ui) updateUndoItems() {
	set := func(item *fyne.MenuItem, word, label string) {
		item.Disabled = label == ""
		item.Label = T(word)
		if label != "" {
			item.Label += " " + label
		}
	}
	set(u.undoItem, "ui.undo", u.state.UndoLabel())
	set(u.redoItem, "ui.redo", u.state.RedoLabel())
	u.mainMenu.Refresh()
}

// redoShortcuts are Redo's two shortcuts: the one the menu shows (Ctrl+Y
// on Windows, Ctrl/Cmd+Shift+Z elsewhere) and the other, which works too.
func redoShortcuts() (menu, other fyne.Shortcut) {
	shiftZ, y := ctrlShift(fyne.KeyZ), &fyne.ShortcutRedo{}
	if runtime.GOOS == "windows" {
		return y, shiftZ
	}
	return shiftZ, y
}

// shortcuts adds what the menu cannot carry: Redo's other shortcut. The
// main menu's shortcuts (Undo, Redo, Import, Export chart, Find) run first
// whatever has the focus; a text field passes this one on (appEntry).
func (u *ui) shortcuts() {
	_, other := redoShortcuts()
	u.win.Canvas().AddShortcut(other, func(fyne.Shortcut) { u.redoChange() })
	u.state.shortcut = func(sc fyne.Shortcut) bool {
		if sc.ShortcutName() == other.ShortcutName() {
			u.redoChange()
			return true
		}
		return false
	}
}

// find puts the cursor in the filter or search box of the tab in front
// (the Data tab's filter when the tab has none).
func (u *ui) find() {
	var e fyne.Focusable = u.data.filter
	if u.tabs.Selected() == u.glossary.tab {
		e = u.glossary.search
	} else {
		u.tabs.Select(u.data.tab)
		u.data.inner.SelectIndex(0)
	}
	u.win.Canvas().Focus(e)
}

func (u *ui) about() {
	d := u.state.Data()
	msg := fmt.Sprintf(T("ui.auto_cities_s_chinas_car_industry"),
		Version, d.Count(), len(d.Sources), len(d.Events), len(d.Terms))
	dialog.ShowInformation(T("ui.about_auto_cities"), msg, u.win)
}

// settings edits the theme (applied at once) and the language (applied by
// restarting the app, since Fyne reads the language once at start).
func (u *ui) settings() {
	prefs := u.app.Preferences()
	themes := []string{T("ui.system"), T("ui.light"), T("ui.dark")}
	themeKeys := []string{"system", "light", "dark"}
	themeSel := widget.NewSelect(themes, nil)
	themeSel.SetSelectedIndex(max(0, indexOf(themeKeys, prefs.String(prefTheme))))
	var langNames []string
	for _, l := range languages {
		langNames = append(langNames, T(l.name))
	}
	langSel := widget.NewSelect(langNames, nil)
	current := savedLanguage()
	for i, l := range languages {
		if l.code == current {
			langSel.SetSelectedIndex(i)
		}
	}
	maxRows := &widget.Entry{Text: strconv.Itoa(u.maxRows()), Validator: func(s string) error {
		if n, err := strconv.Atoi(strings.ReplaceAll(s, ",", "")); err != nil || n < 1000 {
			return errors.New(T("ui.largest_import_invalid"))
		}
		return nil
	}}
	maxRows.ExtendBaseWidget(maxRows)
	items := []*widget.FormItem{
		widget.NewFormItem(T("ui.theme"), themeSel),
		widget.NewFormItem(T("ui.language"), langSel),
		{Text: T("ui.largest_import"), Widget: maxRows, HintText: T("ui.largest_import_hint")},
	}
	dialog.ShowForm(T("ui.settings_2"), T("ui.apply"), T("ui.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		if n, err := strconv.Atoi(strings.ReplaceAll(maxRows.Text, ",", "")); err == nil && n >= 1000 {
			prefs.SetInt(prefMaxRows, n)
		}
		key := themeKeys[max(0, themeSel.SelectedIndex())]
		prefs.SetString(prefTheme, key)
		applyTheme(u.app, key)
		u.state.SetData(u.state.Data(), u.state.Report()) // redraw the charts in the new theme
		if code := languages[max(0, langSel.SelectedIndex())].code; code != current {
			dialog.ShowConfirm(T("ui.language"), T("ui.auto_cities_restarts_to_change_its"), func(yes bool) {
				if yes {
					if err := setLanguage(code); err != nil {
						showError(err, u.win)
					}
				}
			}, u.win)
		}
	}, u.win)
}

// maxRows is the most figures one imported file may give (Settings).
func (u *ui) maxRows() int {
	return u.app.Preferences().IntWithFallback(prefMaxRows, importer.DefaultMaxRows)
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// fitScreen makes the window fit the screen it opens on: a small laptop
// screen (800×600) gets a window that fits, a large one keeps 1200×780.
func (u *ui) fitScreen() {
	screen, ok := screenSize(u.win.Canvas().Scale())
	if !ok {
		return
	}
	want := fyne.NewSize(min(1200, screen.Width-16), min(780, screen.Height-40))
	if want.Width < u.win.Canvas().Size().Width || want.Height < u.win.Canvas().Size().Height {
		u.win.Resize(want)
	}
}

package views

import (
	"fmt"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Version is the app's version, shown in About and written into exports;
// main sets it from the build's metadata.
var Version = "dev"

// ui is the window and what its menus act on.
type ui struct {
	app      fyne.App
	win      fyne.Window
	state    *State
	tabs     *container.AppTabs
	compare  *compare
	timeline *timeline
	rank     *rank
	data     *dataTab

	mainMenu           *fyne.MainMenu
	undoItem, redoItem *fyne.MenuItem
	recentItem         *fyne.MenuItem
	ws                 *workspace
}

// NewWindow builds the main window on the state and imports files (from
// the command line or "Open with"), merging them into the default data.
func NewWindow(a fyne.App, s *State, files []string) fyne.Window {
	applyTheme(a, a.Preferences().String(prefTheme))
	u := &ui{app: a, state: s, win: a.NewWindow("Auto Cities"), ws: newWorkspace(a)}
	restoreErr := u.restore()
	u.compare = newCompareTab(s)
	u.timeline = newTimelineTab(s)
	u.rank = newRankTab(s)
	u.data = newDataTab(s)
	u.tabs = container.NewAppTabs(u.compare.tab, u.timeline.tab, u.rank.tab, newGlossaryTab(s).tab, u.data.tab)
	u.win.SetContent(u.tabs)
	u.hookTitles()
	u.mainMenu = u.menu()
	u.win.SetMainMenu(u.mainMenu)
	s.OnChanged(u.updateUndoItems)
	u.win.Resize(fyne.NewSize(1200, 780))
	u.win.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) { u.importURIs(uris) })
	u.shortcuts()
	u.win.SetOnClosed(u.ws.wait) // the last change is on disk before the app exits
	if restoreErr != nil {
		log.Printf("workspace: %v", restoreErr)
		dialog.ShowError(restoreErr, u.win)
	}
	u.updateUndoItems()
	if len(files) > 0 {
		u.importPaths(files, true)
	}
	return u.win
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
	u.undoItem = &fyne.MenuItem{Label: T("ui.undo"), Action: u.undo, Shortcut: ctrl(fyne.KeyZ), Disabled: true}
	u.redoItem = &fyne.MenuItem{Label: T("ui.redo"), Action: u.redoChange, Shortcut: ctrlShift(fyne.KeyZ), Disabled: true}
	edit := fyne.NewMenu(T("ui.edit"), u.undoItem, u.redoItem, fyne.NewMenuItemSeparator(), fyne.NewMenuItem(T("ui.chart_titles_menu"), u.editTitles))
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

func (u *ui) shortcuts() {
	u.win.Canvas().AddShortcut(ctrl(fyne.KeyZ), func(fyne.Shortcut) { u.undo() })
	u.win.Canvas().AddShortcut(ctrlShift(fyne.KeyZ), func(fyne.Shortcut) { u.redoChange() })
	u.win.Canvas().AddShortcut(ctrl(fyne.KeyO), func(fyne.Shortcut) { u.openImportDialog() })
	u.win.Canvas().AddShortcut(ctrl(fyne.KeyE), func(fyne.Shortcut) { u.exportChart() })
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
	items := []*widget.FormItem{
		widget.NewFormItem(T("ui.theme"), themeSel),
		widget.NewFormItem(T("ui.language"), langSel),
	}
	dialog.ShowForm(T("ui.settings_2"), T("ui.apply"), T("ui.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		key := themeKeys[max(0, themeSel.SelectedIndex())]
		prefs.SetString(prefTheme, key)
		applyTheme(u.app, key)
		u.state.SetData(u.state.Data(), u.state.Report()) // redraw the charts in the new theme
		if code := languages[max(0, langSel.SelectedIndex())].code; code != current {
			dialog.ShowConfirm(T("ui.language"), T("ui.auto_cities_restarts_to_change_its"), func(yes bool) {
				if yes {
					if err := setLanguage(code); err != nil {
						dialog.ShowError(err, u.win)
					}
				}
			}, u.win)
		}
	}, u.win)
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"autocities/charts"
)

// Version is the app's version, shown in About; main sets it from the
// build's metadata.
var Version = "dev"

// ui is the window and what its menus act on.
type ui struct {
	app      fyne.App
	win      fyne.Window
	state    *State
	tabs     *container.AppTabs
	compare  *compare
	timeline *timeline
	data     *dataTab
}

// ChartTheme follows the app's light or dark theme.
func (s *State) ChartTheme() charts.Theme {
	if a := fyne.CurrentApp(); a != nil && a.Settings().ThemeVariant() == theme.VariantDark {
		return charts.Dark
	}
	return charts.Light
}

// NewWindow builds the main window on the state and imports files (from
// the command line or "Open with"), merging them into the default data.
func NewWindow(a fyne.App, s *State, files []string) fyne.Window {
	u := &ui{app: a, state: s, win: a.NewWindow("Auto Cities")}
	u.tabs = container.NewAppTabs(u.newTabs()...)
	u.win.SetContent(u.tabs)
	u.win.SetMainMenu(u.menu())
	u.win.Resize(fyne.NewSize(1200, 780))
	u.win.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) { u.importURIs(uris) })
	u.shortcuts()
	if len(files) > 0 {
		u.importPaths(files, true)
	}
	return u.win
}

func (u *ui) newTabs() []*container.TabItem {
	u.compare = newCompareTab(u.state)
	u.timeline = newTimelineTab(u.state)
	u.data = newDataTab(u.state)
	return []*container.TabItem{u.compare.tab, u.timeline.tab, newGlossaryTab(u.state).tab, u.data.tab}
}

func (u *ui) menu() *fyne.MainMenu {
	file := fyne.NewMenu("File",
		&fyne.MenuItem{Label: "Import…", Action: u.openImportDialog, Shortcut: ctrl(fyne.KeyO)},
		fyne.NewMenuItemSeparator(),
		&fyne.MenuItem{Label: "Export chart as PNG…", Action: u.exportChart, Shortcut: ctrl(fyne.KeyE)},
	)
	help := fyne.NewMenu("Help",
		fyne.NewMenuItem("About", u.about),
		fyne.NewMenuItem("Data sources", func() { u.tabs.SelectIndex(3); u.data.inner.SelectIndex(1) }),
	)
	return fyne.NewMainMenu(file, help)
}

func ctrl(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

func (u *ui) shortcuts() {
	u.win.Canvas().AddShortcut(ctrl(fyne.KeyO).(*desktop.CustomShortcut), func(fyne.Shortcut) { u.openImportDialog() })
	u.win.Canvas().AddShortcut(ctrl(fyne.KeyE).(*desktop.CustomShortcut), func(fyne.Shortcut) { u.exportChart() })
}

func (u *ui) about() {
	d := u.state.Data()
	dialog.ShowInformation("About Auto Cities", fmt.Sprintf(
		"Auto Cities %s\n\nChina's car industry, city by city.\n\n"+
			"Default data: the report 'Competing for the \"Number One City for Automobiles\"' "+
			"(asiacity.news) and %d further sources; %d figures, %d events, %d glossary terms.\n"+
			"Every figure carries its source: see Data → Sources.",
		Version, len(d.Sources)-1, len(d.Observations), len(d.Events), len(d.Terms)), u.win)
}

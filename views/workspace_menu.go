package views

import (
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"autocities/importer"
)

const (
	prefRecent = "recentFiles"
	maxRecent  = 10
)

// restore takes the workspace's lock and puts the saved state in place of
// the default data, saving every later change; when another instance has
// the workspace, it opens its saved state read-only and saves nothing.
// It returns what the start should tell the user.
func (u *ui) restore() startNotice {
	l, holder, stale, err := acquireLock(u.ws.dir)
	n := startNotice{crashed: stale}
	switch {
	case errors.Is(err, errLockHeld):
		n.readOnly, n.holder = true, holder
	case err != nil:
		log.Printf("workspace: no lock (%v); saving without one", err)
	}
	u.lock = l
	n.restored = u.ws.open(n.readOnly)
	r := &n.restored
	if r.data != nil {
		u.state.SetData(r.data, nil)
	}
	u.state.addImported(r.imported...)
	if n.readOnly {
		return n
	}
	u.ws.onError = func(err error) { onUI(func() { u.saveFailed(err) }) }
	u.ws.onSaved = func() { onUI(u.savedAgain) }
	u.state.persist(u.ws.store, r.undo, r.redo, u.ws.loadSnapshot)
	if l != nil {
		go l.heartbeat()
		go watchInbox(u.ws.dir, l.stop, func(files []string) {
			onUI(func() {
				u.win.RequestFocus()
				u.importPaths(files)
			})
		})
	}
	return n
}

// newWorkspace starts from nothing, after a confirm; undoable.
func (u *ui) newWorkspace() {
	dialog.ShowConfirm(T("ui.new_workspace"), T("ui.start_an_empty_workspace_the_current"), func(ok bool) {
		if ok {
			u.state.Change(&importer.DataSet{}, nil, T("ui.new_workspace_2"))
		}
	}, u.win)
}

// resetToDefault goes back to the built-in data, after a confirm; undoable.
func (u *ui) resetToDefault() {
	dialog.ShowConfirm(T("ui.reset_to_default_data"), T("ui.replace_the_current_data_by_the"), func(ok bool) {
		if !ok {
			return
		}
		d, rep, err := DefaultData()
		if err != nil {
			showError(err, u.win)
			return
		}
		u.state.Change(d, rep, T("ui.reset_to_default_data_2"))
	}, u.win)
}

// saveWorkspaceAs writes the working data as a canonical workbook the user
// can open in Excel or bring back with Import.
func (u *ui) saveWorkspaceAs() {
	d := u.state.Data()
	u.saveFile("auto-cities-workspace.xlsx", func(path string) error {
		return d.SaveWorkbook(path, importer.WorkbookOptions{AppVersion: Version})
	})
}

// addRecent puts files first in the recent list.
func (u *ui) addRecent(paths ...string) {
	prefs := u.app.Preferences()
	list := prefs.StringList(prefRecent)
	for _, p := range paths {
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		list = slices.DeleteFunc(list, func(s string) bool { return s == p })
		list = append([]string{p}, list...)
	}
	if len(list) > maxRecent {
		list = list[:maxRecent]
	}
	prefs.SetStringList(prefRecent, list)
	u.recentItem.ChildMenu.Items = u.recentItems()
	u.mainMenu.Refresh()
}

// recentItems lists the last files imported; files no longer there are
// greyed out with the reason.
func (u *ui) recentItems() []*fyne.MenuItem {
	var items []*fyne.MenuItem
	for _, p := range u.app.Preferences().StringList(prefRecent) {
		path := p
		item := fyne.NewMenuItem(filepath.Base(path)+"  —  "+filepath.Dir(path), func() { u.importPaths([]string{path}) })
		if _, err := os.Stat(path); err != nil {
			item.Disabled = true
			reason := T("ui.cannot_be_opened")
			if errors.Is(err, os.ErrNotExist) {
				reason = T("ui.missing_moved_or_deleted")
			}
			item.Label = fmt.Sprintf("%s  —  %s", filepath.Base(path), reason)
		}
		items = append(items, item)
	}
	if len(items) == 0 {
		items = append(items, &fyne.MenuItem{Label: T("ui.no_recent_files"), Disabled: true})
	}
	return items
}

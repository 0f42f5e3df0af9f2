package views

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"autocities/importer"
)

// startNotice is what the start found: a crash, damage, another instance.
type startNotice struct {
	restored
	crashed  bool     // the last session did not close (its lock was stale)
	readOnly bool     // another instance has the workspace
	holder   lockInfo // that instance
}

// needsRecovery: the start has something to say about the saved work —
// damage, an unfinished save, or a crash after changes were saved. A
// session that crashed before its first change saved nothing and lost
// nothing: there is nothing to say.
func (n startNotice) needsRecovery() bool {
	return n.temps > 0 || len(n.damaged) > 0 || (n.crashed && n.data != nil)
}

// showStart tells what the start found: the recovery offer after a crash
// or damage, the read-only notice.
func (u *ui) showStart(n startNotice) {
	switch {
	case n.readOnly:
		u.readOnly = true
		u.setTitle()
		dialog.ShowInformation(T("ui.ws_read_only_title"), T("ui.ws_read_only", n.holder.holderText()), u.win)
	case n.needsRecovery():
		u.offerRecovery(n)
	}
}

// offerRecovery says what happened and offers the last saved state and
// the ones before it from the history (as Excel's Document Recovery
// does); choosing an earlier one undoes back to it, so Redo still leads
// forward again.
func (u *ui) offerRecovery(n startNotice) {
	var lines []string
	if n.crashed {
		lines = append(lines, T("ui.rec_crashed"))
	}
	if n.temps > 0 {
		lines = append(lines, T("ui.rec_unfinished"))
	}
	lines = append(lines, n.damaged...)
	if n.aside != "" {
		lines = append(lines, T("ui.rec_kept_aside", n.aside))
	}
	if n.data == nil {
		lines = append(lines, T("ui.rec_nothing"))
		dialog.ShowInformation(T("ui.rec_title"), strings.Join(lines, "\n"), u.win)
		return
	}
	lines = append(lines, T("ui.rec_saved_at", n.saved.Local().Format("2006-01-02 15:04"), orNone(n.label)))
	options := []string{T("ui.rec_latest", orNone(n.label))}
	for i := len(n.undo) - 1; i >= 0; i-- {
		options = append(options, T("ui.rec_before", n.undo[i].label))
	}
	pick := widget.NewRadioGroup(options, nil)
	pick.SetSelected(options[0])
	text := widget.NewLabel(strings.Join(lines, "\n"))
	text.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(container.NewVBox(text, widget.NewSeparator(), widget.NewLabel(T("ui.rec_choose"))),
		nil, nil, nil, container.NewVScroll(pick))
	d := dialog.NewCustomConfirm(T("ui.rec_title"), T("ui.rec_open"), T("ui.rec_keep_latest"), content, func(ok bool) {
		if ok {
			u.recoverTo(indexOf(options, pick.Selected))
		}
	}, u.win)
	d.Resize(fyne.NewSize(640, 460))
	d.Show()
}

// recoverTo goes back steps changes.
func (u *ui) recoverTo(steps int) {
	for i := 0; i < steps; i++ {
		if !u.state.Undo() {
			dialog.ShowError(errors.New(T("ui.rec_step_failed")), u.win)
			return
		}
	}
}

func orNone(label string) string {
	if label == "" {
		return T("ui.rec_no_change")
	}
	return label
}

// saveFailed says that the last change is not on disk, why, and what to
// do: the data stays open; Retry, or Save workspace as… elsewhere.
func (u *ui) saveFailed(err error) {
	u.unsavedErr = err
	u.setTitle()
	if u.saveDialog != nil {
		return // one dialog per failure, until a save succeeds
	}
	msg := widget.NewLabel(T("ui.save_failed", saveWords(err)))
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	retry := &widget.Button{Text: T("ui.retry"), Importance: widget.HighImportance, OnTapped: func() {
		d.Hide()
		u.ws.retry()
	}}
	saveAs := &widget.Button{Text: T("ui.save_workspace_as"), OnTapped: func() { d.Hide(); u.saveWorkspaceAs() }}
	later := &widget.Button{Text: T("ui.later"), OnTapped: func() { d.Hide() }}
	d = dialog.NewCustomWithoutButtons(T("ui.save_failed_title"), msg, u.win)
	d.SetButtons([]fyne.CanvasObject{later, saveAs, retry})
	d.SetOnClosed(func() { u.saveDialog = nil })
	d.Resize(fyne.NewSize(600, 240))
	u.saveDialog = d
	d.Show()
}

// saveWords is a save failure in the UI's words.
func saveWords(err error) string {
	var se *importer.SaveError
	if errors.As(err, &se) {
		return say(se.Msg())
	}
	return err.Error()
}

// savedAgain: a save succeeded after failures.
func (u *ui) savedAgain() {
	u.unsavedErr = nil
	u.setTitle()
	if u.saveDialog != nil {
		u.saveDialog.Hide()
	}
}

// setTitle marks a window whose changes are not saved, or read-only.
func (u *ui) setTitle() {
	title := "Auto Cities"
	switch {
	case u.readOnly:
		title += " — " + T("ui.title_read_only")
	case u.unsavedErr != nil:
		title += " — " + T("ui.title_not_saved")
	}
	u.win.SetTitle(title)
}

// closing asks before closing a window whose last change is not saved.
func (u *ui) closing() {
	u.ws.wait()
	err := u.ws.unsaved()
	if err == nil || u.readOnly {
		u.win.Close()
		return
	}
	dialog.ShowCustomConfirm(T("ui.unsaved_title"), T("ui.save_workspace_as"), T("ui.close_anyway"),
		widget.NewLabel(T("ui.unsaved_close", saveWords(err))), func(save bool) {
			if save {
				u.saveWorkspaceAs()
				return
			}
			u.win.Close()
		}, u.win)
}

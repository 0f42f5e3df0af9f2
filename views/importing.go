package views

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"autocities/importer"
)

// progressDelay: imports quicker than this never flash a progress bar.
const progressDelay = 500 * time.Millisecond

const prefLastFolder = "lastFolder"

func (u *ui) openImportDialog() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		r.Close() // only the path is used: the importer opens the file read-only
		u.importURIs([]fyne.URI{r.URI()})
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx", ".xlsm", ".csv", ".tsv", ".txt", ".xls", ".htm", ".html"}))
	u.startIn(d)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

func (u *ui) importURIs(uris []fyne.URI) {
	var paths []string
	for _, uri := range uris {
		if uri.Scheme() != "file" {
			showError(fmt.Errorf(T("ui.s_is_not_a_local_file"), uri.Name()), u.win)
			continue
		}
		paths = append(paths, uri.Path())
	}
	if len(paths) > 0 {
		u.app.Preferences().SetString(prefLastFolder, filepath.Dir(paths[0]))
		u.importPaths(paths)
	}
}

// importPaths is the one way in for files — dropped, chosen with File →
// Import…, from Open recent, or given at start: each is read in the
// background (a progress bar with Cancel when it takes long), then shown
// in the import preview, one file after the other.
func (u *ui) importPaths(paths []string) {
	if len(paths) == 0 {
		return
	}
	u.importFile(paths[0], "", func() { u.importPaths(paths[1:]) })
}

// importFile reads one file and opens its preview; next runs when the
// user is done with it (or it could not be read).
func (u *ui) importFile(path, password string, next func()) {
	ctx, cancel := context.WithCancel(context.Background())
	prog := newProgress(u.win, filepath.Base(path), cancel)
	opts := importer.ImportOptions{Password: password, Progress: prog.set, MaxRows: u.maxRows()}
	current := u.state.Data()
	u.imports.Add(1)
	go func() {
		defer u.imports.Done()
		res := readFile(ctx, path, opts, current)
		choices, recalled := recallChoices(res.rep)
		if recalled && res.rep != nil { // a file of this shape was imported before: its choices again
			opts.Choices = choices
			if again := readFile(ctx, path, opts, current); again.err == nil {
				res = again
			} else {
				recalled, choices = false, importer.Choices{}
			}
		}
		cancelled := ctx.Err() != nil
		cancel()
		onUI(func() {
			prog.done()
			switch {
			case cancelled:
				next()
			case errors.Is(res.err, importer.ErrEncrypted) && password == "":
				u.askPassword(path, next)
			case res.err != nil && !readable(res):
				showError(res.err, u.win)
				next()
			default: // read — perhaps with nothing taken yet: the preview offers the choices
				u.showPreview(path, password, res, choices, recalled, next)
			}
		})
	}()
}

// readable: the file was read and its tables understood, even if no
// figure could be taken without a choice (a year, a column's role).
func readable(res readResult) bool {
	return res.rep != nil && len(res.rep.Tables) > 0
}

// applyImport merges the file's data with the working data (or replaces
// it) off the UI goroutine — with 360,000 rows the merge and its index take
// a moment — then makes it one undoable change.
func (u *ui) applyImport(res readResult, name string, merge bool, done func()) {
	current := u.state.Data()
	regions := res.data.Regions()
	label := T("ui.import_of_s", name)
	if !merge {
		label = T("ui.replace_by_s", name)
	}
	go func() {
		d := res.data
		if merge {
			d = current.Clone()
			d.Merge(res.data)
		}
		d.Prepare()
		onUI(func() {
			u.state.ChangeImported(d, res.rep, label, regions)
			done()
		})
	}()
}

func (u *ui) askPassword(path string, next func()) {
	pw := widget.NewPasswordEntry()
	dialog.ShowForm(T("ui.s_is_password_protected", filepath.Base(path)), T("ui.open"), T("ui.cancel"),
		[]*widget.FormItem{widget.NewFormItem(T("ui.password"), pw)}, func(ok bool) {
			if !ok {
				next()
				return
			}
			u.importFile(path, pw.Text, next)
		}, u.win)
}

// progress is a progress bar with Cancel, shown only for slow imports.
type progress struct {
	bar    *widget.ProgressBar
	dlg    *dialog.CustomDialog
	timer  *time.Timer
	closed bool
}

func newProgress(win fyne.Window, name string, cancel func()) *progress {
	p := &progress{bar: widget.NewProgressBar()}
	p.dlg = dialog.NewCustom(fmt.Sprintf(T("ui.importing_s"), name), T("ui.cancel"), p.bar, win)
	p.dlg.Resize(fyne.NewSize(420, 150))
	p.dlg.SetOnClosed(func() {
		if !p.closed { // Cancel tapped, not hidden by done
			cancel()
		}
	})
	p.timer = time.AfterFunc(progressDelay, func() {
		onUI(func() {
			if !p.closed {
				p.dlg.Show()
			}
		})
	})
	return p
}

// set is called from the import goroutine.
func (p *progress) set(done, total int64) {
	if total <= 0 {
		return
	}
	onUI(func() { p.bar.SetValue(float64(done) / float64(total)) })
}

func (p *progress) done() {
	p.closed = true
	p.timer.Stop()
	p.dlg.Hide()
	// Once, under heavy load, the bar stayed on screen at 100% after the
	// import had finished; hiding again a moment later costs nothing.
	time.AfterFunc(200*time.Millisecond, func() { onUI(p.dlg.Hide) })
}

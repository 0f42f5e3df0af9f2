package views

import (
	"context"
	"errors"
	"fmt"
	"log"
	"path/filepath"
	"strings"
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
		u.importPaths(paths, false)
	}
}

// importResult is what a background import hands back to the UI.
type importResult struct {
	data *importer.DataSet
	rep  *importer.FileReport
	errs []string
	ask  string   // a file that needs a password
	read []string // the files read
}

// importPaths reads files in the background, shows a progress bar with
// Cancel when it takes long, then asks Merge or Replace (or merges at once,
// for files given at start-up).
func (u *ui) importPaths(paths []string, mergeNow bool) {
	u.importWith(paths, importer.ImportOptions{}, mergeNow)
}

func (u *ui) importWith(paths []string, opts importer.ImportOptions, mergeNow bool) {
	ctx, cancel := context.WithCancel(context.Background())
	prog := newProgress(u.win, filepath.Base(paths[0]), cancel)
	opts.Progress, opts.MaxRows = prog.set, u.maxRows()
	u.imports.Add(1)
	go func() {
		defer u.imports.Done()
		res := readFiles(ctx, paths, opts)
		cancelled := ctx.Err() != nil
		cancel()
		fyne.Do(func() {
			prog.done()
			u.finishImport(res, paths, mergeNow, cancelled)
		})
	}()
}

func readFiles(ctx context.Context, paths []string, opts importer.ImportOptions) importResult {
	res := importResult{data: &importer.DataSet{}, rep: &importer.FileReport{}}
	for _, p := range paths {
		d, rep, err := importer.ImportFile(ctx, p, opts)
		switch {
		case errors.Is(err, importer.ErrEncrypted) && opts.Password == "":
			res.ask = p
		case err != nil:
			res.errs = append(res.errs, err.Error())
			log.Printf("import: %v", err)
		default:
			d.AttachFileSource(p)
			res.read = append(res.read, p)
			res.data.Merge(d)
			res.rep.Parts = append(res.rep.Parts, rep)
			res.rep.Rows += rep.Rows
			res.rep.Targets += rep.Targets
			res.rep.Events += rep.Events
			res.rep.Terms += rep.Terms
		}
	}
	res.rep.File = strings.Join(baseNames(paths), ", ")
	return res
}

func baseNames(paths []string) []string {
	var out []string
	for _, p := range paths {
		out = append(out, filepath.Base(p))
	}
	return out
}

func (u *ui) finishImport(res importResult, paths []string, mergeNow, cancelled bool) {
	if cancelled {
		return
	}
	if res.ask != "" {
		u.askPassword(res.ask, mergeNow)
	}
	if len(res.errs) > 0 {
		showError(errors.New(strings.Join(res.errs, "\n")), u.win)
	}
	if res.data.Count()+len(res.data.Events)+len(res.data.Terms)+len(res.data.Targets) == 0 {
		return
	}
	u.state.addImported(res.read...)
	u.addRecent(res.read...)
	label := fmt.Sprintf(T("ui.import_of_s"), res.rep.File)
	regions := res.data.Regions()
	merge := func() {
		d := u.state.Data().Clone()
		d.Merge(res.data)
		u.apply(d, res.rep, label, regions)
	}
	if mergeNow { // files named at start-up: the window opens on the charts, the report waits in Data
		d := u.state.Data().Clone()
		d.Merge(res.data)
		u.state.ChangeImported(d, res.rep, label, regions)
		return
	}
	msg := fmt.Sprintf(T("ui.s_read_d_figures_d_targets"),
		res.rep.File, res.rep.Rows, res.rep.Targets, res.rep.Events, res.rep.Terms)
	escaped := false
	dlg := dialog.NewCustomConfirm(T("ui.import_2"), T("ui.merge"), T("ui.replace"), widget.NewLabel(msg), func(mergeChosen bool) {
		switch {
		case escaped: // Escape: neither merge nor replace
		case mergeChosen:
			merge()
		default:
			u.apply(res.data, res.rep, fmt.Sprintf(T("ui.replace_by_s"), res.rep.File), regions)
		}
	}, u.win)
	// Fyne's dialogs take no keys: Return merges, Escape cancels, while the
	// prompt is up (the window's own key handler comes back when it closes).
	c := u.win.Canvas()
	keys := c.OnTypedKey()
	c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		switch e.Name {
		case fyne.KeyReturn, fyne.KeyEnter:
			dlg.Confirm()
		case fyne.KeyEscape:
			escaped = true
			dlg.Hide()
		}
	})
	dlg.SetOnClosed(func() { c.SetOnTypedKey(keys) })
	dlg.Show()
}

func (u *ui) apply(d *importer.DataSet, rep *importer.FileReport, label string, regions []string) {
	u.state.ChangeImported(d, rep, label, regions)
	u.tabs.Select(u.data.tab)
	u.data.showReport()
}

func (u *ui) askPassword(path string, mergeNow bool) {
	pw := widget.NewPasswordEntry()
	dialog.ShowForm(fmt.Sprintf(T("ui.s_is_password_protected"), filepath.Base(path)), T("ui.open"), T("ui.cancel"),
		[]*widget.FormItem{widget.NewFormItem(T("ui.password"), pw)}, func(ok bool) {
			if ok {
				u.importWith([]string{path}, importer.ImportOptions{Password: pw.Text}, mergeNow)
			}
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
		fyne.Do(func() {
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
	fyne.Do(func() { p.bar.SetValue(float64(done) / float64(total)) })
}

func (p *progress) done() {
	p.closed = true
	p.timer.Stop()
	p.dlg.Hide()
	// Once, under heavy load, the bar stayed on screen at 100% after the
	// import had finished; hiding again a moment later costs nothing.
	time.AfterFunc(200*time.Millisecond, func() { fyne.Do(p.dlg.Hide) })
}

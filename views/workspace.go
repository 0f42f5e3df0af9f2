package views

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"autocities/importer"
)

// workspaceFile is the working data set in the app's storage, kept as a
// canonical workbook, so it is also a file the user can open elsewhere.
const workspaceFile = "workspace.xlsx"

// workspace saves the data after every change and restores it at start.
// Saves run in one background goroutine, the newest data winning; each is
// atomic (temporary file, then rename), so a save cut short at any point
// leaves the previous workspace whole.
type workspace struct {
	path string

	mu      sync.Mutex
	next    *importer.DataSet // waiting to be saved
	running bool
	idle    *sync.Cond
	save    func(d *importer.DataSet, path string) error
}

func newWorkspace(a fyne.App) *workspace {
	w := &workspace{path: filepath.Join(a.Storage().RootURI().Path(), workspaceFile)}
	w.idle = sync.NewCond(&w.mu)
	w.save = func(d *importer.DataSet, path string) error {
		return d.SaveWorkbook(path, importer.WorkbookOptions{AppVersion: Version})
	}
	return w
}

// load reads the saved workspace. No file: nil data, no error. A file that
// cannot be read is moved aside (never deleted) and reported in the error.
func (w *workspace) load() (*importer.DataSet, *importer.FileReport, error) {
	if _, err := os.Stat(w.path); os.IsNotExist(err) {
		return nil, nil, nil
	}
	d, rep, err := importer.ImportFile(context.Background(), w.path, importer.ImportOptions{})
	if err == nil {
		return d, rep, nil
	}
	aside := fmt.Sprintf("%s-damaged-%s.xlsx", w.path[:len(w.path)-len(".xlsx")], time.Now().Format("20060102-150405"))
	if mvErr := os.Rename(w.path, aside); mvErr != nil {
		return nil, nil, fmt.Errorf(lang.L("your saved workspace could not be read (%v) nor moved aside (%v); Auto Cities opened the default data"), err, mvErr)
	}
	return nil, nil, fmt.Errorf(lang.L("your saved workspace could not be read (%v); Auto Cities opened the default data and kept the damaged file as %s"), err, aside)
}

// store saves d in the background; a newer call replaces a save not yet
// started.
func (w *workspace) store(d *importer.DataSet) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.next = d
	if !w.running {
		w.running = true
		go w.loop()
	}
}

func (w *workspace) loop() {
	for {
		w.mu.Lock()
		d := w.next
		w.next = nil
		if d == nil {
			w.running = false
			w.idle.Broadcast()
			w.mu.Unlock()
			return
		}
		w.mu.Unlock()
		if err := os.MkdirAll(filepath.Dir(w.path), 0o755); err != nil {
			log.Printf("workspace: %v", err)
		}
		if err := w.save(d, w.path); err != nil {
			log.Printf("workspace: could not save: %v", err)
		}
	}
}

// wait blocks until pending saves are written (tests, and closing the app).
func (w *workspace) wait() {
	w.mu.Lock()
	for w.running {
		w.idle.Wait()
	}
	w.mu.Unlock()
}

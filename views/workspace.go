package views

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"autocities/importer"
)

// The workspace lives in the app's storage: the working data set as a
// canonical workbook (so it is also a file the user can open elsewhere),
// and the undo history beside it, one workbook per step and an index.
const (
	workspaceFile = "workspace.xlsx"
	historyDir    = "history"
	historyIndex  = "history.json"
	keptHistory   = 25 // steps of undo (and of redo) kept across restarts
)

// workspace saves the data after every change and restores it at start.
// Saves run in one background goroutine, the newest state winning; each
// file is written atomically (temporary file, then rename), so a save cut
// short at any point leaves the previous workspace whole.
type workspace struct {
	path string

	mu      sync.Mutex
	next    *saveJob // waiting to be saved
	running bool
	idle    *sync.Cond
	save    func(d *importer.DataSet, path string) error
}

type saveJob struct {
	data       *importer.DataSet
	undo, redo []snapshot
}

// historyEntry is one step in history.json.
type historyEntry struct {
	ID    int64  `json:"id"`
	Label string `json:"label"`
}

type historyFile struct {
	Undo []historyEntry `json:"undo"`
	Redo []historyEntry `json:"redo"`
}

func newWorkspace(a fyne.App) *workspace {
	w := &workspace{path: filepath.Join(a.Storage().RootURI().Path(), workspaceFile)}
	w.idle = sync.NewCond(&w.mu)
	w.save = func(d *importer.DataSet, path string) error {
		return d.SaveWorkbook(path, importer.WorkbookOptions{AppVersion: Version})
	}
	return w
}

func (w *workspace) dir() string { return filepath.Dir(w.path) }
func (w *workspace) snapshotPath(id int64) string {
	return filepath.Join(w.dir(), historyDir, strconv.FormatInt(id, 10)+".xlsx")
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
	aside := fmt.Sprintf("%s-damaged-%s.xlsx", strings.TrimSuffix(w.path, ".xlsx"), time.Now().Format("20060102-150405"))
	if mvErr := os.Rename(w.path, aside); mvErr != nil {
		return nil, nil, fmt.Errorf(T("ui.your_saved_workspace_could_not_be"), err, mvErr)
	}
	return nil, nil, fmt.Errorf(T("ui.your_saved_workspace_could_not_be_2"), err, aside)
}

// loadHistory reads the undo and redo steps saved with the workspace; their
// data stays on disk until a step is taken (loadSnapshot).
func (w *workspace) loadHistory() (undo, redo []snapshot) {
	b, err := os.ReadFile(filepath.Join(w.dir(), historyIndex))
	if err != nil {
		return nil, nil
	}
	var h historyFile
	if err := json.Unmarshal(b, &h); err != nil {
		log.Printf("workspace: history ignored: %v", err)
		return nil, nil
	}
	conv := func(es []historyEntry) []snapshot {
		var out []snapshot
		for _, e := range es {
			out = append(out, snapshot{id: e.ID, label: e.Label})
		}
		return out
	}
	return conv(h.Undo), conv(h.Redo)
}

// loadSnapshot reads one step of the history kept on disk.
func (w *workspace) loadSnapshot(id int64) (*importer.DataSet, error) {
	d, _, err := importer.ImportFile(context.Background(), w.snapshotPath(id), importer.ImportOptions{})
	return d, err
}

// store saves the data and its history in the background; a newer call
// replaces a save not yet started.
func (w *workspace) store(d *importer.DataSet, undo, redo []snapshot) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.next = &saveJob{d, undo, redo}
	if !w.running {
		w.running = true
		go w.loop()
	}
}

func (w *workspace) loop() {
	for {
		w.mu.Lock()
		job := w.next
		w.next = nil
		if job == nil {
			w.running = false
			w.idle.Broadcast()
			w.mu.Unlock()
			return
		}
		w.mu.Unlock()
		if err := w.write(job); err != nil {
			log.Printf("workspace: could not save: %v", err)
		}
	}
}

// write saves the history first, then the workspace: a crash in between
// leaves the previous workspace with a history that still fits it.
func (w *workspace) write(job *saveJob) error {
	if err := os.MkdirAll(filepath.Join(w.dir(), historyDir), 0o755); err != nil {
		return err
	}
	undo, redo := lastN(job.undo, keptHistory), lastN(job.redo, keptHistory)
	keep := map[string]bool{}
	var index historyFile
	for _, list := range []struct {
		steps []snapshot
		out   *[]historyEntry
	}{{undo, &index.Undo}, {redo, &index.Redo}} {
		for _, h := range list.steps {
			p := w.snapshotPath(h.id)
			keep[filepath.Base(p)] = true
			if _, err := os.Stat(p); err != nil && h.data != nil {
				if err := w.save(h.data, p); err != nil {
					return err
				}
			}
			*list.out = append(*list.out, historyEntry{h.id, h.label})
		}
	}
	if err := writeJSON(filepath.Join(w.dir(), historyIndex), index); err != nil {
		return err
	}
	w.prune(keep)
	return w.save(job.data, w.path)
}

func lastN(s []snapshot, n int) []snapshot {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// prune removes history workbooks no longer listed.
func (w *workspace) prune(keep map[string]bool) {
	files, _ := filepath.Glob(filepath.Join(w.dir(), historyDir, "*.xlsx"))
	for _, f := range files {
		if !keep[filepath.Base(f)] {
			os.Remove(f)
		}
	}
}

// writeJSON writes a small file atomically.
func writeJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".history-*.tmp")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// wait blocks until pending saves are written (tests, and closing the app).
func (w *workspace) wait() {
	w.mu.Lock()
	for w.running {
		w.idle.Wait()
	}
	w.mu.Unlock()
}

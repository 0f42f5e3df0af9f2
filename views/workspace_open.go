package views

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"

	"autocities/importer"
)

// restored is what the workspace held at start, and what the start found
// wrong.
type restored struct {
	data       *importer.DataSet
	undo, redo []snapshot
	imported   []string
	saved      time.Time // when the restored state was saved
	label      string    // the change that led to it
	damaged    []string  // what could not be read, in words
	aside      string    // the folder it was moved to
	temps      int       // temporary files of saves cut short
	states     int       // state files found
}

// open restores the newest state that reads whole. A state or data file
// that does not read is moved aside (never deleted) and the state before
// it is tried; temporary files left by a save cut short are removed, and
// an old-style workspace (workspace.xlsx and history/) is brought over
// once. Read-only (another instance has the workspace), it only reads.
func (w *workspace) open(readOnly bool) restored {
	var r restored
	if readOnly {
		return w.peek()
	}
	_ = w.fsys.MkdirAll(w.dir) // a read-only storage folder: the first save says so
	seqs := w.stateSeqs()
	if len(seqs) == 0 {
		if _, err := w.fsys.Stat(filepath.Join(w.root, legacyFile)); err == nil {
			if !w.migrate(&r) {
				return r
			}
			seqs = w.stateSeqs()
		}
	}
	r.states = len(seqs)
	if len(seqs) > 0 {
		w.seq = seqs[0]
	}
	for _, seq := range seqs {
		st, d, err := w.loadState(seq)
		if err != nil {
			w.keepAside(seq, err, &r)
			continue
		}
		r.data, r.saved, r.label, r.imported = d, st.Saved, st.lastLabel(), st.Imported
		r.undo, r.redo = w.snapshots(st.Undo), w.snapshots(st.Redo)
		w.kept[seq] = st.refs()
		break
	}
	w.sweepAtStart(&r, seqs)
	return r
}

// peek reads the newest state that reads, changing nothing on disk.
func (w *workspace) peek() restored {
	var r restored
	for _, seq := range w.stateSeqs() {
		if st, d, err := w.loadState(seq); err == nil {
			r.data, r.saved, r.label, r.imported = d, st.Saved, st.lastLabel(), st.Imported
			r.undo, r.redo = w.snapshots(st.Undo), w.snapshots(st.Redo)
			return r
		}
	}
	old := filepath.Join(w.root, legacyFile)
	if d, _, err := importer.ImportFile(context.Background(), old, importer.ImportOptions{MaxRows: math.MaxInt32}); err == nil {
		r.data = d
	}
	return r
}

func (w *workspace) loadState(seq int64) (*stateFile, *importer.DataSet, error) {
	st, err := w.readState(seq)
	if err != nil {
		return nil, nil, err
	}
	d, err := w.data.Get(st.Current)
	return st, d, err
}

func (w *workspace) snapshots(steps []stepFile) []snapshot {
	out := make([]snapshot, 0, len(steps))
	for _, s := range steps {
		out = append(out, snapshot{id: s.ID, label: s.Label})
		w.refs[s.ID] = s.Set
	}
	return out
}

// keepAside moves a state that does not read, and the data file at fault,
// into a damaged-TIME folder, and says what happened.
func (w *workspace) keepAside(seq int64, err error, r *restored) {
	files := []string{w.statePath(seq)}
	var fe *importer.StoreFileError
	what := T("ui.ws_state_damaged", filepath.Base(w.statePath(seq)))
	switch {
	case errors.As(err, &fe) && errors.Is(err, fs.ErrNotExist):
		what = T("ui.ws_file_missing", filepath.Base(fe.File))
	case errors.As(err, &fe):
		what = T("ui.ws_file_damaged", filepath.Base(fe.File))
		files = append(files, fe.File)
	}
	r.damaged = append(r.damaged, what)
	if r.aside == "" {
		r.aside = filepath.Join(w.dir, "damaged-"+time.Now().Format("20060102-150405"))
	}
	if err := w.fsys.MkdirAll(r.aside); err != nil {
		log.Printf("workspace: %v", err)
		return
	}
	for _, f := range files {
		if err := w.fsys.Rename(f, filepath.Join(r.aside, filepath.Base(f))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			log.Printf("workspace: keeping %s aside: %v", f, err)
		}
	}
}

// sweepAtStart removes what saves cut short left: temporary files, and
// data no state names (only when every state read, so that nothing a
// damaged state may name is lost), and the temporary files of exports a
// crash interrupted.
func (w *workspace) sweepAtStart(r *restored, seqs []int64) {
	if entries, err := w.fsys.ReadDir(w.dir); err == nil {
		for _, e := range entries {
			if n := e.Name(); strings.HasPrefix(n, ".") && strings.HasSuffix(n, ".tmp") && w.fsys.Remove(filepath.Join(w.dir, n)) == nil {
				r.temps++
			}
		}
	}
	sweepExports(filepath.Join(w.dir, exportsDir))
	w.sweepLegacyTemps()
	if len(r.damaged) > 0 || r.data == nil && len(seqs) > 0 {
		return
	}
	var refs []importer.SetRef
	for i, seq := range seqs {
		if i >= keptStates {
			_ = w.fsys.Remove(w.statePath(seq))
			continue
		}
		st, err := w.readState(seq)
		if err != nil {
			return
		}
		w.kept[seq] = st.refs()
		refs = append(refs, st.refs()...)
	}
	temps, err := w.data.Sweep(refs)
	if err != nil {
		log.Printf("workspace: %v", err)
	}
	r.temps += temps
	w.data.Retain(refs)
}

// sweepLegacyTemps removes the temporary files the old workspace's saves
// left when cut short (.workspace.xlsx.*.tmp, .history-*.tmp).
func (w *workspace) sweepLegacyTemps() {
	for _, pattern := range []string{"." + legacyFile + ".*.tmp", ".history-*.tmp", filepath.Join(legacyHistory, ".*.tmp")} {
		old, _ := filepath.Glob(filepath.Join(w.root, pattern))
		for _, f := range old {
			_ = w.fsys.Remove(f)
		}
	}
}

// migrate brings an old-style workspace (workspace.xlsx, history.json and
// history/ID.xlsx) into the store, once. The old files are removed only
// after the new state is on disk; an old workspace that does not read is
// kept aside as workspace-damaged-TIME.xlsx.
func (w *workspace) migrate(r *restored) bool {
	old := filepath.Join(w.root, legacyFile)
	d, _, err := importer.ImportFile(context.Background(), old, importer.ImportOptions{MaxRows: math.MaxInt32})
	if err != nil {
		aside := fmt.Sprintf("%s-damaged-%s.xlsx", strings.TrimSuffix(old, ".xlsx"), time.Now().Format("20060102-150405"))
		if mvErr := w.fsys.Rename(old, aside); mvErr != nil {
			r.damaged = append(r.damaged, T("ui.ws_old_unreadable_stays", filepath.Base(old), say(importerMsg(err))))
			return false
		}
		r.damaged, r.aside = append(r.damaged, T("ui.ws_old_unreadable", filepath.Base(old), say(importerMsg(err)))), aside
		return false
	}
	undo, redo := w.legacyHistory()
	if err := w.commit(saveJob{data: d, undo: undo, redo: redo}); err != nil {
		log.Printf("workspace: migrating %s: %v", old, err)
		r.data, r.undo, r.redo = d, undo, redo
		return false
	}
	for _, f := range []string{old, filepath.Join(w.root, legacyIndex)} {
		_ = w.fsys.Remove(f)
	}
	_ = os.RemoveAll(filepath.Join(w.root, legacyHistory))
	return true
}

// legacyHistory reads the old history's steps; one that does not read
// is left out.
func (w *workspace) legacyHistory() (undo, redo []snapshot) {
	b, err := w.fsys.ReadFile(filepath.Join(w.root, legacyIndex))
	if err != nil {
		return nil, nil
	}
	var h struct{ Undo, Redo []legacyStep }
	if err := json.Unmarshal(b, &h); err != nil {
		return nil, nil
	}
	read := func(steps []legacyStep) []snapshot {
		var out []snapshot
		for _, s := range steps {
			p := filepath.Join(w.root, legacyHistory, fmt.Sprintf("%d.xlsx", s.ID))
			d, _, err := importer.ImportFile(context.Background(), p, importer.ImportOptions{MaxRows: math.MaxInt32})
			if err == nil {
				d.Seal()
				out = append(out, snapshot{id: s.ID, data: d, label: s.Label})
			}
		}
		return out
	}
	return read(h.Undo), read(h.Redo)
}

// legacyStep is a step in the old history.json.
type legacyStep struct {
	ID    int64  `json:"id"`
	Label string `json:"label"`
}

// importerMsg is what is wrong with a workspace file that does not read
// (not the import's hint: "download it again" is no advice for it).
func importerMsg(err error) importer.Msg {
	var fe *importer.FileError
	if errors.As(err, &fe) {
		return fe.What()
	}
	return importer.M("text", err.Error())
}

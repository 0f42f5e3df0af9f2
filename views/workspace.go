package views

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"autocities/importer"
)

// The workspace lives in the app's storage folder, in workspace/:
//
//	state-NNNNNNNN.json  one file per commit: the current data set and each
//	                     undo and redo step (as the names of their files in
//	                     objects/), the steps' labels, and the files the data
//	                     was imported from. The newest that reads whole is
//	                     the workspace; the two before it stay for recovery.
//	objects/             the data (importer.Store): a file per chunk of
//	                     observations and per set of small tables, each named
//	                     by its content and written once, so a change writes
//	                     what changed and an undo only a state file
//	lock                 the instance that has the workspace open
//	inbox/               files a second instance handed over
//	exports/             exports in progress (their temporary files)
//	damaged-TIME/        files that could not be read, kept aside
//
// A commit writes the new objects (each synced), then the state file
// (temporary file, sync, rename, sync the folder). The rename is the
// commit: a crash before it leaves the previous state whole, one after it
// the new one; the objects and temporary files no state names are swept
// at the next commit or start. The workspace and its history therefore
// change together or not at all.
const (
	workspaceDir  = "workspace"
	objectsDir    = "objects"
	statePrefix   = "state-"
	stateFormat   = 1
	keptStates    = 3  // the newest state and two before it
	keptHistory   = 25 // steps of undo (and of redo) kept across restarts
	legacyFile    = "workspace.xlsx"
	legacyHistory = "history"
	legacyIndex   = "history.json"
)

// stateFile is one commit.
type stateFile struct {
	Format   int             `json:"format"`
	Seq      int64           `json:"seq"`
	Saved    time.Time       `json:"saved"`
	Version  string          `json:"version,omitempty"`
	Current  importer.SetRef `json:"current"`
	Undo     []stepFile      `json:"undo"`
	Redo     []stepFile      `json:"redo"`
	Imported []string        `json:"imported,omitempty"`
}

// stepFile is one undo or redo step: the state it goes back to.
type stepFile struct {
	ID    int64           `json:"id"`
	Label string          `json:"label"`
	Set   importer.SetRef `json:"set"`
}

// refs lists every data set a state names.
func (st *stateFile) refs() []importer.SetRef {
	out := []importer.SetRef{st.Current}
	for _, s := range append(slices.Clip(st.Undo), st.Redo...) {
		out = append(out, s.Set)
	}
	return out
}

// lastLabel is the change that led to the state ("" for none).
func (st *stateFile) lastLabel() string {
	if len(st.Undo) == 0 {
		return ""
	}
	return st.Undo[len(st.Undo)-1].Label
}

// workspace saves the data and its history after every change and
// restores them at start. Saves run in one background goroutine, the
// newest state winning.
type workspace struct {
	root    string // the app's storage folder
	dir     string // root/workspace
	fsys    importer.FS
	data    *importer.Store
	version string

	mu      sync.Mutex
	next    *saveJob // waiting to be saved
	running bool
	idle    *sync.Cond
	seq     int64                       // the newest state on disk
	kept    map[int64][]importer.SetRef // what each state file on disk names
	refs    map[int64]importer.SetRef   // each history step's data on disk, by snapshot id
	failed  *saveJob                    // the newest job not saved, after a failure
	err     error                       // why
	onError func(error)                 // after a save failed (from the save goroutine)
	onSaved func()                      // after a save succeeded following a failure
}

func newWorkspace(a fyne.App) *workspace {
	return newWorkspaceAt(a.Storage().RootURI().Path(), importer.OS)
}

func newWorkspaceAt(root string, fsys importer.FS) *workspace {
	dir := filepath.Join(root, workspaceDir)
	w := &workspace{root: root, dir: dir, fsys: fsys, data: importer.NewStore(filepath.Join(dir, objectsDir), fsys),
		version: Version, kept: map[int64][]importer.SetRef{}, refs: map[int64]importer.SetRef{}}
	w.idle = sync.NewCond(&w.mu)
	return w
}

func (w *workspace) statePath(seq int64) string {
	return filepath.Join(w.dir, fmt.Sprintf("%s%08d.json", statePrefix, seq))
}

// stateSeqs lists the state files on disk, newest first.
func (w *workspace) stateSeqs() []int64 {
	entries, err := w.fsys.ReadDir(w.dir)
	if err != nil {
		return nil
	}
	var seqs []int64
	for _, e := range entries {
		n, ok := strings.CutPrefix(e.Name(), statePrefix)
		if n, ok2 := strings.CutSuffix(n, ".json"); ok && ok2 {
			if seq, err := strconv.ParseInt(n, 10, 64); err == nil {
				seqs = append(seqs, seq)
			}
		}
	}
	slices.Sort(seqs)
	slices.Reverse(seqs)
	return seqs
}

// errStateDamaged: a state file that is not a state.
var errStateDamaged = errors.New("not a workspace state")

func (w *workspace) readState(seq int64) (*stateFile, error) {
	b, err := w.fsys.ReadFile(w.statePath(seq))
	if err != nil {
		return nil, err
	}
	st := &stateFile{}
	if err := json.Unmarshal(b, st); err != nil || st.Format != stateFormat || st.Seq != seq {
		return nil, errStateDamaged
	}
	return st, nil
}

// store saves the data and its history in the background; a newer call
// replaces a save not yet started.
func (w *workspace) store(job saveJob) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.next = &job
	if !w.running {
		w.running = true
		go w.loop()
	}
}

// retry saves again the newest job that could not be saved.
func (w *workspace) retry() {
	w.mu.Lock()
	job := w.failed
	w.mu.Unlock()
	if job != nil {
		w.store(*job)
	}
}

// unsaved is why the newest change is not on disk, nil when it is.
func (w *workspace) unsaved() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.failed != nil {
		return w.err
	}
	return nil
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
		err := w.commit(*job)
		w.done(job, w.saveError(err))
	}
}

// done records how a save ended and tells the window.
func (w *workspace) done(job *saveJob, err error) {
	w.mu.Lock()
	wasFailing := w.failed != nil
	if err != nil {
		w.failed, w.err = job, err
	} else if w.next == nil {
		w.failed, w.err = nil, nil
	}
	onError, onSaved := w.onError, w.onSaved
	w.mu.Unlock()
	switch {
	case err != nil:
		log.Printf("workspace: could not save: %v", err)
		if onError != nil {
			onError(err)
		}
	case wasFailing && onSaved != nil:
		onSaved()
	}
}

// saveError names the workspace in a failure at the disk: the user never
// sees its files' names.
func (w *workspace) saveError(err error) error {
	var se *importer.SaveError
	if errors.As(err, &se) {
		return &importer.SaveError{Path: filepath.Join(w.dir, objectsDir), Op: se.Op, Err: se.Err, Name: T("ui.the_workspace")}
	}
	return err
}

// wait blocks until pending saves are written (tests, and closing the app).
func (w *workspace) wait() {
	w.mu.Lock()
	for w.running {
		w.idle.Wait()
	}
	w.mu.Unlock()
}

// commit writes the job's data and history as a new state.
func (w *workspace) commit(job saveJob) error {
	st := &stateFile{Format: stateFormat, Saved: time.Now().UTC(), Version: w.version, Imported: job.imported}
	var err error
	if st.Current, err = w.data.Put(job.data); err != nil {
		return err
	}
	if st.Undo, err = w.steps(lastN(job.undo, keptHistory)); err != nil {
		return err
	}
	if st.Redo, err = w.steps(lastN(job.redo, keptHistory)); err != nil {
		return err
	}
	st.Seq = w.seq + 1
	b, err := json.MarshalIndent(st, "", " ")
	if err != nil {
		return err
	}
	if err := w.fsys.MkdirAll(w.dir); err != nil {
		return &importer.SaveError{Path: w.statePath(st.Seq), Op: "create", Err: err}
	}
	if err := importer.SaveAtomicIn(w.fsys, w.statePath(st.Seq), func(out io.Writer) error {
		_, err := out.Write(b)
		return err
	}); err != nil {
		return err
	}
	w.seq = st.Seq
	w.kept[st.Seq] = st.refs()
	w.prune(st)
	return nil
}

// steps names the data of history steps, writing what is not on disk.
func (w *workspace) steps(h []snapshot) ([]stepFile, error) {
	out := make([]stepFile, 0, len(h))
	for _, s := range h {
		ref, ok := w.refOf(s.id)
		if s.data != nil {
			var err error
			if ref, err = w.data.Put(s.data); err != nil {
				return nil, err
			}
		} else if !ok {
			continue // never saved (beyond what a restart keeps)
		}
		w.setRef(s.id, ref)
		out = append(out, stepFile{ID: s.id, Label: s.label, Set: ref})
	}
	return out, nil
}

func lastN(s []snapshot, n int) []snapshot {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// prune removes state files beyond the kept ones and the objects no kept
// state names. A failure here loses nothing: what is left is swept later.
func (w *workspace) prune(newest *stateFile) {
	var refs []importer.SetRef
	for i, seq := range w.stateSeqs() {
		if i >= keptStates {
			if err := w.fsys.Remove(w.statePath(seq)); err != nil {
				log.Printf("workspace: %v", err)
			}
			delete(w.kept, seq)
			continue
		}
		if _, ok := w.kept[seq]; !ok {
			st, err := w.readState(seq)
			if err != nil {
				return // a state that cannot be read: keep every object it may name
			}
			w.kept[seq] = st.refs()
		}
		refs = append(refs, w.kept[seq]...)
	}
	if _, err := w.data.Sweep(refs); err != nil {
		log.Printf("workspace: %v", err)
	}
	w.data.Retain(refs)
	ids := map[int64]bool{}
	for _, s := range append(slices.Clip(newest.Undo), newest.Redo...) {
		ids[s.ID] = true
	}
	w.mu.Lock()
	for id := range w.refs {
		if !ids[id] {
			delete(w.refs, id)
		}
	}
	w.mu.Unlock()
}

func (w *workspace) refOf(id int64) (importer.SetRef, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	ref, ok := w.refs[id]
	return ref, ok
}

func (w *workspace) setRef(id int64, ref importer.SetRef) {
	w.mu.Lock()
	w.refs[id] = ref
	w.mu.Unlock()
}

// loadSnapshot reads one step of the history kept on disk.
func (w *workspace) loadSnapshot(id int64) (*importer.DataSet, error) {
	ref, ok := w.refOf(id)
	if !ok {
		return nil, fmt.Errorf("step %d is not in the saved history", id)
	}
	return w.data.Get(ref)
}

// Package views is the Fyne UI of Auto Cities: the window, its tabs, the
// chart widget, dialogs, drag-and-drop, menus and preferences. It also runs
// the headless command line, which shares the data and chart code.
package views

import (
	"log"
	"path/filepath"
	"slices"
	"sync"

	"autocities/importer"
	_ "autocities/views/locale" // settles LANGUAGE before Fyne reads it: see its doc

	"fyne.io/fyne/v2"
)

// maxUndo is how many changes can be undone.
const maxUndo = 50

// State is the one value every tab shares: the working data set, the last
// import report, the undo history and the listeners to call on a change.
// Data sets are never changed in place: a change is a new data set (Clone,
// then edit), so the history holds plain pointers. Methods other than Data,
// Report and ImportedFiles are called on the UI goroutine.
type State struct {
	mu        sync.RWMutex
	data      *importer.DataSet
	report    *importer.FileReport
	imported  []string // files read into the data, never to be written
	listeners []func()
	shortcut  func(fyne.Shortcut) bool // the window's shortcuts a focused text field passes on
	win       fyne.Window              // where the tabs' dialogs open
	ui        *ui                      // the window's menus and tabs (tests press its shortcuts)
	fresh     []string                 // regions an import just brought (ChangeImported)

	undo, redo []snapshot
	nextID     int64
	saved      func(saveJob)                             // after every change (the workspace)
	load       func(id int64) (*importer.DataSet, error) // a snapshot kept on disk only
}

// saveJob is what the workspace saves after a change: the data, its
// history and the files it was read from.
type saveJob struct {
	data       *importer.DataSet
	undo, redo []snapshot
	imported   []string
}

// snapshot is one state of the data, and the change that led away from it.
// After a restart its data is on disk only (data nil) until it is needed.
type snapshot struct {
	id     int64
	data   *importer.DataSet
	report *importer.FileReport
	label  string // "import of yearbook.xlsx", "edit of Chongqing 2024 production"
}

// NewState starts from a data set and the report of how it was read.
func NewState(d *importer.DataSet, rep *importer.FileReport) *State {
	d.Seal()
	return &State{data: d, report: rep}
}

// Data is the working data set. Renders running off the UI goroutine take
// it once and keep that pointer.
func (s *State) Data() *importer.DataSet {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.data
}

// Report is the last import report.
func (s *State) Report() *importer.FileReport {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.report
}

// SetData replaces the data without a history entry (a redraw, a restore
// at start-up) and tells every listener.
func (s *State) SetData(d *importer.DataSet, rep *importer.FileReport) {
	d.Seal()
	s.mu.Lock()
	s.data, s.report = d, rep
	s.mu.Unlock()
	s.changed()
}

// Change replaces the data as an undoable step named by label, then saves
// and tells every listener.
func (s *State) Change(d *importer.DataSet, rep *importer.FileReport, label string) {
	d.Tidy()
	d.Seal() // before the save and the renders read it from their goroutines
	s.mu.Lock()
	s.nextID++
	s.undo = append(s.undo, snapshot{s.nextID, s.data, s.report, label})
	if len(s.undo) > maxUndo {
		s.undo = s.undo[len(s.undo)-maxUndo:]
	}
	s.redo = nil
	s.data, s.report = d, rep
	s.mu.Unlock()
	s.changed() // the window first; the save reports back through fyne.Do
	s.save()
}

// ChangeImported is Change for an import: while the listeners run, the
// regions the file brought are Fresh, so the chart tabs tick them.
func (s *State) ChangeImported(d *importer.DataSet, rep *importer.FileReport, label string, regions []string) {
	s.fresh = regions
	defer func() { s.fresh = nil }()
	s.Change(d, rep, label)
}

// Fresh lists the regions the change being shown brought in (an import);
// nil otherwise. UI goroutine only.
func (s *State) Fresh() []string { return s.fresh }

// Undo goes back one change; false when there is none.
func (s *State) Undo() bool { return s.step(&s.undo, &s.redo) }

// Redo goes forward one undone change; false when there is none.
func (s *State) Redo() bool { return s.step(&s.redo, &s.undo) }

func (s *State) step(from, to *[]snapshot) bool {
	s.mu.Lock()
	if len(*from) == 0 {
		s.mu.Unlock()
		return false
	}
	last := (*from)[len(*from)-1]
	if last.data == nil { // kept on disk since the last start
		d, err := s.load(last.id)
		if err != nil {
			s.mu.Unlock()
			log.Printf("undo: %v", err)
			return false
		}
		last.data = d
	}
	*from = (*from)[:len(*from)-1]
	s.nextID++
	*to = append(*to, snapshot{s.nextID, s.data, s.report, last.label})
	s.data, s.report = last.data, last.report
	s.mu.Unlock()
	s.changed() // the window first; the save reports back through fyne.Do
	s.save()
	return true
}

// UndoLabel and RedoLabel name the change Undo and Redo would act on, "" if
// none.
func (s *State) UndoLabel() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return lastLabel(s.undo)
}

// RedoLabel: see UndoLabel.
func (s *State) RedoLabel() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return lastLabel(s.redo)
}

func lastLabel(h []snapshot) string {
	if len(h) == 0 {
		return ""
	}
	return h[len(h)-1].label
}

// persist sets what runs after every change (saving the workspace and its
// history), restores a history saved earlier, and how to read a snapshot
// kept on disk.
func (s *State) persist(saved func(saveJob), undo, redo []snapshot, load func(int64) (*importer.DataSet, error)) {
	s.mu.Lock()
	s.saved, s.undo, s.redo, s.load = saved, undo, redo, load
	for _, h := range append(append([]snapshot(nil), undo...), redo...) {
		s.nextID = max(s.nextID, h.id)
	}
	s.mu.Unlock()
}

func (s *State) save() {
	if s.saved == nil {
		return
	}
	s.saved(s.job())
}

// job is the state as the workspace saves it.
func (s *State) job() saveJob {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return saveJob{data: s.data, undo: append([]snapshot(nil), s.undo...), redo: append([]snapshot(nil), s.redo...),
		imported: append([]string(nil), s.imported...)}
}

func (s *State) changed() {
	for _, l := range s.listeners {
		l()
	}
}

// ImportedFiles lists the files the data was read from: exports refuse to
// write onto them.
func (s *State) ImportedFiles() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return append([]string(nil), s.imported...)
}

// maxImported is how many imported files a workspace remembers.
const maxImported = 500

// addImported remembers files read into the data (for good: an undone
// import's file stays protected), as absolute paths.
func (s *State) addImported(paths ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range paths {
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		if !slices.Contains(s.imported, p) {
			s.imported = append(s.imported, p)
		}
	}
	if len(s.imported) > maxImported {
		s.imported = s.imported[len(s.imported)-maxImported:]
	}
}

// OnChanged registers a listener for data changes.
func (s *State) OnChanged(f func()) { s.listeners = append(s.listeners, f) }

// Package views is the Fyne UI of Auto Cities: the window, its tabs, the
// chart widget, dialogs, drag-and-drop, menus and preferences. It also runs
// the headless command line, which shares the data and chart code.
package views

import (
	"log"
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
	saved      func(current *importer.DataSet, undo, redo []snapshot) // after every change (the workspace)
	load       func(id int64) (*importer.DataSet, error)              // a snapshot kept on disk only
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
	s.mu.Lock()
	s.data, s.report = d, rep
	s.mu.Unlock()
	s.changed()
}

// Change replaces the data as an undoable step named by label, then saves
// and tells every listener.
func (s *State) Change(d *importer.DataSet, rep *importer.FileReport, label string) {
	s.mu.Lock()
	s.nextID++
	s.undo = append(s.undo, snapshot{s.nextID, s.data, s.report, label})
	if len(s.undo) > maxUndo {
		s.undo = s.undo[len(s.undo)-maxUndo:]
	}
	s.redo = nil
	s.data, s.report = d, rep
	s.mu.Unlock()
	s.save()
	s.changed()
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
	s.save()
	s.changed()
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
func (s *State) persist(saved func(*importer.DataSet, []snapshot, []snapshot), undo, redo []snapshot,
	load func(int64) (*importer.DataSet, error)) {
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
	s.mu.RLock()
	d, undo, redo := s.data, append([]snapshot(nil), s.undo...), append([]snapshot(nil), s.redo...)
	s.mu.RUnlock()
	s.saved(d, undo, redo)
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

// addImported remembers files read into the data.
func (s *State) addImported(paths ...string) {
	s.mu.Lock()
	s.imported = append(s.imported, paths...)
	s.mu.Unlock()
}

// OnChanged registers a listener for data changes.
func (s *State) OnChanged(f func()) { s.listeners = append(s.listeners, f) }

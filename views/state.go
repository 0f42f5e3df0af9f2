// Package views is the Fyne UI of Auto Cities: the window, its tabs, the
// chart widget, dialogs, drag-and-drop, menus and preferences. It also runs
// the headless command line, which shares the data and chart code.
package views

import (
	"sync"

	"autocities/charts"
	"autocities/importer"
	_ "autocities/views/locale" // settles LANGUAGE before Fyne reads it: see its doc
)

// State is the one value every tab shares: the working data set, the last
// import report and the listeners to call when either changes. All methods
// are called on the UI goroutine.
type State struct {
	mu        sync.RWMutex
	data      *importer.DataSet
	report    *importer.FileReport
	listeners []func()
	theme     charts.Theme
}

// NewState starts from a data set and the report of how it was read.
func NewState(d *importer.DataSet, rep *importer.FileReport) *State {
	return &State{data: d, report: rep}
}

// Data is the working data set. Renders running off the UI goroutine take
// it once and keep that pointer: a data set is never changed in place, only
// replaced.
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

// SetData replaces the working data set and tells every listener.
func (s *State) SetData(d *importer.DataSet, rep *importer.FileReport) {
	s.mu.Lock()
	s.data, s.report = d, rep
	s.mu.Unlock()
	for _, l := range s.listeners {
		l()
	}
}

// OnChanged registers a listener for data changes.
func (s *State) OnChanged(f func()) { s.listeners = append(s.listeners, f) }

package views

import (
	"sync/atomic"

	"fyne.io/fyne/v2"
)

// onUI and onUIWait hand work from a background goroutine to the UI
// goroutine: fyne.Do and fyne.DoAndWait. Every widget is touched on the UI
// goroutine only, so the views call these and never fyne.Do directly.
//
// Fyne's test driver runs fyne.Do on the calling goroutine, which lets a
// render or a filter touch widgets while the test does; the tests swap
// these for a queue that the test goroutine runs while it waits
// (uithread_test.go), as the real driver's event loop would.
var (
	onUI     = fyne.Do
	onUIWait = fyne.DoAndWait
)

// jobs counts work running in the background (a render, a filter, a
// reading), so that a test can run the UI's share of it until none is
// left. Unlike a sync.WaitGroup it may be asked at any moment whether it
// is idle, by a goroutine that keeps running the UI's work meanwhile.
type jobs struct{ n atomic.Int64 }

func (j *jobs) Add(n int) { j.n.Add(int64(n)) }
func (j *jobs) Done()     { j.n.Add(-1) }

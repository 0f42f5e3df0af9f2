package views

import (
	"os"
	"testing"
	"time"
)

// uiQueue is the UI goroutine's work, handed over by background goroutines
// (onUI, onUIWait). The test goroutine is the tests' UI goroutine: it runs
// the queue while it waits (waitUI, receive), so no widget is touched by
// two goroutines at once — as under the real driver, whose event loop
// runs fyne.Do's functions one at a time.
var uiQueue = make(chan func(), 1<<16)

func TestMain(m *testing.M) {
	onUI = func(f func()) { uiQueue <- f }
	onUIWait = func(f func()) {
		done := make(chan struct{})
		uiQueue <- func() { defer close(done); f() }
		<-done
	}
	os.Exit(m.Run())
}

// pollEvery is how often a waiting test looks again at work that hands
// nothing to the UI (a save); it bounds no result, only the wait's grain.
const pollEvery = 2 * time.Millisecond

// waitUI runs the UI's work until idle reports that nothing runs in the
// background and nothing is queued; it reports whether it ran any.
func waitUI(idle func() bool) bool {
	ran := false
	for {
		ran = runQueued() || ran
		if idle() && len(uiQueue) == 0 { // idle first: a job queues its last work before it ends
			return ran
		}
		select {
		case f := <-uiQueue:
			f()
			ran = true
		case <-time.After(pollEvery):
		}
	}
}

// runQueued runs the UI work queued so far; it reports whether there was any.
func runQueued() bool {
	ran := false
	for {
		select {
		case f := <-uiQueue:
			f()
			ran = true
		default:
			return ran
		}
	}
}

// receive waits up to timeout for a value on ch, running the UI's work
// meanwhile.
func receive[T any](ch <-chan T, timeout time.Duration) (T, bool) {
	deadline := time.After(timeout)
	for {
		select {
		case v := <-ch:
			return v, true
		case f := <-uiQueue:
			f()
		case <-deadline:
			var zero T
			return zero, false
		}
	}
}

// idle: no job of this kind is running.
func (j *jobs) idle() bool { return j.n.Load() == 0 }

// saved: no save is running.
func (w *workspace) saved() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return !w.running
}

// notify sends on ch without blocking: a listener run by the test
// goroutine must not wait for the test to read.
func notify(ch chan struct{}) {
	select {
	case ch <- struct{}{}:
	default:
	}
}

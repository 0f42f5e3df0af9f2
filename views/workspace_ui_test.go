package views

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"autocities/importer"
)

// shownText is every text of the window's top dialog.
func shownText(w fyne.Window) string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *widget.Button:
			b.WriteString("[" + x.Text + "]\n")
		case *widget.RadioGroup:
			for _, opt := range x.Options {
				b.WriteString("( ) " + opt + "\n")
			}
		case fyne.Widget:
			r := test.WidgetRenderer(x)
			for _, c := range r.Objects() {
				walk(c)
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		}
	}
	walk(top)
	return b.String()
}

// TestSaveFailureIsShown: on a full disk the change stays open, the
// dialog says what failed and what to do, the title says "not saved", and
// Retry saves once the disk has room.
func TestSaveFailureIsShown(t *testing.T) {
	a := newTestApp(t)
	s := newTestState(t)
	u := newUI(a, s, nil)
	defer u.win.Close()
	quiet(u)
	full := &crashFS{FS: importer.OS, failAt: 1, err: syscall.ENOSPC}
	u.ws.fsys, u.ws.data = full, importer.NewStore(filepath.Join(u.ws.dir, objectsDir), full)
	d := s.Data().Clone()
	d.AddObservation(importer.Observation{Region: "Wuhu", Year: 2024, Metric: importer.Production, Value: 7})
	s.Change(d, nil, "import of rows.csv")
	quiet(u)
	shown := shownText(u.win)
	for _, want := range []string{"Your changes are not saved", "the workspace could not be saved: the disk is full", "free some space", "[Retry]", "[Save workspace as…]"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the dialog lacks %q:\n%s", want, shown)
		}
	}
	if s.Data() != d || !strings.Contains(u.win.Title(), "not saved") {
		t.Errorf("title %q; the data in memory must stay the change", u.win.Title())
	}
	full.failAt = 0 // room again
	u.ws.retry()
	quiet(u)
	if u.win.Title() != "Auto Cities" || u.ws.unsaved() != nil {
		t.Errorf("after Retry: title %q, unsaved %v", u.win.Title(), u.ws.unsaved())
	}
	r := newWorkspaceAt(u.ws.root, importer.OS).peek()
	if r.data == nil || r.data.Count() != d.Count() || r.label != "import of rows.csv" {
		t.Error("Retry did not save the change")
	}
}

// TestRecoveryOfferedAfterCrash: a stale lock (the last session was
// killed) makes the start say so and offer the saved states.
func TestRecoveryOfferedAfterCrash(t *testing.T) {
	a := newTestApp(t)
	first := newUI(a, newTestState(t), nil)
	quiet(first)
	base := first.state.Data().Count()
	d := first.state.Data().Clone()
	d.AddObservation(importer.Observation{Region: "Wuhu", Year: 2024, Metric: importer.Production, Value: 7})
	first.state.Change(d, nil, "import of rows-200k.csv")
	quiet(first)
	first.lock.halt() // as kill -9 would: the lock stays, its process is gone
	writeStaleLock(t, first.ws.dir)

	u := newUI(a, newTestState(t), nil)
	defer u.win.Close()
	quiet(u)
	shown := shownText(u.win)
	for _, want := range []string{"Recover your work", "did not close properly", "after: import of rows-200k.csv",
		"The last saved state (after import of rows-200k.csv)", "The state before import of rows-200k.csv"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the recovery offer lacks %q:\n%s", want, shown)
		}
	}
	if u.state.Data().Count() != base+1 {
		t.Fatal("the last saved state is not open")
	}
	u.recoverTo(1)
	quiet(u)
	if u.state.Data().Count() != base || u.state.RedoLabel() != "import of rows-200k.csv" {
		t.Error("choosing the state before the import did not go back to it (with Redo forward)")
	}
}

// TestNoRecoveryAfterACrashThatSavedNothing: a session killed before its
// first change left a stale lock and no saved state; the next start has
// nothing to recover and says nothing.
func TestNoRecoveryAfterACrashThatSavedNothing(t *testing.T) {
	a := newTestApp(t)
	first := newUI(a, newTestState(t), nil)
	quiet(first)
	first.lock.halt()
	writeStaleLock(t, first.ws.dir)

	u := newUI(a, newTestState(t), nil)
	defer u.win.Close()
	quiet(u)
	if shown := shownText(u.win); strings.Contains(shown, "Recover your work") || strings.Contains(shown, "did not close properly") {
		t.Errorf("a crash that lost nothing is reported:\n%s", shown)
	}
}

// writeStaleLock writes a lock of an earlier process with this PID.
func writeStaleLock(t *testing.T, dir string) {
	t.Helper()
	stale := thisProcess()
	stale.Token = "an-earlier-boot"
	b, _ := json.Marshal(stale)
	if err := os.WriteFile(filepath.Join(dir, lockFile), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSecondInstance: a second window on the same workspace opens
// read-only and saves nothing; files given to a second start go to the
// first, which imports them; when the first closes, the next start has
// the workspace.
func TestSecondInstance(t *testing.T) {
	a := newTestApp(t)
	first := newUI(a, newTestState(t), nil)
	quiet(first)
	second := newUI(a, newTestState(t), nil)
	quiet(second)
	if !second.readOnly || !strings.Contains(second.win.Title(), "read-only") {
		t.Fatalf("the second instance: read-only %v, title %q", second.readOnly, second.win.Title())
	}
	if shown := shownText(second.win); !strings.Contains(shown, "already open with this workspace") {
		t.Errorf("the second instance does not say why it is read-only:\n%s", shown)
	}
	states := len(first.ws.stateSeqs())
	second.state.Change(second.state.Data().Clone(), nil, "a change in the read-only window")
	quiet(second)
	if len(first.ws.stateSeqs()) != states {
		t.Error("the read-only instance saved")
	}
	second.win.Close()

	// The hand-off: the first's inbox gets the files. (Its watcher, which
	// imports them with the usual prompt, is stopped here: the test
	// driver runs fyne.Do on the calling goroutine, so a watcher's import
	// would race with this test's own UI work.)
	first.lock.halt()
	f := filepath.Join(t.TempDir(), "extra.csv")
	os.WriteFile(f, []byte("city,year,period,metric,value,unit\nWuhu,2024,FY,production,1000,vehicles\n"), 0o644)
	var msg bytes.Buffer
	if !HandedOff(a, []string{f}, &msg) || !strings.Contains(msg.String(), "already open") {
		t.Fatalf("the files were not handed over: %q", msg.String())
	}
	if got := takeInbox(first.ws.dir); len(got) != 1 || got[0] != f {
		t.Errorf("the first instance's inbox holds %v", got)
	}
	first.win.Close()
	third := newUI(a, newTestState(t), nil)
	defer third.win.Close()
	quiet(third)
	if third.readOnly || third.lock == nil {
		t.Error("after the first closed, the next start does not have the workspace")
	}
}

// TestImportedFilesStayProtected: after a restart, exports still refuse
// the file the data was imported from.
func TestImportedFilesStayProtected(t *testing.T) {
	a := newTestApp(t)
	u := newUI(a, newTestState(t), nil)
	quiet(u)
	imp := filepath.Join(t.TempDir(), "imp.xlsx")
	os.WriteFile(imp, []byte("the user's own file"), 0o644)
	u.state.addImported(imp)
	u.state.Change(u.state.Data().Clone(), nil, "import of imp.xlsx")
	quiet(u)
	u.win.Close()
	again := newUI(a, newTestState(t), nil)
	defer again.win.Close()
	quiet(again)
	if err := importer.CheckExportTarget(imp, again.state.ImportedFiles()...); err == nil {
		t.Fatal("after a restart an export may overwrite the imported file")
	}
	again.confirmAndWrite(imp, func(string) ([]string, error) { t.Error("the export wrote onto the imported file"); return nil, nil })
	if shown := shownText(again.win); !strings.Contains(strings.ToLower(shown), "imp.xlsx is the file you imported") {
		t.Errorf("the refusal is not shown:\n%s", shown)
	}
}

func TestWatchInboxTakesEachHandOff(t *testing.T) {
	dir := t.TempDir()
	stop := make(chan struct{})
	got := make(chan []string, 2)
	go watchInbox(dir, stop, func(files []string) { got <- files })
	defer close(stop)
	if err := handFiles(dir, []string{"/a/one.csv", "/a/two.xlsx"}); err != nil {
		t.Fatal(err)
	}
	files, ok := receive(got, 5*time.Second)
	if !ok {
		t.Fatal("the hand-off was not taken")
	}
	if len(files) != 2 || files[1] != "/a/two.xlsx" {
		t.Errorf("took %v", files)
	}
	if left, _ := os.ReadDir(filepath.Join(dir, inboxDir)); len(left) != 0 {
		t.Errorf("hand-offs left in the inbox: %v", left)
	}
}

// TestKilledProcessLockIsStale: a lock of a process killed with SIGKILL,
// even one not yet reaped (a zombie), is stale.
func TestKilledProcessLockIsStale(t *testing.T) {
	cmd := exec.Command("sleep", "60")
	if err := cmd.Start(); err != nil {
		t.Skip(err)
	}
	l := lockInfo{PID: cmd.Process.Pid, Started: processStart(cmd.Process.Pid), Token: "other", Host: thisProcess().Host}
	if !l.alive(time.Now()) {
		t.Fatal("a running process's lock is not live")
	}
	cmd.Process.Kill()
	deadline := time.Now().Add(2 * time.Second)
	for l.alive(time.Now()) && time.Now().Before(deadline) { // a zombie until Wait
		time.Sleep(10 * time.Millisecond)
	}
	if l.alive(time.Now()) {
		t.Error("the lock of a killed, unreaped process is still live")
	}
	cmd.Wait()
}

// quiet runs the window's share of its background work until none is
// left: imports, the save, the Data tab's filter, copies and the charts'
// renders.
func quiet(u *ui) {
	idle := func() bool {
		if !u.imports.idle() || !u.ws.saved() || !u.data.done.idle() || !u.clip.pending.idle() {
			return false
		}
		for _, ct := range u.chartTabs() {
			if !ct.chart.pending.idle() {
				return false
			}
		}
		return true
	}
	for waitUI(idle) { // the work run may have started more
	}
}

// TestQuittingComesLast: main's exit watchdog (Quitting) starts once, and
// only when the window's own closing work is done: the last change on
// disk, the workspace's lock released for the next start.
func TestQuittingComesLast(t *testing.T) {
	a := newTestApp(t)
	u := newUI(a, newTestState(t), nil)
	quiet(u)
	before := len(u.ws.stateSeqs())
	u.state.Change(u.state.Data().Clone(), nil, "a last change")
	type atQuit struct{ saved, lock int }
	got := make(chan atQuit, 4)
	Quitting = func() {
		_, lock := readLock(filepath.Join(u.ws.dir, lockFile))
		got <- atQuit{len(u.ws.stateSeqs()) - before, lock}
	}
	defer func() { Quitting = nil }()
	u.closing()
	q, ok := receive(got, 20*time.Second)
	if !ok {
		t.Fatal("Quitting was not called when the window closed")
	}
	if q.saved != 1 {
		t.Errorf("when Quitting was called, %d new states were on disk, want the last change", q.saved)
	}
	if q.lock == lockLive {
		t.Error("when Quitting was called, the workspace was still locked")
	}
	quiet(u)
	if len(got) > 0 {
		t.Errorf("Quitting was called %d more times", len(got))
	}
}

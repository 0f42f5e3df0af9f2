package views

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"autocities/importer"
)

// crashFS is the real file system until its failAt-th operation, which
// fails, and so does every one after it: the process died there. A write
// that fails writes half its bytes first, as a crash mid-write would.
type crashFS struct {
	importer.FS
	failAt, n int
	err       error
}

var errCrash = errors.New("the process died here")

func (c *crashFS) step() error {
	c.n++
	if c.failAt > 0 && c.n >= c.failAt {
		return c.err
	}
	return nil
}

func (c *crashFS) CreateTemp(dir, pattern string) (importer.File, error) {
	if err := c.step(); err != nil {
		return nil, &fs.PathError{Op: "open", Path: dir, Err: err}
	}
	f, err := c.FS.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	return &crashFile{File: f, fs: c}, nil
}

func (c *crashFS) Rename(from, to string) error {
	if err := c.step(); err != nil {
		return err
	}
	return c.FS.Rename(from, to)
}

func (c *crashFS) Remove(name string) error {
	if err := c.step(); err != nil {
		return err
	}
	return c.FS.Remove(name)
}

func (c *crashFS) MkdirAll(dir string) error {
	if err := c.step(); err != nil {
		return err
	}
	return c.FS.MkdirAll(dir)
}

func (c *crashFS) SyncDir(dir string) error {
	if err := c.step(); err != nil {
		return err
	}
	return c.FS.SyncDir(dir)
}

type crashFile struct {
	importer.File
	fs *crashFS
}

func (f *crashFile) Write(p []byte) (int, error) {
	if err := f.fs.step(); err != nil {
		n, _ := f.File.Write(p[:len(p)/2])
		return n, &fs.PathError{Op: "write", Path: f.Name(), Err: err}
	}
	return f.File.Write(p)
}

func (f *crashFile) Sync() error {
	if err := f.fs.step(); err != nil {
		return err
	}
	return f.File.Sync()
}

func (f *crashFile) Close() error {
	err := f.fs.step()
	if cerr := f.File.Close(); err == nil {
		err = cerr
	}
	return err
}

// commitCase is a workspace with one saved state (A: the default data,
// after a change "first") and the next state to save (B: an import).
func commitCase(t *testing.T, root string) (a, b saveJob) {
	t.Helper()
	d, _, err := DefaultData()
	if err != nil {
		t.Fatal(err)
	}
	d.Seal()
	first := d.Clone()
	first.AddObservation(importer.Observation{Region: "Wuhu", Year: 2023, Metric: importer.Production, Value: 1})
	first.Seal()
	a = saveJob{data: first, undo: []snapshot{{id: 1, data: d, label: "first"}}}
	ws := newWorkspaceAt(root, importer.OS)
	ws.open(false)
	if err := ws.commit(a); err != nil {
		t.Fatal(err)
	}
	next := first.Clone()
	extra := &importer.DataSet{}
	for i := 0; i < 500; i++ {
		extra.AddObservation(importer.Observation{Region: "Hefei", Year: 1900 + i, Metric: importer.Production, Value: float64(i)})
	}
	next.Merge(extra)
	next.Seal()
	b = saveJob{data: next, undo: []snapshot{{id: 1, data: d, label: "first"}, {id: 2, data: first, label: "import of b.csv"}},
		imported: []string{"/data/b.csv"}}
	return a, b
}

// TestCommitCutAtEveryStep cuts a commit at each of its file operations
// in turn (the process dies there) and starts again: the workspace is
// always the state before or the state after, whole, with the history
// that belongs to it, and nothing the crash left is kept.
func TestCommitCutAtEveryStep(t *testing.T) {
	newTestApp(t)
	count := &crashFS{FS: importer.OS}
	{
		root := t.TempDir()
		_, b := commitCase(t, root)
		ws := newWorkspaceAt(root, count)
		ws.open(false)
		count.n = 0
		if err := ws.commit(b); err != nil {
			t.Fatal(err)
		}
	}
	if count.n < 10 {
		t.Fatalf("a commit made only %d file operations", count.n)
	}
	outcomes := map[string]int{}
	for step := 1; step <= count.n+1; step++ {
		root := t.TempDir()
		a, b := commitCase(t, root)
		cut := &crashFS{FS: importer.OS}
		ws := newWorkspaceAt(root, cut)
		ws.open(false)
		cut.n, cut.failAt, cut.err = 0, step, errCrash
		err := ws.commit(b)
		r := newWorkspaceAt(root, importer.OS).open(false)
		got := checkRestored(t, step, err, r, a, b)
		outcomes[got]++
		if left := leftovers(root); len(left) > 0 {
			t.Errorf("step %d: after the restart, left behind: %v", step, left)
		}
	}
	if outcomes["before"] == 0 || outcomes["after"] == 0 {
		t.Errorf("outcomes %v: a cut commit must be able to end either way", outcomes)
	}
	t.Logf("%d file operations; restarts found %v", count.n, outcomes)
}

// checkRestored: what a restart found is A or B, whole.
func checkRestored(t *testing.T, step int, err error, r restored, a, b saveJob) string {
	t.Helper()
	if r.data == nil || len(r.damaged) > 0 {
		t.Fatalf("step %d: the restart found no workspace (%v)", step, r.damaged)
	}
	switch {
	case r.data.Count() == a.data.Count() && r.label == "first" && len(r.undo) == 1:
		return "before"
	case r.data.Count() == b.data.Count() && r.label == "import of b.csv" && len(r.undo) == 2 && len(r.imported) == 1:
		if err != nil && !errors.Is(err, errCrash) {
			t.Errorf("step %d: %v", step, err)
		}
		return "after"
	}
	t.Fatalf("step %d (commit error %v): restored %d observations, last change %q, %d undo steps: neither state",
		step, err, r.data.Count(), r.label, len(r.undo))
	return ""
}

// leftovers lists temporary files and unnamed objects under root.
func leftovers(root string) []string {
	var out []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".tmp") {
			out = append(out, p)
		}
		return nil
	})
	return out
}

// TestUndoWritesOnlyTheState: an undo saves a state file and no data; a
// correction its one small chunk.
func TestUndoWritesOnlyTheState(t *testing.T) {
	a := newTestApp(t)
	s := newTestState(t)
	u := newUI(a, s, nil)
	defer u.win.Close()
	quiet(u)
	s.Change(s.Data().Clone(), nil, "copy")
	quiet(u)
	objects := filepath.Join(u.ws.dir, objectsDir)
	before := dirSize(t, objects)
	st, _ := s.Data().Lookup(importer.Key{Region: "Chongqing", Year: 2024, Period: importer.FY, Metric: importer.Production})
	s.Change(s.Data().Correct(st.Preferred(), 2550000, importer.Exact, ""), nil, "edit")
	quiet(u)
	if grew := dirSize(t, objects) - before; grew <= 0 || grew > 64<<10 {
		t.Errorf("a correction wrote %d bytes of data", grew)
	}
	before = dirSize(t, objects)
	s.Undo()
	quiet(u)
	if grew := dirSize(t, objects) - before; grew != 0 {
		t.Errorf("an undo wrote %d bytes of data, want none", grew)
	}
}

func dirSize(t *testing.T, dir string) (n int64) {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		info, _ := e.Info()
		n += info.Size()
	}
	return n
}

// TestDamagedStateFallsBack: a damaged newest state, or a data file it
// names, is kept aside and the state before it opens, saying so.
func TestDamagedStateFallsBack(t *testing.T) {
	for _, damage := range []string{"state", "chunk"} {
		t.Run(damage, func(t *testing.T) {
			newTestApp(t)
			root := t.TempDir()
			a, b := commitCase(t, root)
			ws := newWorkspaceAt(root, importer.OS)
			ws.open(false)
			if err := ws.commit(b); err != nil {
				t.Fatal(err)
			}
			victim := ws.statePath(ws.seq)
			if damage == "chunk" {
				st, _ := ws.readState(ws.seq)
				victim = filepath.Join(ws.dir, objectsDir, st.Current.Chunks[len(st.Current.Chunks)-1]+".chunk")
			}
			if err := os.WriteFile(victim, []byte("garbage"), 0o644); err != nil {
				t.Fatal(err)
			}
			r := newWorkspaceAt(root, importer.OS).open(false)
			if r.data == nil || r.data.Count() != a.data.Count() || r.label != "first" {
				t.Fatalf("did not fall back to the state before: %+v", r.damaged)
			}
			if len(r.damaged) != 1 || r.aside == "" {
				t.Fatalf("the damage is not reported: %v", r.damaged)
			}
			if _, err := os.Stat(filepath.Join(r.aside, filepath.Base(victim))); err != nil {
				t.Errorf("the damaged file was not kept aside: %v", err)
			}
			t.Log(r.damaged[0])
		})
	}
}

// TestOldWorkspaceMigrates: workspace.xlsx with history.json and
// history/ID.xlsx come over once, with their history.
func TestOldWorkspaceMigrates(t *testing.T) {
	newTestApp(t)
	root := t.TempDir()
	d, _, _ := DefaultData()
	if err := d.SaveWorkbook(filepath.Join(root, legacyFile), importer.WorkbookOptions{}); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(root, legacyHistory), 0o755)
	small := &importer.DataSet{}
	small.AddObservation(importer.Observation{Region: "Wuhu", Year: 2024, Metric: importer.Production, Value: 5, Qualifier: importer.Exact, Confidence: importer.Normal})
	if err := small.SaveWorkbook(filepath.Join(root, legacyHistory, "7.xlsx"), importer.WorkbookOptions{}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(root, legacyIndex), []byte(`{"undo":[{"id":7,"label":"import of x.csv"}],"redo":[]}`), 0o644)
	r := newWorkspaceAt(root, importer.OS).open(false)
	if r.data == nil || r.data.Count() != d.Count() || len(r.undo) != 1 || r.label != "import of x.csv" {
		t.Fatalf("migrated: %v observations, undo %v", r.data != nil, r.undo)
	}
	for _, f := range []string{legacyFile, legacyIndex, legacyHistory} {
		if _, err := os.Stat(filepath.Join(root, f)); err == nil {
			t.Errorf("%s is still there after the migration", f)
		}
	}
	again := newWorkspaceAt(root, importer.OS)
	if r := again.open(false); r.data == nil || r.data.Count() != d.Count() {
		t.Fatal("the migrated workspace does not open again")
	}
	if got, err := again.loadSnapshot(7); err != nil || got.Count() != 1 {
		t.Errorf("the migrated undo step: %v", err)
	}
}

// TestSaveFailuresAreClassified: what the dialog says for each failure.
func TestSaveFailuresAreClassified(t *testing.T) {
	newTestApp(t)
	for errno, want := range map[syscall.Errno]string{syscall.ENOSPC: "the disk is full", syscall.EROFS: "is read-only",
		syscall.EACCES: "you may not write in"} {
		root := t.TempDir()
		_, b := commitCase(t, root)
		ws := newWorkspaceAt(root, &crashFS{FS: importer.OS, failAt: 1, err: errno})
		err := ws.commit(b)
		if got := saveWords(err); !strings.Contains(got, want) {
			t.Errorf("%v: %q", errno, got)
		}
	}
}

// countFS counts the bytes written through it.
type countFS struct {
	importer.FS
	n *int64
}

func (c countFS) CreateTemp(dir, pattern string) (importer.File, error) {
	f, err := c.FS.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	return countFile{f, c.n}, nil
}

type countFile struct {
	importer.File
	n *int64
}

func (f countFile) Write(p []byte) (int, error) {
	*f.n += int64(len(p))
	return f.File.Write(p)
}

// BenchmarkWorkspaceStep saves steps at 360,000 observations: a
// correction, then its undo, as the app does after each. The target is at
// most 1 MB written and 300 ms of background work a step.
func BenchmarkWorkspaceStep(b *testing.B) {
	var written int64
	fsys := countFS{importer.OS, &written}
	ws := newWorkspaceAt(b.TempDir(), fsys)
	ws.open(false)
	big := &importer.DataSet{}
	for i := 0; i < 360_000; i++ {
		big.AddObservation(importer.Observation{Region: []string{"Chongqing", "Shanghai", "Wuhan"}[i%3], Year: 1900 + i%125,
			Period: importer.Period(i % 25), Metric: importer.Production, Value: float64(i), Qualifier: importer.Exact,
			Confidence: importer.Normal, SourceID: "report"})
	}
	s := NewState(big, nil)
	s.persist(ws.store, nil, nil, ws.loadSnapshot)
	start := time.Now()
	s.Change(big.Clone(), nil, "import of big.csv")
	ws.wait()
	b.Logf("the import's save: %d bytes in %v", written, time.Since(start))
	first, _ := s.Data().Lookup(importer.Key{Region: "Chongqing", Year: 1900, Period: 0, Metric: importer.Production})
	written = 0
	var saving time.Duration
	steps := 0
	b.ResetTimer()
	for b.Loop() {
		next := s.Data().Correct(first.Preferred(), float64(steps), importer.Exact, "")
		t0 := time.Now()
		s.Change(next, nil, "edit")
		ws.wait()
		t1 := time.Now()
		s.Undo()
		ws.wait()
		saving += time.Since(t1) + t1.Sub(t0)
		steps += 2
	}
	b.ReportMetric(float64(written)/float64(steps), "bytes-written/step")
	b.ReportMetric(float64(saving.Milliseconds())/float64(steps), "ms-saving/step")
}

// TestStartSweepsWhatCrashesLeft: temporary files of the workspace, of
// the old workspace's saves, and of an export whose process is gone.
func TestStartSweepsWhatCrashesLeft(t *testing.T) {
	newTestApp(t)
	root, out := t.TempDir(), t.TempDir()
	ws := newWorkspaceAt(root, importer.OS)
	ws.open(false)
	target := filepath.Join(out, "deck.pptx")
	partial := filepath.Join(out, ".deck.pptx.123456.tmp")
	mine := filepath.Join(out, "notes.tmp")
	left := []string{filepath.Join(ws.dir, ".state-00000009.json.42.tmp"), filepath.Join(root, ".workspace.xlsx.77.tmp"),
		filepath.Join(root, ".history-5.tmp"), partial, mine}
	for _, f := range left {
		os.WriteFile(f, []byte("half"), 0o644)
	}
	done := exportStarted(ws.dir, target)
	_ = done // never called: the export's process died
	notes, _ := filepath.Glob(filepath.Join(ws.dir, exportsDir, "*.json"))
	for _, n := range notes { // as an earlier process wrote it
		b, _ := os.ReadFile(n)
		os.WriteFile(n, bytes.Replace(b, []byte(processToken), []byte("an-earlier-run"), 1), 0o644)
	}
	r := newWorkspaceAt(root, importer.OS).open(false)
	for _, f := range left[:4] {
		if _, err := os.Stat(f); err == nil {
			t.Errorf("%s is still there", f)
		}
	}
	if _, err := os.Stat(mine); err != nil {
		t.Error("a file of the user's that only looks temporary was removed")
	}
	if r.temps != 1 {
		t.Errorf("%d interrupted saves of the workspace counted, want 1", r.temps)
	}
}

package views

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"autocities/importer"
)

// newTestApp is a test app whose storage (where the workspace lives) is a
// folder of this test's own.
func newTestApp(t testing.TB) fyne.App {
	t.Helper()
	t.Setenv("TMPDIR", t.TempDir())
	a := test.NewTempApp(t)
	t.Cleanup(func() { runQueued() }) // the UI work a test left, before the next test's app
	return a
}

func TestUndoRedo(t *testing.T) {
	newTestApp(t)
	s := newTestState(t)
	orig := s.Data()
	if s.UndoLabel() != "" || s.Undo() {
		t.Fatal("a fresh state has something to undo")
	}
	for i := 0; i < 25; i++ {
		s.Change(s.Data().Clone(), nil, "step "+string(rune('A'+i)))
	}
	if got := s.UndoLabel(); got != "step Y" {
		t.Errorf("undo label %q", got)
	}
	for i := 0; i < 25; i++ {
		if !s.Undo() {
			t.Fatalf("undo %d failed: at least 20 steps must undo", i+1)
		}
	}
	if s.Data() != orig {
		t.Error("undoing every step did not give back the first data")
	}
	if !s.Redo() || s.UndoLabel() != "step A" || s.RedoLabel() != "step B" {
		t.Errorf("redo: undo %q redo %q", s.UndoLabel(), s.RedoLabel())
	}
	s.Change(s.Data().Clone(), nil, "new branch")
	if s.RedoLabel() != "" {
		t.Error("a new change must clear the redo list")
	}
}

func TestUndoMenuNamesTheChange(t *testing.T) {
	a := newTestApp(t)
	s := newTestState(t)
	w := NewWindow(a, s, nil)
	defer w.Close()
	s.Change(s.Data().Clone(), nil, "import of yearbook.xlsx")
	u := w.MainMenu().Items[1].Items[0]
	if u.Label != "Undo import of yearbook.xlsx" || u.Disabled {
		t.Errorf("undo item %q disabled=%v", u.Label, u.Disabled)
	}
}

func TestCorrectionInDataTab(t *testing.T) {
	newTestApp(t)
	s := newTestState(t)
	d := newDataTab(s)
	showTab(t, d.tab.Content)
	test.Type(d.filter, "chongqing 2024 full vehicle production")
	row := -1
	for i, o := range obsRows(d) {
		if o.Metric == importer.Production && o.Period == importer.FY && o.SourceID == "report" {
			row = i
		}
	}
	if row < 0 {
		t.Fatal("Chongqing's 2024 figure from the report is not listed")
	}
	orig := obsRows(d)[row]
	next := s.Data().Correct(orig, 2550000, importer.Approx, "my own check")
	s.Change(next, s.Report(), "edit of "+editLabel(orig))
	st, _ := s.Data().Lookup(orig.Key())
	if p := st.Preferred(); p.Value != 2550000 || *p.EditedFrom != 2540000 {
		t.Fatalf("after the correction: %+v", p)
	}
	if !strings.Contains(obsCell(s.Data(), st.Preferred(), colValue), "✎") {
		t.Error("the corrected value is not marked in the table")
	}
	if !s.Undo() {
		t.Fatal("the correction cannot be undone")
	}
	st, _ = s.Data().Lookup(orig.Key())
	if st.Preferred().Value != 2540000 {
		t.Errorf("undo left %v", st.Preferred().Value)
	}
}

// TestWorkspaceSurvivesRestart: import, correct, close; a new app instance
// opens on the same data.
func TestWorkspaceSurvivesRestart(t *testing.T) {
	a := newTestApp(t)
	s := newTestState(t)
	w := NewWindow(a, s, nil)
	f := filepath.Join(t.TempDir(), "extra.csv")
	if err := os.WriteFile(f, []byte("city,year,period,metric,value,unit\nWuhu,2024,FY,production,1000,vehicles\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	extra, _, err := importer.ImportFile(t.Context(), f, importer.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	d := s.Data().Clone()
	d.Merge(extra)
	s.Change(d, nil, "import of extra.csv")
	st, _ := s.Data().Lookup(importer.Key{Region: "Chongqing", Year: 2024, Period: importer.FY, Metric: importer.Production})
	s.Change(s.Data().Correct(st.Preferred(), 2550000, importer.Exact, ""), nil, "edit")
	quiet(s.ui) // its charts' renders land before the next window is built
	w.Close()
	want := s.Data().Count()

	test.NewTempApp(t) // same storage folder: TMPDIR is still this test's
	s2 := newTestState(t)
	w2 := NewWindow(fyne.CurrentApp(), s2, nil)
	defer w2.Close()
	if got := s2.Data().Count(); got != want {
		t.Fatalf("after the restart %d observations, want %d", got, want)
	}
	if _, ok := s2.Data().Lookup(importer.Key{Region: "Wuhu", Year: 2024, Period: importer.FY, Metric: importer.Production}); !ok {
		t.Error("the import is gone after the restart")
	}
	st, _ = s2.Data().Lookup(importer.Key{Region: "Chongqing", Year: 2024, Period: importer.FY, Metric: importer.Production})
	if p := st.Preferred(); p.Value != 2550000 || p.EditedFrom == nil || *p.EditedFrom != 2540000 {
		t.Errorf("the correction after the restart: %+v", p)
	}
	// The history came along: undo removes the edit, then the import.
	if got := s2.UndoLabel(); got != "edit" {
		t.Fatalf("after the restart Undo would undo %q, want the edit", got)
	}
	if !s2.Undo() {
		t.Fatal("undo after the restart failed")
	}
	st, _ = s2.Data().Lookup(importer.Key{Region: "Chongqing", Year: 2024, Period: importer.FY, Metric: importer.Production})
	if p := st.Preferred(); p.Value != 2540000 {
		t.Errorf("undo after the restart left %v, want the stated 2,540,000", p.Value)
	}
	if !s2.Undo() || s2.UndoLabel() != "" {
		t.Error("the import could not be undone after the restart")
	}
	if _, ok := s2.Data().Lookup(importer.Key{Region: "Wuhu", Year: 2024, Period: importer.FY, Metric: importer.Production}); ok {
		t.Error("undoing the import left its rows")
	}
}

func TestDamagedWorkspaceIsKeptAside(t *testing.T) {
	a := newTestApp(t)
	ws := newWorkspace(a)
	old := filepath.Join(ws.root, legacyFile)
	if err := os.WriteFile(old, []byte("PK\x03\x04 this is not a workbook"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := newTestState(t)
	want := s.Data().Count()
	w := NewWindow(a, s, nil)
	defer w.Close()
	if got := s.Data().Count(); got != want {
		t.Errorf("with a damaged workspace the app has %d observations, want the default %d", got, want)
	}
	kept, _ := filepath.Glob(filepath.Join(ws.root, "workspace-damaged-*.xlsx"))
	if len(kept) != 1 {
		t.Fatalf("the damaged file was not kept aside: %v", kept)
	}
	if b, _ := os.ReadFile(kept[0]); !strings.Contains(string(b), "not a workbook") {
		t.Error("the file kept aside is not the damaged one")
	}
	shown := shownText(w)
	if !strings.Contains(shown, "workspace.xlsx could not be read (is damaged or incomplete)") || strings.Contains(shown, "download") {
		t.Errorf("the start does not say what happened, or gives the import's advice:\n%s", shown)
	}
}

func TestRecentFiles(t *testing.T) {
	a := newTestApp(t)
	s := newTestState(t)
	w := NewWindow(a, s, nil)
	defer w.Close()
	u := &ui{app: a, state: s, win: w, mainMenu: w.MainMenu(), recentItem: w.MainMenu().Items[0].Items[1]}
	dir := t.TempDir()
	var paths []string
	for i := 0; i < 12; i++ {
		p := filepath.Join(dir, string(rune('a'+i))+".csv")
		os.WriteFile(p, []byte("x"), 0o644)
		paths = append(paths, p)
	}
	u.addRecent(paths...)
	items := u.recentItem.ChildMenu.Items
	if len(items) != 10 || !strings.HasPrefix(items[0].Label, "l.csv") {
		t.Fatalf("%d recent items, first %q; want the last 10, newest first", len(items), items[0].Label)
	}
	os.Remove(paths[11])
	items = u.recentItems()
	if !items[0].Disabled || !strings.Contains(items[0].Label, "missing") {
		t.Errorf("a deleted file: %q disabled=%v", items[0].Label, items[0].Disabled)
	}
}

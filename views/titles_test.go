package views

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"autocities/importer"
)

// TestChartTitlesAreUndoable: the dialog's words become the chart's title
// through one undoable change named after the chart, and undo brings the
// default back.
func TestChartTitlesAreUndoable(t *testing.T) {
	newTestApp(t)
	s := newTestState(t)
	u := &ui{state: s, win: test.NewTempWindow(t, widget.NewLabel(""))}
	tab := tabMakers["timeline"](s)
	u.charts = []*chartTab{tabMakers["compare"](s), tab}
	u.hookTitles()
	u.editTitlesOf(tab) // the dialog opens
	words := importer.ChartTitle{Chart: tab.choice.Signature(), Title: "Chongqing is back on top", Note: "2025: commission figures"}
	u.applyTitles(tab, words, "Chongqing", true)
	spec := s.specLater(tab.choice)()
	if tx := spec.Texts(); tx.Title != words.Title || tx.Note != words.Note {
		t.Fatalf("texts %+v", tx)
	}
	if !strings.HasPrefix(s.UndoLabel(), "titles of") || !tab.choice.SamePeriod || tab.choice.Highlight != "Chongqing" {
		t.Errorf("undo %q, choice %+v", s.UndoLabel(), tab.choice)
	}
	if !s.Undo() || s.specLater(tab.choice)().Texts().Title == words.Title {
		t.Error("undo kept the user's title")
	}
	tab.chart.wait()
}

// TestChartCommandWarnsAndRefusesEmpty: a flag that does not apply is
// named on stderr; a chart with no data writes nothing and exits 1.
func TestChartCommandWarnsAndRefusesEmpty(t *testing.T) {
	dir := t.TempDir()
	code, _, errs := run(t, "chart", "--kind", "timeline", "--period", "YTD11", "-o", filepath.Join(dir, "t.png"))
	if code != 0 || !strings.Contains(errs, "--period does not apply to a timeline chart") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	empty := filepath.Join(dir, "empty.png")
	if code, _, errs := run(t, "chart", "--kind", "rank", "--cities", "Ningbo", "-o", empty); code != 1 || !strings.Contains(errs, "no data") {
		t.Errorf("empty chart: exit %d, stderr %q", code, errs)
	}
	if _, err := os.Stat(empty); err == nil {
		t.Error("an empty chart was written")
	}
	if code, _, errs := run(t, "chart", "--background", "transparent-dark", "--highlight", "重庆", "-o", filepath.Join(dir, "d.png")); code != 0 {
		t.Errorf("background: exit %d, %s", code, errs)
	}
	if code, _, _ := run(t, "export", "--slides", "compare,pie", "-o", filepath.Join(dir, "d.pptx")); code != 2 {
		t.Errorf("a pie slide: exit %d, want 2", code)
	}
	if code, _, errs := run(t, "export", "--slides", "headline,timeline", "-o", filepath.Join(dir, "d.pptx")); code != 0 {
		t.Errorf("slides: exit %d, %s", code, errs)
	}
}

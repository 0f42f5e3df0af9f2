package views

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"autocities/importer"
)

// openPreview imports a file into a window on the default data and
// returns its preview, once it is up.
func openPreview(t *testing.T, name, content string) (*State, *preview) {
	t.Helper()
	a := newTestApp(t)
	s := newTestState(t)
	w := NewWindow(a, s, nil)
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(1280, 800))
	return s, importIn(t, s, name, content)
}

// importIn imports a file into the window of s and returns its preview.
func importIn(t *testing.T, s *State, name, content string) *preview {
	t.Helper()
	f := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(f, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	s.ui.previewShown = make(chan *preview, 1)
	s.ui.importPaths([]string{f})
	p, ok := receive(s.ui.previewShown, 10*time.Second)
	if !ok {
		t.Fatal("no import preview")
	}
	return p
}

// choose changes the preview's choices as a user would and waits for the
// file to be read again with them.
func choose(p *preview, change func()) {
	change()
	if p.timer != nil {
		p.timer.Stop()
	}
	p.readChoices()
	p.reread()
	waitUI(p.pending.idle)
}

// A yearbook table with no year anywhere: the preview says why nothing is
// read; a year chosen in the preview reads it, and Merge gives that year.
func TestPreviewYearChoice(t *testing.T) {
	s, p := openPreview(t, "yearbook.csv", "城市,汽车产量（万辆）\n芜湖,120.5\n柳州,200\n")
	if !p.merge.Disabled() || !strings.Contains(p.status.Text, "no year") {
		t.Fatalf("no year anywhere: status %q, merge enabled %v", p.status.Text, !p.merge.Disabled())
	}
	choose(p, func() { p.year.SetText("2024") })
	if p.merge.Disabled() || len(p.sampleRows) != 2 || p.sampleRows[0].Year != 2024 {
		t.Fatalf("with the year 2024: %q, rows %+v", p.status.Text, p.sampleRows)
	}
	changed := make(chan struct{}, 1)
	s.OnChanged(func() { notify(changed) })
	p.finish(true)
	if _, ok := receive(changed, 10*time.Second); !ok {
		t.Fatal("Merge did not change the data")
	}
	if _, ok := s.Data().Lookup(importer.Key{Region: "Wuhu", Year: 2024, Period: importer.FY, Metric: importer.Production}); !ok {
		t.Error("Wuhu 2024 was not merged")
	}
}

// A category column read as a region by mistake can be made a category
// (a dimension); the level of unknown names can be said.
func TestPreviewColumnRoleAndLevel(t *testing.T) {
	_, p := openPreview(t, "units.csv", "地区,年份,产量\n渝北区,2024,100\n江北区,2024,200\n")
	choose(p, func() { p.level.SetSelectedIndex(1) }) // cities
	if p.res.err != nil || p.res.data.Level("渝北区") != importer.LevelCity {
		t.Fatalf("level city: %v, %v", p.res.err, p.res.data.Level("渝北区"))
	}
	choose(p, func() {
		p.choices.Roles = map[string]map[int]importer.Role{"": {1: importer.RoleDimension}}
	})
	if p.res.err == nil && p.res.data.Count() > 0 {
		for o := range p.res.data.Observations() {
			if o.Region == "渝北区" {
				t.Errorf("a column made a category is still read as regions: %+v", o)
			}
		}
	}
}

// Figures already in the data (the same values, another file name) are
// pointed out; Escape-style Cancel changes nothing.
func TestPreviewDuplicatesAndCancel(t *testing.T) {
	s, p := openPreview(t, "copy.csv", "city,year,period,metric,value,unit\nChongqing,2024,FY,production,2540000,vehicles\nWuhu,2024,FY,production,1,vehicles\n")
	if p.res.dups != 1 || !p.dups.Visible() || !strings.Contains(p.dups.Text, "1 of these 2") {
		t.Errorf("duplicates: %d, %q", p.res.dups, p.dups.Text)
	}
	before := s.Data()
	p.cancel()
	if s.Data() != before || !p.closed {
		t.Error("Cancel changed the data")
	}
}

// The choices made for one file are offered again for the next file with
// the same headers.
func TestPreviewRemembersChoicesByShape(t *testing.T) {
	s, p := openPreview(t, "a.csv", "城市,汽车产量（万辆）\n芜湖,120.5\n")
	choose(p, func() { p.year.SetText("2023") })
	changed := make(chan struct{}, 1)
	s.OnChanged(func() { notify(changed) })
	p.finish(true)
	if _, ok := receive(changed, 10*time.Second); !ok {
		t.Fatal("Merge did not change the data")
	}
	p2 := importIn(t, s, "b.csv", "城市,汽车产量（万辆）\n柳州,99\n")
	if p2.choices.Year != 2023 || !p2.recalled.Visible() || len(p2.sampleRows) != 1 || p2.sampleRows[0].Year != 2023 {
		t.Errorf("the second file of the same shape: choices %+v, rows %+v", p2.choices, p2.sampleRows)
	}
}

// Return pressed straight after typing a year merges the file as read with
// that year — not the reading shown before the year was typed.
func TestPreviewReturnAfterTyping(t *testing.T) {
	s, p := openPreview(t, "yearbook.csv", "城市,汽车产量（万辆）\n芜湖,120.5\n")
	changed := make(chan struct{}, 1)
	s.OnChanged(func() { notify(changed) })
	p.year.SetText("2022")
	if !p.merge.Disabled() {
		t.Error("Merge is enabled while the file is still to be read with the new year")
	}
	p.submit()
	if _, ok := receive(changed, 10*time.Second); !ok {
		t.Fatal("Return after typing a year merged nothing")
	}
	if _, ok := s.Data().Lookup(importer.Key{Region: "Wuhu", Year: 2022, Period: importer.FY, Metric: importer.Production}); !ok {
		t.Error("Wuhu 2022 was not merged")
	}
}

// TestReadCounts: the preview says what it read in plain words, one and
// many, leaving out what the file did not have.
func TestReadCounts(t *testing.T) {
	useLanguage(t, "en")
	for _, tc := range []struct {
		rep  importer.FileReport
		want string
	}{
		{importer.FileReport{Rows: 1}, "Read 1 figure."},
		{importer.FileReport{}, "Read 0 figures."},
		{importer.FileReport{Rows: 12, Targets: 3, Events: 1}, "Read 12 figures, 3 targets and 1 event."},
		{importer.FileReport{Rows: 2, Terms: 5}, "Read 2 figures and 5 glossary terms."},
	} {
		if got := readCounts(&tc.rep); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.rep, got, tc.want)
		}
	}
	useLanguage(t, "zh")
	if got := readCounts(&importer.FileReport{Rows: 12, Targets: 3, Events: 1}); got != "读取了 12 个数据、3 个目标、1 个事件。" {
		t.Errorf("in Chinese: %q", got)
	}
}

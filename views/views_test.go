package views

import (
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"autocities/importer"
	"autocities/views/chartspec"
)

func newTestState(t *testing.T) *State {
	t.Helper()
	d, rep, err := DefaultData()
	if err != nil {
		t.Fatal(err)
	}
	return NewState(d, rep)
}

// showTab puts a tab's content in a window of the app's default size and
// waits for its chart, if any.
func showTab(t *testing.T, content fyne.CanvasObject, charts ...*Chart) fyne.Window {
	t.Helper()
	w := test.NewTempWindow(t, content)
	w.Resize(fyne.NewSize(1200, 740))
	settle(charts...)
	return w
}

// settle waits for pending chart renders.
func settle(charts ...*Chart) {
	for _, c := range charts {
		c.wait()
	}
}

func chartImage(t *testing.T, c *Chart) image.Image {
	t.Helper()
	c.wait()
	if c.last == nil {
		t.Fatal("the chart has not been drawn")
	}
	return c.last
}

func sameImage(a, b image.Image) bool {
	ra, rb := a.(*image.RGBA), b.(*image.RGBA)
	if ra.Rect != rb.Rect {
		return false
	}
	for i := range ra.Pix {
		if ra.Pix[i] != rb.Pix[i] {
			return false
		}
	}
	return true
}

func TestCompareTab(t *testing.T) {
	test.NewTempApp(t)
	s := newTestState(t)
	c := newCompareTab(s)
	w := showTab(t, c.tab.Content, c.chart)
	test.AssertImageMatches(t, "compare_default.png", w.Canvas().Capture())

	if c.choice.Metric != "production" || c.choice.Period != "FY" || len(c.choice.Years) != 1 {
		t.Fatalf("default choice %+v, want production, FY, one year", c.choice)
	}
	if len(c.rows) < 3 {
		t.Errorf("the values table lists %d cities, want every city with data (≥3)", len(c.rows))
	}
	before := chartImage(t, c.chart)

	// Changing the metric redraws the chart with other values.
	c.metric.SetSelected("NEV production")
	settle(c.chart)
	if c.choice.Metric != "nev_production" {
		t.Fatalf("metric choice %q, want nev_production", c.choice.Metric)
	}
	if sameImage(before, chartImage(t, c.chart)) {
		t.Error("choosing NEV production did not change the chart")
	}

	// "None" empties the city selection: no rows, a no-data chart.
	test.Tap(findButton(t, c.tab.Content, "None"))
	settle(c.chart)
	if len(c.rows) != 0 {
		t.Errorf("with no city chosen the table still lists %d rows", len(c.rows))
	}
	test.Tap(findButton(t, c.tab.Content, "All"))
	settle(c.chart)
	if len(c.rows) == 0 {
		t.Error("All did not bring the cities back")
	}
}

func TestCompareUnitChangesLabels(t *testing.T) {
	test.NewTempApp(t)
	c := newCompareTab(newTestState(t))
	showTab(t, c.tab.Content, c.chart)
	c.unit.SetSelected("10k vehicles (万辆)")
	settle(c.chart)
	if c.choice.Unit != "10k" {
		t.Fatalf("unit %q, want 10k", c.choice.Unit)
	}
	spec := chartspec.Compare(c.state.Data(), c.choice)
	if spec.ValueAxis != "Vehicle production (10k vehicles (万辆))" {
		t.Errorf("axis title %q", spec.ValueAxis)
	}
}

func TestTimelineTab(t *testing.T) {
	test.NewTempApp(t)
	tl := newTimelineTab(newTestState(t))
	w := showTab(t, tl.tab.Content, tl.chart)
	test.AssertImageMatches(t, "timeline_default.png", w.Canvas().Capture())
	if len(tl.eventRows) == 0 {
		t.Fatal("Chongqing's events are not listed")
	}
	before := chartImage(t, tl.chart)

	// Selecting an event shows its detail and highlights it on the chart.
	pick := -1
	for i, e := range tl.eventRows {
		if strings.HasPrefix(e.Date, "2025-07") {
			pick = i
		}
	}
	if pick < 0 {
		t.Fatal("no July 2025 event (Changan Group's inauguration) listed")
	}
	tl.events.Select(pick)
	settle(tl.chart)
	e := tl.eventRows[pick]
	if got := tl.detail.Text; !contains(got, e.Title) || !contains(got, "Source:") {
		t.Errorf("event detail %q lacks the title or source", got)
	}
	if sameImage(before, chartImage(t, tl.chart)) {
		t.Error("selecting an event did not change the chart")
	}

	// Another city: another chart and other events.
	tl.city.SetSelected("Shenzhen")
	settle(tl.chart)
	if tl.choice.Cities[0] != "Shenzhen" {
		t.Errorf("city choice %v", tl.choice.Cities)
	}
}

func TestGlossaryTab(t *testing.T) {
	test.NewTempApp(t)
	g := newGlossaryTab(newTestState(t))
	w := showTab(t, g.tab.Content)
	test.AssertImageMatches(t, "glossary_default.png", w.Canvas().Capture())

	test.Type(g.search, "渝")
	if len(g.shown) != 1 || g.shown[0].Term != "Chongqing" {
		t.Errorf("searching the abbreviation 渝 found %v, want Chongqing", termNames(g.shown))
	}
	g.search.SetText("chang'an")
	if len(g.shown) < 2 {
		t.Errorf("Chang'an should show both senses, got %v", termNames(g.shown))
	}
	g.list.Select(0)
	if !contains(richText(g.detail), "senses") {
		t.Errorf("detail does not say Chang'an has several senses: %q", richText(g.detail))
	}
}

func TestDataTab(t *testing.T) {
	test.NewTempApp(t)
	s := newTestState(t)
	d := newDataTab(s)
	w := showTab(t, d.tab.Content)
	test.AssertImageMatches(t, "data_default.png", w.Canvas().Capture())
	if len(d.obsRows) != len(s.Data().Observations) {
		t.Errorf("the table lists %d of %d observations", len(d.obsRows), len(s.Data().Observations))
	}
	if len(d.conflictRows) == 0 {
		t.Error("the known conflicts are not listed")
	}
	d.showReport()
	if !contains(d.report.Text, "observations") {
		t.Errorf("report %q", d.report.Text)
	}
}

func findButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Button:
			if v.Text == text {
				found = v
			}
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case fyne.Widget:
			r := test.TempWidgetRenderer(t, v)
			for _, c := range r.Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	if found == nil {
		t.Fatalf("no %q button", text)
	}
	return found
}

func TestWindowImportsStartupFiles(t *testing.T) {
	a := test.NewTempApp(t)
	s := newTestState(t)
	before := len(s.Data().Observations)
	f := filepath.Join(t.TempDir(), "dropped.csv")
	if err := os.WriteFile(f, []byte("city,year,period,metric,value,unit\n合肥,2024,FY,production,1910900,vehicles\nWuhu,2024,FY,production,1000,vehicles\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	changed := make(chan struct{}, 1)
	s.OnChanged(func() { changed <- struct{}{} })
	w := NewWindow(a, s, []string{f})
	defer w.Close()
	select {
	case <-changed:
	case <-time.After(10 * time.Second):
		t.Fatal("the file given at start-up was not imported")
	}
	if got := len(s.Data().Observations); got != before+2 {
		t.Errorf("%d observations after the import, want %d", got, before+2)
	}
	if st, ok := s.Data().Lookup(importer.Key{City: "Hefei", Year: 2024, Period: "FY", Metric: "production"}); !ok || len(st.Observations) < 2 {
		t.Errorf("合肥 was not merged into Hefei: %+v", st)
	}
	if b, _ := os.ReadFile(f); !strings.HasPrefix(string(b), "city,year") {
		t.Error("the imported file was changed")
	}
}

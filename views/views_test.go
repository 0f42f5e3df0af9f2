package views

import (
	"fmt"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"autocities/assets"
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

// useLanguage switches the UI's words for one test; the cleanup puts
// English back.
func useLanguage(t *testing.T, code string) {
	t.Helper()
	useUILanguage(code)
	t.Cleanup(func() { useUILanguage("en") })
}

// showTab puts a tab's content in a window of the app's default size and
// waits for its charts.
func showTab(t *testing.T, content fyne.CanvasObject, charts ...*Chart) fyne.Window {
	t.Helper()
	w := test.NewTempWindow(t, content)
	settle(charts...) // the first layout may have started a render: let it land first
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

// TestTabsLook compares every tab with its golden image: in English and
// the light theme at three window sizes (800×600, 1280×800, 1920×1080),
// and in the dark theme and in Chinese at 1280×800.
func TestTabsLook(t *testing.T) {
	for _, tc := range []struct {
		code, theme string
		size        fyne.Size
	}{
		{"en", "light", fyne.NewSize(800, 540)}, {"en", "light", fyne.NewSize(1280, 740)}, {"en", "light", fyne.NewSize(1920, 1020)},
		{"en", "dark", fyne.NewSize(1280, 740)}, {"zh", "light", fyne.NewSize(1280, 740)}, {"zh", "dark", fyne.NewSize(1280, 740)},
	} {
		name := fmt.Sprintf("%s_%s_%d", tc.code, tc.theme, int(tc.size.Width))
		t.Run(name, func(t *testing.T) {
			a := newTestApp(t)
			useLanguage(t, tc.code)
			applyTheme(a, tc.theme)
			// The bundled CJK font, whatever the machine has: the
			// pictures must not depend on the system's fonts.
			a.Settings().Theme().(*variantTheme).cjk = fyne.NewStaticResource("cjk.ttf", assets.CJKFallbackFont)
			s := newTestState(t)
			c, tl, r, g, d := newCompareTab(s), newTimelineTab(s), newRankTab(s), newGlossaryTab(s), newDataTab(s)
			for _, tab := range []struct {
				name string
				obj  fyne.CanvasObject
				wait func()
			}{
				{"compare", c.tab.Content, c.chart.wait},
				{"timeline", tl.tab.Content, tl.chart.wait},
				{"rank", r.tab.Content, r.chart.wait},
				{"glossary", g.tab.Content, func() {}},
				{"data", d.tab.Content, func() { waitUI(d.done.idle) }},
			} {
				w := test.NewTempWindow(t, tab.obj)
				tab.wait()
				w.Resize(tc.size)
				tab.wait()
				test.AssertImageMatches(t, fmt.Sprintf("%s_%s.png", tab.name, name), w.Canvas().Capture())
			}
		})
	}
}

func TestChineseUI(t *testing.T) {
	newTestApp(t)
	useLanguage(t, "zh")
	s := newTestState(t)
	c := newCompareTab(s)
	showTab(t, c.tab.Content, c.chart)
	if c.tab.Text != "对比" {
		t.Errorf("Compare tab is called %q in Chinese", c.tab.Text)
	}
	if got := c.cellText(c.rows[0], 0); got != "重庆" {
		t.Errorf("first city %q, want 重庆", got)
	}
	if c.metric.Selected != "汽车产量" {
		t.Errorf("metric %q", c.metric.Selected)
	}
}

func TestCompareTab(t *testing.T) {
	newTestApp(t)
	s := newTestState(t)
	c := newCompareTab(s)
	showTab(t, c.tab.Content, c.chart)
	if c.choice.Metric != "production" || c.choice.Period != importer.FY || len(c.choice.Years) != 1 {
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

	// "Clear" empties the region selection: no rows, and the note says
	// what to do; "All" brings them back.
	test.Tap(findButton(t, c.tab.Content, "Clear"))
	settle(c.chart)
	if len(c.rows) != 0 {
		t.Errorf("with no region chosen the table still lists %d rows", len(c.rows))
	}
	if !c.note.Visible() || !strings.Contains(c.note.Text, "Tick at least one region") {
		t.Errorf("the empty chart's note: %q", c.note.Text)
	}
	test.Tap(findButton(t, c.tab.Content, "All"))
	settle(c.chart)
	if len(c.rows) == 0 {
		t.Error("All did not bring the cities back")
	}
}

func TestComparePeriodsNeverMix(t *testing.T) {
	newTestApp(t)
	c := newCompareTab(newTestState(t))
	showTab(t, c.tab.Content, c.chart)
	c.period.SetSelected(periodOption(importer.YTD(11)))
	settle(c.chart)
	if c.choice.Period != importer.YTD(11) {
		t.Fatalf("period %q", c.choice.Period)
	}
	for _, r := range c.rows {
		if r.Key.Period != importer.YTD(11) {
			t.Errorf("Jan–Nov compare lists %v", r.Key)
		}
	}
	if !strings.Contains(chartspec.Compare(c.state.Data(), c.choice).Subtitle, "Jan–Nov") {
		t.Error("the chart does not say Jan–Nov")
	}
}

func TestCompareGroupedYearsAndSort(t *testing.T) {
	newTestApp(t)
	c := newCompareTab(newTestState(t))
	showTab(t, c.tab.Content, c.chart)
	c.years.checks.SetSelected([]string{"2023", "2024"})
	settle(c.chart)
	spec := chartspec.Compare(c.state.Data(), c.choice)
	if len(spec.Groups) != 2 {
		t.Fatalf("groups %v, want 2023 and 2024", spec.Groups)
	}
	if c.sort.Selected != "Largest in 2024 first" || c.choice.Sort != "value" {
		t.Errorf("with two years the sort says %q (%s), not which year it sorts by", c.sort.Selected, c.choice.Sort)
	}
	c.sort.SetSelected("A–Z")
	settle(c.chart)
	spec = chartspec.Compare(c.state.Data(), c.choice)
	for i := 1; i < len(spec.Bars); i++ {
		if spec.Bars[i].City < spec.Bars[i-1].City {
			t.Errorf("A–Z sort: %s before %s", spec.Bars[i-1].City, spec.Bars[i].City)
		}
	}
	c.years.checks.SetSelected([]string{"2024"})
	settle(c.chart)
	if c.sort.Options[0] != "Largest first" || c.sort.Selected != "A–Z" {
		t.Errorf("one year again: options %q, chosen %q", c.sort.Options, c.sort.Selected)
	}
}

func TestCompareConflictDetail(t *testing.T) {
	newTestApp(t)
	c := newCompareTab(newTestState(t))
	showTab(t, c.tab.Content, c.chart)
	c.years.checks.SetSelected([]string{"2019"})
	settle(c.chart)
	row := -1
	for i, r := range c.rows {
		if r.Key.Region == "Chongqing" {
			row = i
		}
	}
	if row < 0 {
		t.Fatal("Chongqing 2019 not listed")
	}
	if got := c.cellText(c.rows[row], 7); !strings.HasPrefix(got, "⚠") {
		t.Errorf("sources column %q lacks the conflict marker", got)
	}
	c.table.Select(widget.TableCellID{Row: row, Col: 0})
	for _, want := range []string{"Sources disagree", "1,383,000", "1,374,600"} {
		if !strings.Contains(c.detail.Text, want) {
			t.Errorf("conflict detail %q lacks %q", c.detail.Text, want)
		}
	}
}

func TestCompareComputedYoY(t *testing.T) {
	newTestApp(t)
	c := newCompareTab(newTestState(t))
	showTab(t, c.tab.Content, c.chart)
	for _, r := range c.rows {
		if r.Key.Region == "Chongqing" && r.Key.Year == 2025 {
			if got := c.cellText(r, 6); got != "+9.8%" {
				t.Errorf("computed YoY of Chongqing 2025 = %q, want +9.8%% (2,788,000 / 2,540,000)", got)
			}
			if got := c.cellText(r, 5); got != "+9.7%" {
				t.Errorf("stated YoY %q, want +9.7%%", got)
			}
		}
	}
}

func TestTimelineTab(t *testing.T) {
	newTestApp(t)
	tl := newTimelineTab(newTestState(t))
	showTab(t, tl.tab.Content, tl.chart)
	if len(tl.eventRows) == 0 {
		t.Fatal("Chongqing's events are not listed")
	}
	if !strings.Contains(tl.progress.Text, "target met") || !strings.Contains(tl.progress.Text, "107%") {
		t.Errorf("progress %q, want 2025 met at 107%%", tl.progress.Text)
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
	if got := tl.detail.Text; !strings.Contains(got, e.Title) || !strings.Contains(got, "Source") {
		t.Errorf("event detail %q lacks the title or source", got)
	}
	if sameImage(before, chartImage(t, tl.chart)) {
		t.Error("selecting an event did not change the chart")
	}

	// Several cities: one line each.
	tl.regions.set([]string{"Chongqing", "Shenzhen"})
	settle(tl.chart)
	if spec := chartspec.Timeline(tl.state.Data(), tl.choice); len(spec.Series) != 2 {
		t.Errorf("%d lines for two cities", len(spec.Series))
	}
}

func TestTimelineProjection(t *testing.T) {
	newTestApp(t)
	s := newTestState(t)
	d := s.Data().Clone()
	d.Remove(func(o importer.Observation) bool {
		return o.Region == "Chongqing" && o.Year == 2025 && o.Period == importer.FY
	})
	s.SetData(d, nil)
	tl := newTimelineTab(s)
	showTab(t, tl.tab.Content, tl.chart)
	for _, want := range []string{"96%", "2.60 million vehicles", "Projection", "2.73 million vehicles", "not a stated figure"} {
		if !strings.Contains(tl.progress.Text, want) {
			t.Errorf("progress %q lacks %q", tl.progress.Text, want)
		}
	}
}

func TestRankTab(t *testing.T) {
	newTestApp(t)
	r := newRankTab(newTestState(t))
	showTab(t, r.tab.Content, r.chart)
	if !strings.Contains(r.stated.Text, "Chongqing") || !strings.Contains(r.stated.Text, "2019 full year: 7th") {
		t.Errorf("stated ranks %q", r.stated.Text)
	}
	before := chartImage(t, r.chart)
	r.regions.set([]string{"Chongqing", "Guangzhou"})
	settle(r.chart)
	if sameImage(before, chartImage(t, r.chart)) {
		t.Error("adding Guangzhou did not change the rank chart")
	}
}

func TestGlossaryTab(t *testing.T) {
	newTestApp(t)
	g := newGlossaryTab(newTestState(t))
	showTab(t, g.tab.Content)
	test.Type(g.search, "渝")
	if len(g.shown) != 1 || g.shown[0].Term != "Chongqing" {
		t.Errorf("searching the abbreviation 渝 found %v, want Chongqing", termNames(g.shown))
	}
	g.search.SetText("chang'an")
	if len(g.shown) < 2 {
		t.Errorf("Chang'an should show both senses, got %v", termNames(g.shown))
	}
	g.list.Select(0)
	if !strings.Contains(richText(g.detail), "senses") {
		t.Errorf("detail does not say Chang'an has several senses: %q", richText(g.detail))
	}
	// A related term is a link that opens that term.
	link := g.related.Objects[len(g.related.Objects)-1].(*widget.Hyperlink)
	link.OnTapped() // test.Tap misses: a hyperlink only takes taps on its text
	if !strings.Contains(richText(g.detail), link.Text) || g.search.Text != "" {
		t.Errorf("tapping %q did not open it: %q", link.Text, richText(g.detail))
	}
}

func TestDataTab(t *testing.T) {
	newTestApp(t)
	s := newTestState(t)
	d := newDataTab(s)
	showTab(t, d.tab.Content)
	waitUI(d.done.idle)
	if len(d.rows) != s.Data().Count() {
		t.Errorf("the table lists %d of %d observations", len(d.rows), s.Data().Count())
	}
	if len(d.conflictRows) == 0 {
		t.Error("the known conflicts are not listed")
	}
	// Filtering: every word must match a cell.
	test.Type(d.filter, "shenzhen 2022")
	waitUI(d.done.idle)
	kept := map[importer.Key]bool{}
	for _, o := range obsRows(d) {
		kept[o.Key()] = true
		if !rowShows(s.Data(), o, "shenzhen") || !rowShows(s.Data(), o, "2022") {
			t.Errorf("filter kept %v", o.Key())
		}
	}
	for o := range s.Data().Observations() {
		if o.Region == "Shenzhen" && o.Year == 2022 && !kept[o.Key()] {
			t.Errorf("filter lost %v", o.Key())
		}
	}
	if len(d.rows) == 0 || !strings.HasPrefix(d.count.Text, fmt.Sprint(len(d.rows))) {
		t.Errorf("filter left %d rows, count says %q", len(d.rows), d.count.Text)
	}
	// Sorting by value, then reversed.
	d.filter.SetText("")
	d.obs.sortBy(colValue)
	waitUI(d.done.idle)
	rows := obsRows(d)
	if rows[0].Value > rows[len(rows)-1].Value {
		t.Error("sort by value is not ascending")
	}
	d.obs.sortBy(colValue)
	waitUI(d.done.idle)
	rows = obsRows(d)
	if rows[0].Value < rows[len(rows)-1].Value {
		t.Error("a second tap does not reverse the sort")
	}
	d.inner.SelectIndex(3) // Import report
	if !strings.Contains(d.report.Text, "observations") {
		t.Errorf("report %q", d.report.Text)
	}
}

func TestChoicesSurviveDataChange(t *testing.T) {
	newTestApp(t)
	s := newTestState(t)
	c := newCompareTab(s)
	showTab(t, c.tab.Content, c.chart)
	c.metric.SetSelected("NEV production")
	c.unit.SetSelected("10k vehicles (万辆)")
	s.SetData(s.Data().Clone(), s.Report())
	settle(c.chart)
	if c.choice.Metric != "nev_production" || c.choice.Unit != "10k" {
		t.Errorf("after new data the choice is %+v", c.choice)
	}
	// The unit is remembered for the next chart of vehicles.
	tl := newTimelineTab(s)
	if tl.choice.Unit != "10k" {
		t.Errorf("the Timeline did not pick up the remembered unit: %q", tl.choice.Unit)
	}
}

func TestWindowImportsStartupFiles(t *testing.T) {
	a := newTestApp(t)
	s := newTestState(t)
	before := s.Data().Count()
	f := filepath.Join(t.TempDir(), "dropped.csv")
	if err := os.WriteFile(f, []byte("city,year,period,metric,value,unit\n合肥,2024,FY,production,1910900,vehicles\nWuhu,2024,FY,production,1000,vehicles\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	changed := make(chan struct{}, 1)
	s.OnChanged(func() { notify(changed) })
	w := NewWindow(a, s, nil)
	defer w.Close()
	u := s.ui
	u.previewShown = make(chan *preview, 1)
	u.importPaths([]string{f}) // what NewWindow does with the files it is given
	p, ok := receive(u.previewShown, 10*time.Second)
	if !ok {
		t.Fatal("the file given at start-up got no import preview")
	}
	if len(p.sampleRows) != 2 || p.sampleRows[0].Region != "Hefei" || p.res.rep.Rows != 2 {
		t.Errorf("the preview's first rows: %+v", p.sampleRows)
	}
	p.finish(true) // Merge
	if _, ok := receive(changed, 10*time.Second); !ok {
		t.Fatal("Merge did not change the data")
	}
	quiet(s.ui)
	if got := s.Data().Count(); got != before+2 {
		t.Errorf("%d observations after the import, want %d", got, before+2)
	}
	if st, ok := s.Data().Lookup(importer.Key{Region: "Hefei", Year: 2024, Period: importer.FY, Metric: "production"}); !ok || len(st.Observations) < 2 {
		t.Errorf("合肥 was not merged into Hefei: %+v", st)
	}
	if b, _ := os.ReadFile(f); !strings.HasPrefix(string(b), "city,year") {
		t.Error("the imported file was changed")
	}
	if got := s.ImportedFiles(); len(got) != 1 || got[0] != f {
		t.Errorf("imported files %v", got)
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

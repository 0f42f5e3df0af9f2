package views

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"autocities/charts"
	"autocities/views/chartspec"
	"autocities/views/clipboard"
)

var testWords = clipWords{Region: "Region", Unit: "Unit", Approx: "~ approximate: %s", MoreThan: "> more than: %s",
	ValueAt: "%[1]s %[2]s", Sep: ", "}

// TestChartTable: the values drawn as a spreadsheet takes them — a
// header, a row per region in the order drawn, plain numbers, empty cells
// for missing values, the unit; the texts and sources under the table.
func TestChartTable(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		name string
		spec charts.Spec
		want string
		rows int
	}{
		{"grouped bars with a missing value, marks and float noise", charts.Compare{
			Text:   charts.Text{Title: "Vehicle production by city", Subtitle: "2023 vs 2024", ValueAxis: "10k vehicles", Footer: "Sources: CAAM; NBS"},
			Groups: []string{"2023", "2024"},
			Bars: []charts.CompareBar{
				{City: "Chongqing", Values: []float64{2320000.0 / 1e4, 2532000.0000000005 / 1e4}},
				{City: "Wuhan", Values: []float64{nan, 150}, Marks: []string{"", "~"}},
				{City: "Hefei", Values: []float64{1e10 / 1e4, 0.5}, Marks: []string{">", ""}},
			}},
			"Region\t2023\t2024\tUnit\nChongqing\t232\t253.2\t10k vehicles\nWuhan\t\t150\t10k vehicles\nHefei\t1000000\t0.5\t10k vehicles\n\n" +
				"Vehicle production by city\n2023 vs 2024\n~ approximate: Wuhan 2024\n> more than: Hefei 2023\nSources: CAAM; NBS\n", 3},
		{"a timeline with a part year, a missing year and a pointer", &charts.Timeline{
			Text: charts.Text{Title: "Chongqing", ValueAxis: "Million vehicles", Footer: "Source: iChongqing\n(and 2 more)"},
			Series: []charts.Series{
				{City: "Chongqing", Points: []charts.Point{{Year: 2023, Value: 2.3}, {Year: 2025, Value: 2.5, Partial: true, Label: "Jan–Nov"}, {Year: 2024, Value: 2.54}}},
				{City: "Shanghai", Points: []charts.Point{{Year: 2024, Value: 1.6, Mark: "~"}}},
			}},
			"Region\t2023\t2024\t2025 Jan–Nov\tUnit\nChongqing\t2.3\t2.54\t2.5\tMillion vehicles\nShanghai\t\t1.6\t\tMillion vehicles\n\n" +
				"Chongqing\n~ approximate: Shanghai 2024\nSource: iChongqing\n(and 2 more)\n", 2},
		{"ranks; names a spreadsheet would run as formulas, tabs inside", charts.Rank{
			Text: charts.Text{Title: "Rank", Subtitle: "=cmd|' /C calc'!A0", ValueAxis: "Rank"},
			Series: []charts.Series{
				{City: "=HYPERLINK(\"x\")", Points: []charts.Point{{Year: 2016, Value: 1}}},
				{City: "Xi'an\tnorth", Points: []charts.Point{{Year: 2016, Value: 12}}},
			}},
			"Region\t2016\tUnit\n'=HYPERLINK(\"x\")\t1\tRank\nXi'an north\t12\tRank\n\nRank\n'=cmd|' /C calc'!A0\n", 2},
		{"no data", charts.Compare{Text: charts.Text{Title: "Nothing"}},
			"Region\tUnit\n\nNothing\n", 0},
	}
	for _, c := range cases {
		got, rows := chartTable(c.spec, testWords)
		if got != c.want || rows != c.rows {
			t.Errorf("%s:\n got (%d rows)\n%s\nwant (%d rows)\n%s", c.name, rows, got, c.rows, c.want)
		}
	}
}

// defaultSpec is the chart a tab of that kind shows on the default data.
func defaultSpec(t *testing.T, kind string) charts.Spec {
	t.Helper()
	d, _, err := DefaultData()
	if err != nil {
		t.Fatal(err)
	}
	c := chartspec.Defaults(d, kind)
	c.Lang = uiLang()
	spec, err := chartspec.Build(d, c)
	if err != nil {
		t.Fatal(err)
	}
	return spec
}

// orange counts Chongqing's pixels (its orange in the chart's theme).
func orange(img image.Image, theme charts.Theme) int {
	want := charts.Colors([]string{"Chongqing"}, theme)[0]
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA); c == want {
				n++
			}
		}
	}
	return n
}

// TestChartPayload: the default Compare chart as the clipboard gets it —
// a PNG of the size asked, with Chongqing's bar, on the background asked;
// an SVG; the values as text.
func TestChartPayload(t *testing.T) {
	spec := defaultSpec(t, chartspec.KindCompare)
	cases := []struct {
		name        string
		opts        charts.Options
		w, h        int
		transparent bool
	}{
		{"16:9 light", charts.Options{Width: 1920, Height: 1080}, 1920, 1080, false},
		{"16:9 at 2×, transparent for a dark slide", charts.Options{Width: 1920, Height: 1080, Scale: 2, Theme: charts.Dark, Transparent: true}, 3840, 2160, true},
		{"1:1 dark", charts.Options{Width: 1080, Height: 1080, Theme: charts.Dark}, 1080, 1080, false},
	}
	for _, c := range cases {
		p, err := buildChartPayload(spec, c.opts, testWords)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		img, err := png.Decode(bytes.NewReader(p.PNG))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if b := img.Bounds(); b.Dx() != c.w || b.Dy() != c.h || p.Image.Bounds() != b {
			t.Errorf("%s: PNG %v, image %v, want %dx%d", c.name, b, p.Image.Bounds(), c.w, c.h)
		}
		if n := orange(img, c.opts.Theme); n < 2000 {
			t.Errorf("%s: %d pixels of Chongqing's orange; the chart is not drawn", c.name, n)
		}
		if _, _, _, a := img.At(0, 0).RGBA(); (a == 0) != c.transparent {
			t.Errorf("%s: the corner's alpha is %d", c.name, a)
		}
		if !bytes.Contains(p.SVG[:min(len(p.SVG), 400)], []byte("<svg")) || !bytes.Contains(p.SVG, []byte("Chongqing")) {
			t.Errorf("%s: the SVG is not the chart: %.200q", c.name, p.SVG)
		}
		if !strings.HasPrefix(p.Text, "Region\t2025\tUnit\nChongqing\t") {
			t.Errorf("%s: text %.200q", c.name, p.Text)
		}
		t.Logf("%s: PNG %d KiB, SVG %d KiB", c.name, len(p.PNG)>>10, len(p.SVG)>>10)
	}
}

// fakeClipboard takes what the app copies, for a test.
func fakeClipboard(t *testing.T, err error) *[]clipboard.Content {
	t.Helper()
	var got []clipboard.Content
	old := writeClipboard
	writeClipboard = func(c clipboard.Content) error {
		got = append(got, c)
		return err
	}
	t.Cleanup(func() { writeClipboard = old })
	return &got
}

// copied presses a key, waits for the copy and returns what it put on the
// clipboard and the note shown.
func copied(t *testing.T, ui *ui, got *[]clipboard.Content, key fyne.KeyName) (clipboard.Content, string) {
	t.Helper()
	n := len(*got)
	press(ui.win, key, fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift)
	waitUI(ui.clip.pending.idle)
	if len(*got) != n+1 {
		t.Fatalf("Ctrl+Shift+%s put nothing on the clipboard", key)
	}
	if !ui.clip.note.note.Visible() {
		t.Errorf("Ctrl+Shift+%s: no note", key)
	}
	return (*got)[n], ui.clip.note.text.Text
}

// TestCopyShortcuts: Ctrl/Cmd+Shift+C copies the chart in front (16:9 on
// light at first), Ctrl/Cmd+Shift+D its values, whatever has the focus; a
// note says so.
func TestCopyShortcuts(t *testing.T) {
	a := newTestApp(t)
	s := newTestState(t)
	w := NewWindow(a, s, nil)
	defer w.Close()
	got := fakeClipboard(t, nil)
	ui := s.ui
	for i, focus := range []func(){func() { w.Canvas().Unfocus() }, func() { w.Canvas().Focus(ui.data.filter) }} {
		ui.tabs.SelectIndex(0)
		focus()
		c, note := copied(t, ui, got, fyne.KeyC)
		checkPicture(t, c, 1920, 1080, charts.Light)
		if note != "Chart copied — 1920×1080 PNG" {
			t.Errorf("focus %d: note %q", i, note)
		}
		c, note = copied(t, ui, got, fyne.KeyD)
		if c.PNG != nil || !strings.Contains(c.Text, "\nChongqing\t") {
			t.Errorf("focus %d: Copy data gave a picture, or text %.80q", i, c.Text)
		}
		if note != "Data copied — 3 rows, tab-separated" {
			t.Errorf("focus %d: note %q", i, note)
		}
	}
	// The Timeline tab: its chart, a row of years.
	ui.tabs.SelectIndex(1)
	if c, _ := copied(t, ui, got, fyne.KeyD); !strings.HasPrefix(c.Text, "Region\t2014\t") {
		t.Errorf("Timeline: %.80q", c.Text)
	}
}

// checkPicture: a copied chart is a PNG of the size, an SVG and text, with
// the background's colour under the bitmap.
func checkPicture(t *testing.T, c clipboard.Content, w, h int, theme charts.Theme) {
	t.Helper()
	if cfg, err := png.DecodeConfig(bytes.NewReader(c.PNG)); err != nil || cfg.Width != w || cfg.Height != h {
		t.Errorf("PNG %dx%d, %v; want %dx%d", cfg.Width, cfg.Height, err, w, h)
	}
	if c.SVG == nil || !strings.HasPrefix(c.Text, "Region\t") || c.Matte != charts.Background(theme) {
		t.Errorf("SVG %d bytes, text %.40q, matte %v", len(c.SVG), c.Text, c.Matte)
	}
}

// TestCopyFormat: Edit → Copy chart size and background ticks what is
// chosen, and Copy chart follows it.
func TestCopyFormat(t *testing.T) {
	a := newTestApp(t)
	s := newTestState(t)
	w := NewWindow(a, s, nil)
	defer w.Close()
	got := fakeClipboard(t, nil)
	format := s.ui.clip.format
	for _, label := range []string{"1:1 (1080×1080)", "Dark background", "2× pixels (sharp on high-resolution screens)"} {
		item := menuItem(t, format, label)
		item.Action()
		if !item.Checked {
			t.Errorf("%s is not ticked once chosen", label)
		}
	}
	if menuItem(t, format, "16:9 (1920×1080)").Checked || menuItem(t, format, "Light background").Checked {
		t.Error("the formats not chosen are still ticked")
	}
	c, note := copied(t, s.ui, got, fyne.KeyC)
	checkPicture(t, c, 2160, 2160, charts.Dark)
	if note != "Chart copied — 2160×2160 PNG" {
		t.Errorf("note %q", note)
	}
}

func menuItem(t *testing.T, m *fyne.Menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, it := range m.Items {
		if it.Label == label {
			return it
		}
	}
	t.Fatalf("no %q in the menu", label)
	return nil
}

// TestCopyFails: a session with no clipboard says so in a dialog, with
// what to do instead; another failure says what went wrong.
func TestCopyFails(t *testing.T) {
	a := newTestApp(t)
	s := newTestState(t)
	w := NewWindow(a, s, nil)
	defer w.Close()
	cases := []struct {
		err  error
		want []string
	}{
		{fmt.Errorf("%w: no X display (DISPLAY is not set)", clipboard.ErrUnavailable),
			[]string{"Cannot copy: no clipboard in this session: no X display (DISPLAY is not set).", "File → Export chart…"}},
		{errors.New("another program keeps the clipboard open"),
			[]string{"Could not copy to the clipboard: another program keeps the clipboard open"}},
	}
	for _, c := range cases {
		fakeClipboard(t, c.err)
		press(w, fyne.KeyD, fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift)
		waitUI(s.ui.clip.pending.idle)
		if s.ui.clip.note.note.Visible() {
			t.Error("a note says it copied")
		}
		msg := overlayText(w)
		for _, want := range c.want {
			if !strings.Contains(msg, want) {
				t.Errorf("the dialog says %q, want %q", msg, want)
			}
		}
		for w.Canvas().Overlays().Top() != nil {
			w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
		}
	}
}

// TestChartContextMenu: a right click on the chart offers the copies.
func TestChartContextMenu(t *testing.T) {
	a := newTestApp(t)
	s := newTestState(t)
	w := NewWindow(a, s, nil)
	defer w.Close()
	got := fakeClipboard(t, nil)
	s.ui.charts[0].chart.TappedSecondary(&fyne.PointEvent{AbsolutePosition: fyne.NewPos(300, 200)})
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("a right click on the chart shows nothing")
	}
	text := overlayText(w)
	for _, want := range []string{"Copy chart", "Copy data", "Copy chart size and background", "Export chart…"} {
		if !strings.Contains(text, want+"\n") {
			t.Errorf("the chart's menu lacks %q: %q", want, text)
		}
	}
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	menuItem(t, s.ui.chartMenu(), "Copy chart").Action()
	waitUI(s.ui.clip.pending.idle)
	if len(*got) != 1 || (*got)[0].PNG == nil {
		t.Error("the context menu's Copy chart copied no picture")
	}
}

// overlayText is the text over the window: a dialog's labels, a menu's
// items.
func overlayText(w fyne.Window) string {
	var b strings.Builder
	for _, o := range w.Canvas().Overlays().List() {
		walk(o, func(o fyne.CanvasObject) {
			switch x := o.(type) {
			case *widget.Label:
				b.WriteString(x.Text + "\n")
			case *canvas.Text:
				b.WriteString(x.Text + "\n")
			}
		})
	}
	return b.String()
}

func walk(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch c := o.(type) {
	case *fyne.Container:
		for _, x := range c.Objects {
			walk(x, f)
		}
	case fyne.Widget:
		for _, x := range test.WidgetRenderer(c).Objects() {
			walk(x, f)
		}
	}
}

// TestCopyInChinese: in the Chinese UI the table's header, the regions,
// the unit and the notes are Chinese.
func TestCopyInChinese(t *testing.T) {
	useLanguage(t, "zh")
	a := newTestApp(t)
	s := newTestState(t)
	w := NewWindow(a, s, nil)
	defer w.Close()
	got := fakeClipboard(t, nil)
	c, note := copied(t, s.ui, got, fyne.KeyD)
	if !strings.HasPrefix(c.Text, "地区\t2025\t单位\n重庆\t") || !strings.Contains(c.Text, "\t万辆\n") {
		t.Errorf("text %.120q", c.Text)
	}
	if note != "数据已复制——3 行，以制表符分隔" {
		t.Errorf("note %q", note)
	}
	if _, note = copied(t, s.ui, got, fyne.KeyC); note != "图表已复制——1920×1080 PNG" {
		t.Errorf("note %q", note)
	}
}

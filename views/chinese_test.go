package views

import (
	"regexp"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"autocities/importer"
)

// texts collects the words an object shows: labels, buttons, selects,
// checks, entries' placeholders, rich text, hyperlinks; its children's too.
func texts(t *testing.T, o fyne.CanvasObject) []string {
	var out []string
	switch w := o.(type) {
	case *widget.Label:
		out = append(out, w.Text)
	case *widget.Button:
		out = append(out, w.Text)
	case *widget.Select:
		out = append(out, w.Selected)
		out = append(out, w.Options...)
	case *widget.Check:
		out = append(out, w.Text)
	case *widget.Entry:
		out = append(out, w.PlaceHolder)
	case *widget.RichText:
		out = append(out, w.String())
	case *widget.Hyperlink:
		out = append(out, w.Text)
	}
	switch c := o.(type) {
	case *fyne.Container:
		for _, child := range c.Objects {
			out = append(out, texts(t, child)...)
		}
	case fyne.Widget:
		for _, child := range test.TempWidgetRenderer(t, c).Objects() {
			out = append(out, texts(t, child)...)
		}
	}
	return out
}

// englishSentence is three English words in a row: a sentence, not a name
// or a unit written in a file.
var englishSentence = regexp.MustCompile(`[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}`)

// TestChineseUIHasNoEnglishSentence walks every tab of the window in
// Chinese, as drawn: no label, button, choice or heading may hold an
// English sentence. Data the user reads as data stays as the sources
// wrote it (source titles, notes), so the Data tab's table cells and the
// sources are left out; so are the region names' English beside their
// Chinese ones.
func TestChineseUIHasNoEnglishSentence(t *testing.T) {
	a := newTestApp(t)
	useLanguage(t, "zh")
	s := newTestState(t)
	w := NewWindow(a, s, nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1280, 800))
	u := s.ui
	quiet(u) // the renders the resize asked for land before the tabs are laid out again
	for i, tab := range u.tabs.Items {
		u.tabs.SelectIndex(i)
		for _, ct := range u.chartTabs() {
			ct.chart.wait()
		}
		waitUI(u.data.done.idle)
		for _, s := range texts(t, tab.Content) {
			if m := englishSentence.FindString(s); m != "" && !isData(u.state.Data(), s) {
				t.Errorf("tab %s shows English: %q (in %q)", tab.Text, m, s)
			}
		}
	}
}

// isData: the text is data as the sources wrote it (a source's title, a
// figure's note), or a name beside its Chinese (Liangjiang New Area
// 两江新区), not the UI's words.
func isData(d *importer.DataSet, s string) bool {
	if han.MatchString(s) {
		return true
	}
	for _, src := range d.Sources {
		if s == src.Title || s == src.Publisher {
			return true
		}
	}
	for o := range d.Observations() {
		if s == o.Note {
			return true
		}
	}
	return false
}

var han = regexp.MustCompile(`\p{Han}`)

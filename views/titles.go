package views

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"autocities/importer"
	"autocities/views/chartspec"
)

// The chart's words and emphasis: Edit → Chart titles…, or a double click
// on a chart, opens a dialog for the chart's title, subtitle and note
// (kept in the data set, so they are saved with the workspace, go into
// every export and the deck, and undo like any change) and for how it is
// drawn: one region highlighted, the same part of each year.

// hookTitles lets a double click on each chart open its titles.
func (u *ui) hookTitles() {
	for _, t := range u.chartTabs() {
		t.chart.OnDoubleTapped = func() { u.editTitlesOf(t) }
	}
}

// editTitles edits the chart in front.
func (u *ui) editTitles() { u.editTitlesOf(u.current()) }

func (u *ui) editTitlesOf(t *chartTab) {
	d := u.state.Data()
	c := t.choice
	c.Lang = uiLang()
	def := chartspec.DefaultTexts(d, c)
	cur, _ := d.ChartTitle(c.Signature())
	title := &widget.Entry{Text: cur.Title, PlaceHolder: def.Title}
	subtitle := &widget.Entry{Text: cur.Subtitle, PlaceHolder: def.Subtitle}
	note := &widget.Entry{Text: cur.Note, PlaceHolder: T("ui.note_placeholder"), MultiLine: true, Wrapping: fyne.TextWrapWord}
	for _, e := range []*widget.Entry{title, subtitle, note} {
		e.ExtendBaseWidget(e)
	}
	regions := highlightRegions(d, c)
	options := append([]string{T("ui.no_highlight")}, regions...)
	highlight := widget.NewSelect(options, nil)
	highlight.SetSelectedIndex(max(0, slices.Index(regions, c.Highlight)+1))
	same := widget.NewCheck(T("ui.same_period"), nil)
	same.SetChecked(c.SamePeriod)
	items := []*widget.FormItem{
		widget.NewFormItem(T("ui.title"), title),
		widget.NewFormItem(T("ui.subtitle"), subtitle),
		widget.NewFormItem(T("ui.note"), note),
		widget.NewFormItem(T("ui.highlight"), highlight),
	}
	if c.Kind == chartspec.KindTimeline {
		items = append(items, widget.NewFormItem("", same))
	}
	form := dialog.NewForm(T("ui.chart_titles"), T("ui.save"), T("ui.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		hl := ""
		if i := highlight.SelectedIndex(); i > 0 {
			hl = regions[i-1]
		}
		words := importer.ChartTitle{Chart: c.Signature(), Title: title.Text, Subtitle: subtitle.Text, Note: note.Text}
		u.applyTitles(t, words, hl, same.Checked)
	}, u.win)
	form.Resize(fyne.NewSize(640, 420))
	form.Show()
}

// applyTitles sets how a chart is drawn and its words, for the chart as
// now drawn (one undoable change, named after the chart's own title).
func (u *ui) applyTitles(t *chartTab, words importer.ChartTitle, highlight string, samePeriod bool) {
	t.choice.Highlight, t.choice.SamePeriod = highlight, samePeriod
	words.Chart = t.choice.Signature()
	d := u.state.Data()
	cur, _ := d.ChartTitle(words.Chart)
	cur.Chart = words.Chart
	if words != cur {
		c := t.choice
		c.Lang = uiLang()
		u.state.Change(d.WithChartTitle(words), u.state.Report(), fmt.Sprintf(T("ui.titles_of_s"), chartspec.DefaultTexts(d, c).Title))
	}
	t.chart.Update()
}

// highlightRegions are the regions a chart can highlight: those chosen,
// else every region with a figure of its metric.
func highlightRegions(d *importer.DataSet, c chartspec.Choice) []string {
	if len(c.Cities) > 0 {
		return slices.Clone(c.Cities)
	}
	return d.RegionsWith(c.Metric)
}

package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"autocities/importer"
	"autocities/views/chartspec"
)

// timeline is the Timeline tab: one or several cities' figures over years,
// the target and progress towards it, and the events beside the chart.
type timeline struct {
	*chartTab

	shown     *widget.Select // which events the chart draws
	progress  *widget.Label
	events    *widget.List
	detail    *widget.Label
	eventRows []importer.Event
}

func newTimelineTab(s *State) *timeline {
	t := &timeline{}
	t.chartTab = newChartTab(s, chartspec.KindTimeline, t, true)
	t.shown = widget.NewSelect(eventChoices(), nil)
	t.shown.SetSelectedIndex(0)
	t.shown.OnChanged = func(string) {
		t.choice.Events = []string{chartspec.EventsKey, chartspec.EventsAll, chartspec.EventsNone}[max(0, t.shown.SelectedIndex())]
		t.chart.Update()
	}
	t.progress = widget.NewLabel("")
	t.progress.Wrapping = fyne.TextWrapWord
	t.detail = widget.NewLabel(T("ui.select_an_event_to_see_its"))
	t.detail.Wrapping = fyne.TextWrapWord
	t.events = widget.NewList(
		func() int { return len(t.eventRows) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			e := t.eventRows[id]
			o.(*widget.Label).SetText(e.Date + "  " + e.Title)
		})
	t.events.OnSelected = t.onEvent

	top := container.NewVBox(
		container.NewHBox(label("ui.metric"), wide(t.metric, 250), label("ui.unit"), wide(t.unit, 200),
			label("ui.events_on_chart"), wide(t.shown, 260)),
		t.citiesRow(),
	)
	side := container.NewVSplit(
		container.NewBorder(widget.NewLabelWithStyle(T("ui.events"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, t.events),
		container.NewVScroll(t.detail))
	side.Offset = 0.62
	left := container.NewBorder(nil, t.progress, nil, nil, t.chart)
	split := container.NewHSplit(left, side)
	split.Offset = 0.68
	t.start(T("ui.timeline"), container.NewBorder(top, nil, nil, nil, split))
	return t
}

func (t *timeline) metrics() []importer.Metric { return importer.Metrics }

func (t *timeline) metricChanged() {
	t.cities.offer(t.state.Data().RegionsWith(t.choice.Metric), t.choice.Cities)
}

func (t *timeline) choiceChanged() {
	t.eventRows = chartspec.Events(t.state.Data(), t.choice.Cities)
	t.events.UnselectAll()
	t.events.Refresh()
	t.detail.SetText(T("ui.select_an_event_to_see_its"))
	t.progress.SetText(t.progressText())
}

// progressText says how each chosen city stands against its targets.
func (t *timeline) progressText() string {
	u := chartspec.Unit(t.choice.Metric, t.choice.Unit)
	c := t.choice
	c.Lang = uiLang()
	var lines []string
	for _, city := range t.choice.Cities {
		for _, p := range chartspec.TargetProgress(t.state.Data(), city, t.choice.Metric) {
			lines = append(lines, cityLabel(city)+" "+c.Sentence(p, u))
		}
	}
	return strings.Join(lines, "\n")
}

func (t *timeline) onEvent(id widget.ListItemID) {
	e := t.eventRows[id]
	t.choice.Event = id
	src := e.SourceID
	if s, ok := t.state.Data().Source(e.SourceID); ok {
		src = fmt.Sprintf("%s (%s)\n%s", s.Title, s.Publisher, s.URL)
	}
	t.detail.SetText(fmt.Sprintf("%s · %s · %s\n%s\n\n%s\n\n%s: %s", e.Date, cityLabel(e.City), typeLabel(e.Kind),
		e.Title, e.Detail, T("ui.source"), src))
	t.chart.Update()
}

func eventChoices() []string {
	return []string{T("ui.key_events_rankings_companies"), T("ui.all_events"), T("ui.no_events")}
}

package views

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"autocities/importer"
	"autocities/views/chartspec"
)

func init() {
	registerTab(chartspec.KindTimeline, func(s *State) *chartTab { return newTimelineTab(s).chartTab })
}

// timeline is the Timeline tab: one or several regions' figures over
// years, the target and progress towards it, and the events under the
// chart.
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
	t.shown.SetSelectedIndex(max(0, slices.Index([]string{chartspec.EventsKey, chartspec.EventsAll, chartspec.EventsNone}, t.choice.Events)))
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
			o.(*widget.Label).SetText(e.Date + "  " + eventTitle(e))
		})
	t.events.OnSelected = t.onEvent
	controls := []fyne.CanvasObject{labelled("ui.metric", wide(t.metric, 230)), labelled("ui.unit", wide(t.unit, 190)),
		labelled("ui.events_on_chart", wide(t.shown, 250))}
	events := container.NewBorder(widget.NewLabelWithStyle(T("ui.events"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, t.events)
	split := container.NewHSplit(events, container.NewVScroll(t.detail))
	split.Offset = 0.5
	t.start(T("ui.timeline"), controls, container.NewBorder(t.progress, nil, nil, nil, container.New(atLeast{h: 110}, split)))
	return t
}

func (t *timeline) metrics(d *importer.DataSet) []importer.Metric { return metricsWithData(d, nil) }

func (t *timeline) metricChanged() {}

func (t *timeline) ranking() []string { return t.byLatestValue() }

func (t *timeline) defaultRegions(offered []string) []string { return t.pickDefault(offered) }

func (t *timeline) missing() ([]string, string) {
	return t.withoutPoints(), metricLabel(t.choice.Metric)
}

func (t *timeline) choiceChanged() {
	t.eventRows = chartspec.Events(t.state.Data(), t.choice.Cities)
	t.events.UnselectAll()
	t.events.Refresh()
	t.detail.SetText(T("ui.select_an_event_to_see_its"))
	t.progress.SetText(t.progressText())
	t.progress.Hidden = t.progress.Text == ""
}

// progressText says how each chosen city stands against its targets.
func (t *timeline) progressText() string {
	u := chartspec.Unit(t.state.Data().KindOf(t.choice.Metric), t.choice.Unit, uiLang())
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
		eventTitle(e), eventDetail(e), T("ui.source"), src))
	t.chart.Update()
}

func eventChoices() []string {
	return []string{T("ui.key_events_rankings_companies"), T("ui.all_events"), T("ui.no_events")}
}

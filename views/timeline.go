package views

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"autocities/importer"
	"autocities/views/chartspec"
)

// timeline is the Timeline tab: a city's figures over years with its events
// listed beside the chart.
type timeline struct {
	state  *State
	choice chartspec.Choice
	tab    *container.TabItem

	city, metric, unit *widget.Select
	chart              *Chart
	events             *widget.List
	detail             *widget.Label
	eventRows          []importer.Event
	updating           bool
}

func newTimelineTab(s *State) *timeline {
	t := &timeline{state: s, choice: chartspec.Defaults(s.Data(), chartspec.KindTimeline)}
	t.city = widget.NewSelect(nil, func(string) { t.onChoice() })
	t.metric = widget.NewSelect(metricOptions(), func(string) { t.onMetric() })
	t.unit = widget.NewSelect(nil, func(string) { t.onChoice() })
	t.chart = NewChart(t.spec, s.ChartTheme)
	t.detail = widget.NewLabel("Select an event to see its detail and source.")
	t.detail.Wrapping = fyne.TextWrapWord
	t.events = widget.NewList(
		func() int { return len(t.eventRows) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			e := t.eventRows[id]
			o.(*widget.Label).SetText(e.Date + "  " + e.Title)
			o.(*widget.Label).Truncation = fyne.TextTruncateEllipsis
		})
	t.events.OnSelected = t.onEvent
	t.events.OnUnselected = func(widget.ListItemID) { t.choice.Event = -1; t.chart.Update() }
	s.OnChanged(t.reload)
	t.reload()

	top := container.NewHBox(widget.NewLabel("City"), wide(t.city, 160), widget.NewLabel("Metric"), wide(t.metric, 260),
		widget.NewLabel("Unit"), wide(t.unit, 210))
	side := container.NewBorder(widget.NewLabelWithStyle("Events", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewVScroll(t.detail), nil, nil, t.events)
	split := container.NewHSplit(t.chart, side)
	split.Offset = 0.68
	t.tab = container.NewTabItem("Timeline", container.NewBorder(top, nil, nil, nil, split))
	return t
}

func (t *timeline) spec() any { return chartspec.Timeline(t.state.Data(), t.choice) }

func (t *timeline) reload() {
	t.updating = true
	cities := t.state.Data().Cities()
	t.city.Options = cities
	if len(t.choice.Cities) == 0 || !slices.Contains(cities, t.choice.Cities[0]) {
		t.choice.Cities = []string{"Chongqing"}
		if !slices.Contains(cities, "Chongqing") && len(cities) > 0 {
			t.choice.Cities = cities[:1]
		}
	}
	t.city.SetSelected(t.choice.Cities[0])
	t.metric.SetSelected(importer.MetricLabel(t.choice.Metric))
	t.updating = false
	t.onMetric()
}

func (t *timeline) onMetric() {
	if t.updating {
		return
	}
	t.updating = true
	t.choice.Metric = metricFromLabel(t.metric.Selected)
	t.unit.Options = unitOptions(t.choice.Metric)
	t.unit.SetSelected(chartspec.Unit(t.choice.Metric, t.choice.Unit).Label)
	t.updating = false
	t.onChoice()
}

func (t *timeline) onChoice() {
	if t.updating {
		return
	}
	t.choice.Cities = []string{t.city.Selected}
	t.choice.Unit = unitFromLabel(t.choice.Metric, t.unit.Selected)
	t.choice.Event = -1
	t.eventRows = t.state.Data().EventsFor(t.city.Selected)
	t.events.UnselectAll()
	t.events.Refresh()
	t.detail.SetText("Select an event to see its detail and source.")
	t.chart.Update()
}

func (t *timeline) onEvent(id widget.ListItemID) {
	e := t.eventRows[id]
	t.choice.Event = id
	src := e.SourceID
	if s, ok := t.state.Data().Source(e.SourceID); ok {
		src = fmt.Sprintf("%s (%s)\n%s", s.Title, s.Publisher, s.URL)
	}
	t.detail.SetText(fmt.Sprintf("%s · %s\n%s\n\n%s\n\nSource: %s", e.Date, e.Kind, e.Title, e.Detail, src))
	t.chart.Update()
}

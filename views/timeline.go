package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
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
	t.detail = widget.NewLabel(lang.L("Select an event to see its detail and source."))
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
		container.NewHBox(label("Metric"), wide(t.metric, 250), label("Unit"), wide(t.unit, 200),
			label("Events on chart"), wide(t.shown, 260)),
		t.citiesRow(),
	)
	side := container.NewVSplit(
		container.NewBorder(widget.NewLabelWithStyle(lang.L("Events"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, t.events),
		container.NewVScroll(t.detail))
	side.Offset = 0.62
	left := container.NewBorder(nil, t.progress, nil, nil, t.chart)
	split := container.NewHSplit(left, side)
	split.Offset = 0.68
	t.start(lang.L("Timeline"), container.NewBorder(top, nil, nil, nil, split))
	return t
}

func (t *timeline) metrics() []string { return importer.Metrics }

func (t *timeline) metricChanged() {
	t.cities.offer(t.state.Data().CitiesWith(t.choice.Metric), t.choice.Cities)
}

func (t *timeline) choiceChanged() {
	t.eventRows = chartspec.Events(t.state.Data(), t.choice.Cities)
	t.events.UnselectAll()
	t.events.Refresh()
	t.detail.SetText(lang.L("Select an event to see its detail and source."))
	t.progress.SetText(t.progressText())
}

// progressText says how each chosen city stands against its targets.
func (t *timeline) progressText() string {
	u := chartspec.Unit(t.choice.Metric, t.choice.Unit)
	var lines []string
	for _, city := range t.choice.Cities {
		for _, p := range chartspec.TargetProgress(t.state.Data(), city, t.choice.Metric) {
			lines = append(lines, cityLabel(city)+" "+progressSentence(p, u))
		}
	}
	return strings.Join(lines, "\n")
}

func progressSentence(p chartspec.Progress, u chartspec.DisplayUnit) string {
	v := func(x float64) string {
		return chartspec.FormatNumber(x/u.Divisor, u.Decimals) + " " + unitLabel(u)
	}
	data := map[string]any{"Year": p.Target.Year, "Value": v(p.Value), "Target": v(p.Target.Value),
		"Share": fmt.Sprintf("%.0f%%", p.Share), "Projected": v(p.Projected), "Period": periodLabel(p.Period)}
	switch {
	case p.Period != "FY":
		return lang.L("{{.Year}}: {{.Value}} in {{.Period}}, {{.Share}} of the {{.Target}} target. Projection at the same monthly pace: about {{.Projected}} for the full year (not a stated figure).", data)
	case p.Met():
		return lang.L("{{.Year}}: {{.Value}} against a target of {{.Target}} ({{.Share}}): target met.", data)
	}
	return lang.L("{{.Year}}: {{.Value}} against a target of {{.Target}} ({{.Share}}): target missed.", data)
}

func (t *timeline) onEvent(id widget.ListItemID) {
	e := t.eventRows[id]
	t.choice.Event = id
	src := e.SourceID
	if s, ok := t.state.Data().Source(e.SourceID); ok {
		src = fmt.Sprintf("%s (%s)\n%s", s.Title, s.Publisher, s.URL)
	}
	t.detail.SetText(fmt.Sprintf("%s · %s · %s\n%s\n\n%s\n\n%s: %s", e.Date, cityLabel(e.City), lang.L(e.Kind),
		e.Title, e.Detail, lang.L("Source"), src))
	t.chart.Update()
}

func eventChoices() []string {
	return []string{lang.L("Key events (rankings, companies)"), lang.L("All events"), lang.L("No events")}
}

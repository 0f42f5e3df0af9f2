package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"autocities/charts"
	"autocities/importer"
	"autocities/views/chartspec"
)

// chartTab is what the chart tabs (Compare, Timeline, Rank) share: the
// choice, the chart, the metric, unit and city controls and the flow from
// a control to a redraw. What a kind of tab adds — its own controls, what
// it lists beside the chart, its layout — comes from its tabKind, in its
// own file (compare.go, timeline.go, rank.go).
type chartTab struct {
	state  *State
	kind   tabKind
	choice chartspec.Choice
	tab    *container.TabItem

	metric   *widget.Select
	unit     *widget.Select // nil where the metrics have one unit (ranks)
	cities   *cityChecks
	chart    *Chart
	updating bool // set while controls are filled in, so their callbacks wait
}

// tabKind is one kind of chart tab.
type tabKind interface {
	// metrics are the metrics the tab offers.
	metrics() []importer.Metric
	// metricChanged refreshes what depends on the metric (periods, years)
	// and offers the cities; the tab's controls are being filled in.
	metricChanged()
	// choiceChanged reads the tab's own controls into the choice and
	// refreshes what is shown beside the chart.
	choiceChanged()
}

// newChartTab builds the shared part of a chart tab of a kind of chart.
func newChartTab(s *State, kind string, k tabKind, units bool) *chartTab {
	t := &chartTab{state: s, kind: k, choice: chartspec.Defaults(s.Data(), kind)}
	t.metric = widget.NewSelect(metricLabels(k.metrics()), func(string) { t.onMetric() })
	if units {
		t.choice.Unit = s.unitPref(t.choice.Metric)
		t.unit = widget.NewSelect(nil, func(string) { t.onUnit() })
	}
	t.cities = newCityChecks(t.onChoice)
	t.chart = NewChart(t.specLater, s.ChartTheme)
	return t
}

// start fills the controls from the data and follows its changes; the
// kind's own controls exist by now.
func (t *chartTab) start(title string, content fyne.CanvasObject) {
	t.tab = container.NewTabItem(title, content)
	t.state.OnChanged(t.reload)
	t.reload()
}

func (t *chartTab) specLater() func() charts.Spec { return t.state.specLater(t.choice) }

// reload fills the choices from the data set, keeping what still fits.
func (t *chartTab) reload() {
	t.updating = true
	t.metric.Options = metricLabels(t.kind.metrics())
	t.metric.SetSelected(metricLabel(t.choice.Metric))
	t.updating = false
	t.onMetric()
}

func (t *chartTab) onMetric() {
	if t.updating {
		return
	}
	t.updating = true
	t.choice.Metric = metricFromLabel(t.kind.metrics(), t.metric.Selected)
	if t.unit != nil {
		t.unit.Options = unitOptions(t.choice.Metric)
		t.choice.Unit = t.state.unitPref(t.choice.Metric)
		t.unit.SetSelected(unitLabel(chartspec.Unit(t.choice.Metric, t.choice.Unit)))
	}
	t.kind.metricChanged()
	t.updating = false
	t.onChoice()
}

func (t *chartTab) onUnit() {
	if t.updating {
		return
	}
	t.state.chooseUnit(&t.choice, t.unit.Selected)
	t.onChoice()
}

// onChoice follows any control: the choice, the kind's panels, the chart.
func (t *chartTab) onChoice() {
	if t.updating {
		return
	}
	t.choice.Cities = t.cities.choice()
	t.kind.choiceChanged()
	t.chart.Update()
}

// citiesRow is the row of city checkboxes, with optional buttons.
func (t *chartTab) citiesRow(buttons ...fyne.CanvasObject) fyne.CanvasObject {
	var right fyne.CanvasObject
	if len(buttons) > 0 {
		right = container.NewHBox(buttons...)
	}
	return container.NewBorder(nil, nil, label("ui.cities"), right, container.NewHScroll(t.cities.CheckGroup))
}

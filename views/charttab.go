package views

import (
	"cmp"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"autocities/charts"
	"autocities/importer"
	"autocities/views/chartspec"
)

// chartTab is what the chart tabs (Compare, Timeline, Rank) share: the
// choice, the chart, the metric and unit controls, the region panel, the
// note of ticked regions with no figure, and the flow from a control to a
// redraw. What a kind of tab adds — its own controls, what it lists under
// the chart — comes from its tabKind, in its own file (compare.go,
// timeline.go, rank.go).
type chartTab struct {
	state  *State
	kind   tabKind
	choice chartspec.Choice
	tab    *container.TabItem

	metric   *widget.Select
	unit     *widget.Select // nil where the metrics have one unit (ranks)
	regions  *regionPicker
	chart    *Chart
	note     *widget.Label // "No 2025 full-year figure: Beijing, …"
	metrics  []importer.Metric
	updating bool // set while controls are filled in, so their callbacks wait
}

// tabKind is one kind of chart tab.
type tabKind interface {
	// metrics are the metrics the tab offers, of those with data.
	metrics(d *importer.DataSet) []importer.Metric
	// metricChanged refreshes what depends on the metric (periods,
	// years); the tab's controls are being filled in.
	metricChanged()
	// defaultRegions are the regions to tick when none still fits.
	defaultRegions(offered []string) []string
	// choiceChanged reads the tab's own controls into the choice and
	// refreshes what is shown beside the chart.
	choiceChanged()
	// missing lists the ticked regions the chart has no figure for, and
	// what the chart lacks of them ("2025 full-year").
	missing() (regions []string, what string)
	// ranking lists the regions offered, largest figure first (Top 10).
	ranking() []string
}

// tabMakers make the chart tabs, one per kind of chart (chartspec's
// registry): each tab's file registers its own, so the window builds them
// all without naming them.
var tabMakers = map[string]func(*State) *chartTab{}

func registerTab(kind string, make func(*State) *chartTab) { tabMakers[kind] = make }

// newChartTab builds the shared part of a chart tab of a kind of chart.
func newChartTab(s *State, kind string, k tabKind, units bool) *chartTab {
	t := &chartTab{state: s, kind: k, choice: chartspec.Defaults(s.Data(), kind)}
	t.metric = widget.NewSelect(nil, func(string) { t.onMetric() })
	if units {
		t.unit = widget.NewSelect(nil, func(string) { t.onUnit() })
	}
	t.regions = newRegionPicker(s, t.onChoice, func() []string { return t.kind.ranking() })
	t.chart = NewChart(t.specLater, s.ChartTheme)
	t.note = widget.NewLabel("")
	t.note.Wrapping = fyne.TextWrapWord
	t.note.Importance = widget.WarningImportance
	t.recall()
	return t
}

// start lays the tab out, fills the controls from the data and follows its
// changes; the kind's own controls exist by now.
func (t *chartTab) start(title string, controls []fyne.CanvasObject, below fyne.CanvasObject) {
	main := container.New(stackLayout{minChart: 170, share: 0.62}, t.chart,
		container.NewBorder(t.note, nil, nil, nil, below))
	content := container.New(chartTabLayout{}, flow(controls...), main, t.regions.content)
	t.tab = container.NewTabItem(title, content)
	t.state.OnChanged(t.reload)
	t.reload()
}

func (t *chartTab) specLater() func() charts.Spec { return t.state.specLater(t.choice) }

// reload fills the choices from the data set, keeping what still fits.
func (t *chartTab) reload() {
	t.updating = true
	t.metrics = t.kind.metrics(t.state.Data())
	if len(t.metrics) == 0 {
		t.metrics = []importer.Metric{t.choice.Metric}
	}
	t.metric.Options = metricLabels(t.metrics)
	if !slices.Contains(t.metrics, t.choice.Metric) {
		t.choice.Metric = t.metrics[0]
	}
	t.metric.SetSelected(metricLabel(t.choice.Metric))
	t.updating = false
	t.onMetric()
}

func (t *chartTab) onMetric() {
	if t.updating {
		return
	}
	t.updating = true
	t.choice.Metric = metricFromLabel(t.metrics, t.metric.Selected)
	d := t.state.Data()
	if t.unit != nil {
		t.unit.Options = unitOptions(d, t.choice.Metric)
		t.choice.Unit = t.state.unitPref(d, t.choice.Metric)
		t.unit.SetSelected(unitLabel(chartspec.Unit(d.KindOf(t.choice.Metric), t.choice.Unit, uiLang())))
	}
	t.kind.metricChanged()
	t.offerRegions()
	t.updating = false
	t.onChoice()
}

// offerRegions offers the regions with data for the metric at the level
// chosen, keeping the ticks that still fit, else the kind's default.
func (t *chartTab) offerRegions() {
	d := t.state.Data()
	fresh := t.state.Fresh() // an import's regions are ticked
	keep := append(slices.Clip(t.choice.Cities), fresh...)
	withData := d.RegionsWith(t.choice.Metric)
	t.regions.offer(withData, t.regions.Level(), keep)
	if len(fresh) > 0 && !slices.ContainsFunc(fresh, func(r string) bool { return slices.Contains(t.regions.Offered(), r) }) {
		// The import brought regions of another level (provinces into a
		// chart of cities): show that level.
		for _, r := range fresh {
			if slices.Contains(withData, r) {
				t.regions.offer(withData, d.Level(r), fresh)
				break
			}
		}
	}
	if len(t.regions.Chosen()) == 0 {
		t.regions.set(t.kind.defaultRegions(t.regions.Offered()))
	}
}

func (t *chartTab) onUnit() {
	if t.updating {
		return
	}
	t.state.chooseUnit(t.state.Data(), &t.choice, t.unit.Selected)
	t.onChoice()
}

// onChoice follows any control: the choice, the kind's panels, the note,
// the chart.
func (t *chartTab) onChoice() {
	if t.updating {
		return
	}
	t.choice.Cities = t.regions.Chosen()
	t.kind.choiceChanged()
	t.showMissing()
	t.remember()
	t.chart.Update()
}

// showMissing names the ticked regions the chart has no figure for.
func (t *chartTab) showMissing() {
	regions, what := t.kind.missing()
	if len(t.choice.Cities) == 0 {
		t.note.SetText(T("ui.tick_a_region"))
		t.note.Show()
		return
	}
	if len(regions) == 0 {
		t.note.Hide()
		return
	}
	names := make([]string, len(regions))
	for i, r := range regions {
		names[i] = cityLabel(r)
	}
	t.note.SetText(T("ui.no_figure_for", what, strings.Join(names, T("and.sep"))))
	t.note.Show()
}

// byLatestValue lists the regions offered by their latest figure of the
// metric (the latest full year where there is one), largest first; ranks:
// best first.
func (t *chartTab) byLatestValue() []string {
	d := t.state.Data()
	type rv struct {
		region string
		year   int
		value  float64
	}
	var all []rv
	for _, r := range t.regions.Offered() {
		pts := d.Timeline(r, t.choice.Metric)
		if len(pts) == 0 {
			continue
		}
		last := pts[len(pts)-1]
		all = append(all, rv{r, last.Key.Year, last.Preferred().Value})
	}
	rank := importer.IsRank(t.choice.Metric)
	slices.SortFunc(all, func(a, b rv) int {
		by := cmp.Compare(b.value, a.value)
		if rank {
			by = -by
		}
		return cmp.Or(cmp.Compare(b.year, a.year), by, strings.Compare(a.region, b.region))
	})
	out := make([]string, len(all))
	for i, x := range all {
		out[i] = x.region
	}
	return out
}

// pickDefault ticks the report's city where it is offered, else the first
// region with the latest figure.
func (t *chartTab) pickDefault(offered []string) []string {
	if slices.Contains(offered, "Chongqing") {
		return []string{"Chongqing"}
	}
	if top := t.byLatestValue(); len(top) > 0 {
		return top[:1]
	}
	return offered[:min(1, len(offered))]
}

// withoutPoints lists the ticked regions with no figure of the metric.
func (t *chartTab) withoutPoints() []string {
	d := t.state.Data()
	var out []string
	for _, r := range t.choice.Cities {
		if len(d.Timeline(r, t.choice.Metric)) == 0 {
			out = append(out, r)
		}
	}
	return out
}

// metricsWithData lists the metrics of the data set, or those of list when
// it is not nil, that have at least one figure.
func metricsWithData(d *importer.DataSet, list []importer.Metric) []importer.Metric {
	used := d.MetricsUsed()
	if list == nil {
		return used
	}
	var out []importer.Metric
	for _, m := range list {
		if slices.Contains(used, m) {
			out = append(out, m)
		}
	}
	return out
}

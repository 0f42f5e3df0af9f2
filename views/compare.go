package views

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"autocities/importer"
	"autocities/views/chartspec"
)

// compare is the Compare tab: one metric and period across cities, as bars
// above a table of the values drawn.
type compare struct {
	state  *State
	choice chartspec.Choice
	tab    *container.TabItem

	metric, period, year, unit *widget.Select
	cities                     *widget.CheckGroup
	chart                      *Chart
	table                      *widget.Table
	rows                       []importer.Stated
	updating                   bool
}

func newCompareTab(s *State) *compare {
	t := &compare{state: s, choice: chartspec.Defaults(s.Data(), chartspec.KindCompare)}
	t.metric = widget.NewSelect(metricOptions(), func(string) { t.onMetric() })
	t.period = widget.NewSelect(nil, func(string) { t.onPeriod() })
	t.year = widget.NewSelect(nil, func(string) { t.onChoice() })
	t.unit = widget.NewSelect(nil, func(string) { t.onChoice() })
	t.cities = widget.NewCheckGroup(nil, func([]string) { t.onChoice() })
	t.cities.Horizontal = true
	t.chart = NewChart(t.spec, s.ChartTheme)
	t.table = newValuesTable(&t.rows, s)
	s.OnChanged(t.reload)
	t.reload()

	all := &widget.Button{Text: "All", OnTapped: func() { t.cities.SetSelected(t.cities.Options) }}
	none := &widget.Button{Text: "None", OnTapped: func() { t.cities.SetSelected(nil) }}
	top := container.NewVBox(
		container.NewHBox(widget.NewLabel("Metric"), wide(t.metric, 260), widget.NewLabel("Period"), wide(t.period, 170),
			widget.NewLabel("Year"), wide(t.year, 100), widget.NewLabel("Unit"), wide(t.unit, 210)),
		container.NewBorder(nil, nil, widget.NewLabel("Cities"), container.NewHBox(all, none),
			container.NewHScroll(t.cities)),
	)
	split := container.NewVSplit(t.chart, t.table)
	split.Offset = 0.7
	t.tab = container.NewTabItem("Compare", container.NewBorder(top, nil, nil, nil, split))
	return t
}

func (t *compare) spec() any { return chartspec.Compare(t.state.Data(), t.choice) }

// reload fills the choices from the data set, keeping what still fits.
func (t *compare) reload() {
	t.updating = true
	t.metric.SetSelected(importer.MetricLabel(t.choice.Metric))
	t.updating = false
	t.onMetric()
}

func (t *compare) onMetric() {
	if t.updating {
		return
	}
	t.updating = true
	defer func() { t.updating = false; t.onPeriod() }()
	t.choice.Metric = metricFromLabel(t.metric.Selected)
	d := t.state.Data()
	periods := d.Periods(t.choice.Metric)
	t.period.Options = periodOptions(periods)
	if !slices.Contains(periods, t.choice.Period) && len(periods) > 0 {
		t.choice.Period = periods[0]
	}
	t.period.SetSelected(periodOption(t.choice.Period))
	t.unit.Options = unitOptions(t.choice.Metric)
	t.unit.SetSelected(chartspec.Unit(t.choice.Metric, t.choice.Unit).Label)
}

func (t *compare) onPeriod() {
	if t.updating {
		return
	}
	t.updating = true
	defer func() { t.updating = false; t.onChoice() }()
	t.choice.Period = periodFromOption(t.period.Selected)
	d := t.state.Data()
	years := d.Years(t.choice.Metric, t.choice.Period)
	t.year.Options = nil
	for _, y := range years {
		t.year.Options = append(t.year.Options, strconv.Itoa(y))
	}
	y := d.DefaultCompareYear(t.choice.Metric, t.choice.Period)
	if len(t.choice.Years) == 1 && slices.Contains(years, t.choice.Years[0]) {
		y = t.choice.Years[0]
	}
	t.year.SetSelected(strconv.Itoa(y))
	cities := d.CitiesWith(t.choice.Metric)
	t.cities.Options = cities
	t.cities.SetSelected(cities)
}

func (t *compare) onChoice() {
	if t.updating {
		return
	}
	if y, err := strconv.Atoi(t.year.Selected); err == nil {
		t.choice.Years = []int{y}
	}
	t.choice.Unit = unitFromLabel(t.choice.Metric, t.unit.Selected)
	t.choice.Cities = append([]string(nil), t.cities.Selected...)
	if len(t.choice.Cities) == 0 {
		t.choice.Cities = []string{""} // nobody: an empty chart, not everybody
	}
	t.rows = t.rows[:0]
	for _, y := range t.choice.Years {
		for _, s := range t.state.Data().Compare(t.choice.Metric, y, t.choice.Period) {
			if slices.Contains(t.choice.Cities, s.Key.City) {
				t.rows = append(t.rows, s)
			}
		}
	}
	slices.SortStableFunc(t.rows, func(a, b importer.Stated) int {
		if importer.IsRank(t.choice.Metric) {
			return cmp.Compare(a.Preferred().Value, b.Preferred().Value)
		}
		return cmp.Compare(b.Preferred().Value, a.Preferred().Value)
	})
	t.table.Refresh()
	t.chart.Update()
}

// newValuesTable lists the values drawn: city, value, qualifier, stated YoY,
// source and whether sources disagree.
func newValuesTable(rows *[]importer.Stated, s *State) *widget.Table {
	return newTable([]string{"City", "Year", "Period", "Value", "Qualifier", "Stated YoY", "Source", "Sources"},
		[]float32{110, 60, 80, 150, 90, 90, 300, 420},
		func() int { return len(*rows) }, func(r, c int) string { return valueCell(s.Data(), (*rows)[r], c) })
}

func valueCell(d *importer.DataSet, st importer.Stated, col int) string {
	p := st.Preferred()
	switch col {
	case 0:
		return p.City
	case 1:
		return strconv.Itoa(p.Year)
	case 2:
		return importer.PeriodLabel(p.Period)
	case 3:
		return chartspec.FormatNumber(p.Value, 0) + " " + p.Unit()
	case 4:
		return p.Qualifier
	case 5:
		if p.YoY != nil {
			return fmt.Sprintf("%+.1f%%", *p.YoY)
		}
		return ""
	case 6:
		if src, ok := d.Source(p.SourceID); ok {
			return src.Title
		}
		return p.SourceID
	}
	why := d.Why(st)
	if st.Conflict() {
		why = "⚠ sources disagree · " + why
	}
	return why
}

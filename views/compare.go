package views

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"autocities/importer"
	"autocities/views/chartspec"
)

// compare is the Compare tab: one metric and period across cities, as bars
// above a table of the values drawn. Several years give grouped bars.
type compare struct {
	*chartTab

	period, sort *widget.Select
	years        *widget.CheckGroup
	table        *widget.Table
	detail       *widget.Label
	rows         []importer.Stated
}

func newCompareTab(s *State) *compare {
	t := &compare{}
	t.chartTab = newChartTab(s, chartspec.KindCompare, t, true)
	t.period = widget.NewSelect(nil, func(string) { t.onPeriod() })
	t.sort = widget.NewSelect([]string{lang.L("Largest first"), lang.L("A–Z")}, nil)
	t.sort.SetSelected(lang.L("Largest first"))
	t.sort.OnChanged = func(string) { t.onChoice() }
	t.years = widget.NewCheckGroup(nil, func([]string) { t.onChoice() })
	t.years.Horizontal = true
	t.detail = widget.NewLabel(lang.L("Select a row to see every stated value and why one is shown."))
	t.detail.Wrapping = fyne.TextWrapWord
	t.table = newTable(compareHeaders(), []float32{110, 60, 80, 150, 170, 100, 125, 80, 300},
		func() int { return len(t.rows) }, func(r, c int) string { return t.cell(t.rows[r], c) })
	t.table.OnSelected = func(id widget.TableCellID) { t.showStated(t.rows[id.Row]) }

	all := &widget.Button{Text: lang.L("All"), OnTapped: func() { t.cities.selectCities(t.cities.offered()) }}
	none := &widget.Button{Text: lang.L("None"), OnTapped: func() { t.cities.SetSelected(nil) }}
	top := container.NewVBox(
		container.NewHBox(label("Metric"), wide(t.metric, 250), label("Period"), wide(t.period, 160),
			label("Unit"), wide(t.unit, 200), label("Sort"), wide(t.sort, 140)),
		container.NewBorder(nil, nil, label("Years"), nil, container.NewHScroll(t.years)),
		t.citiesRow(all, none),
	)
	below := container.NewBorder(nil, t.detail, nil, nil, t.table)
	split := container.NewVSplit(t.chart, below)
	split.Offset = 0.66
	t.start(lang.L("Compare"), container.NewBorder(top, nil, nil, nil, split))
	return t
}

func compareHeaders() []string {
	return []string{lang.L("City"), lang.L("Year"), lang.L("Period"), lang.L("Value"), lang.L("Qualifier"),
		lang.L("Stated YoY"), lang.L("Computed YoY"), lang.L("Sources"), lang.L("Source shown")}
}

func (t *compare) metrics() []string { return importer.Metrics }

// metricChanged offers the periods of the metric, keeping the period
// chosen where it has figures, then the years and cities (onPeriod).
func (t *compare) metricChanged() {
	periods := t.state.Data().Periods(t.choice.Metric)
	t.period.Options = periodOptions(periods)
	if !slices.Contains(periods, t.choice.Period) && len(periods) > 0 {
		t.choice.Period = periods[0]
	}
	t.period.SetSelected(periodOption(t.choice.Period))
	t.offerYearsAndCities()
}

// onPeriod offers the years that have this metric and period, keeping the
// years chosen that still have it, else the default year.
func (t *compare) onPeriod() {
	if t.updating {
		return
	}
	t.updating = true
	t.offerYearsAndCities()
	t.updating = false
	t.onChoice()
}

func (t *compare) offerYearsAndCities() {
	t.choice.Period = periodFromOption(t.period.Selected)
	d := t.state.Data()
	years := d.Years(t.choice.Metric, t.choice.Period)
	t.years.Options = nil
	var keep []string
	for _, y := range years {
		t.years.Options = append(t.years.Options, strconv.Itoa(y))
		if slices.Contains(t.choice.Years, y) {
			keep = append(keep, strconv.Itoa(y))
		}
	}
	if len(keep) == 0 {
		keep = []string{strconv.Itoa(d.DefaultCompareYear(t.choice.Metric, t.choice.Period))}
	}
	t.years.SetSelected(keep)
	cities := d.CitiesWith(t.choice.Metric)
	chosen := t.cities.chosen()
	t.cities.setCities(cities)
	if len(chosen) == 0 {
		t.cities.selectCities(cities)
	} else {
		t.cities.selectCities(intersect(chosen, cities))
	}
}

func intersect(a, b []string) []string {
	var out []string
	for _, x := range a {
		if slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

func (t *compare) choiceChanged() {
	t.choice.Years = nil
	for _, s := range t.years.Selected {
		if y, err := strconv.Atoi(s); err == nil {
			t.choice.Years = append(t.choice.Years, y)
		}
	}
	slices.Sort(t.choice.Years)
	t.choice.Sort = "value"
	if t.sort.Selected == lang.L("A–Z") {
		t.choice.Sort = "name"
	}
	t.fillRows()
	t.table.UnselectAll()
	t.table.Refresh()
}

// fillRows lists the values drawn in the chart's order: by year, then by
// value (ranks: best first) or name.
func (t *compare) fillRows() {
	t.rows = t.rows[:0]
	for _, y := range t.choice.Years {
		for _, s := range t.state.Data().Compare(t.choice.Metric, y, t.choice.Period) {
			if slices.Contains(t.choice.Cities, s.Key.City) {
				t.rows = append(t.rows, s)
			}
		}
	}
	rank := importer.IsRank(t.choice.Metric)
	slices.SortStableFunc(t.rows, func(a, b importer.Stated) int {
		va, vb := a.Preferred().Value, b.Preferred().Value
		by := cmp.Compare(vb, va)
		if rank {
			by = -by
		}
		if t.choice.Sort == "name" {
			by = strings.Compare(a.Key.City, b.Key.City)
		}
		return cmp.Or(cmp.Compare(b.Key.Year, a.Key.Year), by)
	})
}

func (t *compare) cell(st importer.Stated, col int) string {
	d, p := t.state.Data(), st.Preferred()
	switch col {
	case 0:
		return cityLabel(p.City)
	case 1:
		return strconv.Itoa(p.Year)
	case 2:
		return periodLabel(p.Period)
	case 3:
		return chartspec.FormatNumber(p.Value, 0) + " " + unitWord(p.Unit())
	case 4:
		return qualifierLabel(p.Qualifier, p.Confidence)
	case 5:
		if p.YoY != nil {
			return fmt.Sprintf("%+.1f%%", *p.YoY)
		}
	case 6:
		if g, ok := d.YoY(st.Key); ok {
			return fmt.Sprintf("%+.1f%%", g)
		}
	case 7:
		if st.Conflict() {
			return fmt.Sprintf("⚠ %d", len(st.Observations))
		}
		return strconv.Itoa(len(st.Observations))
	case 8:
		return sourceTitle(d, p.SourceID)
	}
	return ""
}

// showStated lists every stated value of a key, marking disagreements.
func (t *compare) showStated(st importer.Stated) {
	d := t.state.Data()
	var b strings.Builder
	if st.Conflict() {
		b.WriteString(lang.L("⚠ Sources disagree.") + " ")
	}
	b.WriteString(d.Why(st) + "\n")
	for _, o := range st.Observations {
		fmt.Fprintf(&b, "• %s %s — %s (%s)\n", chartspec.FormatNumber(o.Value, 0), unitWord(o.Unit()),
			sourceTitle(d, o.SourceID), qualifierLabel(o.Qualifier, o.Confidence))
	}
	t.detail.SetText(strings.TrimSpace(b.String()))
}

func sourceTitle(d *importer.DataSet, id string) string {
	if s, ok := d.Source(id); ok && s.Title != "" {
		return s.Title
	}
	return id
}

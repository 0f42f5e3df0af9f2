package views

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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
	t.sort = widget.NewSelect([]string{T("ui.largest_first"), T("ui.a_z")}, nil)
	t.sort.SetSelected(T("ui.largest_first"))
	t.sort.OnChanged = func(string) { t.onChoice() }
	t.years = widget.NewCheckGroup(nil, func([]string) { t.onChoice() })
	t.years.Horizontal = true
	t.detail = widget.NewLabel(T("ui.select_a_row_to_see_every"))
	t.detail.Wrapping = fyne.TextWrapWord
	t.table = newTable(compareHeaders(), []float32{110, 60, 80, 150, 170, 100, 125, 80, 300},
		func() int { return len(t.rows) }, func(r, c int) string { return t.cell(t.rows[r], c) })
	t.table.OnSelected = func(id widget.TableCellID) { t.showStated(t.rows[id.Row]) }

	all := &widget.Button{Text: T("ui.all"), OnTapped: func() { t.cities.selectCities(t.cities.offered()) }}
	none := &widget.Button{Text: T("ui.none"), OnTapped: func() { t.cities.SetSelected(nil) }}
	top := container.NewVBox(
		container.NewHBox(label("ui.metric"), wide(t.metric, 250), label("ui.period"), wide(t.period, 160),
			label("ui.unit"), wide(t.unit, 200), label("ui.sort"), wide(t.sort, 140)),
		container.NewBorder(nil, nil, label("ui.years"), nil, container.NewHScroll(t.years)),
		t.citiesRow(all, none),
	)
	below := container.NewBorder(nil, t.detail, nil, nil, t.table)
	split := container.NewVSplit(t.chart, below)
	split.Offset = 0.66
	t.start(T("ui.compare"), container.NewBorder(top, nil, nil, nil, split))
	return t
}

func compareHeaders() []string {
	return []string{T("ui.city"), T("ui.year"), T("ui.period"), T("ui.value"), T("ui.qualifier"),
		T("ui.stated_yoy"), T("ui.computed_yoy"), T("ui.sources"), T("ui.source_shown")}
}

func (t *compare) metrics() []importer.Metric { return importer.Metrics }

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
	cities := d.RegionsWith(t.choice.Metric)
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
	if t.sort.Selected == T("ui.a_z") {
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
			if slices.Contains(t.choice.Cities, s.Key.Region) {
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
			by = strings.Compare(a.Key.Region, b.Key.Region)
		}
		return cmp.Or(cmp.Compare(b.Key.Year, a.Key.Year), by)
	})
}

func (t *compare) cell(st importer.Stated, col int) string {
	d, p := t.state.Data(), st.Preferred()
	switch col {
	case 0:
		return cityLabel(p.Region)
	case 1:
		return strconv.Itoa(p.Year)
	case 2:
		return periodLabel(p.Period)
	case 3:
		return chartspec.FormatNumber(p.Value, 0) + " " + unitWord(d.UnitOf(p.Metric))
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
		b.WriteString(T("ui.sources_disagree") + " ")
	}
	b.WriteString(say(d.Why(st)) + "\n")
	for _, o := range st.Observations {
		fmt.Fprintf(&b, "• %s %s — %s (%s)\n", chartspec.FormatNumber(o.Value, 0), unitWord(d.UnitOf(o.Metric)),
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

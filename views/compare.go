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

func init() {
	registerTab(chartspec.KindCompare, func(s *State) *chartTab { return newCompareTab(s).chartTab })
}

// compare is the Compare tab: one metric and period across regions, as
// bars above a table of the values drawn. Several years give grouped bars.
type compare struct {
	*chartTab

	period, sort *widget.Select
	years        *yearsPicker
	table        *rowTable[importer.Stated]
	detail       *widget.Label
	rows         []importer.Stated
	shown        importer.Key // the row whose detail is shown; zero: none
}

func newCompareTab(s *State) *compare {
	t := &compare{}
	t.chartTab = newChartTab(s, chartspec.KindCompare, t, true)
	t.period = widget.NewSelect(nil, func(string) { t.onPeriod() })
	t.sort = widget.NewSelect([]string{T("ui.largest_first"), T("ui.a_z")}, nil)
	t.sort.SetSelected(T("ui.largest_first"))
	if t.choice.Sort == "name" { // as at the last run
		t.sort.SetSelected(T("ui.a_z"))
	}
	t.sort.OnChanged = func(string) { t.onChoice() }
	t.years = newYearsPicker(func() { t.onChoice() })
	t.detail = widget.NewLabel("")
	t.detail.Wrapping = fyne.TextWrapWord
	t.detail.Hide() // until a row is selected
	t.table = newRowTable(t.columns(), func() int { return len(t.rows) }, func(i int) importer.Stated { return t.rows[i] }, nil)
	t.table.OnSelected = func(id widget.TableCellID) { t.showStated(t.rows[id.Row]) }
	controls := []fyne.CanvasObject{labelled("ui.metric", wide(t.metric, 230)), labelled("ui.period", wide(t.period, 150)),
		labelled("ui.years", t.years.button), labelled("ui.unit", wide(t.unit, 190)), labelled("ui.sort", wide(t.sort, 190))}
	below := container.NewBorder(nil, t.detail, nil, nil, t.table.object())
	t.start(T("ui.compare"), controls, below)
	return t
}

// columns are the values table's columns.
func (t *compare) columns() []column[importer.Stated] {
	d := func() *importer.DataSet { return t.state.Data() }
	return []column[importer.Stated]{
		{header: "ui.region", width: 110, cell: func(s importer.Stated) string { return cityLabel(s.Key.Region) }},
		{header: "ui.year", width: 60, cell: func(s importer.Stated) string { return strconv.Itoa(s.Key.Year) }},
		{header: "ui.period", width: 80, cell: func(s importer.Stated) string { return periodLabel(s.Key.Period) }},
		{header: "ui.value", width: 150, cell: func(s importer.Stated) string {
			p := s.Preferred()
			return chartspec.FormatNumber(p.Value, 0) + " " + unitWord(d().UnitOf(p.Metric))
		}},
		{header: "ui.qualifier", width: 160, cell: func(s importer.Stated) string {
			p := s.Preferred()
			return qualifierLabel(p.Qualifier, p.Confidence)
		}},
		{header: "ui.stated_yoy", width: 100, cell: func(s importer.Stated) string {
			if y := s.Preferred().YoY; y != nil {
				return fmt.Sprintf("%+.1f%%", *y)
			}
			return ""
		}},
		{header: "ui.computed_yoy", width: 120, cell: func(s importer.Stated) string {
			if g, ok := d().YoY(s.Key); ok {
				return fmt.Sprintf("%+.1f%%", g)
			}
			return ""
		}},
		{header: "ui.sources", width: 80, cell: func(s importer.Stated) string {
			if s.Conflict() {
				return fmt.Sprintf("⚠ %d", len(s.Observations))
			}
			return strconv.Itoa(len(s.Observations))
		}},
		{header: "ui.source_shown", width: 280, cell: func(s importer.Stated) string { return sourceTitle(d(), s.Preferred().SourceID) }},
	}
}

func (t *compare) metrics(d *importer.DataSet) []importer.Metric { return metricsWithData(d, nil) }

// metricChanged offers the periods of the metric, keeping the period
// chosen where it has figures, then the years (onPeriod).
func (t *compare) metricChanged() {
	periods := t.state.Data().Periods(t.choice.Metric)
	t.period.Options = periodOptions(periods)
	if !slices.Contains(periods, t.choice.Period) && len(periods) > 0 {
		t.choice.Period = periods[0]
	}
	t.period.SetSelected(periodOption(t.choice.Period))
	t.offerYears()
}

// onPeriod offers the years that have this metric and period, keeping the
// years chosen that still have it, else the default year.
func (t *compare) onPeriod() {
	if t.updating {
		return
	}
	t.updating = true
	t.offerYears()
	t.updating = false
	t.onChoice()
}

func (t *compare) offerYears() {
	t.choice.Period = periodFromOption(t.period.Selected)
	d := t.state.Data()
	years := d.Years(t.choice.Metric, t.choice.Period)
	keep := intersectInts(t.choice.Years, years)
	if len(keep) == 0 {
		keep = []int{chartspec.DefaultYear(d, t.choice.Metric, t.choice.Period)}
	}
	t.years.offer(years, keep)
}

// defaultRegions: the regions with a figure for the year chosen, at most
// the ten largest (a chart of them stays readable).
func (t *compare) defaultRegions([]string) []string {
	top := t.ranking()
	return top[:min(10, len(top))]
}

// ranking lists the regions offered that have a figure for the latest
// year chosen, largest first (ranks: best first).
func (t *compare) ranking() []string {
	d := t.state.Data()
	years := t.years.Chosen()
	if len(years) == 0 {
		return nil
	}
	rows := d.Compare(t.choice.Metric, years[len(years)-1], t.choice.Period)
	rank := importer.IsRank(t.choice.Metric)
	slices.SortStableFunc(rows, func(a, b importer.Stated) int {
		by := cmp.Compare(b.Preferred().Value, a.Preferred().Value)
		if rank {
			by = -by
		}
		return by
	})
	offered := t.regions.Offered()
	var out []string
	for _, s := range rows {
		if slices.Contains(offered, s.Key.Region) {
			out = append(out, s.Key.Region)
		}
	}
	return out
}

func intersectInts(a, b []int) []int {
	var out []int
	for _, x := range a {
		if slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

func (t *compare) choiceChanged() {
	t.choice.Years = t.years.Chosen()
	t.choice.Sort = "value"
	if t.sort.Selected == T("ui.a_z") {
		t.choice.Sort = "name"
	}
	t.nameSort()
	t.fillRows()
	t.table.UnselectAll()
	t.table.Refresh()
	if !slices.ContainsFunc(t.rows, func(s importer.Stated) bool { return s.Key == t.shown }) {
		t.shown = importer.Key{} // the row shown is gone: so is its detail
		t.detail.Hide()
	}
}

// nameSort words the Sort choices: with several years drawn, the bars
// are sorted by the latest, and the choice says so ("Largest in 2025
// first"). The choice made stays chosen.
func (t *compare) nameSort() {
	largest := T("ui.largest_first")
	if n := len(t.choice.Years); n > 1 {
		largest = T("ui.largest_in_first", t.choice.Years[n-1])
	}
	if t.sort.Options[0] == largest {
		return
	}
	t.sort.Options[0] = largest
	if t.choice.Sort == "value" {
		t.sort.Selected = largest // no OnChanged: the choice is the same
	}
	t.sort.Refresh()
}

// missing lists the ticked regions with no figure for a year drawn.
func (t *compare) missing() ([]string, string) {
	have := map[string]int{}
	for _, s := range t.rows {
		have[s.Key.Region]++
	}
	var out []string
	for _, r := range t.choice.Cities {
		if have[r] < len(t.choice.Years) {
			out = append(out, r)
		}
	}
	years := strings.Trim(fmt.Sprint(t.choice.Years), "[]")
	if t.choice.Period.IsFullYear() {
		return out, T("ui.when_fy", years)
	}
	return out, T("ui.when_part", years, periodLabel(t.choice.Period))
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

// showStated lists every stated value of a key, marking disagreements.
func (t *compare) showStated(st importer.Stated) {
	d := t.state.Data()
	t.shown = st.Key
	defer t.detail.Show()
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

package chartspec

import (
	"slices"
	"strings"

	"autocities/charts"
	"autocities/importer"
)

func init() {
	register(Kind{Name: KindTimeline, Order: 2, build: func(d *importer.DataSet, c Choice) (charts.Spec, []string) { return timelineSpec(d, c) },
		Defaults: func(_ *importer.DataSet, c Choice) Choice {
			c.Cities = []string{"Chongqing"}
			return c
		}})
}

// Timeline builds the line chart of one or several regions over years. A
// line joins full years only; a year known only in part (Jan–Nov) is a
// point of its own, and with SamePeriod a region's part years of one
// period make a line of their own.
func Timeline(d *importer.DataSet, c Choice) charts.Timeline {
	spec, _ := timelineSpec(d, c)
	return spec
}

// timelineSpec is Timeline and the sources of what it draws.
func timelineSpec(d *importer.DataSet, c Choice) (charts.Timeline, []string) {
	u := c.unitOf(d)
	cities := c.Cities
	if len(cities) == 0 {
		cities = []string{"Chongqing"}
	}
	ls := newLineSet()
	for _, city := range cities {
		s := charts.Series{City: c.city(city)}
		drawn := map[importer.Key]bool{}
		for _, p := range d.Timeline(city, c.Metric) {
			ls.add(c, &s, p.Stated, u.Divisor)
			drawn[p.Key] = true
		}
		if c.SamePeriod {
			for _, st := range c.samePeriod(d.RegionSeries(city, c.Metric)) {
				if !drawn[st.Key] {
					ls.add(c, &s, st, u.Divisor)
				}
			}
		}
		ls.series = append(ls.series, s)
	}
	spec := charts.Timeline{Series: ls.series}
	if c.Highlight != "" {
		spec.Highlight = c.city(c.Highlight)
	}
	sub := "chart.timeline.subtitle"
	switch {
	case c.SamePeriod && charts.JoinsPartYears(ls.series): // words only for what is drawn
		sub = "chart.timeline.subtitle_same"
	case ls.partial:
		sub = "chart.timeline.subtitle_partial"
	}
	spec.Text = charts.Text{
		Title:     c.tr("chart.line.title", c.cityList(cities), c.metricInTitle(c.Metric), c.span(ls)),
		Subtitle:  c.tr(sub, c.metric(c.Metric), c.unit(u)),
		ValueAxis: c.axisTitle(c.Metric, u),
		Decimals:  u.Decimals,
	}
	sources := ls.sources
	if !ls.empty() {
		spec.Events = c.timelineEvents(d, cities, ls.lo, ls.hi, c.Event)
	}
	if len(cities) == 1 && !ls.empty() {
		for _, t := range d.TargetsFor(cities[0], c.Metric) {
			spec.Target = &charts.TargetLine{Year: t.Year, Value: t.Value / u.Divisor,
				Label: c.tr("chart.target", t.Year, FormatNumber(t.Value/u.Divisor, u.Decimals)+" "+c.unit(u))}
			sources = append(sources, t.SourceID)
		}
	}
	spec.Footer = c.withMarkKey(c.sourceLine(d, sources), ls.marks)
	return spec, sources
}

// metricInTitle is the metric after a colon: "Chongqing: vehicle
// production" (lower case in English, unless a word in capitals).
func (c Choice) metricInTitle(m importer.Metric) string {
	if c.Lang == "zh" {
		return c.metric(m)
	}
	return lowerFirst(c.metric(m))
}

// Events lists the events of the cities (and those of no city), by date:
// the list beside the timeline, whose index Choice.Event refers to.
func Events(d *importer.DataSet, cities []string) []importer.Event {
	var out []importer.Event
	for _, e := range d.Events {
		if e.City == "" || slices.Contains(cities, e.City) {
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b importer.Event) int { return strings.Compare(a.Date, b.Date) })
	return out
}

// timelineEvents places the cities' events within the years drawn.
func (c Choice) timelineEvents(d *importer.DataSet, cities []string, lo, hi, highlight int) []charts.Marker {
	var out []charts.Marker
	for i, e := range Events(d, cities) {
		if e.Year() < lo || e.Year() > hi || (i != highlight && !c.drawn(e.Kind)) {
			continue
		}
		m := charts.Marker{At: e.When(), Label: c.eventTitle(e), Highlight: i == highlight}
		if !strings.Contains(e.Date, "-") {
			m.Date = e.Date
		}
		out = append(out, m)
	}
	return out
}

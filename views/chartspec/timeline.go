package chartspec

import (
	"slices"
	"strings"

	"autocities/charts"
	"autocities/importer"
)

func init() {
	register(Kind{Name: KindTimeline, Order: 2, Build: func(d *importer.DataSet, c Choice) charts.Spec { return Timeline(d, c) },
		Defaults: func(_ *importer.DataSet, c Choice) Choice {
			c.Cities = []string{"Chongqing"}
			return c
		}})
}

// Timeline builds the line chart of one or several cities over years.
func Timeline(d *importer.DataSet, c Choice) charts.Timeline {
	u := c.unitOf(d)
	cities := c.Cities
	if len(cities) == 0 {
		cities = []string{"Chongqing"}
	}
	ls := c.lines(cities, u.Divisor, false, func(city string) []importer.TimelinePoint { return d.Timeline(city, c.Metric) })
	spec := charts.Timeline{Series: ls.series}
	metric := c.metric(c.Metric)
	if c.Lang != "zh" {
		metric = lowerFirst(metric)
	}
	sub := "chart.timeline.subtitle"
	if ls.partial {
		sub = "chart.timeline.subtitle_partial"
	}
	spec.Text = charts.Text{
		Title:     c.tr("chart.line.title", c.cityList(cities), metric, c.span(ls)),
		Subtitle:  c.tr(sub, c.metric(c.Metric), c.unit(u)),
		ValueAxis: c.axisTitle(c.Metric, u),
		Decimals:  u.Decimals,
	}
	sources := ls.sources
	if ls.lo <= ls.hi {
		spec.Events = c.timelineEvents(d, cities, ls.lo, ls.hi, c.Event)
	}
	if len(cities) == 1 && ls.lo <= ls.hi {
		for _, t := range d.TargetsFor(cities[0], c.Metric) {
			spec.Target = &charts.TargetLine{Year: t.Year, Value: t.Value / u.Divisor,
				Label: c.tr("chart.target", t.Year, FormatNumber(t.Value/u.Divisor, u.Decimals)+" "+c.unit(u))}
			sources = append(sources, t.SourceID)
		}
	}
	spec.Footer = c.withMarkKey(c.sourceLine(d, sources), ls.marks)
	return spec
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

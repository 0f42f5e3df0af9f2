package chartspec

import (
	"slices"

	"autocities/charts"
	"autocities/importer"
)

func init() {
	register(Kind{Name: KindRank, Order: 3, build: func(d *importer.DataSet, c Choice) (charts.Spec, []string) { return rankSpec(d, c) },
		Defaults: func(_ *importer.DataSet, c Choice) Choice {
			c.Cities, c.Metric = []string{"Chongqing"}, importer.ProductionRank
			return c
		}})
}

// rankSpec builds the chart of stated national ranks over time, and the
// sources of its ranks. Every region is drawn with the same period in a
// year: the full year where any region has it, else one part year for all
// (the title says which).
func rankSpec(d *importer.DataSet, c Choice) (charts.Rank, []string) {
	metric := c.Metric
	if !importer.IsRank(metric) || metric == importer.OtherRank {
		metric = importer.ProductionRank
	}
	cities := c.Cities
	if len(cities) == 0 {
		cities = []string{"Chongqing"}
	}
	all := map[string][]importer.Stated{}
	for _, city := range cities {
		all[city] = d.RegionSeries(city, metric)
	}
	periods := rankPeriods(all)
	ls := newLineSet()
	for _, city := range cities {
		s := charts.Series{City: c.city(city)}
		for _, st := range all[city] {
			if p, ok := periods[st.Key.Year]; ok && st.Key.Period == p {
				ls.add(c, &s, st, 1)
			}
		}
		ls.series = append(ls.series, s)
	}
	sub := c.tr("chart.rank.subtitle")
	if ls.partial {
		sub = c.tr("chart.rank.subtitle_partial")
	}
	title := c.tr("chart.line.title", c.cityList(cities), c.metricInTitle(metric), c.span(ls))
	if part := c.partYears(periods, ls); part != "" {
		title = c.tr("chart.rank.title_part", title, part)
	}
	spec := charts.Rank{Series: ls.series, Text: charts.Text{
		Title:     title,
		Subtitle:  sub,
		ValueAxis: c.tr("chart.rank.axis"),
		Footer:    c.withMarkKey(c.sourceLine(d, ls.sources), ls.marks),
	}}
	if c.Highlight != "" {
		spec.Highlight = c.city(c.Highlight)
	}
	return spec, ls.sources
}

// partYears names the years drawn with a part-year rank: "2024: Jan–Jun".
func (c Choice) partYears(periods map[int]importer.Period, ls lineSet) string {
	var years []int
	for y, p := range periods {
		if !p.IsFullYear() && y >= ls.lo && y <= ls.hi {
			years = append(years, y)
		}
	}
	slices.Sort(years)
	var parts []any
	for _, y := range years {
		parts = append(parts, c.tr("chart.year_period", y, c.period(periods[y])))
	}
	if len(parts) == 0 {
		return ""
	}
	return c.words().T("list", parts...)
}

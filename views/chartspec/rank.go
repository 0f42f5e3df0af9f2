package chartspec

import (
	"autocities/charts"
	"autocities/importer"
)

func init() {
	register(Kind{Name: KindRank, Order: 3, Build: func(d *importer.DataSet, c Choice) charts.Spec { return Rank(d, c) },
		Defaults: func(_ *importer.DataSet, c Choice) Choice {
			c.Cities, c.Metric = []string{"Chongqing"}, importer.ProductionRank
			return c
		}})
}

// Rank builds the chart of stated national ranks over time.
func Rank(d *importer.DataSet, c Choice) charts.Rank {
	metric := c.Metric
	if !importer.IsRank(metric) || metric == importer.OtherRank {
		metric = importer.ProductionRank
	}
	cities := c.Cities
	if len(cities) == 0 {
		cities = []string{"Chongqing"}
	}
	ls := c.lines(cities, 1, true, func(city string) []importer.TimelinePoint { return d.Ranks(city, metric) })
	label := c.metric(metric)
	if c.Lang != "zh" {
		label = lowerFirst(label)
	}
	sub := c.tr("chart.rank.subtitle")
	if ls.partial {
		sub = c.tr("chart.rank.subtitle_partial")
	}
	return charts.Rank{Series: ls.series, Text: charts.Text{
		Title:     c.tr("chart.line.title", c.cityList(cities), label, c.span(ls)),
		Subtitle:  sub,
		ValueAxis: c.tr("chart.rank.axis"),
		Footer:    c.withMarkKey(c.sourceLine(d, ls.sources), ls.marks),
	}}
}

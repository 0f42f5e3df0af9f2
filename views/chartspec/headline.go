package chartspec

import (
	"fmt"

	"autocities/charts"
	"autocities/importer"
)

// SlideHeadline is the name of the deck's slide of key figures.
const SlideHeadline = "headline"

// headlineMetrics are the figures a headline slide tries, in order.
var headlineMetrics = []importer.Metric{importer.Production, importer.NEVProduction, importer.ExportValue, importer.ProductionRank}

// Headline builds the slide of a region's key figures (the timeline's
// first region): each metric's latest figure — the full year, or the
// longest part of a year not finished — with its change on the same
// period a year before (as stated, else computed) and how it stands
// against a target. It also returns the sources of the figures.
func Headline(d *importer.DataSet, c Choice) (charts.Headline, []string) {
	region := "Chongqing"
	if len(c.Cities) > 0 {
		region = c.Cities[0]
	}
	h := charts.Headline{Title: c.tr("headline.title", c.city(region))}
	var sources []string
	used := marks{}
	for _, m := range headlineMetrics {
		st, ok := latest(d, region, m)
		if !ok {
			continue
		}
		o := st.Preferred()
		h.Figures = append(h.Figures, c.keyFigure(d, st))
		sources = append(sources, o.SourceID)
		used.add(o)
		for _, p := range TargetProgress(d, region, m) {
			if p.Target.Year == st.Key.Year {
				sources = append(sources, p.Target.SourceID)
			}
		}
	}
	h.Footer = c.withMarkKey(c.sourceLine(d, sources), used)
	return h, sources
}

// latest is a region's most recent figure of a metric: the latest year's
// full year, else its longest part-year figure.
func latest(d *importer.DataSet, region string, m importer.Metric) (importer.Stated, bool) {
	all := d.RegionSeries(region, m)
	var best importer.Stated
	found := false
	for _, st := range all {
		k := st.Key
		if k.Period.IsMonth() {
			continue
		}
		if !found || k.Year > best.Key.Year || k.Year == best.Key.Year && importer.ComparePeriods(k.Period, best.Key.Period) < 0 {
			best, found = st, true
		}
	}
	return best, found
}

// keyFigure puts one figure into words: value, what and when, change,
// target.
func (c Choice) keyFigure(d *importer.DataSet, st importer.Stated) charts.KeyFigure {
	o, k := st.Preferred(), st.Key
	when := c.tr("chart.year", k.Year)
	if !k.Period.IsFullYear() {
		when = c.tr("chart.when_period", c.period(k.Period), when)
	}
	f := charts.KeyFigure{Label: c.tr("headline.label", c.metric(k.Metric), when)}
	if importer.IsRank(k.Metric) {
		f.Value = c.tr("headline.rank", mark(o)+FormatNumber(o.Value, 0)+flag(o))
		f.Note = c.tr("chart.as_stated")
		return f
	}
	u := Choice{Metric: k.Metric, Lang: c.Lang}.unitOf(d)
	f.Value, f.Unit = mark(o)+FormatNumber(o.Value/u.Divisor, u.Decimals)+flag(o), c.unit(u)
	prev := c.tr("chart.year", k.Year-1)
	if !k.Period.IsFullYear() {
		prev = c.tr("chart.when_period", c.period(k.Period), prev)
	}
	switch pct, ok := d.YoY(k); {
	case o.YoY != nil:
		f.Change = c.tr("headline.change_stated", signed(*o.YoY), prev)
	case ok:
		f.Change = c.tr("headline.change", signed(pct), prev)
	}
	for _, p := range TargetProgress(d, k.Region, k.Metric) {
		if p.Target.Year != k.Year {
			continue
		}
		target := FormatNumber(p.Target.Value/u.Divisor, u.Decimals) + " " + c.unit(u)
		switch {
		case !p.Period.IsFullYear():
			f.Note = c.tr("headline.target_part", target, fmt.Sprintf("%.0f%%", p.Share))
		case p.Met():
			f.Note = c.tr("headline.target_met", target)
		default:
			f.Note = c.tr("headline.target_missed", target)
		}
	}
	return f
}

// signed writes a change with its sign: "+9.7%", "−3.1%".
func signed(pct float64) string {
	s := FormatNumber(pct, 1) + "%"
	if pct >= 0 {
		return "+" + s
	}
	return "−" + s[1:]
}

package chartspec

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"autocities/charts"
	"autocities/importer"
)

func init() {
	register(Kind{Name: KindCompare, Order: 1, build: func(d *importer.DataSet, c Choice) (charts.Spec, []string) { return compareSpec(d, c) },
		Defaults: func(d *importer.DataSet, c Choice) Choice {
			if y := DefaultYear(d, c.Metric, c.Period); y > 0 {
				c.Years = []int{y}
			}
			return c
		}})
}

// Compare builds the bar chart of one metric across cities; with no
// cities chosen, across DefaultRegions.
func Compare(d *importer.DataSet, c Choice) charts.Compare {
	spec, _ := compareSpec(d, c)
	return spec
}

// compareSpec is Compare and the sources of its values.
func compareSpec(d *importer.DataSet, c Choice) (charts.Compare, []string) {
	u := c.unitOf(d)
	years := c.Years
	if len(years) == 0 {
		if y := DefaultYear(d, c.Metric, c.Period); y > 0 {
			years = []int{y}
		}
	}
	period := c.Period
	cities := c.Cities
	if len(cities) == 0 {
		cities = DefaultRegions(d, c.Metric, period)
	}
	spec := charts.Compare{Text: charts.Text{
		Subtitle:  c.tr("chart.compare.subtitle", c.metric(c.Metric), c.yearsLabel(years), c.periodPhrase(period), c.unit(u)),
		ValueAxis: c.axisTitle(c.Metric, u),
		Decimals:  u.Decimals,
	}}
	for _, y := range years {
		spec.Groups = append(spec.Groups, strconv.Itoa(y))
	}
	bars := map[string]*charts.CompareBar{}
	var sources []string
	used := marks{}
	for i, y := range years {
		for _, s := range d.Compare(c.Metric, y, period) {
			city := s.Key.Region
			if !slices.Contains(cities, city) {
				continue
			}
			if bars[city] == nil {
				bars[city] = &charts.CompareBar{City: city, Values: nanSlice(len(years)),
					Marks: make([]string, len(years)), Flags: make([]string, len(years))}
			}
			p := s.Preferred()
			b := bars[city]
			b.Values[i], b.Marks[i], b.Flags[i] = p.Value/u.Divisor, mark(p), flag(p)
			used.add(p)
			sources = append(sources, p.SourceID)
		}
	}
	var levels []importer.Level
	for r, b := range bars {
		spec.Bars = append(spec.Bars, *b)
		levels = append(levels, d.Level(r))
	}
	sortBars(spec.Bars, c.Sort, importer.IsRank(c.Metric))
	for i := range spec.Bars {
		spec.Bars[i].City = c.city(spec.Bars[i].City)
	}
	spec.Title = c.compareTitle(spec.Bars, titleByLevel(levels), years, period)
	spec.Footer = c.withMarkKey(c.sourceLine(d, sources), used)
	if c.Highlight != "" {
		spec.Highlight = c.city(c.Highlight)
	}
	return spec, sources
}

// DefaultRegions lists the regions a Compare of the metric and period
// draws when none is chosen: those of the first level with figures —
// cities (municipalities included) where there are any, else
// province-level units, countries, aggregates — as the window's region
// picker offers cities first. Regions of no known level are kept. So
// China's national total and the provinces never crowd a default chart of
// cities.
func DefaultRegions(d *importer.DataSet, m importer.Metric, p importer.Period) []string {
	var regions []string
	for _, y := range d.Years(m, p) {
		for _, s := range d.Compare(m, y, p) {
			regions = append(regions, s.Key.Region)
		}
	}
	slices.Sort(regions)
	regions = slices.Compact(regions)
	for _, level := range []importer.Level{importer.LevelCity, importer.LevelProvince, importer.LevelCountry, importer.LevelAggregate} {
		if slices.ContainsFunc(regions, func(r string) bool { return level.Includes(d.Level(r)) }) {
			return slices.DeleteFunc(regions, func(r string) bool {
				l := d.Level(r)
				return l != importer.LevelUnknown && !level.Includes(l)
			})
		}
	}
	return regions
}

// DefaultYear is the latest year with a figure of the metric and period for
// at least three of the DefaultRegions (fewer if no year has three), or 0.
func DefaultYear(d *importer.DataSet, m importer.Metric, p importer.Period) int {
	regions := DefaultRegions(d, m, p)
	best, bestN := 0, 0
	for _, y := range d.Years(m, p) { // newest first: a tie keeps the newer year
		n := 0
		for _, s := range d.Compare(m, y, p) {
			if _, ok := slices.BinarySearch(regions, s.Key.Region); ok {
				n++
			}
		}
		if n = min(n, 3); n > bestN {
			best, bestN = y, n
		}
	}
	return best
}

// titleByLevel is the code of the title that says what the bars are: cities (municipalities
// among them), provinces (municipalities among them), countries, or
// regions when they are of several levels or of none known.
func titleByLevel(levels []importer.Level) string {
	all := func(f func(importer.Level) bool) bool {
		return len(levels) > 0 && !slices.ContainsFunc(levels, func(l importer.Level) bool { return !f(l) })
	}
	switch {
	case all(importer.Level.IsCity):
		return "chart.compare.title_by_city"
	case all(importer.Level.IsProvince):
		return "chart.compare.title_by_province"
	case all(func(l importer.Level) bool { return l == importer.LevelCountry }):
		return "chart.compare.title_by_country"
	}
	return "chart.compare.title_by_region"
}

// compareTitle: "Vehicle production by city, 2025" (by province, by
// country, by region when the bars are of several levels); a partial year
// says so ("…, Jan–Nov 2025"); a single city is named ("Chongqing:
// vehicle export value, Jan–Nov 2025").
func (c Choice) compareTitle(bars []charts.CompareBar, titleCode string, years []int, period importer.Period) string {
	when := c.yearsLabel(years)
	if !period.IsFullYear() {
		when = c.tr("chart.when_period", c.period(period), when)
	}
	if len(bars) == 1 {
		return c.tr("chart.compare.title_one", bars[0].City, c.metricInTitle(c.Metric), when)
	}
	return c.tr(titleCode, c.metric(c.Metric), when)
}

func nanSlice(n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = math.NaN()
	}
	return s
}

// sortBars orders by the last group's value, largest first (ranks: best
// first; missing last), or by name; ties by name so the order is stable.
func sortBars(bars []charts.CompareBar, by string, rank bool) {
	last := func(b charts.CompareBar) float64 {
		v := b.Values[len(b.Values)-1]
		switch {
		case math.IsNaN(v):
			return math.Inf(-1)
		case rank:
			return -v
		}
		return v
	}
	slices.SortFunc(bars, func(a, b charts.CompareBar) int {
		if by == "name" {
			return strings.Compare(a.City, b.City)
		}
		return cmp.Or(cmp.Compare(last(b), last(a)), strings.Compare(a.City, b.City))
	})
}

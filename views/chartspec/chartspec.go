// Package chartspec is the one bridge between the data and the pictures: it
// turns data-set queries and the user's choices into charts specs (titles,
// units, source lines). It has no Fyne, so the command line uses it too.
package chartspec

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"autocities/charts"
	"autocities/importer"
)

// Kinds of chart.
const (
	KindCompare  = "compare"
	KindTimeline = "timeline"
	KindRank     = "rank"
)

// Choice is what the user picked: the same fields drive the window and the
// chart command.
type Choice struct {
	Kind   string
	Metric string
	Years  []int  // compare: one year, or several for grouped bars
	Period string // FY, YTDnn, Mnn
	Cities []string
	Unit   string // a DisplayUnit key; "" for the metric's default
	Sort   string // compare: "value" (default, largest first) or "name"
	Event  int    // timeline: index of the highlighted event in Events(d, Cities); -1 none
	Lang   string // chart text language: "" or "en" English, "zh" Chinese
	Events string // timeline: which events to draw: EventsKey (default), EventsAll, EventsNone
}

// Which events a timeline draws. The one selected is always drawn.
const (
	EventsKey  = "key"  // rankings and company moves: the story in a few markers
	EventsAll  = "all"  // every event of the cities
	EventsNone = "none" // none
)

// drawn reports whether the timeline draws an event of this kind.
func (c Choice) drawn(kind string) bool {
	switch c.Events {
	case EventsAll:
		return true
	case EventsNone:
		return false
	}
	return kind == importer.KindRanking || kind == importer.KindCompany
}

// Defaults returns the command line's default choice for a kind of chart.
func Defaults(d *importer.DataSet, kind string) Choice {
	c := Choice{Kind: cmp.Or(kind, KindCompare), Metric: importer.Production, Period: "FY", Event: -1}
	switch c.Kind {
	case KindCompare:
		if y := d.DefaultCompareYear(c.Metric, c.Period); y > 0 {
			c.Years = []int{y}
		}
	case KindTimeline, KindRank:
		c.Cities = []string{"Chongqing"}
		if c.Kind == KindRank {
			c.Metric = importer.ProductionRank
		}
	}
	return c
}

// DisplayUnit is a unit values are shown in.
type DisplayUnit struct {
	Key      string // vehicles, 10k, million, CNY, 100m, billion
	Label    string // for axis titles and subtitles
	Divisor  float64
	Decimals int
}

// DisplayUnits lists the units for vehicles and for money.
var DisplayUnits = []DisplayUnit{
	{"vehicles", "vehicles", 1, 0},
	{"10k", "10k vehicles (万辆)", 1e4, 1},
	{"million", "million vehicles", 1e6, 2},
	{"CNY", "yuan", 1, 0},
	{"100m", "100 million yuan (亿元)", 1e8, 1},
	{"billion", "billion yuan", 1e9, 2},
	{"rank", "rank", 1, 0},
}

// UnitsFor lists the display units that fit a metric.
func UnitsFor(metric string) []DisplayUnit {
	switch importer.MetricUnit(metric) {
	case importer.UnitRank:
		return DisplayUnits[6:]
	case importer.UnitCNY:
		return DisplayUnits[3:6]
	}
	return DisplayUnits[:3]
}

// Unit resolves a unit key for a metric; an empty or unfitting key gives the
// metric's default (million vehicles, billion yuan).
func Unit(metric, key string) DisplayUnit {
	units := UnitsFor(metric)
	for _, u := range units {
		if u.Key == key {
			return u
		}
	}
	if len(units) == 1 {
		return units[0]
	}
	return units[len(units)-1]
}

// Build makes the spec for the choice: a charts.Compare, charts.Timeline or
// charts.Rank.
func Build(d *importer.DataSet, c Choice) (any, error) {
	switch c.Kind {
	case KindCompare, "":
		return Compare(d, c), nil
	case KindTimeline:
		return Timeline(d, c), nil
	case KindRank:
		return Rank(d, c), nil
	}
	return nil, fmt.Errorf("chart kind %q is not compare, timeline or rank", c.Kind)
}

// sourceLine names the sources of the values drawn, shortened when many.
func (c Choice) sourceLine(d *importer.DataSet, ids []string) string {
	var names []string
	for _, id := range ids {
		name := id
		if s, ok := d.Source(id); ok {
			name = cmp.Or(s.Publisher, s.Title, id)
		}
		if name != "" && !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	switch {
	case len(names) == 0:
		return c.tr("Source: none stated")
	case len(names) > 4:
		return fmt.Sprintf(c.tr("Sources: %s and %d more"), strings.Join(names[:3], c.tr("; ")), len(names)-3)
	case len(names) > 1:
		return c.tr("Sources: ") + strings.Join(names, c.tr("; "))
	}
	return c.tr("Source: ") + names[0]
}

func (c Choice) yearsLabel(years []int) string {
	var parts []string
	for _, y := range years {
		s := strconv.Itoa(y)
		if c.Lang == "zh" {
			s += "年"
		}
		parts = append(parts, s)
	}
	if len(parts) == 2 {
		return parts[0] + c.tr(" vs ") + parts[1]
	}
	return strings.Join(parts, ", ")
}

// mark is the label prefix that keeps a weak figure from looking as solid
// as a firm one: ">" for "more than", "~" for approximate, estimated or
// low-confidence figures.
func mark(o importer.Observation) string {
	switch {
	case o.Qualifier == importer.MoreThan:
		return ">"
	case o.Qualifier == importer.Approx || o.Qualifier == importer.Nearly ||
		o.Qualifier == importer.Estimate || o.Confidence == importer.Low:
		return "~"
	}
	return ""
}

// withMarkKey adds to the source line what the marks mean, when any is used.
func (c Choice) withMarkKey(footer string, marks map[string]bool) string {
	var keys []string
	if marks["~"] {
		keys = append(keys, c.tr("~ approximate or from a weaker source"))
	}
	if marks[">"] {
		keys = append(keys, c.tr("> more than"))
	}
	if len(keys) == 0 {
		return footer
	}
	return footer + " · " + strings.Join(keys, c.tr("; "))
}

func (c Choice) periodPhrase(period string) string {
	if period == "FY" {
		return c.tr("full year")
	}
	return c.period(period)
}

// Compare builds the bar chart of one metric across cities.
func Compare(d *importer.DataSet, c Choice) charts.Compare {
	u := Unit(c.Metric, c.Unit)
	years := c.Years
	if len(years) == 0 {
		if y := d.DefaultCompareYear(c.Metric, c.Period); y > 0 {
			years = []int{y}
		}
	}
	period := cmp.Or(c.Period, "FY")
	spec := charts.Compare{Text: charts.Text{
		Subtitle: fmt.Sprintf(c.tr("%s · %s %s · %s"), c.metric(c.Metric), c.yearsLabel(years),
			c.periodPhrase(period), c.unit(u)),
		ValueAxis: c.axisTitle(c.Metric, u),
		Decimals:  u.Decimals,
	}}
	for _, y := range years {
		spec.Groups = append(spec.Groups, strconv.Itoa(y))
	}
	bars := map[string]*charts.CompareBar{}
	var sources []string
	marks := map[string]bool{}
	for i, y := range years {
		for _, s := range d.Compare(c.Metric, y, period) {
			city := s.Key.City
			if len(c.Cities) > 0 && !slices.Contains(c.Cities, city) {
				continue
			}
			if bars[city] == nil {
				bars[city] = &charts.CompareBar{City: city, Values: nanSlice(len(years)), Marks: make([]string, len(years))}
			}
			p := s.Preferred()
			bars[city].Values[i], bars[city].Marks[i] = p.Value/u.Divisor, mark(p)
			marks[mark(p)] = true
			sources = append(sources, p.SourceID)
		}
	}
	for _, b := range bars {
		spec.Bars = append(spec.Bars, *b)
	}
	sortBars(spec.Bars, c.Sort, importer.IsRank(c.Metric))
	for i := range spec.Bars {
		spec.Bars[i].City = c.city(spec.Bars[i].City)
	}
	spec.Title = c.compareTitle(spec.Bars, years, period)
	spec.Footer = c.withMarkKey(c.sourceLine(d, sources), marks)
	return spec
}

// compareTitle: "Vehicle production by city, 2025"; a partial year says
// so ("…, Jan–Nov 2025"); a single city is named ("Chongqing: vehicle
// export value, Jan–Nov 2025").
func (c Choice) compareTitle(bars []charts.CompareBar, years []int, period string) string {
	when := c.yearsLabel(years)
	if period != "FY" {
		when = fmt.Sprintf(c.tr("%s %s"), c.period(period), when)
	}
	if len(bars) == 1 {
		metric := c.metric(c.Metric)
		if c.Lang != "zh" {
			metric = lowerFirst(metric)
		}
		return fmt.Sprintf(c.tr("%s: %s, %s"), bars[0].City, metric, when)
	}
	return fmt.Sprintf(c.tr("%s by city, %s"), c.metric(c.Metric), when)
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

func (c Choice) axisTitle(metric string, u DisplayUnit) string {
	if importer.IsRank(metric) {
		return c.tr("Rank among Chinese cities (1 = top)")
	}
	return upperFirst(c.unit(u)) // the title and subtitle already name the metric
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// lowerFirst writes "Vehicle production" as "vehicle production" after a
// colon (Chinese has no case).
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

func (c Choice) cityList(cities []string) string {
	var out []string
	for _, city := range cities {
		out = append(out, c.city(city))
	}
	if c.Lang == "zh" {
		return strings.Join(out, "、")
	}
	return strings.Join(out, ", ")
}

// Timeline builds the line chart of one or several cities over years.
func Timeline(d *importer.DataSet, c Choice) charts.Timeline {
	u := Unit(c.Metric, c.Unit)
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
	sub := c.tr("%s · full years · %s")
	if ls.partial {
		sub = c.tr("%s · full years; hollow points are partial years · %s")
	}
	spec.Text = charts.Text{
		Title:     fmt.Sprintf(c.tr("%s: %s%s"), c.cityList(cities), metric, c.span(ls)),
		Subtitle:  fmt.Sprintf(sub, c.metric(c.Metric), c.unit(u)),
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
				Label: fmt.Sprintf(c.tr("%d target: %s"), t.Year, FormatNumber(t.Value/u.Divisor, u.Decimals)+" "+c.unit(u))}
			sources = append(sources, t.SourceID)
		}
	}
	spec.Footer = c.withMarkKey(c.sourceLine(d, sources), ls.marks)
	return spec
}

// lineSet is what the timeline and rank charts draw: a series per city and
// what the titles and source line say of them.
type lineSet struct {
	series  []charts.Series
	sources []string
	marks   map[string]bool
	lo, hi  int
	partial bool
}

// lines builds the series; marks counts the marks of the values the chart
// labels: every rank, else each line's last value.
func (c Choice) lines(cities []string, divisor float64, labelAll bool, points func(city string) []importer.TimelinePoint) lineSet {
	ls := lineSet{marks: map[string]bool{}, lo: math.MaxInt, hi: math.MinInt}
	for _, city := range cities {
		s := charts.Series{City: c.city(city)}
		for _, p := range points(city) {
			o := p.Preferred()
			pt := charts.Point{Year: p.Key.Year, Value: o.Value / divisor, Partial: p.Partial, Mark: mark(o)}
			if p.Partial {
				pt.Label = c.period(p.Key.Period)
				ls.partial = true
			}
			s.Points = append(s.Points, pt)
			ls.sources = append(ls.sources, o.SourceID)
			ls.lo, ls.hi = min(ls.lo, p.Key.Year), max(ls.hi, p.Key.Year)
		}
		for i, p := range s.Points {
			if labelAll || i == len(s.Points)-1 {
				ls.marks[p.Mark] = true
			}
		}
		ls.series = append(ls.series, s)
	}
	return ls
}

// span is ", 2014–2025" for the title, "" when nothing is drawn.
func (c Choice) span(ls lineSet) string {
	if ls.lo > ls.hi {
		return ""
	}
	return fmt.Sprintf(c.tr(", %d–%d"), ls.lo, ls.hi)
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
		m := charts.Marker{At: e.When(), Label: e.Title, Highlight: i == highlight}
		if !strings.Contains(e.Date, "-") {
			m.Date = e.Date
		}
		out = append(out, m)
	}
	return out
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
	sub := c.tr("Rank among Chinese cities, as stated by sources · 1 = top")
	if ls.partial {
		sub = c.tr("Rank among Chinese cities, as stated by sources · 1 = top · hollow: a rank for part of the year")
	}
	return charts.Rank{Series: ls.series, Text: charts.Text{
		Title:     fmt.Sprintf(c.tr("%s: %s%s"), c.cityList(cities), label, c.span(ls)),
		Subtitle:  sub,
		ValueAxis: c.tr("Rank (as stated by sources)"),
		Footer:    c.withMarkKey(c.sourceLine(d, ls.sources), ls.marks),
	}}
}

// FormatValue writes a value already in the display unit with the unit's
// decimals and thousands separators: "2.54 million vehicles".
func FormatValue(v float64, u DisplayUnit) string {
	return FormatNumber(v, u.Decimals) + " " + u.Label
}

// FormatNumber writes a number with thousands separators, rounded half
// up as in the charts and in Excel.
func FormatNumber(v float64, decimals int) string { return charts.FormatValue(v, decimals) }

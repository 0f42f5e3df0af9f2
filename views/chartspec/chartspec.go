// Package chartspec is the one bridge between the data and the pictures: it
// turns data-set queries and the user's choices into charts specs (titles,
// units, source lines). It has no Fyne, so the command line uses it too.
package chartspec

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"autocities/charts"
	"autocities/importer"
)

// Choice is what the user picked: the same fields drive the window and the
// chart command.
type Choice struct {
	Kind   string
	Metric importer.Metric
	Years  []int // compare: one year, or several for grouped bars
	Period importer.Period
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
func UnitsFor(metric importer.Metric) []DisplayUnit {
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
func Unit(metric importer.Metric, key string) DisplayUnit {
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

// sourceLine names the sources of the values drawn, shortened when many.
func (c Choice) sourceLine(d *importer.DataSet, ids []string) string {
	var names []any
	for _, id := range ids {
		name := id
		if s, ok := d.Source(id); ok {
			name = cmp.Or(s.Publisher, s.Title, id)
		}
		if name != "" && !slices.Contains(names, any(name)) {
			names = append(names, name)
		}
	}
	switch {
	case len(names) == 0:
		return c.tr("chart.source.none")
	case len(names) > 4:
		return c.tr("chart.sources.more", importer.M("list", names[:3]...), len(names)-3)
	case len(names) > 1:
		return c.tr("chart.sources", importer.M("list", names...))
	}
	return c.tr("chart.source", names[0])
}

func (c Choice) yearsLabel(years []int) string {
	var parts []string
	for _, y := range years {
		parts = append(parts, c.tr("chart.year", y))
	}
	if len(parts) == 2 {
		return c.tr("chart.vs", parts[0], parts[1])
	}
	return strings.Join(parts, c.tr("and.sep"))
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
	var keys []any
	if marks["~"] {
		keys = append(keys, importer.M("chart.key.approx"))
	}
	if marks[">"] {
		keys = append(keys, importer.M("chart.key.more_than"))
	}
	if len(keys) == 0 {
		return footer
	}
	return c.tr("chart.footer_key", footer, importer.M("list", keys...))
}

func (c Choice) periodPhrase(period importer.Period) string { return c.period(period) }

func (c Choice) axisTitle(metric importer.Metric, u DisplayUnit) string {
	if importer.IsRank(metric) {
		return c.tr("chart.rank_axis")
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
	return strings.Join(out, c.tr("and.sep"))
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
	return c.tr("chart.span", ls.lo, ls.hi)
}

// FormatNumber writes a number with thousands separators, rounded half
// up as in the charts and in Excel.
func FormatNumber(v float64, decimals int) string { return charts.FormatValue(v, decimals) }

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
	Key      string // vehicles, 10k, million, CNY, 100m, billion, … (words: unit.d.KEY)
	Kind     importer.UnitKind
	Divisor  float64
	Decimals int
	Written  string // a unit of kind other: as the file wrote it
}

// DisplayUnits lists the units values can be shown in, by kind; the
// default of each kind is chosen by DefaultUnit.
var DisplayUnits = []DisplayUnit{
	{Key: "vehicles", Kind: importer.KindVehicles, Divisor: 1},
	{Key: "10k", Kind: importer.KindVehicles, Divisor: 1e4, Decimals: 1},
	{Key: "million", Kind: importer.KindVehicles, Divisor: 1e6, Decimals: 2},
	{Key: "CNY", Kind: importer.KindCNY, Divisor: 1},
	{Key: "100m", Kind: importer.KindCNY, Divisor: 1e8, Decimals: 1},
	{Key: "billion", Kind: importer.KindCNY, Divisor: 1e9, Decimals: 2},
	{Key: "USD", Kind: importer.KindUSD, Divisor: 1},
	{Key: "million_usd", Kind: importer.KindUSD, Divisor: 1e6, Decimals: 1},
	{Key: "billion_usd", Kind: importer.KindUSD, Divisor: 1e9, Decimals: 2},
	{Key: "people", Kind: importer.KindPeople, Divisor: 1},
	{Key: "10k_people", Kind: importer.KindPeople, Divisor: 1e4, Decimals: 1},
	{Key: "million_people", Kind: importer.KindPeople, Divisor: 1e6, Decimals: 2},
	{Key: "percent", Kind: importer.KindPercent, Divisor: 1, Decimals: 1},
	{Key: "tonnes", Kind: importer.KindTonnes, Divisor: 1},
	{Key: "10k_tonnes", Kind: importer.KindTonnes, Divisor: 1e4, Decimals: 1},
	{Key: "count", Kind: importer.KindCount, Divisor: 1},
	{Key: "rank", Kind: importer.KindRank, Divisor: 1},
	{Key: "other", Kind: importer.KindOther, Divisor: 1, Decimals: 2},
}

// UnitsFor lists the display units of a kind of unit.
func UnitsFor(kind importer.UnitKind) []DisplayUnit {
	var out []DisplayUnit
	for _, u := range DisplayUnits {
		if u.Kind == kind {
			out = append(out, u)
		}
	}
	if len(out) == 0 {
		return UnitsFor(importer.KindOther)
	}
	return out
}

// defaults are each kind's usual display unit in English and in Chinese
// (Chinese readers count in 万 and 亿).
var defaults = map[importer.UnitKind][2]string{
	importer.KindVehicles: {"million", "10k"},
	importer.KindCNY:      {"billion", "100m"},
	importer.KindUSD:      {"billion_usd", "billion_usd"},
	importer.KindPeople:   {"million_people", "10k_people"},
	importer.KindTonnes:   {"10k_tonnes", "10k_tonnes"},
}

// Unit resolves a display unit key for a kind of unit; an empty or
// unfitting key gives the kind's default in the language.
func Unit(kind importer.UnitKind, key, lang string) DisplayUnit {
	units := UnitsFor(kind)
	def := units[0].Key
	if d, ok := defaults[kind]; ok {
		def = d[0]
		if lang == "zh" {
			def = d[1]
		}
	}
	for _, want := range []string{key, def} {
		for _, u := range units {
			if u.Key == want {
				return u
			}
		}
	}
	return units[0]
}

// unitOf is the display unit of the choice: the metric's kind, the key
// chosen, the language; a unit of kind other is its own unit as written.
func (c Choice) unitOf(d *importer.DataSet) DisplayUnit {
	u := Unit(d.KindOf(c.Metric), c.Unit, c.Lang)
	if u.Kind == importer.KindOther {
		u.Written = d.UnitOf(c.Metric)
	}
	return u
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

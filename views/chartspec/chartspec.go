// Package chartspec is the one bridge between the data and the pictures: it
// turns data-set queries and the user's choices into charts specs (titles,
// units, source lines). It has no Fyne, so the command line uses it too.
package chartspec

import (
	"cmp"
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

	// SamePeriod (timeline) adds, for each region, a line of its latest
	// part-year period in every year that has it (Jan–Nov 2025 against
	// Jan–Nov 2024): like with like, beside the full years. Period, when a
	// part year, names the period; else the region's latest one.
	SamePeriod bool
	// Highlight draws one region in its colour and the others grey.
	Highlight string
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

// sourceLine names every source of the values drawn, the strongest first
// (the report, then official statistics, media, others), each once. A weak
// host that copies another publisher is named by that publisher.
func (c Choice) sourceLine(d *importer.DataSet, ids []string) string {
	names := c.sourceNames(d, ids)
	switch len(names) {
	case 0:
		return c.tr("chart.source.none")
	case 1:
		return c.tr("chart.source", names[0])
	}
	return c.tr("chart.sources", importer.M("list", names...))
}

// sourceNames are the sources' names in the order sourceLine gives them.
func (c Choice) sourceNames(d *importer.DataSet, ids []string) []any {
	type named struct {
		name string
		tier int
	}
	var list []named
	for _, id := range ids {
		n := named{name: id, tier: tierOrder(importer.TierOther)}
		if s, ok := d.Source(id); ok {
			n = named{name: c.sourceName(s), tier: tierOrder(s.Tier)}
		}
		if n.name != "" && !slices.ContainsFunc(list, func(x named) bool { return x.name == n.name }) {
			list = append(list, n)
		}
	}
	slices.SortStableFunc(list, func(a, b named) int { return cmp.Compare(a.tier, b.tier) })
	out := make([]any, len(list))
	for i, n := range list {
		out[i] = n.name
	}
	return out
}

// sourceName is a source as a source line names it: its publisher, or for
// a copy the publisher it copies ("Yangcheng Evening News (via a repost)").
func (c Choice) sourceName(s importer.Source) string {
	if s.ID == importer.UserSource {
		return c.tr("chart.source.user")
	}
	if s.Original != "" {
		return c.tr("chart.source.copy", s.Original)
	}
	return cmp.Or(s.Publisher, s.Title, s.ID)
}

func tierOrder(tier string) int {
	switch tier {
	case importer.TierReport:
		return 0
	case importer.TierOfficial:
		return 1
	case importer.TierMedia:
		return 2
	}
	return 3
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
// as a firm one: ">" for "more than", "~" for approximate or estimated.
func mark(o importer.Observation) string {
	switch o.Qualifier {
	case importer.MoreThan:
		return ">"
	case importer.Approx, importer.Nearly, importer.Estimate:
		return "~"
	}
	return ""
}

// flag is what follows a weak figure's value: "?" from a weaker source
// (low confidence), "✎" corrected by the user, "*" from an imported file.
func flag(o importer.Observation) string {
	var f string
	if o.Confidence == importer.Low {
		f += "?"
	}
	if o.SourceID == importer.UserSource || o.EditedFrom != nil {
		f += charts.Pencil
	} else if strings.HasPrefix(o.SourceID, importer.FileSourcePrefix) {
		f += "*"
	}
	return f
}

// marks collects the marks a chart draws, for its key.
type marks map[string]bool

func (m marks) add(o importer.Observation) {
	for _, r := range mark(o) + flag(o) {
		m[string(r)] = true
	}
}

// withMarkKey adds to the source line what the marks mean, when any is used.
func (c Choice) withMarkKey(footer string, m marks) string {
	var keys []any
	for _, k := range []struct{ mark, code string }{
		{"~", "chart.key.approx"}, {">", "chart.key.more_than"}, {"?", "chart.key.low"},
		{charts.Pencil, "chart.key.corrected"}, {"*", "chart.key.imported"},
	} {
		if m[k.mark] {
			keys = append(keys, importer.M(k.code))
		}
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
// colon; a word in capitals stays ("NEV production", "EV export value"),
// and Chinese has no case.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if next, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(next) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

func (c Choice) cityList(cities []string) string {
	var out []string
	for _, city := range cities {
		out = append(out, c.city(city))
	}
	return strings.Join(out, c.tr("and.sep"))
}

// FormatNumber writes a number with thousands separators, rounded half
// up as in the charts and in Excel.
func FormatNumber(v float64, decimals int) string { return charts.FormatValue(v, decimals) }

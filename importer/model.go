// Package importer owns Auto Cities' data: the model (observations, targets,
// events, glossary terms, sources, regions, user indicators), the queries
// the views need (compare, timeline, rank, conflicts), normalisation of
// regions, units and periods, and reading and writing spreadsheets. It
// never imports Fyne or the assets package: callers hand it the files to
// read (the default data, the gazetteer).
package importer

import (
	"strconv"
	"strings"
)

// Metric is what a figure measures: one of the built-in metrics below, or
// a user indicator named as its file wrote it ("民用汽车拥有量"), described
// by the data set's Indicators.
type Metric string

// The built-in metrics.
const (
	Production        Metric = "production"
	NEVProduction     Metric = "nev_production"
	Sales             Metric = "sales"
	NEVSales          Metric = "nev_sales"
	ExportUnits       Metric = "export_units"
	ExportValue       Metric = "export_value"
	EVExportValue     Metric = "ev_export_value"
	ProductionRank    Metric = "production_rank"
	NEVProductionRank Metric = "nev_production_rank"
	OtherRank         Metric = "other_rank"
)

// Metrics lists the built-in metrics in the order the UI offers them.
var Metrics = []Metric{Production, NEVProduction, Sales, NEVSales, ExportUnits,
	ExportValue, EVExportValue, ProductionRank, NEVProductionRank, OtherRank}

// BuiltIn reports whether m is one of the built-in metrics.
func (m Metric) BuiltIn() bool {
	for _, b := range Metrics {
		if b == m {
			return true
		}
	}
	return false
}

// Canonical units.
const (
	UnitVehicles = "vehicles"
	UnitCNY      = "CNY"
	UnitUSD      = "USD"
	UnitPeople   = "people"
	UnitPercent  = "percent"
	UnitTonnes   = "tonnes"
	UnitCount    = "count"
	UnitRank     = "rank"
)

// UnitKind is what a unit counts; values are only compared with values of
// the same kind.
type UnitKind string

// Unit kinds. A unit of kind Other is kept as written.
const (
	KindVehicles UnitKind = "vehicles"
	KindCNY      UnitKind = "CNY"
	KindUSD      UnitKind = "USD"
	KindPeople   UnitKind = "people"
	KindPercent  UnitKind = "percent"
	KindTonnes   UnitKind = "tonnes"
	KindCount    UnitKind = "count"
	KindRank     UnitKind = "rank"
	KindOther    UnitKind = "other"
)

// UnitKinds lists the kinds a user indicator can have.
var UnitKinds = []UnitKind{KindVehicles, KindCNY, KindUSD, KindPeople, KindPercent, KindTonnes, KindCount, KindOther}

// MetricUnit returns the canonical unit of a built-in metric: vehicles,
// CNY or rank; "" for a user indicator (see DataSet.UnitOf).
func MetricUnit(m Metric) string {
	switch m {
	case ExportValue, EVExportValue:
		return UnitCNY
	case ProductionRank, NEVProductionRank, OtherRank:
		return UnitRank
	case Production, NEVProduction, Sales, NEVSales, ExportUnits:
		return UnitVehicles
	}
	return ""
}

// IsRank reports whether a metric is a stated rank.
func IsRank(m Metric) bool { return MetricUnit(m) == UnitRank }

// Indicator describes a user indicator: a metric the app has no built-in
// knowledge of, named as the file wrote it.
type Indicator struct {
	Metric  Metric   // the name as written, e.g. 民用汽车拥有量
	English string   // an English name where the file gives one
	Unit    string   // canonical unit: vehicles, CNY, USD, people, percent, tonnes, count, or the unit as written
	Kind    UnitKind // what the unit counts
	Note    string
}

// Level is what kind of place a region is.
type Level uint8

// Region levels. A municipality (Beijing, Tianjin, Shanghai, Chongqing) is
// a city and a province-level unit at once.
const (
	LevelUnknown  Level = iota // a name no gazetteer knows and no one said
	LevelCity                  // prefecture-level and above
	LevelProvince              // province, autonomous region, SAR
	LevelMunicipality
	LevelCountry
	LevelAggregate // World, Europe, 全国 …
)

var levelNames = [...]string{"unknown", "city", "province", "municipality", "country", "aggregate"}

// String is the level's name: city, province, municipality, country,
// aggregate or unknown.
func (l Level) String() string {
	if int(l) < len(levelNames) {
		return levelNames[l]
	}
	return "unknown"
}

// ParseLevel reads a level's name; "" and "unknown" are LevelUnknown.
func ParseLevel(s string) (Level, bool) {
	t := strings.ToLower(strings.TrimSpace(s))
	for i, n := range levelNames {
		if t == n {
			return Level(i), true
		}
	}
	return LevelUnknown, t == ""
}

// IsCity reports whether regions of this level are compared as cities.
func (l Level) IsCity() bool { return l == LevelCity || l == LevelMunicipality }

// IsProvince reports whether regions of this level are compared as
// province-level units.
func (l Level) IsProvince() bool { return l == LevelProvince || l == LevelMunicipality }

// Includes reports whether a region of level r belongs among regions of
// level l: a municipality is among cities and among provinces.
func (l Level) Includes(r Level) bool {
	switch l {
	case LevelCity:
		return r.IsCity()
	case LevelProvince:
		return r.IsProvince()
	}
	return l == r
}

// Qualifiers say how exact a stated figure is.
const (
	Exact    = "exact"
	Approx   = "approx"
	Nearly   = "nearly"
	MoreThan = "more_than"
	Estimate = "estimate"
)

// Confidence levels: low marks rows from weak hosts (reposts, Q&A answers,
// mirrors); they are never preferred over a stronger source.
const (
	Normal = "normal"
	Low    = "low"
)

// Source tiers, strongest first.
const (
	TierReport   = "report"
	TierOfficial = "official"
	TierMedia    = "media"
	TierOther    = "other"
)

// Source is where figures, events and terms come from.
type Source struct {
	ID        string
	Title     string
	Publisher string
	URL       string
	Date      string // publication date: YYYY, YYYY-MM or YYYY-MM-DD
	Tier      string
	// Original is the publisher a weak host copies (a repost, a mirror, a
	// Q&A answer quoting a paper): "Yangcheng Evening News" for
	// "Repost (uscntv.com) of Yangcheng Evening News". Charts name it
	// rather than the host; "" for a source that publishes its own work.
	Original string
}

// Observation is one stated figure: a region's value of a metric for a
// year and period (and, where the file has one, a dimension such as 纯电动),
// in the canonical unit.
type Observation struct {
	Region     string // canonical English name, or the name as written when no gazetteer knows it
	Year       int
	Period     Period
	Metric     Metric
	Dimension  string // a category the figure is for ("纯电动"), or ""
	Value      float64
	Qualifier  string
	Confidence string
	YoY        *float64 // stated year-on-year growth in percent, if any
	SourceID   string
	Note       string
	EditedFrom *float64 // the original value when the user corrected it
}

// Key identifies what an observation measures.
func (o Observation) Key() Key { return Key{o.Region, o.Year, o.Period, o.Metric, o.Dimension} }

// Key is what several sources may state a value for.
type Key struct {
	Region    string
	Year      int
	Period    Period
	Metric    Metric
	Dimension string
}

// Target is a stated goal, such as Chongqing's 2025 production target.
type Target struct {
	City     string
	Year     int
	Metric   Metric
	Value    float64
	SourceID string
	Note     string
}

// Event kinds.
const (
	KindPolicy    = "policy"
	KindCompany   = "company"
	KindRanking   = "ranking"
	KindMilestone = "milestone"
)

// Event is something that happened: a policy, a company move, a ranking.
type Event struct {
	Date     string // YYYY, YYYY-MM or YYYY-MM-DD
	City     string // optional
	Kind     string
	Title    string
	Detail   string
	SourceID string
	TitleZh  string // the title in Chinese, where the data gives it
	DetailZh string
}

// Year is the event's year, 0 if the date cannot be read.
func (e Event) Year() int {
	y, _ := strconv.Atoi(strings.SplitN(e.Date, "-", 2)[0])
	return y
}

// When is the event's date as a fractional year (2025-07 → 2025.5), for
// placing it on a timeline.
func (e Event) When() float64 {
	parts := strings.Split(e.Date, "-")
	y, _ := strconv.Atoi(parts[0])
	x := float64(y) + 0.5 // a year-only date: mid-year
	if len(parts) > 1 {
		if m, _ := strconv.Atoi(parts[1]); m >= 1 && m <= 12 {
			x = float64(y) + (float64(m)-0.5)/12
		}
	}
	return x
}

// Term is one sense of a glossary entry. A term with several senses (such as
// "Chang'an": the carmaker and the ancient capital) has one Term per sense.
type Term struct {
	Term      string
	Sense     string
	Chinese   string
	Kind      string // city, district, company, policy, plan, corridor
	Summary   string
	Aliases   []string
	Related   []string
	SourceID  string
	SenseZh   string // the sense and summary in Chinese, where the data gives them
	SummaryZh string
}

// Package importer owns Auto Cities' data: the model (observations, targets,
// events, glossary terms, sources), the queries the views need (compare,
// timeline, rank, conflicts), normalisation of cities, units and periods, and
// reading and writing spreadsheets. It never imports Fyne or the assets
// package: callers hand it the files to read.
package importer

import (
	"strconv"
	"strings"
)

// Canonical metrics.
const (
	Production        = "production"
	NEVProduction     = "nev_production"
	Sales             = "sales"
	NEVSales          = "nev_sales"
	ExportUnits       = "export_units"
	ExportValue       = "export_value"
	EVExportValue     = "ev_export_value"
	ProductionRank    = "production_rank"
	NEVProductionRank = "nev_production_rank"
	OtherRank         = "other_rank"
)

// Canonical units.
const (
	UnitVehicles = "vehicles"
	UnitCNY      = "CNY"
	UnitRank     = "rank"
)

// Metrics lists the canonical metrics in the order the UI offers them.
var Metrics = []string{Production, NEVProduction, Sales, NEVSales, ExportUnits,
	ExportValue, EVExportValue, ProductionRank, NEVProductionRank, OtherRank}

// MetricUnit returns the canonical unit of a metric: vehicles, CNY or rank.
func MetricUnit(metric string) string {
	switch metric {
	case ExportValue, EVExportValue:
		return UnitCNY
	case ProductionRank, NEVProductionRank, OtherRank:
		return UnitRank
	}
	return UnitVehicles
}

// IsRank reports whether a metric is a stated rank.
func IsRank(metric string) bool { return MetricUnit(metric) == UnitRank }

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
}

// Observation is one stated figure: a city's value of a metric for a year and
// period, in the canonical unit (vehicles, CNY or rank).
type Observation struct {
	City       string
	Year       int
	Period     string // FY, YTDnn or Mnn
	Metric     string
	Value      float64
	Qualifier  string
	Confidence string
	YoY        *float64 // stated year-on-year growth in percent, if any
	SourceID   string
	Note       string
	EditedFrom *float64 // the original value when the user corrected it

	seq int // order of arrival: ties in the preference rule go to the earlier row
}

// Unit is the observation's canonical unit.
func (o Observation) Unit() string { return MetricUnit(o.Metric) }

// Key identifies what an observation measures.
func (o Observation) Key() Key { return Key{o.City, o.Year, o.Period, o.Metric} }

// Key is what several sources may state a value for.
type Key struct {
	City   string
	Year   int
	Period string
	Metric string
}

// Target is a stated goal, such as Chongqing's 2025 production target.
type Target struct {
	City     string
	Year     int
	Metric   string
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
	Term     string
	Sense    string
	Chinese  string
	Kind     string // city, district, company, policy, plan, corridor
	Summary  string
	Aliases  []string
	Related  []string
	SourceID string
}

// DataSet is the working data: everything the app shows.
type DataSet struct {
	Observations []Observation
	Targets      []Target
	Events       []Event
	Terms        []Term
	Sources      []Source

	nextSeq int
}

// AddObservation appends an observation, remembering its order of arrival.
func (d *DataSet) AddObservation(o Observation) {
	d.nextSeq++
	o.seq = d.nextSeq
	d.Observations = append(d.Observations, o)
}

// Source returns the source with the given ID.
func (d *DataSet) Source(id string) (Source, bool) {
	for _, s := range d.Sources {
		if s.ID == id {
			return s, true
		}
	}
	return Source{}, false
}

// Merge adds another data set's rows to this one; sources with an ID already
// present are kept once.
func (d *DataSet) Merge(other *DataSet) {
	for _, o := range other.Observations {
		d.AddObservation(o)
	}
	d.Targets = append(d.Targets, other.Targets...)
	d.Events = append(d.Events, other.Events...)
	d.Terms = append(d.Terms, other.Terms...)
	for _, s := range other.Sources {
		if _, ok := d.Source(s.ID); !ok {
			d.Sources = append(d.Sources, s)
		}
	}
}

// Clone returns a copy that can be changed without touching d.
func (d *DataSet) Clone() *DataSet {
	return &DataSet{
		Observations: append([]Observation(nil), d.Observations...),
		Targets:      append([]Target(nil), d.Targets...),
		Events:       append([]Event(nil), d.Events...),
		Terms:        append([]Term(nil), d.Terms...),
		Sources:      append([]Source(nil), d.Sources...),
		nextSeq:      d.nextSeq,
	}
}

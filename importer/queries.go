package importer

import (
	"cmp"
	"slices"
	"sort"
	"strconv"
)

// The queries the views and the command line ask. Each reads the index
// (model_index.go): a metric's keys are one span of it, a region's series
// another.

// Regions lists every region with at least one observation, sorted.
func (d *DataSet) Regions() []string {
	x := d.index()
	var out []string
	for g, k := range x.keys {
		if g == 0 || k.region != x.keys[g-1].region {
			out = append(out, x.names[k.region])
		}
	}
	return out
}

// MetricsUsed lists every metric (built-in or user indicator) with at
// least one observation: the built-in ones in their order, then the user
// indicators by name.
func (d *DataSet) MetricsUsed() []Metric {
	x := d.index()
	seen := map[Metric]bool{}
	for i := range x.byMetric {
		seen[Metric(x.names[x.keys[x.byMetric[i]].metric])] = true
	}
	var out []Metric
	for _, m := range Metrics {
		if seen[m] {
			out = append(out, m)
			delete(seen, m)
		}
	}
	rest := make([]Metric, 0, len(seen))
	for m := range seen {
		rest = append(rest, m)
	}
	slices.Sort(rest)
	return append(out, rest...)
}

// each calls fn with every key of the metric (no dimension), in the order
// metric, period, year, region.
func (d *DataSet) each(m Metric, fn func(g int, k gkey)) *index {
	x := d.index()
	lo, hi := x.metricRange(m, "")
	for i := lo; i < hi; i++ {
		g := int(x.byMetric[i])
		fn(g, x.keys[g])
	}
	return x
}

// Years lists the years with a figure of this metric and period, newest
// first.
func (d *DataSet) Years(m Metric, p Period) []int {
	var out []int
	d.each(m, func(_ int, k gkey) {
		if k.period == p && (len(out) == 0 || out[len(out)-1] != int(k.year)) {
			out = append(out, int(k.year))
		}
	})
	slices.Reverse(out)
	return out
}

// Periods lists the periods this metric has figures for, FY first, then
// cumulative periods from the longest, then months.
func (d *DataSet) Periods(m Metric) []Period {
	var out []Period
	d.each(m, func(_ int, k gkey) {
		if len(out) == 0 || out[len(out)-1] != k.period {
			out = append(out, k.period)
		}
	})
	return out
}

// Compare returns each region's stated values of one metric for a year and
// period, preferred value first, by region; regions with no figure are left
// out. Only the exact period is used: a partial year is never compared with
// a full one.
func (d *DataSet) Compare(m Metric, year int, p Period) []Stated {
	var gs []int
	x := d.each(m, func(g int, k gkey) {
		if k.period == p && int(k.year) == year {
			gs = append(gs, g)
		}
	})
	out := make([]Stated, len(gs))
	for i, g := range gs {
		out[i] = d.stated(x, g)
	}
	return out
}

// series returns the groups of a region's metric (no dimension), by year
// and period.
func (d *DataSet) series(region string, m Metric) (*index, []int) {
	x := d.index()
	r, ok1 := x.rank(region)
	mr, ok2 := x.rank(string(m))
	dr, _ := x.rank("")
	if !ok1 || !ok2 {
		return x, nil
	}
	lo := sort.Search(len(x.keys), func(i int) bool {
		k := x.keys[i]
		return cmp.Or(cmp.Compare(k.region, r), cmp.Compare(k.metric, mr), cmp.Compare(k.dim, dr)) >= 0
	})
	var gs []int
	for g := lo; g < len(x.keys); g++ {
		k := x.keys[g]
		if k.region != r || k.metric != mr || k.dim != dr {
			break
		}
		gs = append(gs, g)
	}
	return x, gs
}

// TimelinePoint is one year of a region's timeline: the full-year figure
// where there is one, else the longest partial period stated (flagged).
type TimelinePoint struct {
	Stated
	Partial bool
}

// Timeline returns one point per year for a region and metric, oldest
// first.
func (d *DataSet) Timeline(region string, m Metric) []TimelinePoint {
	x, gs := d.series(region, m)
	var out []TimelinePoint
	for _, g := range gs {
		k := x.keys[g]
		if k.period.IsMonth() {
			continue
		}
		s := d.stated(x, g)
		if n := len(out); n > 0 && out[n-1].Key.Year == int(k.year) {
			if betterForYear(s, out[n-1].Stated) {
				out[n-1] = TimelinePoint{Stated: s, Partial: !s.Key.Period.IsFullYear()}
			}
			continue
		}
		out = append(out, TimelinePoint{Stated: s, Partial: !s.Key.Period.IsFullYear()})
	}
	return out
}

// betterForYear reports whether a stands for its year better than b: a
// full year first; then a figure of normal confidence over a low one (a
// weak Jan–Sep rank must not hide a firm H1 one); then the longer period.
func betterForYear(a, b Stated) bool {
	if a.Key.Period.IsFullYear() != b.Key.Period.IsFullYear() {
		return a.Key.Period.IsFullYear()
	}
	if la, lb := a.Preferred().Confidence == Low, b.Preferred().Confidence == Low; la != lb {
		return lb
	}
	return ComparePeriods(a.Key.Period, b.Key.Period) < 0
}

// YoY computes growth against the same period a year earlier, in percent,
// from the preferred values; ok is false when that earlier figure is not
// loaded.
func (d *DataSet) YoY(k Key) (pct float64, ok bool) {
	if IsRank(k.Metric) {
		return 0, false
	}
	cur, ok1 := d.Lookup(k)
	prev, ok2 := d.Lookup(Key{k.Region, k.Year - 1, k.Period, k.Metric, k.Dimension})
	if !ok1 || !ok2 || prev.Preferred().Value == 0 {
		return 0, false
	}
	return (cur.Preferred().Value/prev.Preferred().Value - 1) * 100, true
}

// Ranks returns a region's stated national ranks of a rank metric over
// years (full years and partial periods alike, flagged), oldest first.
// Ranks stated among provinces or production bases are under other_rank and
// never returned for production_rank.
func (d *DataSet) Ranks(region string, rankMetric Metric) []TimelinePoint {
	return d.Timeline(region, rankMetric)
}

// RegionsWith lists the regions with at least one figure of the metric.
func (d *DataSet) RegionsWith(m Metric) []string {
	seen := map[uint32]bool{}
	x := d.each(m, func(_ int, k gkey) { seen[k.region] = true })
	out := make([]string, 0, len(seen))
	for r := range seen {
		out = append(out, x.names[r])
	}
	slices.Sort(out)
	return out
}

// TargetsFor lists a region's stated targets for a metric.
func (d *DataSet) TargetsFor(region string, m Metric) []Target {
	var out []Target
	for _, t := range d.Targets {
		if t.City == region && t.Metric == m {
			out = append(out, t)
		}
	}
	return out
}

// FormatValue writes a canonical value as inspect prints it: 2540000, never
// 2.54e+06.
func FormatValue(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

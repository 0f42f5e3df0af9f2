package importer

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// Years lists the years with a figure of this metric and period, newest
// first.
func (d *DataSet) Years(metric, period string) []int {
	seen := map[int]bool{}
	var out []int
	for _, o := range d.Observations {
		if o.Metric == metric && o.Period == period && !seen[o.Year] {
			seen[o.Year] = true
			out = append(out, o.Year)
		}
	}
	slices.Sort(out)
	slices.Reverse(out)
	return out
}

// Periods lists the periods this metric has figures for, FY first, then
// cumulative periods from the longest, then months.
func (d *DataSet) Periods(metric string) []string {
	seen := map[string]bool{}
	var out []string
	for _, o := range d.Observations {
		if o.Metric == metric && !seen[o.Period] {
			seen[o.Period] = true
			out = append(out, o.Period)
		}
	}
	slices.SortFunc(out, comparePeriods)
	return out
}

func comparePeriods(a, b string) int {
	rank := func(p string) (int, int) {
		switch {
		case p == "FY":
			return 0, 0
		case strings.HasPrefix(p, "YTD"):
			n, _ := strconv.Atoi(p[3:])
			return 1, -n
		}
		n, _ := strconv.Atoi(strings.TrimPrefix(p, "M"))
		return 2, -n
	}
	ka, na := rank(a)
	kb, nb := rank(b)
	return cmp.Or(cmp.Compare(ka, kb), cmp.Compare(na, nb))
}

// DefaultCompareYear is the latest year with a figure for the metric and
// period for at least three cities (fewer if no year has three), or 0.
func (d *DataSet) DefaultCompareYear(metric, period string) int {
	count := map[int]map[string]bool{}
	for _, o := range d.Observations {
		if o.Metric == metric && o.Period == period {
			if count[o.Year] == nil {
				count[o.Year] = map[string]bool{}
			}
			count[o.Year][o.City] = true
		}
	}
	best, bestN := 0, 0
	for y, cities := range count {
		n := min(len(cities), 3)
		if n > bestN || (n == bestN && y > best) {
			best, bestN = y, n
		}
	}
	return best
}

// Compare returns each city's stated values of one metric for a year and
// period, preferred value first; cities with no figure are left out. Only
// the exact period is used: a partial year is never compared with a full
// one.
func (d *DataSet) Compare(metric string, year int, period string) []Stated {
	var out []Stated
	for _, s := range d.All() {
		if s.Key.Metric == metric && s.Key.Year == year && s.Key.Period == period {
			out = append(out, s)
		}
	}
	return out
}

// TimelinePoint is one year of a city's timeline: the full-year figure where
// there is one, else the longest partial period stated (flagged).
type TimelinePoint struct {
	Stated
	Partial bool
}

// Timeline returns one point per year for a city and metric, oldest first.
func (d *DataSet) Timeline(city, metric string) []TimelinePoint {
	best := map[int]Stated{}
	for _, s := range d.All() {
		k := s.Key
		if k.City != city || k.Metric != metric || strings.HasPrefix(k.Period, "M") {
			continue
		}
		if cur, ok := best[k.Year]; !ok || betterForYear(s, cur) {
			best[k.Year] = s
		}
	}
	out := make([]TimelinePoint, 0, len(best))
	for _, s := range best {
		out = append(out, TimelinePoint{Stated: s, Partial: s.Key.Period != "FY"})
	}
	slices.SortFunc(out, func(a, b TimelinePoint) int { return cmp.Compare(a.Key.Year, b.Key.Year) })
	return out
}

// betterForYear reports whether a stands for its year better than b: a
// full year first; then a figure of normal confidence over a low one (a
// weak Jan–Sep rank must not hide a firm H1 one); then the longer period.
func betterForYear(a, b Stated) bool {
	if (a.Key.Period == "FY") != (b.Key.Period == "FY") {
		return a.Key.Period == "FY"
	}
	if la, lb := a.Preferred().Confidence == Low, b.Preferred().Confidence == Low; la != lb {
		return lb
	}
	return comparePeriods(a.Key.Period, b.Key.Period) < 0
}

// YoY computes growth against the same period a year earlier, in percent,
// from the preferred values; ok is false when that earlier figure is not
// loaded.
func (d *DataSet) YoY(k Key) (pct float64, ok bool) {
	cur, ok1 := d.Lookup(k)
	prev, ok2 := d.Lookup(Key{k.City, k.Year - 1, k.Period, k.Metric})
	if !ok1 || !ok2 || prev.Preferred().Value == 0 || IsRank(k.Metric) {
		return 0, false
	}
	return (cur.Preferred().Value/prev.Preferred().Value - 1) * 100, true
}

// Ranks returns a city's stated national ranks of a rank metric over years
// (full years and partial periods alike, flagged), oldest first. Ranks
// stated among provinces or production bases are under other_rank and never
// returned for production_rank.
func (d *DataSet) Ranks(city, rankMetric string) []TimelinePoint {
	return d.Timeline(city, rankMetric)
}

// CitiesWith lists cities with at least one figure of the metric.
func (d *DataSet) CitiesWith(metric string) []string {
	seen := map[string]bool{}
	var out []string
	for _, o := range d.Observations {
		if o.Metric == metric && !seen[o.City] {
			seen[o.City] = true
			out = append(out, o.City)
		}
	}
	slices.Sort(out)
	return out
}

// TargetsFor lists a city's stated targets for a metric.
func (d *DataSet) TargetsFor(city, metric string) []Target {
	var out []Target
	for _, t := range d.Targets {
		if t.City == city && t.Metric == metric {
			out = append(out, t)
		}
	}
	return out
}

// FormatValue writes a canonical value as inspect prints it: 2540000, never
// 2.54e+06.
func FormatValue(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

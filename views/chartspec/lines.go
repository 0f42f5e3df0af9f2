package chartspec

import (
	"math"
	"slices"

	"autocities/charts"
	"autocities/importer"
)

// lineSet is what the timeline and rank charts draw: a series per region
// and what the titles and source line say of them.
type lineSet struct {
	series  []charts.Series
	sources []string
	marks   marks
	lo, hi  int
	partial bool
}

func newLineSet() lineSet { return lineSet{marks: marks{}, lo: math.MaxInt, hi: math.MinInt} }

// add puts one stated figure on a series: the preferred value in the
// display unit, hollow and named by its period when a part year, with
// the marks of a weak figure.
func (ls *lineSet) add(c Choice, s *charts.Series, st importer.Stated, divisor float64) {
	o := st.Preferred()
	pt := charts.Point{Year: st.Key.Year, Value: o.Value / divisor, Mark: mark(o), Flag: flag(o)}
	if !st.Key.Period.IsFullYear() {
		pt.Partial, pt.Label = true, c.period(st.Key.Period)
		ls.partial = true
	}
	s.Points = append(s.Points, pt)
	ls.sources = append(ls.sources, o.SourceID)
	ls.marks.add(o)
	ls.lo, ls.hi = min(ls.lo, st.Key.Year), max(ls.hi, st.Key.Year)
}

// empty reports whether nothing is drawn.
func (ls *lineSet) empty() bool { return ls.lo > ls.hi }

// span is ", 2014–2025" for the title, "" when nothing is drawn.
func (c Choice) span(ls lineSet) string {
	if ls.empty() {
		return ""
	}
	return c.tr("chart.span", ls.lo, ls.hi)
}

// samePeriod is a region's figures of one part-year period, every year
// that has one: the period the choice names, else the longest of the
// latest year with part-year figures (Jan–Nov when 2025 has Jan–Jun and
// Jan–Nov).
func (c Choice) samePeriod(all []importer.Stated) []importer.Stated {
	p := c.Period
	if !p.IsCumulative() {
		p = importer.FY
		year := math.MinInt
		for _, st := range all {
			k := st.Key
			if k.Period.IsCumulative() && (k.Year > year || k.Year == year && importer.ComparePeriods(k.Period, p) < 0) {
				year, p = k.Year, k.Period
			}
		}
	}
	var out []importer.Stated
	for _, st := range all {
		if p.IsCumulative() && st.Key.Period == p {
			out = append(out, st)
		}
	}
	return out
}

// rankPeriods chooses one period per year for every region of a rank
// chart: the full year where any region has it, else the part year most
// regions have (a low-confidence rank counting half; the longer on a
// tie). Ranks of different periods are never drawn side by side.
func rankPeriods(all map[string][]importer.Stated) map[int]importer.Period {
	count := map[int]map[importer.Period]float64{}
	for _, list := range all {
		for _, st := range list {
			k := st.Key
			if k.Period.IsMonth() {
				continue
			}
			if count[k.Year] == nil {
				count[k.Year] = map[importer.Period]float64{}
			}
			w := 1.0
			if st.Preferred().Confidence == importer.Low {
				w = 0.5
			}
			count[k.Year][k.Period] += w
		}
	}
	out := map[int]importer.Period{}
	for y, byPeriod := range count {
		periods := make([]importer.Period, 0, len(byPeriod))
		for p := range byPeriod {
			periods = append(periods, p)
		}
		slices.SortFunc(periods, importer.ComparePeriods)
		best := periods[0]
		if !best.IsFullYear() {
			for _, p := range periods[1:] {
				if byPeriod[p] > byPeriod[best] {
					best = p
				}
			}
		}
		out[y] = best
	}
	return out
}

package chartspec

import (
	"fmt"

	"autocities/importer"
)

// Progress is how a city stands against one of its targets.
type Progress struct {
	Target    importer.Target
	Value     float64 // the figure compared: full year, or the latest partial period
	Period    string  // FY or YTDnn
	Share     float64 // Value / target, in percent
	Projected float64 // partial years: the year-end figure at the same monthly pace
}

// Met reports whether a full year reached its target.
func (p Progress) Met() bool { return p.Period == "FY" && p.Value >= p.Target.Value }

// TargetProgress compares each of a city's targets for a metric with the
// full-year figure, or, where the year is not finished, with the latest
// cumulative figure and a projection at the same pace.
func TargetProgress(d *importer.DataSet, city, metric string) []Progress {
	var out []Progress
	for _, t := range d.TargetsFor(city, metric) {
		if t.Value <= 0 {
			continue
		}
		p := Progress{Target: t}
		if s, ok := d.Lookup(importer.Key{City: city, Year: t.Year, Period: "FY", Metric: metric}); ok {
			p.Value, p.Period = s.Preferred().Value, "FY"
		} else if s, n, ok := latestYTD(d, city, t.Year, metric); ok {
			p.Value, p.Period = s.Preferred().Value, s.Key.Period
			p.Projected = p.Value * 12 / float64(n)
		} else {
			continue
		}
		p.Share = p.Value / t.Value * 100
		out = append(out, p)
	}
	return out
}

func latestYTD(d *importer.DataSet, city string, year int, metric string) (importer.Stated, int, bool) {
	for n := 11; n >= 1; n-- {
		if s, ok := d.Lookup(importer.Key{City: city, Year: year, Period: fmt.Sprintf("YTD%02d", n), Metric: metric}); ok {
			return s, n, true
		}
	}
	return importer.Stated{}, 0, false
}

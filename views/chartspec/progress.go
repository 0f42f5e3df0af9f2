package chartspec

import (
	"fmt"

	"autocities/importer"
)

// Progress is how a region stands against one of its targets.
type Progress struct {
	Target    importer.Target
	Value     float64         // the figure compared: full year, or the latest partial period
	Period    importer.Period // FY or Jan–month
	Share     float64         // Value / target, in percent
	Projected float64         // partial years: the year-end figure at the same monthly pace
}

// Met reports whether a full year reached its target.
func (p Progress) Met() bool { return p.Period.IsFullYear() && p.Value >= p.Target.Value }

// TargetProgress compares each of a region's targets for a metric with the
// full-year figure, or, where the year is not finished, with the latest
// cumulative figure and a projection at the same pace.
func TargetProgress(d *importer.DataSet, region string, metric importer.Metric) []Progress {
	var out []Progress
	for _, t := range d.TargetsFor(region, metric) {
		if t.Value <= 0 {
			continue
		}
		p := Progress{Target: t}
		if s, ok := d.Lookup(importer.Key{Region: region, Year: t.Year, Period: importer.FY, Metric: metric}); ok {
			p.Value, p.Period = s.Preferred().Value, importer.FY
		} else if s, n, ok := latestYTD(d, region, t.Year, metric); ok {
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

func latestYTD(d *importer.DataSet, region string, year int, metric importer.Metric) (importer.Stated, int, bool) {
	for n := 11; n >= 1; n-- {
		if s, ok := d.Lookup(importer.Key{Region: region, Year: year, Period: importer.YTD(n), Metric: metric}); ok {
			return s, n, true
		}
	}
	return importer.Stated{}, 0, false
}

// Sentence says it in words, in a display unit and the choice's language:
// "2025: 2.79 million vehicles against a target of 2.60 million vehicles
// (107%): target met."
func (c Choice) Sentence(p Progress, u DisplayUnit) string {
	v := func(x float64) string { return FormatNumber(x/u.Divisor, u.Decimals) + " " + c.unit(u) }
	share := fmt.Sprintf("%.0f%%", p.Share)
	switch {
	case !p.Period.IsFullYear():
		return c.tr("progress.partial", p.Target.Year, v(p.Value), v(p.Target.Value), share, c.period(p.Period), v(p.Projected))
	case p.Met():
		return c.tr("progress.met", p.Target.Year, v(p.Value), v(p.Target.Value), share)
	}
	return c.tr("progress.missed", p.Target.Year, v(p.Value), v(p.Target.Value), share)
}

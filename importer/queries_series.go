package importer

// RegionSeries returns every stated figure of a region's metric (no
// dimension) whatever its period — full years, part years and months — by
// year, then period (FY first, then cumulative periods from the longest,
// then months): what a chart needs to draw one period per line.
func (d *DataSet) RegionSeries(region string, m Metric) []Stated {
	x, gs := d.series(region, m)
	out := make([]Stated, len(gs))
	for i, g := range gs {
		out[i] = d.stated(x, g)
	}
	return out
}

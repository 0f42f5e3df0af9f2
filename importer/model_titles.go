package importer

import "slices"

// ChartTitle is the user's wording for one chart: a message title ("Chongqing
// is back on top") in place of the descriptive one, a subtitle and a note.
// Chart is the chart's signature (views/chartspec's Choice.Signature: its
// kind, metric, period, years and regions), so the words follow that chart
// wherever it is drawn, exported or put on a slide, and they travel with
// the data set: in the workspace, in the canonical workbook's Titles sheet,
// and through undo like any other change.
type ChartTitle struct {
	Chart    string
	Title    string // "" keeps the chart's own title
	Subtitle string // "" keeps the chart's own subtitle
	Note     string // shown under the chart; "" none
}

// empty reports whether the entry says nothing (the chart's own words).
func (t ChartTitle) empty() bool { return t.Title == "" && t.Subtitle == "" && t.Note == "" }

// ChartTitle returns the user's words for a chart, if any.
func (d *DataSet) ChartTitle(chart string) (ChartTitle, bool) {
	for _, t := range d.Titles {
		if t.Chart == chart {
			return t, true
		}
	}
	return ChartTitle{}, false
}

// WithChartTitle returns a copy of the data set with the user's words for
// a chart set (an empty entry removes them): the undoable step the views
// hand to their state.
func (d *DataSet) WithChartTitle(t ChartTitle) *DataSet {
	out := d.Clone()
	out.Titles = slices.Clone(out.Titles)
	out.setChartTitle(t)
	return out
}

// setChartTitle sets, replaces or (for an empty entry) removes one entry.
func (d *DataSet) setChartTitle(t ChartTitle) {
	if t.Chart == "" {
		return
	}
	i := slices.IndexFunc(d.Titles, func(x ChartTitle) bool { return x.Chart == t.Chart })
	switch {
	case i >= 0 && t.empty():
		d.Titles = slices.Delete(slices.Clip(d.Titles), i, i+1)
	case i >= 0:
		d.Titles[i] = t
	case !t.empty():
		d.Titles = append(d.Titles, t)
	}
}

// mergeTitles adds another data set's titles for charts this one has no
// words for.
func (d *DataSet) mergeTitles(titles []ChartTitle) {
	for _, t := range titles {
		if _, ok := d.ChartTitle(t.Chart); !ok {
			d.setChartTitle(t)
		}
	}
}

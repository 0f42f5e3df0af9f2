package views

import (
	"strings"

	"fyne.io/fyne/v2/widget"

	"autocities/importer"
)

func termNames(ts []importer.Term) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Term+"/"+t.Sense)
	}
	return out
}

func richText(r *widget.RichText) string {
	var b strings.Builder
	for _, s := range r.Segments {
		b.WriteString(s.Textual())
	}
	return b.String()
}

// wait blocks until the chart's scheduled renders are done.
func (c *Chart) wait() { waitUI(c.pending.idle) }

// cellText is what the values table shows for a row in a column.
func (t *compare) cellText(r importer.Stated, col int) string { return t.table.cols[col].cell(r) }

// obsRows are the observations the Data tab lists, once its filter is done.
func obsRows(t *dataTab) []importer.Observation {
	waitUI(t.done.idle)
	var out []importer.Observation
	for _, r := range t.rows {
		out = append(out, t.data.Row(int(r)))
	}
	return out
}

// rowShows reports whether a cell of the row (or the region's Chinese
// name) holds the word.
func rowShows(d *importer.DataSet, o importer.Observation, word string) bool {
	for c := range obsColumnCount {
		if strings.Contains(strings.ToLower(obsCell(d, o, c)), word) {
			return true
		}
	}
	return strings.Contains(importer.RegionChinese(o.Region), word)
}

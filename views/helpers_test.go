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
func (c *Chart) wait() { c.pending.Wait() }

// cellText is what the values table shows for a row in a column.
func (t *compare) cellText(r importer.Stated, col int) string { return t.table.cols[col].cell(r) }

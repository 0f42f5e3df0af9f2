package chartspec

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"autocities/charts"
	"autocities/importer"
)

// Signature names the chart a choice draws, for the user's titles: its
// kind, metric and what picks its data ("compare · production · FY ·
// 2024 · all", "timeline · production · Chongqing"). The unit, the sort,
// the events and the highlight are not part of it: the message of a chart
// stays when it is shown in another unit.
func (c Choice) Signature() string {
	kind := cmp.Or(c.Kind, KindCompare)
	parts := []string{kind, string(c.Metric)}
	cities := slices.Clone(c.Cities)
	slices.Sort(cities)
	switch kind {
	case KindCompare:
		var years []string
		for _, y := range c.Years {
			years = append(years, strconv.Itoa(y))
		}
		parts = append(parts, c.Period.String(), strings.Join(years, ","))
		if len(cities) == 0 {
			cities = []string{"all"}
		}
	case KindTimeline:
		if c.SamePeriod {
			parts = append(parts, "same period")
		}
	}
	if len(cities) == 0 {
		cities = []string{"Chongqing"}
	}
	return strings.Join(append(parts, strings.Join(cities, ",")), " · ")
}

// titled puts the user's words for the chart in place of its own.
func titled(d *importer.DataSet, c Choice, spec charts.Spec) charts.Spec {
	t, ok := d.ChartTitle(c.Signature())
	if !ok || spec == nil {
		return spec
	}
	text := spec.Texts()
	text.Title = cmp.Or(t.Title, text.Title)
	text.Subtitle = cmp.Or(t.Subtitle, text.Subtitle)
	text.Note = t.Note
	return spec.WithTexts(text)
}

// DefaultTexts are the chart's own title and subtitle, without the user's
// words: what the title dialog shows as the default.
func DefaultTexts(d *importer.DataSet, c Choice) charts.Text {
	k, err := kindNamed(c.Kind)
	if err != nil {
		return charts.Text{}
	}
	spec, _ := k.build(d, c)
	return spec.Texts()
}

package views

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"autocities/importer"
	"autocities/views/chartspec"
)

// wide gives a widget a fixed width, so selects show their whole choice.
func wide(o fyne.CanvasObject, width float32) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(width, o.MinSize().Height), o)
}

// The selects show words in the UI's language; these translate them back to
// tokens.

func metricLabels(metrics []importer.Metric) []string {
	var out []string
	for _, m := range metrics {
		out = append(out, metricLabel(m))
	}
	return out
}

// metricFromLabel is the metric of metrics whose label is shown; the first
// when none is.
func metricFromLabel(metrics []importer.Metric, label string) importer.Metric {
	for _, m := range metrics {
		if metricLabel(m) == label {
			return m
		}
	}
	return metrics[0]
}

func periodOption(p importer.Period) string {
	if p.IsFullYear() {
		return T("ui.full_year")
	}
	return periodLabel(p) + " (" + p.String() + ")"
}

func periodOptions(periods []importer.Period) []string {
	var out []string
	for _, p := range periods {
		out = append(out, periodOption(p))
	}
	return out
}

func periodFromOption(o string) importer.Period {
	if i := strings.LastIndex(o, "("); i >= 0 && strings.HasSuffix(o, ")") {
		if p, ok := importer.ParsePeriod(o[i+1 : len(o)-1]); ok {
			return p
		}
	}
	return importer.FY
}

func unitOptions(metric importer.Metric) []string {
	var out []string
	for _, u := range chartspec.UnitsFor(metric) {
		out = append(out, unitLabel(u))
	}
	return out
}

func unitFromLabel(metric importer.Metric, label string) string {
	for _, u := range chartspec.UnitsFor(metric) {
		if unitLabel(u) == label {
			return u.Key
		}
	}
	return ""
}

// unitPref is the display unit the user last chose for the metric's kind
// of unit (vehicles or money).
func (s *State) unitPref(metric importer.Metric) string {
	if a := fyne.CurrentApp(); a != nil {
		return a.Preferences().String(unitPrefKey(metric))
	}
	return ""
}

// chooseUnit sets the choice's display unit from the select's label and
// remembers it for the next chart of that kind of unit.
func (s *State) chooseUnit(c *chartspec.Choice, label string) {
	c.Unit = unitFromLabel(c.Metric, label)
	s.setUnitPref(c.Metric, c.Unit)
}

func (s *State) setUnitPref(metric importer.Metric, unit string) {
	if a := fyne.CurrentApp(); a != nil && unit != "" {
		a.Preferences().SetString(unitPrefKey(metric), unit)
	}
}

func unitPrefKey(metric importer.Metric) string {
	if importer.MetricUnit(metric) == importer.UnitCNY {
		return prefUnitMoney
	}
	return prefUnitCount
}

// cityChecks is a city checklist that shows names in the UI's language
// (重庆 in Chinese) and hands back canonical names.
type cityChecks struct {
	*widget.CheckGroup
	city map[string]string // label → canonical name
}

func newCityChecks(changed func()) *cityChecks {
	c := &cityChecks{CheckGroup: widget.NewCheckGroup(nil, func([]string) { changed() })}
	c.Horizontal = true
	return c
}

// setCities offers these cities; the selection is left to selectCities.
func (c *cityChecks) setCities(cities []string) {
	c.city = map[string]string{}
	c.Options = nil
	for _, name := range cities {
		l := cityLabel(name)
		c.city[l] = name
		c.Options = append(c.Options, l)
	}
	c.Refresh()
}

func (c *cityChecks) selectCities(cities []string) {
	var labels []string
	for _, name := range cities {
		labels = append(labels, cityLabel(name))
	}
	c.SetSelected(labels)
}

// offer shows the cities and ticks those of keep still offered; when none
// is, Chongqing (the report's city), else the first.
func (c *cityChecks) offer(cities, keep []string) {
	c.setCities(cities)
	keep = intersect(keep, cities)
	if len(keep) == 0 && len(cities) > 0 {
		keep = cities[:1]
		if slices.Contains(cities, "Chongqing") {
			keep = []string{"Chongqing"}
		}
	}
	c.selectCities(keep)
}

// choice is the cities ticked for a chart: nobody is a chart of no city,
// not of every city.
func (c *cityChecks) choice() []string {
	if got := c.chosen(); len(got) > 0 {
		return got
	}
	return []string{""}
}

// chosen is the canonical names of the cities ticked.
func (c *cityChecks) chosen() []string {
	var out []string
	for _, l := range c.Selected {
		if name, ok := c.city[l]; ok {
			out = append(out, name)
		}
	}
	return out
}

// offered is the canonical names of every city offered.
func (c *cityChecks) offered() []string {
	var out []string
	for _, l := range c.Options {
		out = append(out, c.city[l])
	}
	return out
}

package views

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

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

func unitOptions(d *importer.DataSet, metric importer.Metric) []string {
	var out []string
	for _, u := range chartspec.UnitsFor(d.KindOf(metric)) {
		out = append(out, unitLabel(u))
	}
	return out
}

func unitFromLabel(d *importer.DataSet, metric importer.Metric, label string) string {
	for _, u := range chartspec.UnitsFor(d.KindOf(metric)) {
		if unitLabel(u) == label {
			return u.Key
		}
	}
	return ""
}

// unitPref is the display unit the user last chose for the metric's kind
// of unit (vehicles, money, people…), "" for the language's default.
func (s *State) unitPref(d *importer.DataSet, metric importer.Metric) string {
	if a := fyne.CurrentApp(); a != nil {
		return a.Preferences().String(unitPrefKey(d, metric))
	}
	return ""
}

// chooseUnit sets the choice's display unit from the select's label and
// remembers it for the next chart of that kind of unit.
func (s *State) chooseUnit(d *importer.DataSet, c *chartspec.Choice, label string) {
	c.Unit = unitFromLabel(d, c.Metric, label)
	if a := fyne.CurrentApp(); a != nil && c.Unit != "" {
		a.Preferences().SetString(unitPrefKey(d, c.Metric), c.Unit)
	}
}

// unitPrefKey is where the display unit of a kind of unit is remembered.
func unitPrefKey(d *importer.DataSet, metric importer.Metric) string {
	switch k := d.KindOf(metric); k {
	case importer.KindCNY:
		return prefUnitMoney
	case importer.KindVehicles:
		return prefUnitCount
	default:
		return "unit." + string(k)
	}
}

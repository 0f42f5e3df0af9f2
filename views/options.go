package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"autocities/importer"
	"autocities/views/chartspec"
)

// wide gives a widget a fixed width, so selects show their whole choice.
func wide(o fyne.CanvasObject, width float32) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(width, o.MinSize().Height), o)
}

// The selects show words; these translate them back to tokens.

func metricOptions() []string {
	var out []string
	for _, m := range importer.Metrics {
		out = append(out, importer.MetricLabel(m))
	}
	return out
}

func metricFromLabel(label string) string {
	for _, m := range importer.Metrics {
		if importer.MetricLabel(m) == label {
			return m
		}
	}
	return importer.Production
}

func periodOption(p string) string {
	if p == "FY" {
		return "Full year"
	}
	return fmt.Sprintf("%s (%s)", importer.PeriodLabel(p), p)
}

func periodOptions(periods []string) []string {
	var out []string
	for _, p := range periods {
		out = append(out, periodOption(p))
	}
	return out
}

func periodFromOption(o string) string {
	if o == "Full year" || o == "" {
		return "FY"
	}
	for i := len(o) - 1; i >= 0; i-- {
		if o[i] == '(' {
			return o[i+1 : len(o)-1]
		}
	}
	return "FY"
}

func unitOptions(metric string) []string {
	var out []string
	for _, u := range chartspec.UnitsFor(metric) {
		out = append(out, u.Label)
	}
	return out
}

func unitFromLabel(metric, label string) string {
	for _, u := range chartspec.UnitsFor(metric) {
		if u.Label == label {
			return u.Key
		}
	}
	return ""
}

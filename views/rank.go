package views

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"autocities/importer"
	"autocities/views/chartspec"
)

// rank is the Rank tab: national ranks over time as stated by sources
// (never computed among the cities loaded).
type rank struct {
	state  *State
	choice chartspec.Choice
	tab    *container.TabItem

	metric   *widget.Select
	cities   *cityChecks
	chart    *Chart
	stated   *widget.Label
	updating bool
}

var rankMetrics = []string{importer.ProductionRank, importer.NEVProductionRank}

func newRankTab(s *State) *rank {
	t := &rank{state: s, choice: chartspec.Defaults(s.Data(), chartspec.KindRank)}
	var options []string
	for _, m := range rankMetrics {
		options = append(options, metricLabel(m))
	}
	t.metric = widget.NewSelect(options, func(string) { t.onMetric() })
	t.cities = newCityChecks(t.onChoice)
	t.chart = NewChart(t.specLater, s.ChartTheme)
	t.stated = widget.NewLabel("")
	t.stated.Wrapping = fyne.TextWrapWord
	s.OnChanged(t.reload)
	t.reload()

	note := widget.NewLabel(lang.L("Ranks among Chinese cities as stated by sources; ranks among provinces or production bases are listed in the Data tab, not drawn here."))
	note.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(
		container.NewHBox(label("Metric"), wide(t.metric, 320)),
		container.NewBorder(nil, nil, label("Cities"), nil, container.NewHScroll(t.cities.CheckGroup)),
	)
	split := container.NewVSplit(t.chart, container.NewVScroll(container.NewVBox(note, t.stated)))
	split.Offset = 0.72
	t.tab = container.NewTabItem(lang.L("Rank"), container.NewBorder(top, nil, nil, nil, split))
	return t
}

func (t *rank) spec() any { return t.specLater()() }

func (t *rank) specLater() func() any { return t.state.specLater(t.choice) }

func (t *rank) reload() {
	t.updating = true
	t.metric.SetSelected(metricLabel(t.choice.Metric))
	t.updating = false
	t.onMetric()
}

func (t *rank) onMetric() {
	if t.updating {
		return
	}
	t.updating = true
	for _, m := range rankMetrics {
		if metricLabel(m) == t.metric.Selected {
			t.choice.Metric = m
		}
	}
	t.cities.offer(t.state.Data().CitiesWith(t.choice.Metric), t.choice.Cities)
	t.updating = false
	t.onChoice()
}

func (t *rank) onChoice() {
	if t.updating {
		return
	}
	t.choice.Cities = t.cities.choice()
	t.stated.SetText(t.statedText())
	t.chart.Update()
}

// statedText lists each rank drawn with its period and source.
func (t *rank) statedText() string {
	d := t.state.Data()
	var lines []string
	for _, city := range t.choice.Cities {
		var parts []string
		for _, p := range d.Ranks(city, t.choice.Metric) {
			o := p.Preferred()
			part := fmt.Sprintf("%d %s: %s", o.Year, periodLabel(o.Period), ordinal(int(o.Value)))
			if p.Conflict() {
				part += " ⚠"
			}
			parts = append(parts, part+" ("+sourceTitle(d, o.SourceID)+")")
		}
		if len(parts) > 0 {
			lines = append(lines, cityLabel(city)+": "+strings.Join(parts, "; "))
		}
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

func ordinal(n int) string {
	if chinese() {
		return "第" + strconv.Itoa(n)
	}
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}

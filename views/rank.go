package views

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"autocities/importer"
	"autocities/views/chartspec"
)

// rank is the Rank tab: national ranks over time as stated by sources
// (never computed among the cities loaded).
type rank struct {
	*chartTab
	stated *widget.Label
}

var rankMetrics = []importer.Metric{importer.ProductionRank, importer.NEVProductionRank}

func newRankTab(s *State) *rank {
	t := &rank{}
	t.chartTab = newChartTab(s, chartspec.KindRank, t, false)
	t.stated = widget.NewLabel("")
	t.stated.Wrapping = fyne.TextWrapWord
	note := widget.NewLabel(T("ui.ranks_among_chinese_cities_as_stated"))
	note.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(container.NewHBox(label("ui.metric"), wide(t.metric, 320)), t.citiesRow())
	split := container.NewVSplit(t.chart, container.NewVScroll(container.NewVBox(note, t.stated)))
	split.Offset = 0.72
	t.start(T("ui.rank"), container.NewBorder(top, nil, nil, nil, split))
	return t
}

func (t *rank) metrics() []importer.Metric { return rankMetrics }

func (t *rank) metricChanged() {
	t.cities.offer(t.state.Data().RegionsWith(t.choice.Metric), t.choice.Cities)
}

func (t *rank) choiceChanged() { t.stated.SetText(t.statedText()) }

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

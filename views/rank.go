package views

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"autocities/importer"
	"autocities/views/chartspec"
)

func init() {
	registerTab(chartspec.KindRank, func(s *State) *chartTab { return newRankTab(s).chartTab })
}

// rank is the Rank tab: national ranks over time as stated by sources
// (never computed among the regions loaded).
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
	below := container.New(atLeast{h: 120}, container.NewVScroll(container.NewVBox(note, t.stated)))
	t.start(T("ui.rank"), []fyne.CanvasObject{labelled("ui.metric", wide(t.metric, 320))}, below)
	return t
}

func (t *rank) metrics(d *importer.DataSet) []importer.Metric {
	if m := metricsWithData(d, rankMetrics); len(m) > 0 {
		return m
	}
	return rankMetrics[:1]
}

func (t *rank) metricChanged() {}

func (t *rank) ranking() []string { return t.byLatestValue() }

func (t *rank) defaultRegions(offered []string) []string { return t.pickDefault(offered) }

func (t *rank) missing() ([]string, string) { return t.withoutPoints(), metricLabel(t.choice.Metric) }

func (t *rank) choiceChanged() { t.stated.SetText(t.statedText()) }

// statedText lists each rank drawn with its period and source, in the
// UI's language and punctuation.
func (t *rank) statedText() string {
	d := t.state.Data()
	var lines []string
	for _, city := range t.choice.Cities {
		var parts []string
		for _, p := range d.Ranks(city, t.choice.Metric) {
			o := p.Preferred()
			part := T("ui.rank_item", o.Year, periodLabel(o.Period), ordinal(int(o.Value)), sourceTitle(d, o.SourceID))
			if p.Conflict() {
				part += " ⚠"
			}
			parts = append(parts, part)
		}
		if len(parts) > 0 {
			lines = append(lines, T("ui.rank_line", cityLabel(city), strings.Join(parts, T("list.sep"))))
		}
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// ordinal is a rank in words: 1st, 2nd, 11th / 第1.
func ordinal(n int) string {
	if chinese() {
		return T("ui.ordinal", n)
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

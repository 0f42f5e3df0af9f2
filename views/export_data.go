package views

import (
	"bytes"

	"fyne.io/fyne/v2/lang"

	"autocities/charts"
	"autocities/importer"
	"autocities/views/chartspec"
)

// choices are the tabs' current chart choices, in the UI's language.
func (u *ui) choices() (compare, timeline, rank chartspec.Choice) {
	compare, timeline, rank = u.compare.choice, u.timeline.choice, u.rank.choice
	compare.Kind, timeline.Kind, rank.Kind = chartspec.KindCompare, chartspec.KindTimeline, chartspec.KindRank
	l := uiLang()
	compare.Lang, timeline.Lang, rank.Lang = l, l, l
	return
}

// exportWorkbook writes the canonical workbook with native charts of the
// current Compare and Timeline views and pictures of them.
func (u *ui) exportWorkbook() {
	d := u.state.Data()
	compare, timeline, _ := u.choices()
	opts := importer.WorkbookOptions{AppVersion: Version, Charts: chartspec.WorkbookCharts(d, compare, timeline)}
	u.saveFile("auto-cities.xlsx", []string{".xlsx"}, func(path string) error {
		for _, c := range []chartspec.Choice{compare, timeline} {
			spec, err := chartspec.Build(d, c)
			if err != nil {
				return err
			}
			var b bytes.Buffer
			if err := charts.WritePNG(&b, spec, charts.Options{Width: 1600, Height: 900, Words: chartspec.Words(c.Lang)}); err != nil {
				return err
			}
			opts.Pictures = append(opts.Pictures, b.Bytes())
		}
		return d.SaveWorkbook(path, opts)
	})
}

// exportSlides writes a 16:9 deck: a title slide, then Compare, Timeline
// and Rank as they are set now.
func (u *ui) exportSlides() {
	d := u.state.Data()
	compare, timeline, rank := u.choices()
	u.saveFile("auto-cities.pptx", []string{".pptx"}, func(path string) error {
		deck, err := chartspec.Deck(d, "Auto Cities", lang.L("China's car industry, city by city"),
			[]chartspec.Choice{compare, timeline, rank}, charts.Options{Words: chartspec.Words(compare.Lang)})
		if err != nil {
			return err
		}
		return charts.SaveDeck(path, deck)
	})
}

// exportCSV writes the observations as CSV, escaped against formulas.
func (u *ui) exportCSV() {
	u.saveFile("auto-cities-observations.csv", []string{".csv"}, u.state.Data().SaveCSV)
}

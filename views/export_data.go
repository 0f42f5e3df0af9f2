package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"autocities/charts"
	"autocities/views/chartspec"
)

// exportJob is the export of the data and the tabs' charts as they are
// set now, in the UI's language and the charts' theme: the same job the
// command line's export runs.
func (u *ui) exportJob() chartspec.Export {
	var choices []chartspec.Choice
	for _, t := range u.chartTabs() {
		c := t.choice
		c.Lang = uiLang()
		choices = append(choices, c)
	}
	return chartspec.Export{Data: u.state.Data(), Choices: choices, Version: Version, Protect: u.state.ImportedFiles()}
}

// exportWorkbook writes the canonical workbook with native charts of the
// current Compare and Timeline views and pictures of them.
func (u *ui) exportWorkbook() { u.saveFile("auto-cities.xlsx", u.exportJob().Save) }

// slideWords name the slides the deck dialog offers, in
// chartspec.SlideNames' order.
var slideWords = map[string]string{chartspec.KindCompare: "ui.compare", chartspec.KindTimeline: "ui.timeline",
	chartspec.KindRank: "ui.rank", chartspec.SlideHeadline: "ui.headline_figures"}

// exportSlides asks which slides the 16:9 deck has (the Compare, Timeline
// and Rank charts as set now, and the headline figures) and its
// background, then writes it; a chart with no data is left out and the
// user told.
func (u *ui) exportSlides() {
	job := u.exportJob()
	names := chartspec.SlideNames()
	var labels []string
	for _, n := range names {
		labels = append(labels, T(slideWords[n]))
	}
	pick := widget.NewCheckGroup(labels, nil)
	pick.SetSelected(labels)
	dark := widget.NewCheck(T("ui.dark_slides"), nil)
	dark.SetChecked(u.state.ChartTheme() == charts.Dark)
	items := []*widget.FormItem{widget.NewFormItem(T("ui.slides"), pick), widget.NewFormItem("", dark)}
	d := dialog.NewForm(T("ui.export_slides"), T("ui.choose_file"), T("ui.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		job.Slides = nil
		for i, l := range labels {
			for _, s := range pick.Selected {
				if s == l {
					job.Slides = append(job.Slides, names[i])
				}
			}
		}
		background := chartspec.BackgroundLight
		if dark.Checked {
			background = chartspec.BackgroundDark
		}
		_ = chartspec.SetBackground(&job.Options, background)
		u.saveFileNoting("auto-cities.pptx", job.SaveNoting)
	}, u.win)
	d.Resize(fyne.NewSize(480, 320))
	d.Show()
}

// exportCSV writes the observations as CSV, escaped against formulas.
func (u *ui) exportCSV() { u.saveFile("auto-cities-observations.csv", u.exportJob().Save) }

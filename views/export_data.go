package views

import (
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

// exportSlides writes a 16:9 deck: a title slide, then Compare, Timeline
// and Rank as they are set now.
func (u *ui) exportSlides() {
	job := u.exportJob()
	job.Options.Theme = u.state.ChartTheme()
	u.saveFile("auto-cities.pptx", job.Save)
}

// exportCSV writes the observations as CSV, escaped against formulas.
func (u *ui) exportCSV() { u.saveFile("auto-cities-observations.csv", u.exportJob().Save) }

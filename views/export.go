package views

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"autocities/charts"
)

// currentSpec is the chart of the tab in front (Compare when neither chart
// tab is).
func (u *ui) currentSpec() any {
	if u.tabs.Selected() == u.timeline.tab {
		return u.timeline.spec()
	}
	return u.compare.spec()
}

// exportChart saves the chart in front as a 1920×1080 PNG (16:9 slides).
func (u *ui) exportChart() {
	spec := u.currentSpec()
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close() // charts.Save writes to a temporary file and renames it over this one
		u.app.Preferences().SetString(prefLastFolder, filepath.Dir(path))
		go func() {
			err := charts.Save(path, spec, charts.Options{Width: 1920, Height: 1080, Theme: u.state.ChartTheme()})
			fyne.Do(func() {
				if err != nil {
					dialog.ShowError(fmt.Errorf("could not export the chart: %w", err), u.win)
					return
				}
				dialog.ShowInformation("Chart exported", "Saved "+filepath.Base(path)+" (1920×1080 PNG).", u.win)
			})
		}()
	}, u.win)
	d.SetFileName("auto-cities-chart.png")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png"}))
	if dir := u.app.Preferences().String(prefLastFolder); dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

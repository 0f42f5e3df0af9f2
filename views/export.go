package views

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"autocities/importer"
	"autocities/views/chartspec"
)

// chartTabs are the tabs with a chart, in the order of the tabs.
func (u *ui) chartTabs() []*chartTab {
	return u.charts
}

// current is the chart tab in front (Compare when no chart tab is).
func (u *ui) current() *chartTab {
	for _, t := range u.chartTabs() {
		if u.tabs.Selected() == t.tab {
			return t
		}
	}
	return u.charts[0]
}

// presetNames are the export sizes offered, slide shapes first, then a
// custom size.
func presetNames() []string {
	var names []string
	for _, p := range chartspec.Presets {
		names = append(names, fmt.Sprintf("%s (%d×%d)", p.Name, p.Width, p.Height))
	}
	return append(names, T("ui.custom"))
}

// exportChart asks for size, scale, background and format, then where to
// save the chart in front.
func (u *ui) exportChart() {
	job := u.exportJob()
	job.Chart = u.current().choice.Kind
	preset := widget.NewSelect(presetNames(), nil)
	preset.SetSelectedIndex(0)
	custom := &widget.Entry{Text: "1920x1080", PlaceHolder: "WxH"}
	custom.ExtendBaseWidget(custom)
	double := widget.NewCheck(T("ui.2_pixels_sharp_on_high_resolution"), nil)
	transparent := widget.NewCheck(T("ui.transparent_background_png"), nil)
	format := widget.NewRadioGroup([]string{"PNG", "SVG"}, nil)
	format.Horizontal = true
	format.SetSelected("PNG")
	items := []*widget.FormItem{
		widget.NewFormItem(T("ui.size"), preset),
		widget.NewFormItem(T("ui.custom_size"), custom),
		widget.NewFormItem("", double),
		widget.NewFormItem("", transparent),
		widget.NewFormItem(T("ui.format"), format),
	}
	dialog.ShowForm(T("ui.export_chart_2"), T("ui.choose_file"), T("ui.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		w, h, err := exportSize(preset.SelectedIndex(), custom.Text)
		if err != nil {
			dialog.ShowError(err, u.win)
			return
		}
		job.Options.Width, job.Options.Height, job.Options.Transparent = w, h, transparent.Checked
		job.Options.Theme, job.Options.Scale = u.state.ChartTheme(), 1
		if double.Checked {
			job.Options.Scale = 2
		}
		u.saveFile("auto-cities-chart."+strings.ToLower(format.Selected), job.Save)
	}, u.win)
}

// exportSize is the preset's size, or the custom size written.
func exportSize(preset int, custom string) (int, int, error) {
	if preset >= 0 && preset < len(chartspec.Presets) {
		p := chartspec.Presets[preset]
		return p.Width, p.Height, nil
	}
	w, h, err := chartspec.ParseSize(custom)
	if err != nil {
		return 0, 0, fmt.Errorf(T("ui.q_is_not_a_size_write"), custom)
	}
	return w, h, nil
}

// saveFile asks for a name and a folder, refuses the file currently
// imported, asks before overwriting, and writes in the background. Fyne's
// own save dialog truncates the chosen file before handing it over, which
// would lose the old file if the export then failed; here the writer
// replaces the file atomically, so a failed export leaves it untouched.
func (u *ui) saveFile(name string, write func(path string) error) {
	dir := u.app.Preferences().String(prefLastFolder)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		dir, _ = os.UserHomeDir()
	}
	nameEntry := &widget.Entry{Text: name}
	nameEntry.ExtendBaseWidget(nameEntry)
	folder := widget.NewLabel(dir)
	folder.Truncation = fyne.TextTruncateEllipsis
	browse := &widget.Button{Text: T("ui.change"), OnTapped: func() {
		fd := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
			if err == nil && l != nil {
				dir = l.Path()
				folder.SetText(dir)
			}
		}, u.win)
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			fd.SetLocation(l)
		}
		fd.Resize(fyne.NewSize(900, 600))
		fd.Show()
	}}
	items := []*widget.FormItem{
		widget.NewFormItem(T("ui.file_name"), nameEntry),
		widget.NewFormItem(T("ui.folder"), container.NewBorder(nil, nil, nil, browse, folder)),
	}
	form := dialog.NewForm(T("ui.export"), T("ui.save"), T("ui.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		path := filepath.Join(dir, strings.TrimSpace(nameEntry.Text))
		if ext := filepath.Ext(name); !strings.EqualFold(filepath.Ext(path), ext) {
			path += ext
		}
		u.confirmAndWrite(path, write)
	}, u.win)
	form.Resize(fyne.NewSize(620, 220))
	form.Show()
}

// confirmAndWrite refuses the imported file and asks before overwriting.
func (u *ui) confirmAndWrite(path string, write func(string) error) {
	if importer.CheckExportTarget(path, u.state.ImportedFiles()...) != nil {
		dialog.ShowError(fmt.Errorf(T("ui.s_is_the_file_you_imported"), filepath.Base(path)), u.win)
		return
	}
	u.app.Preferences().SetString(prefLastFolder, filepath.Dir(path))
	if _, err := os.Stat(path); err == nil {
		dialog.ShowConfirm(T("ui.overwrite"), fmt.Sprintf(T("ui.s_already_exists_replace_it"), filepath.Base(path)), func(yes bool) {
			if yes {
				u.writeInBackground(path, write)
			}
		}, u.win)
		return
	}
	u.writeInBackground(path, write)
}

func (u *ui) writeInBackground(path string, write func(string) error) {
	done := exportStarted(u.ws.dir, path) // a crash's temporary file is removed at the next start
	go func() {
		err := write(path)
		done()
		fyne.Do(func() {
			if err != nil {
				dialog.ShowError(fmt.Errorf(T("ui.could_not_export_s_v"), filepath.Base(path), err), u.win)
				return
			}
			dialog.ShowInformation(T("ui.exported"), fmt.Sprintf(T("ui.saved_s"), path), u.win)
		})
	}()
}

// startIn opens a file dialog in the last folder used.
func (u *ui) startIn(d interface{ SetLocation(fyne.ListableURI) }) {
	dir := u.app.Preferences().String(prefLastFolder)
	if dir == "" {
		return
	}
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		return
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
}

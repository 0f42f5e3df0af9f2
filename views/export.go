package views

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"autocities/charts"
	"autocities/importer"
)

// currentSpec is the chart of the tab in front (Compare when no chart tab
// is).
func (u *ui) currentSpec() any {
	switch u.tabs.Selected() {
	case u.timeline.tab:
		return u.timeline.spec()
	case u.rank.tab:
		return u.rank.spec()
	}
	return u.compare.spec()
}

// chartPresets are the export sizes offered, slide shapes first.
var chartPresets = []struct {
	name string
	w, h int
}{{"16:9 (1920×1080)", 1920, 1080}, {"4:3 (1600×1200)", 1600, 1200}, {"1:1 (1080×1080)", 1080, 1080}, {"Custom", 0, 0}}

// exportChart asks for size, scale, background and format, then where to
// save the chart in front.
func (u *ui) exportChart() {
	spec := u.currentSpec()
	var names []string
	for _, p := range chartPresets {
		names = append(names, lang.L(p.name))
	}
	preset := widget.NewSelect(names, nil)
	preset.SetSelectedIndex(0)
	custom := &widget.Entry{Text: "1920x1080", PlaceHolder: "WxH"}
	custom.ExtendBaseWidget(custom)
	double := widget.NewCheck(lang.L("2× pixels (sharp on high-resolution screens)"), nil)
	transparent := widget.NewCheck(lang.L("Transparent background (PNG)"), nil)
	format := widget.NewRadioGroup([]string{"PNG", "SVG"}, nil)
	format.Horizontal = true
	format.SetSelected("PNG")
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Size"), preset),
		widget.NewFormItem(lang.L("Custom size"), custom),
		widget.NewFormItem("", double),
		widget.NewFormItem("", transparent),
		widget.NewFormItem(lang.L("Format"), format),
	}
	dialog.ShowForm(lang.L("Export chart"), lang.L("Choose file…"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		opts, err := exportOptions(preset.SelectedIndex(), custom.Text, double.Checked, transparent.Checked)
		if err != nil {
			dialog.ShowError(err, u.win)
			return
		}
		opts.Theme = u.state.ChartTheme()
		ext := "." + strings.ToLower(format.Selected)
		u.saveFile("auto-cities-chart"+ext, []string{ext}, func(path string) error {
			return charts.Save(path, spec, opts)
		})
	}, u.win)
}

func exportOptions(preset int, custom string, double, transparent bool) (charts.Options, error) {
	opts := charts.Options{Transparent: transparent, Scale: 1}
	if double {
		opts.Scale = 2
	}
	p := chartPresets[max(0, preset)]
	opts.Width, opts.Height = p.w, p.h
	if p.w == 0 {
		w, h, ok := strings.Cut(strings.ToLower(strings.TrimSpace(custom)), "x")
		var err1, err2 error
		opts.Width, err1 = strconv.Atoi(strings.TrimSpace(w))
		opts.Height, err2 = strconv.Atoi(strings.TrimSpace(h))
		if !ok || err1 != nil || err2 != nil || opts.Width < 100 || opts.Height < 100 || opts.Width > 8000 || opts.Height > 8000 {
			return opts, fmt.Errorf(lang.L("%q is not a size: write width x height in pixels, e.g. 1600x900 (100 to 8000)"), custom)
		}
	}
	return opts, nil
}

// saveFile asks for a name and a folder, refuses the file currently
// imported, asks before overwriting, and writes in the background. Fyne's
// own save dialog truncates the chosen file before handing it over, which
// would lose the old file if the export then failed; here the writer
// replaces the file atomically, so a failed export leaves it untouched.
func (u *ui) saveFile(name string, exts []string, write func(path string) error) {
	dir := u.app.Preferences().String(prefLastFolder)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		dir, _ = os.UserHomeDir()
	}
	nameEntry := &widget.Entry{Text: name}
	nameEntry.ExtendBaseWidget(nameEntry)
	folder := widget.NewLabel(dir)
	folder.Truncation = fyne.TextTruncateEllipsis
	browse := &widget.Button{Text: lang.L("Change…"), OnTapped: func() {
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
		widget.NewFormItem(lang.L("File name"), nameEntry),
		widget.NewFormItem(lang.L("Folder"), container.NewBorder(nil, nil, nil, browse, folder)),
	}
	form := dialog.NewForm(lang.L("Export"), lang.L("Save"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		path := filepath.Join(dir, strings.TrimSpace(nameEntry.Text))
		if !strings.EqualFold(filepath.Ext(path), exts[0]) {
			path += exts[0]
		}
		u.confirmAndWrite(path, write)
	}, u.win)
	form.Resize(fyne.NewSize(620, 220))
	form.Show()
}

// confirmAndWrite refuses the imported file and asks before overwriting.
func (u *ui) confirmAndWrite(path string, write func(string) error) {
	if importer.CheckExportTarget(path, u.state.ImportedFiles()...) != nil {
		dialog.ShowError(fmt.Errorf(lang.L("%s is the file you imported: exporting onto it would overwrite your original; choose another name"), filepath.Base(path)), u.win)
		return
	}
	u.app.Preferences().SetString(prefLastFolder, filepath.Dir(path))
	if _, err := os.Stat(path); err == nil {
		dialog.ShowConfirm(lang.L("Overwrite?"), fmt.Sprintf(lang.L("%s already exists. Replace it?"), filepath.Base(path)), func(yes bool) {
			if yes {
				u.writeInBackground(path, write)
			}
		}, u.win)
		return
	}
	u.writeInBackground(path, write)
}

func (u *ui) writeInBackground(path string, write func(string) error) {
	go func() {
		err := write(path)
		fyne.Do(func() {
			if err != nil {
				dialog.ShowError(fmt.Errorf(lang.L("Could not export %s: %v"), filepath.Base(path), err), u.win)
				return
			}
			dialog.ShowInformation(lang.L("Exported"), fmt.Sprintf(lang.L("Saved %s."), path), u.win)
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

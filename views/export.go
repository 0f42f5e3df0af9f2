package views

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"autocities/charts"
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

// backgroundWords name the export backgrounds, in chartspec.Backgrounds'
// order.
var backgroundWords = []string{"ui.background_light", "ui.background_dark", "ui.background_transparent", "ui.background_transparent_dark"}

// backgroundWord is the code of a background's words (chartspec.Backgrounds).
func backgroundWord(name string) string {
	return backgroundWords[max(0, slices.Index(chartspec.Backgrounds, name))]
}

// exportChart asks for size, scale, background (apart from the app's
// theme) and format, showing a preview, then where to save the chart in
// front, with a file name that says what it shows.
func (u *ui) exportChart() {
	job := u.exportJob()
	choice := u.current().choice
	choice.Lang = uiLang()
	job.Chart = choice.Kind
	preset := widget.NewSelect(presetNames(), nil)
	preset.SetSelectedIndex(0)
	custom := &widget.Entry{Text: "1920x1080", PlaceHolder: "WxH"}
	custom.ExtendBaseWidget(custom)
	double := widget.NewCheck(T("ui.2_pixels_sharp_on_high_resolution"), nil)
	var bgNames []string
	for _, w := range backgroundWords {
		bgNames = append(bgNames, T(w))
	}
	background := widget.NewSelect(bgNames, nil)
	background.SetSelectedIndex(int(u.state.ChartTheme()))
	format := widget.NewRadioGroup([]string{"PNG", "SVG"}, nil)
	format.Horizontal = true
	format.SetSelected("PNG")
	pv := newExportPreview(u.state.Data(), choice)
	update := func() {
		pv.show(exportPresetOrDefault(preset.SelectedIndex(), custom.Text), chartspec.Backgrounds[max(0, background.SelectedIndex())])
	}
	preset.OnChanged = func(string) { update() }
	background.OnChanged = func(string) { update() }
	custom.OnChanged = func(string) { update() }
	form := widget.NewForm(
		widget.NewFormItem(T("ui.size"), preset),
		widget.NewFormItem(T("ui.custom_size"), custom),
		widget.NewFormItem("", double),
		widget.NewFormItem(T("ui.background"), background),
		widget.NewFormItem(T("ui.format"), format),
	)
	content := container.NewBorder(form, nil, nil, nil, container.NewBorder(widget.NewLabel(T("ui.preview")), nil, nil, nil, pv.image))
	d := dialog.NewCustomConfirm(T("ui.export_chart_2"), T("ui.choose_file"), T("ui.cancel"), content, func(ok bool) {
		if !ok {
			return
		}
		w, h, err := exportSize(preset.SelectedIndex(), custom.Text)
		if err != nil {
			dialog.ShowError(err, u.win)
			return
		}
		job.Options.Width, job.Options.Height, job.Options.Scale = w, h, 1
		_ = chartspec.SetBackground(&job.Options, chartspec.Backgrounds[max(0, background.SelectedIndex())])
		if double.Checked {
			job.Options.Scale = 2
		}
		name := chartspec.FileName(u.state.Data(), choice) + "." + strings.ToLower(format.Selected)
		u.saveFileNoting(name, job.SaveNoting)
	}, u.win)
	d.Resize(fyne.NewSize(720, 640))
	d.Show()
	update()
}

// exportPresetOrDefault is the size a preview is drawn in: the preset's,
// the custom size written, or 16:9 while it is not a size yet.
func exportPresetOrDefault(preset int, custom string) [2]int {
	if w, h, err := exportSize(preset, custom); err == nil {
		return [2]int{w, h}
	}
	return [2]int{chartspec.Presets[0].Width, chartspec.Presets[0].Height}
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
	u.saveFileNoting(name, func(path string) ([]string, error) { return nil, write(path) })
}

// saveFileNoting is saveFile for a writer that also says what it left out.
func (u *ui) saveFileNoting(name string, write func(path string) ([]string, error)) {
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
func (u *ui) confirmAndWrite(path string, write func(string) ([]string, error)) {
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

// writeInBackground writes off the UI goroutine, then says what was saved
// (and anything left out) and offers to open the folder. The export is
// noted in the workspace so that a crash's temporary file is removed at
// the next start.
func (u *ui) writeInBackground(path string, write func(string) ([]string, error)) {
	done := exportStarted(u.ws.dir, path)
	go func() {
		notes, err := write(path)
		done()
		onUI(func() {
			if err != nil {
				dialog.ShowError(fmt.Errorf(T("ui.could_not_export_s_v"), filepath.Base(path), err), u.win)
				return
			}
			u.showSaved(path, notes)
		})
	}()
}

// showSaved says where the export went, with a button that opens its
// folder.
func (u *ui) showSaved(path string, notes []string) {
	msg := fmt.Sprintf(T("ui.saved_s"), path)
	for _, n := range notes {
		msg += "\n" + n
	}
	label := widget.NewLabel(msg)
	label.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	open := &widget.Button{Text: T("ui.open_folder"), OnTapped: func() {
		dir := storage.NewFileURI(filepath.Dir(path))
		if uri, err := url.Parse(dir.String()); err == nil {
			if err := u.app.OpenURL(uri); err != nil {
				dialog.ShowError(err, u.win)
			}
		}
		d.Hide()
	}}
	d = dialog.NewCustom(T("ui.exported"), T("ui.close"), container.NewVBox(label, open), u.win)
	d.Resize(fyne.NewSize(560, 200))
	d.Show()
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

// exportPreview is the export dialog's picture of the chart as it will be
// saved: its shape and background, on a slide of the shade a transparent
// picture is made for. It renders off the UI goroutine.
type exportPreview struct {
	image  *canvas.Image
	data   *importer.DataSet
	choice chartspec.Choice
	mu     sync.Mutex
	gen    int
}

func newExportPreview(d *importer.DataSet, c chartspec.Choice) *exportPreview {
	img := &canvas.Image{FillMode: canvas.ImageFillContain, ScaleMode: canvas.ImageScaleSmooth}
	img.SetMinSize(fyne.NewSize(480, 300))
	return &exportPreview{image: img, data: d, choice: c}
}

// show draws the chart at the size's shape, 640 pixels across.
func (p *exportPreview) show(size [2]int, background string) {
	p.mu.Lock()
	p.gen++
	gen := p.gen
	p.mu.Unlock()
	opts := charts.Options{Width: 640, Height: max(120, 640*size[1]/size[0]), Words: chartspec.Words(p.choice.Lang)}
	if size[0] < 640 { // small pictures keep their own layout
		opts.Width, opts.Height = size[0], size[1]
	}
	_ = chartspec.SetBackground(&opts, background)
	go func() {
		spec, err := chartspec.Build(p.data, p.choice)
		if err != nil {
			return
		}
		img, err := charts.Render(spec, opts)
		if err != nil {
			return
		}
		if opts.Transparent { // as it will sit on its slide
			onSlide := image.NewRGBA(img.Bounds())
			draw.Draw(onSlide, onSlide.Bounds(), image.NewUniform(slideShade(opts.Theme)), image.Point{}, draw.Src)
			draw.Draw(onSlide, onSlide.Bounds(), img, image.Point{}, draw.Over)
			img = onSlide
		}
		onUI(func() {
			p.mu.Lock()
			current := gen == p.gen
			p.mu.Unlock()
			if current {
				p.image.Image = img
				p.image.Refresh()
			}
		})
	}()
}

// slideShade is a slide colour a transparent picture is previewed on.
func slideShade(t charts.Theme) color.RGBA {
	if t == charts.Dark {
		return color.RGBA{0x26, 0x32, 0x40, 0xFF}
	}
	return color.RGBA{0xF3, 0xF1, 0xEC, 0xFF}
}

package chartspec

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"autocities/charts"
	"autocities/importer"
)

// WorkbookCharts is the data of the native Excel charts for the exported
// workbook: the Compare view as clustered columns (categories: cities in
// the order drawn; one series per year) and the Timeline view as lines
// (categories: years; one series per city), in the display unit, with the
// unit in the axis title and each city in its colour.
func WorkbookCharts(d *importer.DataSet, compare, timeline Choice) []importer.WorkbookChart {
	return []importer.WorkbookChart{compareWorkbookChart(d, compare), timelineWorkbookChart(d, timeline)}
}

func compareWorkbookChart(d *importer.DataSet, c Choice) importer.WorkbookChart {
	spec := Compare(d, c)
	u := c.unitOf(d)
	wc := importer.WorkbookChart{Kind: "bar", Title: spec.Title, ValueAxis: spec.ValueAxis, NumberFormat: excelFormat(u.Decimals)}
	for _, b := range spec.Bars {
		wc.Categories = append(wc.Categories, b.City)
		wc.CategoryColors = append(wc.CategoryColors, hexColor(b.City))
	}
	for g, name := range spec.Groups {
		s := importer.WorkbookSeries{Name: name}
		for _, b := range spec.Bars {
			s.Values = append(s.Values, b.Values[g])
		}
		wc.Series = append(wc.Series, s)
	}
	return wc
}

// timelineWorkbookChart: a year with a partial-year figure is labelled
// with its period ("2025 (Jan–Nov)"), so the native chart, which cannot
// draw hollow points, never passes it off as a full year.
func timelineWorkbookChart(d *importer.DataSet, c Choice) importer.WorkbookChart {
	spec := Timeline(d, c)
	u := c.unitOf(d)
	wc := importer.WorkbookChart{Kind: "line", Title: spec.Title, ValueAxis: spec.ValueAxis, NumberFormat: excelFormat(u.Decimals)}
	years, partial := timelineYears(spec.Series)
	for _, y := range years {
		label := strconv.Itoa(y)
		if p := partial[y]; p != "" {
			label += " (" + p + ")"
		}
		wc.Categories = append(wc.Categories, label)
	}
	for _, s := range spec.Series {
		ws := importer.WorkbookSeries{Name: s.City, Values: make([]float64, len(years)), Color: hexColor(s.City)}
		for i := range ws.Values {
			ws.Values[i] = math.NaN()
		}
		for _, p := range s.Points {
			ws.Values[slices.Index(years, p.Year)] = p.Value
		}
		wc.Series = append(wc.Series, ws)
	}
	return wc
}

// timelineYears lists every year from the first drawn to the last, missing
// ones included (Excel's line chart spaces categories evenly, so a missing
// year must be a blank category, drawn as a gap, not left out), and the
// partial period label of years that have one ("partial" when cities
// differ).
func timelineYears(series []charts.Series) ([]int, map[int]string) {
	var years []int
	partial := map[int]string{}
	for _, s := range series {
		for _, p := range s.Points {
			if !slices.Contains(years, p.Year) {
				years = append(years, p.Year)
			}
			if !p.Partial {
				continue
			}
			label := p.Label
			if label == "" {
				label = "partial year"
			}
			if old, ok := partial[p.Year]; ok && old != label {
				label = "partial year"
			}
			partial[p.Year] = label
		}
	}
	slices.Sort(years)
	if len(years) > 1 {
		all := make([]int, 0, years[len(years)-1]-years[0]+1)
		for y := years[0]; y <= years[len(years)-1]; y++ {
			all = append(all, y)
		}
		years = all
	}
	return years, partial
}

// excelFormat is the Excel number format for a number of decimals.
func excelFormat(decimals int) string {
	if decimals <= 0 {
		return "#,##0"
	}
	return "#,##0." + strings.Repeat("0", decimals)
}

func hexColor(city string) string {
	c := charts.CityColor(city, charts.Light)
	return fmt.Sprintf("%02X%02X%02X", c.R, c.G, c.B)
}

// Preset is a picture size for exports.
type Preset struct {
	Name          string // "16:9", as the command line's --preset takes it
	Width, Height int
}

// Presets are the export sizes, slide shapes first.
var Presets = []Preset{{"16:9", 1920, 1080}, {"4:3", 1600, 1200}, {"1:1", 1080, 1080}}

// PresetNamed finds a preset by name ("16:9").
func PresetNamed(name string) (Preset, bool) {
	for _, p := range Presets {
		if p.Name == name {
			return p, true
		}
	}
	return Preset{}, false
}

// The size of an exported picture, each side, before --scale / 2×.
const (
	MinExportSide = 100
	MaxExportSide = 8000
)

// ErrSize says that a picture size is not WxH within the limits.
var ErrSize = fmt.Errorf("not a size: write width x height in pixels, e.g. 1600x900 (%d to %d)", MinExportSide, MaxExportSide)

// ParseSize reads a picture size written "1600x900" (or "1600×900").
func ParseSize(s string) (w, h int, err error) {
	t := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "×", "x")
	a, b, ok := strings.Cut(t, "x")
	w, err1 := strconv.Atoi(strings.TrimSpace(a))
	h, err2 := strconv.Atoi(strings.TrimSpace(b))
	if !ok || err1 != nil || err2 != nil || w < MinExportSide || h < MinExportSide || w > MaxExportSide || h > MaxExportSide {
		return 0, 0, fmt.Errorf("%q is %w", s, ErrSize)
	}
	return w, h, nil
}

// Workbook pictures: the charts drawn at this size beside the native ones.
const workbookPictureW, workbookPictureH = 1600, 900

// Export is one export, the same job whether the command line or the
// window asks for it: a chart picture (.png, .svg), the canonical workbook
// with native charts of the Compare and Timeline views and pictures of
// them (.xlsx), the slide deck (.pptx) or the observations (.csv), chosen
// by the file name's extension.
type Export struct {
	Data    *importer.DataSet
	Choices []Choice       // the views: one per kind (missing kinds get their defaults)
	Chart   string         // the kind of chart a picture export draws; "" Compare
	Slides  []string       // the deck's slides, by kind; empty: every kind
	Options charts.Options // theme, font and words; the size for a picture
	Title   string         // the deck's cover
	Version string         // the app's version, written into workbooks
	Protect []string       // the files the data came from: never written onto
}

// Save writes the export to path atomically (a failed export leaves an
// existing file untouched), refusing the files in Protect.
func (e Export) Save(path string) error {
	if err := importer.CheckExportTarget(path, e.Protect...); err != nil {
		return err
	}
	e.Options.Words = Words(e.choice("").Lang)
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".png", ".svg":
		if e.Options.Width == 0 || e.Options.Height == 0 {
			e.Options.Width, e.Options.Height = Presets[0].Width, Presets[0].Height
		}
		spec, err := Build(e.Data, e.choice(e.Chart))
		if err != nil {
			return err
		}
		return importer.SaveAtomic(path, func(w io.Writer) error { return charts.Write(w, path, spec, e.Options) })
	case ".csv":
		return importer.SaveAtomic(path, e.Data.WriteCSV)
	case ".pptx":
		deck, err := e.deck()
		if err != nil {
			return err
		}
		return importer.SaveAtomic(path, func(w io.Writer) error { return charts.WriteDeck(w, deck) })
	case ".xlsx":
		opts, err := e.workbook()
		if err != nil {
			return err
		}
		return importer.SaveAtomic(path, func(w io.Writer) error { return e.Data.WriteWorkbook(w, opts) })
	}
	return fmt.Errorf("%s: %w", filepath.Base(path), ErrExportType)
}

// ErrExportType says that an export's file name has no extension we write.
var ErrExportType = errors.New("the file name must end in .png, .svg, .xlsx, .pptx or .csv")

// choice is the view of a kind, or its defaults.
func (e Export) choice(kind string) Choice {
	kind = cmp.Or(kind, KindCompare)
	for _, c := range e.Choices {
		if cmp.Or(c.Kind, KindCompare) == kind {
			return c
		}
	}
	c := Defaults(e.Data, kind)
	if len(e.Choices) > 0 {
		c.Lang = e.Choices[0].Lang
	}
	return c
}

func (e Export) deck() (charts.Deck, error) {
	deck := charts.Deck{Title: cmp.Or(e.Title, "Auto Cities"), Subtitle: e.choice("").tr("deck.subtitle"), Options: e.Options}
	kinds := e.Slides
	if len(kinds) == 0 {
		kinds = KindNames()
	}
	for _, k := range kinds {
		spec, err := Build(e.Data, e.choice(k))
		if err != nil {
			return deck, err
		}
		deck.Slides = append(deck.Slides, charts.Slide{Chart: spec})
	}
	return deck, nil
}

func (e Export) workbook() (importer.WorkbookOptions, error) {
	compare, timeline := e.choice(KindCompare), e.choice(KindTimeline)
	opts := importer.WorkbookOptions{AppVersion: e.Version, Charts: WorkbookCharts(e.Data, compare, timeline)}
	pic := e.Options
	pic.Width, pic.Height, pic.Scale, pic.Transparent, pic.Theme = workbookPictureW, workbookPictureH, 1, false, charts.Light
	for _, c := range []Choice{compare, timeline} {
		spec, err := Build(e.Data, c)
		if err != nil {
			return opts, err
		}
		var b bytes.Buffer
		if err := charts.WritePNG(&b, spec, pic); err != nil {
			return opts, err
		}
		opts.Pictures = append(opts.Pictures, b.Bytes())
	}
	return opts, nil
}

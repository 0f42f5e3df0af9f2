package chartspec

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"autocities/charts"
	"autocities/importer"
)

// WorkbookCharts is the data of the native Excel charts for the exported
// workbook: the Compare view as clustered columns (categories: cities in
// the order drawn; one series per year) and the Timeline view as lines
// (categories: years; one series per city), in the display unit, with the
// unit in the axis title, each city in its colour in the pictures, the
// user's titles and the source line.
func WorkbookCharts(d *importer.DataSet, compare, timeline Choice) []importer.WorkbookChart {
	return []importer.WorkbookChart{compareWorkbookChart(d, compare), timelineWorkbookChart(d, timeline)}
}

func compareWorkbookChart(d *importer.DataSet, c Choice) importer.WorkbookChart {
	spec := titled(d, c, Compare(d, c)).(charts.Compare)
	u := c.unitOf(d)
	wc := importer.WorkbookChart{Kind: "bar", Title: spec.Title, ValueAxis: spec.ValueAxis, NumberFormat: excelFormat(u.Decimals),
		Source: spec.Footer}
	var names []string
	for _, b := range spec.Bars {
		names = append(names, b.City)
	}
	colors := hexColors(names)
	for i, b := range spec.Bars {
		wc.Categories = append(wc.Categories, b.City)
		wc.CategoryColors = append(wc.CategoryColors, colors[i])
	}
	for g, name := range spec.Groups {
		s := importer.WorkbookSeries{Name: name}
		fade := 0.0
		if len(spec.Groups) > 1 { // as in the picture: older years lighter
			fade = 0.6 * float64(len(spec.Groups)-1-g) / float64(len(spec.Groups)-1)
			// The legend's key shows the series' own fill: a grey as light
			// as the year's bars, since each bar has its city's colour.
			s.Color = lighter(legendGrey, fade)
		}
		for i, b := range spec.Bars {
			s.Values = append(s.Values, b.Values[g])
			s.Marks = append(s.Marks, at(b.Marks, g))
			s.Flags = append(s.Flags, at(b.Flags, g))
			if len(spec.Groups) > 1 {
				s.PointColors = append(s.PointColors, lighter(colors[i], fade))
			}
		}
		wc.Series = append(wc.Series, s)
	}
	return wc
}

// legendGrey is the key of the newest year's bars in a grouped native
// chart; older years' keys are lighter, as their bars are.
const legendGrey = "595959"

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}

// lighter mixes an "RRGGBB" colour with white by f (0: as is).
func lighter(hex string, f float64) string {
	var r, g, b int
	if _, err := fmt.Sscanf(hex, "%02X%02X%02X", &r, &g, &b); err != nil {
		return hex
	}
	m := func(v int) int { return int(float64(v)*(1-f) + 255*f + 0.5) }
	return fmt.Sprintf("%02X%02X%02X", m(r), m(g), m(b))
}

// timelineWorkbookChart: a year known only in part is its own category,
// labelled with its period ("2025 (Jan–Nov)"), so the native chart, which
// cannot draw hollow points, never passes it off as a full year; and a
// part year sits in its own series ("Chongqing, Jan–Nov"), never on the
// line of full years.
func timelineWorkbookChart(d *importer.DataSet, c Choice) importer.WorkbookChart {
	spec := titled(d, c, Timeline(d, c)).(charts.Timeline)
	u := c.unitOf(d)
	wc := importer.WorkbookChart{Kind: "line", Title: spec.Title, ValueAxis: spec.ValueAxis, NumberFormat: excelFormat(u.Decimals),
		Source: spec.Footer}
	years, partial := timelineYears(spec.Series)
	for _, y := range years {
		label := strconv.Itoa(y)
		if p := partial[y]; p != "" {
			label += " (" + p + ")"
		}
		wc.Categories = append(wc.Categories, label)
	}
	var names []string
	for _, s := range spec.Series {
		names = append(names, s.City)
	}
	colors := hexColors(names)
	for i, s := range spec.Series {
		full := importer.WorkbookSeries{Name: s.City, Values: nanSlice(len(years)), Color: colors[i]}
		parts := map[string]*importer.WorkbookSeries{}
		var order []string
		for _, p := range s.Points {
			k := slices.Index(years, p.Year)
			if !p.Partial {
				setPoint(&full, k, p)
				continue
			}
			if parts[p.Label] == nil {
				parts[p.Label] = &importer.WorkbookSeries{Name: s.City + ", " + p.Label, Values: nanSlice(len(years)), Color: colors[i], Dashed: true}
				order = append(order, p.Label)
			}
			setPoint(parts[p.Label], k, p)
		}
		wc.Series = append(wc.Series, full)
		for _, l := range order {
			wc.Series = append(wc.Series, *parts[l])
		}
	}
	return wc
}

// setPoint puts a point's value and marks at category k of a series.
func setPoint(s *importer.WorkbookSeries, k int, p charts.Point) {
	s.Values[k] = p.Value
	if p.Mark == "" && p.Flag == "" {
		return
	}
	if s.Marks == nil {
		s.Marks, s.Flags = make([]string, len(s.Values)), make([]string, len(s.Values))
	}
	s.Marks[k], s.Flags[k] = p.Mark, p.Flag
}

// timelineYears lists every year from the first drawn to the last, missing
// ones included (Excel's line chart spaces categories evenly, so a missing
// year must be a blank category, drawn as a gap, not left out), and the
// period of years known only in part ("partial year" when cities differ).
func timelineYears(series []charts.Series) ([]int, map[int]string) {
	var years []int
	partial, full := map[int]string{}, map[int]bool{}
	for _, s := range series {
		for _, p := range s.Points {
			if !slices.Contains(years, p.Year) {
				years = append(years, p.Year)
			}
			if !p.Partial {
				full[p.Year] = true
				continue
			}
			label := cmp.Or(p.Label, "partial year")
			if old, ok := partial[p.Year]; ok && old != label {
				label = "partial year"
			}
			partial[p.Year] = label
		}
	}
	for y := range full {
		delete(partial, y)
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

// hexColors are the regions' colours, drawn together, as "RRGGBB".
func hexColors(regions []string) []string {
	var out []string
	for _, c := range charts.Colors(regions, charts.Light) {
		out = append(out, fmt.Sprintf("%02X%02X%02X", c.R, c.G, c.B))
	}
	return out
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
	Slides  []string       // the deck's slides: chart kinds and SlideHeadline; empty: all of them
	Options charts.Options // theme, font and words; the size for a picture
	Title   string         // the deck's cover
	Version string         // the app's version, written into workbooks
	Protect []string       // the files the data came from: never written onto
	Now     time.Time      // the deck's "as of" date; zero: now
}

// SlideNames lists the slides a deck can have, in their order: the chart
// kinds, then the headline figures.
func SlideNames() []string { return append(KindNames(), SlideHeadline) }

// ParseSlides reads a list of slides such as "compare,timeline,headline".
func ParseSlides(s string) ([]string, error) {
	var out []string
	for _, name := range strings.Split(s, ",") {
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" {
			continue
		}
		if !slices.Contains(SlideNames(), name) {
			return nil, fmt.Errorf("slide %q is not one of %s", name, strings.Join(SlideNames(), ", "))
		}
		out = append(out, name)
	}
	return out, nil
}

// Save writes the export to path atomically (a failed export leaves an
// existing file untouched), refusing the files in Protect.
func (e Export) Save(path string) error {
	_, err := e.SaveNoting(path)
	return err
}

// SaveNoting is Save, and says what the export left out: a slide whose
// chart has no data, in the export's language.
func (e Export) SaveNoting(path string) ([]string, error) {
	if err := importer.CheckExportTarget(path, e.Protect...); err != nil {
		return nil, err
	}
	e.Options.Words = Words(e.choice("").Lang)
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".png", ".svg":
		if e.Options.Width == 0 || e.Options.Height == 0 {
			e.Options.Width, e.Options.Height = Presets[0].Width, Presets[0].Height
		}
		spec, err := Build(e.Data, e.choice(e.Chart))
		if err != nil {
			return nil, err
		}
		return nil, importer.SaveAtomic(path, func(w io.Writer) error { return charts.Write(w, path, spec, e.Options) })
	case ".csv":
		return nil, importer.SaveAtomic(path, e.Data.WriteCSV)
	case ".pptx":
		deck, notes, err := e.deck()
		if err != nil {
			return nil, err
		}
		return notes, importer.SaveAtomic(path, func(w io.Writer) error { return charts.WriteDeck(w, deck) })
	case ".xlsx":
		opts, err := e.workbook()
		if err != nil {
			return nil, err
		}
		return nil, importer.SaveAtomic(path, func(w io.Writer) error { return e.Data.WriteWorkbook(w, opts) })
	}
	return nil, fmt.Errorf("%s: %w", filepath.Base(path), ErrExportType)
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

// deck builds the slides asked for; a chart with no data is left out,
// and the notes say so.
func (e Export) deck() (charts.Deck, []string, error) {
	c := e.choice("")
	now := e.Now
	if now.IsZero() {
		now = time.Now()
	}
	deck := charts.Deck{Title: cmp.Or(e.Title, "Auto Cities"), Subtitle: c.tr("deck.subtitle"),
		AsOf: c.tr("deck.as_of", c.date(now)), Options: e.Options}
	names := e.Slides
	if len(names) == 0 {
		names = SlideNames()
	}
	var left []string
	for _, name := range names {
		slide, ok, err := e.slide(name)
		if err != nil {
			return deck, nil, err
		}
		if !ok {
			left = append(left, c.tr("deck.left_out", c.tr(slideWords[name])))
			continue
		}
		deck.Slides = append(deck.Slides, slide)
	}
	if len(deck.Slides) == 0 {
		var words []string
		for _, name := range names {
			words = append(words, c.tr(slideWords[name]))
		}
		return deck, nil, emptyDeck(c.tr("deck.empty", strings.Join(words, c.tr("list.sep"))))
	}
	return deck, left, nil
}

// ErrEmptyDeck says that no slide asked for has data: a deck of a cover
// alone is not written.
var ErrEmptyDeck = errors.New("no slide of the deck has data")

// emptyDeck is ErrEmptyDeck in the export's language.
type emptyDeck string

func (e emptyDeck) Error() string        { return string(e) }
func (e emptyDeck) Is(target error) bool { return target == ErrEmptyDeck }

// slideWords name the slides in messages.
var slideWords = map[string]string{KindCompare: "deck.slide.compare", KindTimeline: "deck.slide.timeline",
	KindRank: "deck.slide.rank", SlideHeadline: "deck.slide.headline"}

// slide is one slide of the deck; ok is false when it would show no data.
func (e Export) slide(name string) (charts.Slide, bool, error) {
	if name == SlideHeadline {
		c := e.choice(KindTimeline)
		h, sources := Headline(e.Data, c)
		return charts.Slide{Headline: &h, Notes: c.notes(e.Data, sources)}, len(h.Figures) > 0, nil
	}
	c := e.choice(name)
	spec, sources, err := build(e.Data, c)
	if err != nil {
		return charts.Slide{}, false, err
	}
	return charts.Slide{Chart: spec, Notes: c.notes(e.Data, sources)}, charts.HasData(spec), nil
}

// notes are a slide's speaker notes: every source of what it shows, with
// its title, address and date.
func (c Choice) notes(d *importer.DataSet, ids []string) string {
	lines := []string{c.tr("deck.notes.sources")}
	seen := map[string]bool{}
	n := 0
	for _, id := range c.orderedSources(d, ids) {
		if seen[id] {
			continue
		}
		seen[id] = true
		n++
		s, ok := d.Source(id)
		if !ok {
			lines = append(lines, fmt.Sprintf("%d. %s", n, id))
			continue
		}
		line := fmt.Sprintf("%d. %s: %s", n, c.sourceName(s), s.Title)
		if s.Date != "" {
			line += " (" + s.Date + ")"
		}
		if s.URL != "" {
			line += " " + s.URL
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// orderedSources are source IDs the strongest first, as the source line
// names them.
func (c Choice) orderedSources(d *importer.DataSet, ids []string) []string {
	out := slices.Clone(ids)
	slices.SortStableFunc(out, func(a, b string) int {
		sa, _ := d.Source(a)
		sb, _ := d.Source(b)
		return cmp.Compare(tierOrder(cmp.Or(sa.Tier, importer.TierOther)), tierOrder(cmp.Or(sb.Tier, importer.TierOther)))
	})
	return out
}

// date writes a day in the choice's language: "3 December 2026" / "2026年12月3日".
func (c Choice) date(t time.Time) string {
	return t.Format(c.tr("deck.date_layout"))
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

package chartspec

import (
	"bytes"
	"fmt"
	"math"
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
	u := Unit(c.Metric, c.Unit)
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
	u := Unit(c.Metric, c.Unit)
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

// DeckChoices are the charts of the default slide deck: Compare, Timeline
// and Rank as the command line draws them.
func DeckChoices(d *importer.DataSet) []Choice {
	return []Choice{Defaults(d, KindCompare), Defaults(d, KindTimeline), Defaults(d, KindRank)}
}

// Deck makes the slide deck: a title slide, then one slide per chart with
// the chart's title as the slide title, its source line as the footnote,
// and the chart drawn without those two (the slide shows them) at the
// shape of the slide's picture area (800×350 laid out, 3× the pixels:
// text the size of a slide's body text) at opts' theme and font,
// so it fills the slide's width.
func Deck(d *importer.DataSet, title, subtitle string, choices []Choice, opts charts.Options) (charts.Deck, error) {
	deck := charts.Deck{Title: title, Subtitle: subtitle}
	opts.Width, opts.Height, opts.Scale, opts.Transparent = 800, 350, 3, false
	for _, c := range choices {
		spec, err := Build(d, c)
		if err != nil {
			return deck, err
		}
		text := specText(spec)
		var b bytes.Buffer
		if err := charts.WritePNG(&b, withoutTitleAndFooter(spec), opts); err != nil {
			return deck, fmt.Errorf("drawing the %s chart: %w", c.Kind, err)
		}
		deck.Slides = append(deck.Slides, charts.Slide{Title: text.Title, Picture: b.Bytes(), Footnote: text.Footer})
	}
	return deck, nil
}

func withoutTitleAndFooter(spec any) any {
	switch s := spec.(type) {
	case charts.Compare:
		s.Title, s.Footer = "", ""
		return s
	case charts.Timeline:
		s.Title, s.Footer = "", ""
		return s
	case charts.Rank:
		s.Title, s.Footer = "", ""
		return s
	}
	return spec
}

func specText(spec any) charts.Text {
	switch s := spec.(type) {
	case charts.Compare:
		return s.Text
	case charts.Timeline:
		return s.Text
	case charts.Rank:
		return s.Text
	}
	return charts.Text{}
}

package importer

import (
	"bytes"
	"cmp"
	"fmt"
	"image/png"
	"math"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// The Charts sheet: each chart's data block in columns A…, the native
// charts to the right of the data, the rendered pictures to their right.
const (
	chartWidthPx  = 720
	chartHeightPx = 405
	chartRows     = 23 // rows (of 20 px) a chart or picture takes, with a gap
	firstBlockRow = 4
)

// writeChartsSheet adds the Charts sheet. With neither charts nor
// pictures it is left out.
func writeChartsSheet(f *excelize.File, opts WorkbookOptions, st *exportStyles) error {
	if len(opts.Charts) == 0 && len(opts.Pictures) == 0 {
		return nil
	}
	for i, c := range opts.Charts {
		if err := c.check(); err != nil {
			return fmt.Errorf("chart %d (%s): %w", i+1, c.Title, err)
		}
	}
	if _, err := f.NewSheet(SheetCharts); err != nil {
		return err
	}
	dataCols := 1
	for _, c := range opts.Charts {
		dataCols = max(dataCols, 1+len(c.Series))
	}
	chartCol := dataCols + 2
	picCol := chartCol + 12
	if err := chartsHeadings(f, st, chartCol, picCol, opts); err != nil {
		return err
	}
	row := firstBlockRow
	for i, c := range opts.Charts {
		if cancelled(opts.Cancel) {
			return ErrExportCancelled
		}
		at := xCell(chartCol, firstBlockRow+i*chartRows)
		if err := addNativeChart(f, st, c, row, at); err != nil {
			return fmt.Errorf("chart %d (%s): %w", i+1, c.Title, err)
		}
		row += len(c.Categories) + 3
	}
	for i, p := range opts.Pictures {
		if err := addPicture(f, p, xCell(picCol, firstBlockRow+i*chartRows), i); err != nil {
			return err
		}
	}
	if err := printLandscape(f, SheetCharts, false); err != nil {
		return err
	}
	return f.SetColWidth(SheetCharts, "A", "A", 16)
}

func chartsHeadings(f *excelize.File, st *exportStyles, chartCol, picCol int, opts WorkbookOptions) error {
	cells := []struct {
		at, text string
	}{
		{"A1", "Charts"},
		{"A2", "The native charts stay editable: their data is in the blocks below, in the units of the axis titles. The pictures are the charts as drawn in Auto Cities."},
	}
	if len(opts.Charts) > 0 {
		cells = append(cells, struct{ at, text string }{xCell(chartCol, 3), "Native charts (editable)"})
	}
	if len(opts.Pictures) > 0 {
		cells = append(cells, struct{ at, text string }{xCell(picCol, 3), "As drawn in Auto Cities"})
	}
	for _, c := range cells {
		if err := f.SetCellStr(SheetCharts, c.at, c.text); err != nil {
			return err
		}
		if c.at != "A2" {
			if err := f.SetCellStyle(SheetCharts, c.at, c.at, st.heading); err != nil {
				return err
			}
		}
	}
	return nil
}

// check tells a caller's mistake before anything is written.
func (c WorkbookChart) check() error {
	if c.Kind != "bar" && c.Kind != "line" {
		return fmt.Errorf("%w: kind %q is not bar or line", ErrChartData, c.Kind)
	}
	for _, s := range c.Series {
		if len(s.Values) != len(c.Categories) {
			return fmt.Errorf("%w: series %q has %d values for %d categories", ErrChartData, s.Name, len(s.Values), len(c.Categories))
		}
	}
	return nil
}

// addNativeChart writes the chart's data block from row and anchors the
// chart at the cell at. A chart with no data gets its block (saying so)
// but no chart.
func addNativeChart(f *excelize.File, st *exportStyles, c WorkbookChart, row int, at string) error {
	numStyle, err := st.number(f, c.NumberFormat)
	if err != nil {
		return err
	}
	if err := writeChartData(f, st, c, row, numStyle); err != nil {
		return err
	}
	if len(c.Categories) == 0 || len(c.Series) == 0 {
		return f.SetCellStr(SheetCharts, xCell(1, row+1), "No data for this chart.")
	}
	return f.AddChart(SheetCharts, at, nativeChart(c, row))
}

// writeChartData writes the title, a header (first column, series names)
// and one row per category.
func writeChartData(f *excelize.File, st *exportStyles, c WorkbookChart, row, numStyle int) error {
	if err := f.SetCellStr(SheetCharts, xCell(1, row), c.Title); err != nil {
		return err
	}
	if err := f.SetCellStyle(SheetCharts, xCell(1, row), xCell(1, row), st.heading); err != nil {
		return err
	}
	header := map[string]string{"bar": "City", "line": "Year"}[c.Kind]
	if err := f.SetCellStr(SheetCharts, xCell(1, row+1), header); err != nil {
		return err
	}
	for j, s := range c.Series {
		if err := f.SetCellStr(SheetCharts, xCell(j+2, row+1), s.Name); err != nil {
			return err
		}
	}
	for i, cat := range c.Categories {
		r := row + 2 + i
		if err := f.SetCellStr(SheetCharts, xCell(1, r), cat); err != nil {
			return err
		}
		for j, s := range c.Series {
			if v := s.Values[i]; !math.IsNaN(v) && !math.IsInf(v, 0) {
				if err := f.SetCellFloat(SheetCharts, xCell(j+2, r), v, -1, 64); err != nil {
					return err
				}
			}
		}
	}
	if len(c.Series) == 0 || len(c.Categories) == 0 {
		return nil
	}
	last := xCell(1+len(c.Series), row+1+len(c.Categories))
	return f.SetCellStyle(SheetCharts, xCell(2, row+2), last, numStyle)
}

// nativeChart describes the Excel chart over the data block at row.
func nativeChart(c WorkbookChart, row int) *excelize.Chart {
	first, last := row+2, row+1+len(c.Categories)
	ch := &excelize.Chart{
		Type:         excelize.Col,
		Title:        excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.Title}}},
		Legend:       excelize.ChartLegend{Position: "bottom"},
		Dimension:    excelize.ChartDimension{Width: chartWidthPx, Height: chartHeightPx},
		ShowBlanksAs: "gap",
		VaryColors:   new(bool), // one colour per series; cities get theirs through CategoryColors
		YAxis: excelize.ChartAxis{MajorGridLines: true,
			NumFmt: excelize.ChartNumFmt{CustomNumFmt: cmp.Or(c.NumberFormat, "#,##0")},
			Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.ValueAxis}}}},
	}
	if c.Kind == "line" {
		ch.Type = excelize.Line
	}
	for j, s := range c.Series {
		col := ColumnName(j + 2)
		cs := excelize.ChartSeries{
			Name:       fmt.Sprintf("%s!$%s$%d", SheetCharts, col, row+1),
			Categories: fmt.Sprintf("%s!$A$%d:$A$%d", SheetCharts, first, last),
			Values:     fmt.Sprintf("%s!$%s$%d:$%s$%d", SheetCharts, col, first, col, last),
		}
		if s.Color != "" {
			cs.Fill = solidFill(s.Color)
		}
		if c.Kind == "line" {
			cs.Line = excelize.LineOptions{Width: 2.25}
			cs.Marker = excelize.ChartMarker{Symbol: "circle", Size: 6, Fill: cs.Fill}
		} else if len(c.Series) == 1 {
			cs.DataPoint = pointColors(c.CategoryColors)
		}
		ch.Series = append(ch.Series, cs)
	}
	return ch
}

func solidFill(hex string) excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{hex}}
}

// pointColors gives each bar of a one-series bar chart its city's colour.
func pointColors(colors []string) []excelize.ChartDataPoint {
	var out []excelize.ChartDataPoint
	for i, c := range colors {
		if c != "" {
			out = append(out, excelize.ChartDataPoint{Index: i, Fill: solidFill(c)})
		}
	}
	return out
}

// addPicture places a rendered chart (PNG) 720 pixels wide.
func addPicture(f *excelize.File, pic []byte, at string, i int) error {
	cfg, err := png.DecodeConfig(bytes.NewReader(pic))
	if err != nil || cfg.Width == 0 {
		return fmt.Errorf("picture %d is not a PNG image (%v); pass the chart as PNG bytes", i+1, err)
	}
	scale := float64(chartWidthPx) / float64(cfg.Width)
	return f.AddPictureFromBytes(SheetCharts, at, &excelize.Picture{Extension: ".png", File: pic,
		Format: &excelize.GraphicOptions{ScaleX: scale, ScaleY: scale, LockAspectRatio: true,
			AltText: "Chart " + strconv.Itoa(i+1) + " as drawn in Auto Cities"}})
}

func xCell(col, row int) string { return ColumnName(col) + strconv.Itoa(row) }

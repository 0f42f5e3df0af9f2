package importer

import (
	"bytes"
	"cmp"
	"fmt"
	"image/png"
	"math"
	"strconv"
	"strings"

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
		if err := addNativeChart(f, st, c, row, chartCol, firstBlockRow+i*chartRows); err != nil {
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
	if err := fitDimension(f, SheetCharts); err != nil {
		return err
	}
	return f.SetColWidth(SheetCharts, "A", "A", 16)
}

// fitDimension records a sheet's real extent: excelize leaves a sheet
// written cell by cell at "A1" however far its cells reach.
func fitDimension(f *excelize.File, sheet string) error {
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return err
	}
	cols := 1
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	return f.SetSheetDimension(sheet, "A1:"+xCell(cols, max(1, len(rows))))
}

func chartsHeadings(f *excelize.File, st *exportStyles, chartCol, picCol int, opts WorkbookOptions) error {
	cells := []struct {
		at, text string
	}{
		{"A1", "Charts"},
		{"A2", "The native charts stay editable: their data is in the blocks below, in the units of the axis titles. The pictures are the charts as drawn in Auto Cities."},
		{"A3", "In Observations, where several sources state a figure, the value the charts draw is in bold."},
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
		if c.at != "A2" && c.at != "A3" {
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

// addNativeChart writes the chart's data block from row, anchors the chart
// at the cell (col, top) and writes its source line under it. A chart with
// no data gets its block (saying so) but no chart.
func addNativeChart(f *excelize.File, st *exportStyles, c WorkbookChart, row, col, top int) error {
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
	if err := f.AddChart(SheetCharts, xCell(col, top), nativeChart(c, row)); err != nil {
		return err
	}
	colorBars(f, c, row)
	if c.Source == "" {
		return nil
	}
	return f.SetCellStr(SheetCharts, xCell(col, top+chartRows-2), c.Source)
}

// colorBars gives each bar its city's colour. excelize writes data-point
// colours for pies only, so the bar chart's part gets its <dPt> elements
// here, where the schema has them: after a series' invertIfNegative.
func colorBars(f *excelize.File, c WorkbookChart, row int) {
	if c.Kind != "bar" {
		return
	}
	cats := fmt.Sprintf("<f>%s!$A$%d:$A$%d</f>", SheetCharts, row+2, row+1+len(c.Categories))
	f.Pkg.Range(func(k, v any) bool {
		name, _ := k.(string)
		b, ok := v.([]byte)
		if !ok || !strings.HasPrefix(name, "xl/charts/chart") || !bytes.Contains(b, []byte(cats)) {
			return true
		}
		f.Pkg.Store(name, withPointColors(b, c))
		return false
	})
}

// withPointColors inserts each series' point colours into a bar chart part.
func withPointColors(b []byte, c WorkbookChart) []byte {
	const after = "<invertIfNegative val=\"0\"></invertIfNegative>"
	parts := bytes.Split(b, []byte(after))
	if len(parts) != len(c.Series)+1 {
		return b
	}
	var out bytes.Buffer
	for j, p := range parts {
		out.Write(p)
		if j == len(c.Series) {
			break
		}
		out.WriteString(after)
		colors := c.Series[j].PointColors
		if len(colors) == 0 && len(c.Series) == 1 {
			colors = c.CategoryColors
		}
		for i, hex := range colors {
			if hex != "" {
				fmt.Fprintf(&out, `<dPt><idx val="%d"></idx><invertIfNegative val="0"></invertIfNegative><bubble3D val="0"></bubble3D>`+
					`<spPr><a:solidFill><a:srgbClr val="%s"></a:srgbClr></a:solidFill></spPr></dPt>`, i, hex)
			}
		}
	}
	return out.Bytes()
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
			if err := writeChartValue(f, st, c, s, i, xCell(j+2, r), numStyle); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeChartValue writes value i of series s at cell, in the chart's
// number format with the value's marks ("~"#,##0.00"?"): the data labels
// take their format from the cells, so they carry the marks too.
func writeChartValue(f *excelize.File, st *exportStyles, c WorkbookChart, s WorkbookSeries, i int, cell string, numStyle int) error {
	v := s.Values[i]
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	if err := f.SetCellFloat(SheetCharts, cell, v, -1, 64); err != nil {
		return err
	}
	style := numStyle
	if before, after := textAt(s.Marks, i), textAt(s.Flags, i); before != "" || after != "" {
		var err error
		if style, err = st.number(f, markedFormat(c.NumberFormat, before, after)); err != nil {
			return err
		}
	}
	return f.SetCellStyle(SheetCharts, cell, cell, style)
}

// markedFormat is a number format with literal text before and after the
// number (in each of its sections), e.g. "~"#,##0.00"?".
func markedFormat(format, before, after string) string {
	quote := func(s string) string {
		if s == "" {
			return ""
		}
		return `"` + strings.ReplaceAll(s, `"`, "") + `"`
	}
	sections := strings.Split(cmp.Or(format, "#,##0"), ";")
	for k, sec := range sections {
		sections[k] = quote(before) + sec + quote(after)
	}
	return strings.Join(sections, ";")
}

func textAt(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}

// Text in the native charts: dark grey, big enough to read on a slide.
var (
	chartText  = excelize.Font{Color: "404040", Size: 10}
	chartTitle = excelize.Font{Color: "1A1A1A", Size: 14, Bold: true}
)

// nativeChart describes the Excel chart over the data block at row: the
// regions' colours, values on the bars and points, readable axes, and the
// source line under the title.
func nativeChart(c WorkbookChart, row int) *excelize.Chart {
	first, last := row+2, row+1+len(c.Categories)
	title := []excelize.RichTextRun{{Text: c.Title, Font: &chartTitle}}
	numFmt := excelize.ChartNumFmt{CustomNumFmt: cmp.Or(c.NumberFormat, "#,##0")}
	// The data labels read the cells' format, which carries the marks.
	labelFmt := excelize.ChartNumFmt{CustomNumFmt: numFmt.CustomNumFmt, SourceLinked: true}
	ch := &excelize.Chart{
		Type:         excelize.Col,
		Title:        excelize.ChartTitle{Paragraph: title},
		Legend:       excelize.ChartLegend{Position: legendPosition(c)},
		Dimension:    excelize.ChartDimension{Width: chartWidthPx, Height: chartHeightPx},
		ShowBlanksAs: "gap",
		VaryColors:   new(bool), // one colour per series; cities get theirs through their points
		PlotArea:     excelize.ChartPlotArea{ShowVal: true, NumFmt: labelFmt},
		XAxis:        excelize.ChartAxis{Font: chartText},
		YAxis: excelize.ChartAxis{MajorGridLines: true, Font: chartText, NumFmt: numFmt,
			Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.ValueAxis, Font: &chartText}}}},
	}
	if c.Kind == "line" {
		ch.Type = excelize.Line
	}
	for j, s := range c.Series {
		ch.Series = append(ch.Series, nativeSeries(c, s, j, row, first, last))
	}
	return ch
}

// legendPosition: a bar chart of one series coloured bar by bar (each city
// its colour) has no legend, whose one key could show only one colour;
// the title says what the bars are.
func legendPosition(c WorkbookChart) string {
	if c.Kind == "bar" && len(c.Series) == 1 && (len(c.CategoryColors) > 0 || len(c.Series[0].PointColors) > 0) {
		return "none"
	}
	return "bottom"
}

// nativeSeries is one series of a native chart.
func nativeSeries(c WorkbookChart, s WorkbookSeries, j, row, first, last int) excelize.ChartSeries {
	col := ColumnName(j + 2)
	cs := excelize.ChartSeries{
		Name:       fmt.Sprintf("%s!$%s$%d", SheetCharts, col, row+1),
		Categories: fmt.Sprintf("%s!$A$%d:$A$%d", SheetCharts, first, last),
		Values:     fmt.Sprintf("%s!$%s$%d:$%s$%d", SheetCharts, col, first, col, last),
		DataLabel:  excelize.ChartDataLabel{Font: chartText},
	}
	if s.Color != "" {
		cs.Fill = solidFill(s.Color)
	}
	switch {
	case c.Kind == "line":
		cs.Line = excelize.LineOptions{Width: 2.25}
		if s.Dashed {
			cs.Line.Dash = excelize.LineDashDash
		}
		cs.Marker = excelize.ChartMarker{Symbol: "circle", Size: 6, Fill: cs.Fill}
		cs.DataLabelPosition = excelize.ChartDataLabelsPositionAbove
	}
	return cs
}

func solidFill(hex string) excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{hex}}
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

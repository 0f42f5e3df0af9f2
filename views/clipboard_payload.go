package views

import (
	"bytes"
	"cmp"
	"fmt"
	"image"
	"math"
	"slices"
	"strconv"
	"strings"

	"autocities/charts"
	"autocities/importer"
)

// What Edit → Copy chart and Copy data put on the clipboard, built from
// the chart's spec alone (no window, no clipboard): the picture as PNG and
// SVG, drawn as an export draws it, and the values drawn as tab-separated
// text that fills cells when pasted into a spreadsheet.

// clipWords are the copied table's own words, in the UI's language.
type clipWords struct {
	Region   string // the first column's header: "Region"
	Unit     string // the last column's header: "Unit"
	Approx   string // "~ approximate or estimated: %s", the values so marked
	MoreThan string // "> more than: %s"
	ValueAt  string // "%[1]s %[2]s": a region and a year, in those lists
	Sep      string // between the items of a list: ", "
}

// chartPayload is a chart as the clipboard carries it.
type chartPayload struct {
	Image    *image.RGBA // the PNG's pixels
	PNG, SVG []byte
	Text     string // chartTable's text
}

// buildChartPayload draws the chart at opts as PNG and SVG, and writes
// its values as text.
func buildChartPayload(spec charts.Spec, opts charts.Options, w clipWords) (chartPayload, error) {
	img, err := charts.Render(spec, opts)
	if err != nil {
		return chartPayload{}, err
	}
	var pic, svg bytes.Buffer
	if err := charts.EncodePNG(&pic, img); err != nil {
		return chartPayload{}, err
	}
	if err := charts.WriteSVG(&svg, spec, opts); err != nil {
		return chartPayload{}, err
	}
	text, _ := chartTable(spec, w)
	return chartPayload{Image: img, PNG: pic.Bytes(), SVG: svg.Bytes(), Text: text}, nil
}

// valueGrid is a chart's values as a table: a row per region as drawn, a
// column per year (or group).
type valueGrid struct {
	columns []string
	rows    []gridRow
}

type gridRow struct {
	region string
	cells  []gridCell
}

// gridCell is one value; ok is false where the chart has none.
type gridCell struct {
	value float64
	mark  string // "~" or ">"
	ok    bool
}

// chartTable is the values a chart draws as tab-separated text: a header
// row (the region, a column per year or group, the unit), a row per region
// in the order drawn, with plain numbers (a dot for decimals, no thousands
// separators) and the unit; under it the title, subtitle, the values
// marked approximate or "more than", and the sources. rows counts the
// regions.
func chartTable(spec charts.Spec, w clipWords) (text string, rows int) {
	g := gridOf(spec)
	t := spec.Texts()
	unit := cell(cmp.Or(t.ValueAxis, t.Subtitle))
	var b strings.Builder
	header := []string{cell(w.Region)}
	for _, c := range g.columns {
		header = append(header, cell(c))
	}
	b.WriteString(strings.Join(append(header, cell(w.Unit)), "\t") + "\n")
	for _, r := range g.rows {
		line := []string{cell(r.region)}
		for _, c := range r.cells {
			line = append(line, c.String())
		}
		b.WriteString(strings.Join(append(line, unit), "\t") + "\n")
	}
	under := []string{t.Title, t.Subtitle, t.Note}
	for _, m := range []struct{ mark, words string }{{"~", w.Approx}, {">", w.MoreThan}} {
		if list := g.marked(m.mark, w); list != "" {
			under = append(under, fmt.Sprintf(m.words, list))
		}
	}
	b.WriteString("\n")
	for _, s := range append(under, t.Footer) {
		for line := range strings.Lines(s) {
			if line = strings.TrimSpace(line); line != "" {
				b.WriteString(cell(line) + "\n")
			}
		}
	}
	return b.String(), len(g.rows)
}

// gridOf lays out the values of each kind of chart.
func gridOf(spec charts.Spec) valueGrid {
	switch s := spec.(type) {
	case charts.Compare:
		return compareGrid(s)
	case *charts.Compare:
		return compareGrid(*s)
	case charts.Timeline:
		return seriesGrid(s.Series)
	case *charts.Timeline:
		return seriesGrid(s.Series)
	case charts.Rank:
		return seriesGrid(s.Series)
	case *charts.Rank:
		return seriesGrid(s.Series)
	}
	return valueGrid{}
}

func compareGrid(c charts.Compare) valueGrid {
	g := valueGrid{columns: c.Groups}
	for _, b := range c.Bars {
		r := gridRow{region: b.City, cells: make([]gridCell, len(c.Groups))}
		for i := range r.cells {
			if i < len(b.Values) && finite(b.Values[i]) {
				r.cells[i] = gridCell{value: b.Values[i], ok: true}
			}
			if i < len(b.Marks) {
				r.cells[i].mark = b.Marks[i]
			}
		}
		g.rows = append(g.rows, r)
	}
	return g
}

// seriesGrid lays out lines (Timeline, Rank): a column per year, in
// order; a part year is a column of its own, labelled with its period
// ("2025 Jan–Nov"), never mixed with the full year.
func seriesGrid(series []charts.Series) valueGrid {
	type col struct {
		year  int
		label string // the part year's period; "" a full year
	}
	var cols []col
	for _, s := range series {
		for _, p := range s.Points {
			c := col{p.Year, partLabel(p)}
			if !slices.Contains(cols, c) {
				cols = append(cols, c)
			}
		}
	}
	slices.SortFunc(cols, func(a, b col) int { return cmp.Or(cmp.Compare(a.year, b.year), strings.Compare(a.label, b.label)) })
	var g valueGrid
	for _, c := range cols {
		g.columns = append(g.columns, strings.TrimSpace(strconv.Itoa(c.year)+" "+c.label))
	}
	for _, s := range series {
		r := gridRow{region: s.City, cells: make([]gridCell, len(cols))}
		for _, p := range s.Points {
			if i := slices.Index(cols, col{p.Year, partLabel(p)}); finite(p.Value) {
				r.cells[i] = gridCell{value: p.Value, mark: p.Mark, ok: true}
			}
		}
		g.rows = append(g.rows, r)
	}
	return g
}

// partLabel is a part year's period ("Jan–Nov"); "" for a full year.
func partLabel(p charts.Point) string {
	if !p.Partial {
		return ""
	}
	return cmp.Or(p.Label, "*")
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// marked lists the values with a mark: "Shanghai 2025, Wuhan 2024".
func (g valueGrid) marked(mark string, w clipWords) string {
	var out []string
	for _, r := range g.rows {
		for i, c := range r.cells {
			if c.ok && c.mark == mark {
				out = append(out, fmt.Sprintf(w.ValueAt, r.region, g.columns[i]))
			}
		}
	}
	return strings.Join(out, w.Sep)
}

// String writes a value as a spreadsheet reads a number: a dot for
// decimals, no thousands separators, no exponent, and no more than 12
// significant digits (a division by a unit leaves float noise:
// 253.20000000000002 is 253.2); empty where there is none.
func (c gridCell) String() string {
	if !c.ok {
		return ""
	}
	v, _ := strconv.ParseFloat(strconv.FormatFloat(c.value, 'g', 12, 64), 64)
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// cell is a text as one cell: no tabs or line breaks inside, and text a
// spreadsheet would take for a formula (=, +, -, @) defused.
func cell(s string) string {
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\t' || r == '\n' || r == '\r' }), " ")
	return importer.EscapeFormula(s)
}

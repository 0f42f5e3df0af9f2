package importer

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// exportTable is one canonical table as the workbook writer sees it: a
// sheet of rows filled on demand, so nothing is copied up front.
type exportTable struct {
	name   string           // sheet name, one of the canonical tables
	rows   int              // data rows, header not counted
	row    func(int, []any) // fills one row's cells; nil leaves a cell empty
	styles map[int]int      // 0-based column → cell style
}

// exportTables lists the canonical tables in the order of the sheets.
func (d *DataSet) exportTables(st *exportStyles) []exportTable {
	return []exportTable{
		{TableObservations, d.Count(), d.observationRows(st),
			map[int]int{2: st.year, 6: st.integer, 10: st.percent, 13: st.integer}},
		{TableIndicators, len(d.Indicators), d.indicatorRow, nil},
		{TableTargets, len(d.Targets), d.targetRow, map[int]int{1: st.year, 3: st.integer}},
		{TableEvents, len(d.Events), d.eventRow, nil},
		{TableGlossary, len(d.Terms), d.termRow, nil},
		{TableSources, len(d.Sources), d.sourceRow(st), nil},
		{TableTitles, len(d.Titles), d.titleRow, nil},
	}
}

// observationRows fills the Observations sheet's rows, in the order the
// observations arrived. Where several sources state a figure, the value
// the charts draw (the preferred one) is in bold.
func (d *DataSet) observationRows(st *exportStyles) func(int, []any) {
	at := d.observationAt()
	charted := d.chartedValues()
	return func(i int, r []any) {
		o := at(i)
		r[0], r[1], r[2], r[3] = xText(o.Region), xText(d.levelText(o.Region)), o.Year, o.Period.String()
		r[4], r[5], r[6], r[7] = xText(string(o.Metric)), xText(o.Dimension), xNumber(o.Value), xText(d.UnitOf(o.Metric))
		if charted[chartedID{o.Key(), o.SourceID, o.Value}] && r[6] != nil {
			r[6] = excelize.Cell{StyleID: st.charted, Value: o.Value}
		}
		r[8], r[9], r[10], r[11] = xText(o.Qualifier), xText(o.Confidence), xOptNumber(o.YoY), xText(o.SourceID)
		r[12], r[13] = xText(o.Note), xOptNumber(o.EditedFrom)
	}
}

// chartedID tells an observation apart from the others of its key.
type chartedID struct {
	key    Key
	source string
	value  float64
}

// chartedValues are the preferred observations of the keys several
// sources state.
func (d *DataSet) chartedValues() map[chartedID]bool {
	out := map[chartedID]bool{}
	for s := range d.AllStated() {
		if len(s.Observations) > 1 {
			p := s.Preferred()
			out[chartedID{p.Key(), p.SourceID, p.Value}] = true
		}
	}
	return out
}

func (d *DataSet) indicatorRow(i int, r []any) {
	in := &d.Indicators[i]
	r[0], r[1], r[2], r[3], r[4] = xText(string(in.Metric)), xText(in.English), xText(in.Unit), xText(string(in.Kind)), xText(in.Note)
}

func (d *DataSet) targetRow(i int, r []any) {
	t := &d.Targets[i]
	r[0], r[1], r[2], r[3] = xText(t.City), t.Year, xText(string(t.Metric)), xNumber(t.Value)
	r[4], r[5], r[6] = d.UnitOf(t.Metric), xText(t.SourceID), xText(t.Note)
}

func (d *DataSet) eventRow(i int, r []any) {
	e := &d.Events[i]
	r[0], r[1], r[2] = xText(e.Date), xText(e.City), xText(e.Kind)
	r[3], r[4], r[5] = xText(e.Title), xText(e.Detail), xText(e.SourceID)
	r[6], r[7] = xText(e.TitleZh), xText(e.DetailZh)
}

func (d *DataSet) termRow(i int, r []any) {
	t := &d.Terms[i]
	r[0], r[1], r[2], r[3] = xText(t.Term), xText(t.Sense), xText(t.Chinese), xText(t.Kind)
	r[4], r[5], r[6], r[7] = xText(t.Summary), xText(strings.Join(t.Aliases, "; ")),
		xText(strings.Join(t.Related, "; ")), xText(t.SourceID)
	r[8], r[9] = xText(t.SenseZh), xText(t.SummaryZh)
}

// sourceRow fills a Sources row; a web address is a link that opens.
func (d *DataSet) sourceRow(st *exportStyles) func(int, []any) {
	return func(i int, r []any) {
		s := &d.Sources[i]
		r[0], r[1], r[2] = xText(s.ID), xText(s.Title), xText(s.Publisher)
		r[3], r[4], r[5], r[6] = linkCell(s.URL, st), xText(s.Date), xText(s.Tier), xText(s.Original)
	}
}

// linkCell is a web address as a HYPERLINK formula whose value is the
// address itself (what the importer reads back); other text stays text.
func linkCell(url string, st *exportStyles) any {
	lower := strings.ToLower(url)
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") || len(url) > 255 {
		return xText(url)
	}
	q := strings.ReplaceAll(url, `"`, `""`)
	return excelize.Cell{StyleID: st.link, Formula: `HYPERLINK("` + q + `")`, Value: url}
}

func (d *DataSet) titleRow(i int, r []any) {
	t := &d.Titles[i]
	r[0], r[1], r[2], r[3] = xText(t.Chart), xText(t.Title), xText(t.Subtitle), xText(t.Note)
}

// xText is a string cell, or no cell at all for "". A string value always
// becomes a text cell (inline string), never a formula, whatever it starts
// with.
func xText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func xNumber(v float64) any {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return v
}

func xOptNumber(v *float64) any {
	if v == nil {
		return nil
	}
	return xNumber(*v)
}

// writeTableSheet streams one table into sheet number i (0: the sheet the
// new file starts with) as an Excel table with a frozen header.
func writeTableSheet(f *excelize.File, i int, t exportTable, cancel <-chan struct{}) error {
	if err := addSheet(f, i, t.name); err != nil {
		return err
	}
	cols := CanonicalColumns[t.name]
	ref := "A1:" + ColumnName(len(cols)) + strconv.Itoa(max(t.rows+1, 2))
	if err := printSetup(f, t.name, ref); err != nil {
		return fmt.Errorf("sheet %s: %w", t.name, err)
	}
	sw, err := f.NewStreamWriter(t.name)
	if err != nil {
		return fmt.Errorf("sheet %s: %w", t.name, err)
	}
	if err := setupColumns(sw, t, cols); err != nil {
		return fmt.Errorf("sheet %s: %w", t.name, err)
	}
	if err := sw.SetRow("A1", stringsToCells(cols)); err != nil {
		return err
	}
	buf := make([]any, len(cols))
	for r := 0; r < t.rows; r++ {
		if r%4096 == 0 && cancelled(cancel) {
			return ErrExportCancelled
		}
		clear(buf)
		t.row(r, buf)
		if err := sw.SetRow("A"+strconv.Itoa(r+2), buf); err != nil {
			return fmt.Errorf("sheet %s row %d: %w", t.name, r+2, err)
		}
	}
	if err := sw.AddTable(&excelize.Table{Range: ref, Name: "tbl" + t.name, StyleName: "TableStyleMedium2"}); err != nil {
		return fmt.Errorf("sheet %s: %w", t.name, err)
	}
	return sw.Flush()
}

func addSheet(f *excelize.File, i int, name string) error {
	if i == 0 {
		return f.SetSheetName(f.GetSheetName(0), name)
	}
	_, err := f.NewSheet(name)
	return err
}

// setupColumns sets widths, number formats and the frozen header; the
// stream writer needs them before the first row. The stream writer puts
// each column it is told of before those it knows, so columns are set
// from the last to the first: <cols> comes out in order, as the schema
// wants it.
func setupColumns(sw *excelize.StreamWriter, t exportTable, cols []string) error {
	widths := columnWidths(t, cols)
	for c := len(widths) - 1; c >= 0; c-- {
		if err := sw.SetColWidth(c+1, c+1, widths[c]); err != nil {
			return err
		}
		if s, ok := t.styles[c]; ok {
			if err := sw.SetColStyle(c+1, c+1, s); err != nil {
				return err
			}
		}
	}
	return sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}})
}

func stringsToCells(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// widthSample is how many rows columnWidths looks at: enough to size the
// columns, few enough to cost nothing on a large data set.
const widthSample = 500

// columnWidths fits each column to its header and the first rows, within
// 8 and 60 characters (long notes wrap in Excel's editing bar instead).
func columnWidths(t exportTable, cols []string) []float64 {
	w := make([]float64, len(cols))
	for c, h := range cols {
		w[c] = float64(displayWidth(h)) + 3 // room for the table's filter button
	}
	buf := make([]any, len(cols))
	for r := 0; r < min(t.rows, widthSample); r++ {
		clear(buf)
		t.row(r, buf)
		for c, v := range buf {
			w[c] = max(w[c], float64(cellWidth(v)))
		}
	}
	for c := range w {
		w[c] = math.Min(math.Max(w[c]+1, 8), 60)
	}
	return w
}

func cellWidth(v any) int {
	switch v := v.(type) {
	case string:
		return displayWidth(v)
	case float64:
		s := strconv.FormatFloat(math.Abs(v), 'f', 0, 64)
		return len(s) + (len(s)-1)/3 + 1 // thousands separators and a sign
	case int:
		return len(strconv.Itoa(v))
	}
	return 0
}

// displayWidth counts characters, wide (CJK) ones twice.
func displayWidth(s string) int {
	n := 0
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		n++
		if r >= 0x1100 && size >= 3 {
			n++
		}
	}
	return n
}

// printSetup readies a table sheet before its rows are streamed: its real
// extent (the stream writer writes the dimension before any row), landscape
// pages as wide as the table, and the header row repeated on every page.
func printSetup(f *excelize.File, sheet, ref string) error {
	if err := f.SetSheetDimension(sheet, ref); err != nil {
		return err
	}
	if err := printLandscape(f, sheet, true); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + sheet + "'!$1:$1", Scope: sheet})
}

// printLandscape prints a sheet landscape, all columns on one page width
// (tall: as many pages as the rows need, 0) or the whole sheet on one page.
func printLandscape(f *excelize.File, sheet string, tall bool) error {
	orient, wide, high, fit := "landscape", 1, 1, true
	if tall {
		high = 0
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &orient, FitToWidth: &wide, FitToHeight: &high})
}

package importer

import (
	"archive/zip"
	"compress/flate"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"sync"

	"github.com/xuri/excelize/v2"
)

// WorkbookChart is the data of one native Excel chart on the Charts sheet
// of the exported workbook, in display units (the caller, views/chartspec,
// has already divided by the unit).
type WorkbookChart struct {
	Kind         string // "bar" (clustered columns) or "line"
	Title        string
	Categories   []string // bar: cities; line: years
	Series       []WorkbookSeries
	ValueAxis    string // axis title with its unit, e.g. "Production (million vehicles)"
	NumberFormat string // Excel number format of the values, e.g. "#,##0.00"; "" for "#,##0"
	// CategoryColors, optional, colour a one-series bar chart's bars
	// (each city its colour), as "RRGGBB"; "" keeps Excel's colour.
	CategoryColors []string
	Source         string // the source line, shown under the chart
}

// WorkbookSeries is one series of a native chart: one value per category.
type WorkbookSeries struct {
	Name   string
	Values []float64 // NaN = blank (a gap in the chart)
	Color  string    // optional "RRGGBB" (a city's colour); "" keeps Excel's
	Dashed bool      // a line of part years (Jan–Nov of each year), dashed
	// PointColors, optional, colour a bar series' bars one by one
	// ("RRGGBB" per category): each city its colour, older years lighter.
	PointColors []string
	// Marks and Flags, optional, per value: what its label carries before
	// ("~" approximate, ">" more than) and after ("?" low confidence, "✎"
	// corrected, "*" imported) the number, as in the pictures. They go
	// into the cell's number format, so the cell and the chart's data
	// label both read "1.82?" while the cell stays a number.
	Marks, Flags []string
}

// WorkbookOptions say what goes into an exported workbook besides the data.
type WorkbookOptions struct {
	AppVersion string          // written to the document properties
	Charts     []WorkbookChart // native charts on the Charts sheet
	Pictures   [][]byte        // rendered charts (PNG) shown under the native ones
	// Cancel, when closed, stops the export with ErrExportCancelled (pass
	// ctx.Done()). A cancelled SaveWorkbook leaves the target untouched.
	Cancel <-chan struct{}
}

// ErrExportCancelled is returned when WorkbookOptions.Cancel was closed.
// It wraps context.Canceled.
var ErrExportCancelled = fmt.Errorf("export cancelled: %w", context.Canceled)

// ErrChartData says that a WorkbookChart's series do not fit its categories.
var ErrChartData = errors.New("chart data does not fit")

// Sheet names of the exported workbook besides the canonical tables.
const SheetCharts = "Charts"

// WriteWorkbook writes the data set as the canonical workbook: the sheets
// Observations, Targets, Events, Glossary and Sources, each an Excel table
// with a frozen header, number formats and column widths, then a Charts
// sheet with opts.Charts as native charts and opts.Pictures below them.
// Rows are streamed, so a large data set takes little memory. Text is
// always written as text, never as a formula.
func (d *DataSet) WriteWorkbook(w io.Writer, opts WorkbookOptions) error {
	defer tightenGC(d.Count())()
	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(fastZip)
	st, err := newExportStyles(f)
	if err != nil {
		return err
	}
	for i, t := range d.exportTables(st) {
		if err := writeTableSheet(f, i, t, opts.Cancel); err != nil {
			return err
		}
	}
	if err := writeChartsSheet(f, opts, st); err != nil {
		return err
	}
	if err := d.setDocProps(f, opts.AppVersion); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	if cancelled(opts.Cancel) {
		return ErrExportCancelled
	}
	_, err = f.WriteTo(w)
	return err
}

// SaveWorkbook writes the workbook to path through a temporary file in the
// same folder, renamed over path only when the whole workbook is written:
// a failed or cancelled export leaves an existing file untouched.
func (d *DataSet) SaveWorkbook(path string, opts WorkbookOptions) error {
	return SaveAtomic(path, func(w io.Writer) error { return d.WriteWorkbook(w, opts) })
}

func cancelled(c <-chan struct{}) bool {
	select {
	case <-c:
		return true
	default:
		return false
	}
}

// exportStyles are the cell styles the workbook uses.
type exportStyles struct {
	integer  int // #,##0: values in vehicles, CNY, rank
	year     int // 0: a year without a thousands separator
	percent  int // 0.0"%": stated YoY 12.1 shows as 12.1%, reads back as 12.1
	heading  int // bold, for the Charts sheet's headings
	charted  int // #,##0 in bold: in Observations, the value the charts draw where several sources state one
	link     int // blue and underlined: a URL that opens
	chartNum map[string]int
}

func newExportStyles(f *excelize.File) (*exportStyles, error) {
	st := &exportStyles{chartNum: map[string]int{}}
	pct := `0.0"%"`
	for _, s := range []struct {
		id    *int
		style *excelize.Style
	}{
		{&st.integer, &excelize.Style{NumFmt: 3}},
		{&st.year, &excelize.Style{NumFmt: 1}},
		{&st.percent, &excelize.Style{CustomNumFmt: &pct}},
		{&st.heading, &excelize.Style{Font: &excelize.Font{Bold: true}}},
		{&st.charted, &excelize.Style{NumFmt: 3, Font: &excelize.Font{Bold: true}}},
		{&st.link, &excelize.Style{Font: &excelize.Font{Color: "0563C1", Underline: "single"}}},
	} {
		id, err := f.NewStyle(s.style)
		if err != nil {
			return nil, fmt.Errorf("workbook styles: %w", err)
		}
		*s.id = id
	}
	return st, nil
}

// number returns the style of a chart's number format, made once.
func (st *exportStyles) number(f *excelize.File, format string) (int, error) {
	if format == "" || format == "#,##0" {
		return st.integer, nil
	}
	if id, ok := st.chartNum[format]; ok {
		return id, nil
	}
	id, err := f.NewStyle(&excelize.Style{CustomNumFmt: &format})
	if err != nil {
		return 0, fmt.Errorf("number format %q: %w", format, err)
	}
	st.chartNum[format] = id
	return id, nil
}

// largeExport is where tightenGC starts to matter.
const largeExport = 100_000

var gcMu sync.Mutex

// tightenGC lowers the garbage collector's target while a large workbook
// is written, and returns the function that restores it. excelize makes
// about 2 KB of garbage a row, and with Go's default target the heap grows
// to twice what is live (the data set, excelize's 16 MiB row buffer and
// the zip it builds in memory): the 360,000-row export peaked at ~200 MiB.
// At 40 % it stays at ~140 MiB for about 0.3 s more CPU. Exports are serialised here so that
// overlapping ones restore the setting in order.
func tightenGC(rows int) func() {
	if rows < largeExport {
		return func() {}
	}
	gcMu.Lock()
	old := debug.SetGCPercent(40)
	return func() {
		debug.SetGCPercent(old)
		gcMu.Unlock()
	}
}

// fastZip deflates at a fast level, with pooled compressors: at the
// default level a third of the export's time went to compression.
func fastZip(w io.Writer) excelize.ZipWriter {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		fw, ok := flatePool.Get().(*flate.Writer)
		if !ok {
			var err error
			if fw, err = flate.NewWriter(out, zipLevel); err != nil {
				return nil, err
			}
		} else {
			fw.Reset(out)
		}
		return &pooledFlate{fw}, nil
	})
	return zw
}

const zipLevel = 2 // level 6 (the default) took 2.7 s for 12.9 MB; level 2 1.7 s for 14.9 MB

var flatePool sync.Pool

type pooledFlate struct{ *flate.Writer }

func (p *pooledFlate) Close() error {
	err := p.Writer.Close()
	flatePool.Put(p.Writer)
	p.Writer = nil
	return err
}

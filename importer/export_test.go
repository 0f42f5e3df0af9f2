package importer

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// exportData is the default data plus the awkward cases the export must
// carry: a stated YoY, a correction, a formula-like note, an unknown city,
// Chinese text and a term with several senses.
func exportData(t testing.TB) *DataSet {
	t.Helper()
	d, _, err := LoadCanonical(os.DirFS("../assets/data"))
	if err != nil {
		t.Fatal(err)
	}
	yoy, was := 12.1, 2400000.0
	d.AddObservation(Observation{Region: "Chongqing", Year: 2023, Period: Month(11), Metric: Sales, Value: 231000.5,
		Qualifier: Approx, Confidence: Low, YoY: &yoy, SourceID: "report", Note: "=HYPERLINK(\"http://x\")", EditedFrom: &was})
	d.AddObservation(Observation{Region: "Atlantis", Year: 2021, Period: YTD(6), Metric: OtherRank, Value: 3,
		Qualifier: Exact, Confidence: Normal, SourceID: "report", Note: "-3rd among production bases; 省内"})
	d = d.WithChartTitle(ChartTitle{Chart: "timeline · production · Chongqing", Title: "Chongqing is back on top",
		Subtitle: "Vehicles made, million", Note: "2025: Chongqing economy and IT commission"})
	return d.WithChartTitle(ChartTitle{Chart: "compare · production · FY · 2024", Title: "=1+1 is text"})
}

// testCharts is what views/chartspec would hand over.
func testCharts() []WorkbookChart {
	return []WorkbookChart{
		{Kind: "bar", Title: "Production by city, 2024", Categories: []string{"Chongqing", "Shanghai", "重庆以外"},
			Series:    []WorkbookSeries{{Name: "2023", Values: []float64{2.32, 2.15, math.NaN()}}, {Name: "2024", Values: []float64{2.54, 1.9, 1.1}}},
			ValueAxis: "Production (million vehicles)", NumberFormat: "#,##0.00"},
		{Kind: "line", Title: "Chongqing: production, 2014–2025", Categories: []string{"2014", "2015", "2016"},
			Series:    []WorkbookSeries{{Name: "Chongqing", Values: []float64{2.6, math.NaN(), 3.1}, Color: "0072B2"}},
			ValueAxis: "Production (million vehicles)", NumberFormat: "#,##0.00"},
	}
}

func testPNG(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := 0; x < w; x++ {
		img.Set(x, h/2, color.RGBA{0, 114, 178, 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func testWorkbookOptions(t testing.TB) WorkbookOptions {
	return WorkbookOptions{AppVersion: "1.2.3", Charts: testCharts(),
		Pictures: [][]byte{testPNG(t, 1920, 1080), testPNG(t, 1920, 1080)}}
}

// comparable returns the data set as an import gives it back.
func comparable(d *DataSet) *DataSet { return d }

func TestWorkbookRoundTrip(t *testing.T) {
	d := exportData(t)
	path := filepath.Join(t.TempDir(), "export.xlsx")
	if err := d.SaveWorkbook(path, testWorkbookOptions(t)); err != nil {
		t.Fatal(err)
	}
	back, rep, err := ImportFile(context.Background(), path, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want, got := comparable(d), comparable(back)
	for i := range obsList(want) {
		if i >= got.Count() || !reflect.DeepEqual(obsList(want)[i], obsList(got)[i]) {
			t.Fatalf("observation %d: got %+v, want %+v", i, at(obsList(got), i), obsList(want)[i])
		}
	}
	for name, pair := range map[string][2]any{
		"observations": {obsList(want), obsList(got)}, "targets": {want.Targets, got.Targets},
		"events": {want.Events, got.Events}, "glossary": {want.Terms, got.Terms}, "sources": {want.Sources, got.Sources},
		"titles": {want.Titles, got.Titles},
	} {
		if !reflect.DeepEqual(pair[0], pair[1]) {
			t.Errorf("%s differ after the round trip:\n got %+v\nwant %+v", name, pair[1], pair[0])
		}
	}
	if !slicesEqual(rep.SheetsUsed, []string{"Observations", "Indicators", "Targets", "Events", "Glossary", "Sources", "Titles"}) {
		t.Errorf("sheets used: %v (skipped %v)", rep.SheetsUsed, rep.SheetsSkipped)
	}
	for _, is := range rep.Issues {
		if !is.Guess || is.Msg.Code != "region.unknown" || is.Msg.Args[0] != "Atlantis" {
			t.Errorf("unexpected issue: %s", is)
		}
	}
}

func at[T any](s []T, i int) any {
	if i < len(s) {
		return s[i]
	}
	return "nothing"
}

func slicesEqual(a, b []string) bool { return reflect.DeepEqual(a, b) }

func TestWorkbookReadsBackWithExcelize(t *testing.T) {
	d := exportData(t)
	var buf bytes.Buffer
	if err := d.WriteWorkbook(&buf, testWorkbookOptions(t)); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []string{"Observations", "Indicators", "Targets", "Events", "Glossary", "Sources", "Titles", "Charts"}
	if got := f.GetSheetList(); !slicesEqual(got, want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	counts := map[string]int{"Observations": d.Count(), "Targets": len(d.Targets),
		"Events": len(d.Events), "Glossary": len(d.Terms), "Sources": len(d.Sources)}
	for _, sheet := range want[:5] {
		checkTableSheet(t, f, sheet, counts[sheet])
	}
	checkFormats(t, f, d.Count())
	checkProps(t, f)
	checkCharts(t, f, buf.Bytes())
}

func checkTableSheet(t *testing.T, f *excelize.File, sheet string, rows int) {
	t.Helper()
	tables, err := f.GetTables(sheet)
	if err != nil || len(tables) != 1 {
		t.Fatalf("%s: tables %v, %v", sheet, tables, err)
	}
	cols := CanonicalColumns[sheet]
	wantRef := "A1:" + ColumnName(len(cols)) + itoa(max(rows+1, 2))
	if tables[0].Range != wantRef || tables[0].Name != "tbl"+sheet {
		t.Errorf("%s: table %s %s, want tbl%s %s", sheet, tables[0].Name, tables[0].Range, sheet, wantRef)
	}
	header, _ := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if !slicesEqual(header[0], cols) {
		t.Errorf("%s header %v, want %v", sheet, header[0], cols)
	}
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("%s: header not frozen: %+v %v", sheet, panes, err)
	}
	for c := 1; c <= len(cols); c++ {
		w, _ := f.GetColWidth(sheet, ColumnName(c))
		if w < 8 || w > 60 {
			t.Errorf("%s column %s width %g", sheet, ColumnName(c), w)
		}
	}
}

func itoa(n int) string { return FormatValue(float64(n)) }

// checkFormats looks at the observation added last but one (the awkward
// one): its value, YoY and note.
func checkFormats(t *testing.T, f *excelize.File, n int) {
	t.Helper()
	row := itoa(n) // the header is row 1, so observation n-1 is on row n
	numFmt := func(cell string) string {
		id, err := f.GetCellStyle("Observations", cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if st.CustomNumFmt != nil {
			return *st.CustomNumFmt
		}
		return map[int]string{0: "General", 1: "0", 3: "#,##0"}[st.NumFmt]
	}
	for cell, want := range map[string]string{"C" + row: "0", "G" + row: "#,##0", "K" + row: `0.0"%"`, "N" + row: "#,##0"} {
		if got := numFmt(cell); got != want {
			t.Errorf("%s number format %q, want %q", cell, got, want)
		}
	}
	for cell, want := range map[string]string{"G" + row: "231,001", "K" + row: "12.1%", "M" + row: `=HYPERLINK("http://x")`} {
		if got, _ := f.GetCellValue("Observations", cell); got != want {
			t.Errorf("%s shows %q, want %q", cell, got, want)
		}
	}
	if formula, _ := f.GetCellFormula("Observations", "M"+row); formula != "" {
		t.Errorf("the note became a formula: %q", formula)
	}
	if typ, _ := f.GetCellType("Observations", "M"+row); typ != excelize.CellTypeInlineString {
		t.Errorf("the note is a %v cell, want an inline string", typ)
	}
}

func checkProps(t *testing.T, f *excelize.File) {
	t.Helper()
	p, err := f.GetDocProps()
	if err != nil || !strings.Contains(p.Title, "Auto Cities") || p.Version != "1.2.3" || !strings.HasPrefix(p.Description, "Sources: ") {
		t.Errorf("document properties %+v, %v", p, err)
	}
	custom, err := f.GetCustomProps()
	if err != nil || len(custom) != 3 {
		t.Fatalf("custom properties %+v, %v", custom, err)
	}
	if custom[0].Name != "Source" || custom[2].Value != "1.2.3" {
		t.Errorf("custom properties %+v", custom)
	}
}

func checkCharts(t *testing.T, f *excelize.File, file []byte) {
	t.Helper()
	pics, err := f.GetPictureCells(SheetCharts)
	if err != nil || len(pics) != 2 {
		t.Errorf("pictures at %v, %v; want 2", pics, err)
	}
	if v, _ := f.GetCellValue(SheetCharts, "B7"); v != "2.15" {
		t.Errorf("chart data B7 = %q, want 2.15 (2023, Shanghai)", v)
	}
	zr, err := zip.NewReader(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"xl/charts/chart1.xml": "<barChart>", "xl/charts/chart2.xml": "<lineChart>"}
	for _, zf := range zr.File {
		if w, ok := want[zf.Name]; ok {
			b := readZipFile(t, zf)
			for _, s := range []string{w, "Charts!$A$", "Production (million vehicles)", `<dispBlanksAs val="gap"`} {
				if !bytes.Contains(b, []byte(s)) {
					t.Errorf("%s lacks %s", zf.Name, s)
				}
			}
			delete(want, zf.Name)
		}
	}
	if len(want) > 0 {
		t.Errorf("charts missing: %v", want)
	}
}

func readZipFile(t *testing.T, zf *zip.File) []byte {
	rc, err := zf.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestWorkbookEmptyDataSet(t *testing.T) {
	var buf bytes.Buffer
	if err := (&DataSet{}).WriteWorkbook(&buf, WorkbookOptions{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 7 {
		t.Errorf("sheets %v: an export without charts has no Charts sheet", got)
	}
}

func TestWorkbookBadChartFailsBeforeReplacing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.xlsx")
	writeFile(t, path, "old contents")
	bad := []WorkbookChart{{Kind: "bar", Categories: []string{"a", "b"}, Series: []WorkbookSeries{{Name: "x", Values: []float64{1}}}}}
	err := exportData(t).SaveWorkbook(path, WorkbookOptions{Charts: bad})
	if !errors.Is(err, ErrChartData) {
		t.Fatalf("err %v, want ErrChartData", err)
	}
	err = exportData(t).SaveWorkbook(path, WorkbookOptions{Pictures: [][]byte{[]byte("GIF89a")}})
	if err == nil || !strings.Contains(err.Error(), "not a PNG") {
		t.Fatalf("err %v, want a complaint about the picture", err)
	}
	checkUntouched(t, path, "old contents")
}

func TestWorkbookCancelLeavesOldFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.xlsx")
	writeFile(t, path, "old contents")
	stop := make(chan struct{})
	close(stop)
	err := exportData(t).SaveWorkbook(path, WorkbookOptions{Cancel: stop})
	if !errors.Is(err, ErrExportCancelled) || !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want ErrExportCancelled", err)
	}
	checkUntouched(t, path, "old contents")
}

func TestSaveIntoMissingFolder(t *testing.T) {
	err := exportData(t).SaveCSV(filepath.Join(t.TempDir(), "no", "such.csv"))
	if err == nil || !strings.Contains(err.Error(), "choose a folder that exists") {
		t.Errorf("err %v", err)
	}
}

func writeFile(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o600); err != nil {
		t.Fatal(err)
	}
}

// checkUntouched: the old file is as it was and no temporary file is left.
func checkUntouched(t *testing.T, path, want string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil || string(b) != want {
		t.Errorf("old file now %q, %v", b, err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestSaveKeepsPermissions(t *testing.T) {
	path := filepath.Join(t.TempDir(), "obs.csv")
	writeFile(t, path, "old")
	if err := exportData(t).SaveCSV(path); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600 as before", st.Mode())
	}
}

func TestCSVExport(t *testing.T) {
	d := exportData(t)
	var buf bytes.Buffer
	if err := d.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	s := buf.String()
	lines := strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
	if lines[0] != "\ufeffRegion,Level,Year,Period,Metric,Dimension,Value,Unit,Qualifier,Confidence,Stated YoY %,Source ID,Note,Edited From" {
		t.Errorf("header %q", lines[0])
	}
	if len(lines) != d.Count()+1 {
		t.Errorf("%d lines for %d observations", len(lines), d.Count())
	}
	for _, want := range []string{
		`Chongqing,municipality,2023,M11,sales,,231000.5,vehicles,approx,low,12.1,report,"'=HYPERLINK(""http://x"")",2400000`,
		`Atlantis,,2021,YTD06,other_rank,,3,rank,exact,normal,,report,'-3rd among production bases; 省内,`,
		"Chongqing,municipality,2024,FY,production,,2540000,vehicles,exact,normal,,report,",
	} {
		if !strings.Contains(s, want+"\r\n") && !strings.Contains(s, want) {
			t.Errorf("no line %s", want)
		}
	}
}

func TestEscapeFormula(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1": "'=1+1", "+86 23": "'+86 23", "-5": "'-5", "@SUM(A1)": "'@SUM(A1)", "\tx": "'\tx",
		"\rx": "'\rx", "Chongqing": "Chongqing", "": "", "a=b": "a=b", "重庆": "重庆",
	} {
		if got := EscapeFormula(in); got != want {
			t.Errorf("EscapeFormula(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCSVRoundTrip(t *testing.T) {
	d, _, err := LoadCanonical(os.DirFS("../assets/data"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "obs.csv")
	if err := d.SaveCSV(path); err != nil {
		t.Fatal(err)
	}
	back, _, err := ImportFile(context.Background(), path, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if back.Count() != d.Count() {
		t.Fatalf("%d observations back, want %d", back.Count(), d.Count())
	}
	for i, o := range obsList(d) {
		b := obsList(back)[i]
		if o.Key() != b.Key() || o.Value != b.Value || o.SourceID != b.SourceID || o.Qualifier != b.Qualifier || o.Note != b.Note {
			t.Fatalf("observation %d: got %+v, want %+v", i, b, o)
		}
	}
}

func TestExportOntoSource(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "mine.xlsx")
	writeFile(t, src, "x")
	link := filepath.Join(dir, "link.xlsx")
	if err := os.Symlink(src, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	other := filepath.Join(dir, "other.xlsx")
	if !SameFile(src, link) || !SameFile(src, filepath.Join(dir, ".", "mine.xlsx")) || SameFile(src, other) {
		t.Error("SameFile is wrong")
	}
	err := CheckExportTarget(link, other, src)
	if !errors.Is(err, ErrExportOntoSource) || !strings.HasPrefix(err.Error(), "link.xlsx is the file") {
		t.Errorf("err %v", err)
	}
	if err := CheckExportTarget(other, src); err != nil {
		t.Errorf("a new file refused: %v", err)
	}
}

// TestWorkbookSheetsReadyToPrint: every table sheet states its real extent,
// lists its columns in order, repeats its header on every printed page;
// source addresses are links; the charted value is in bold; the bar chart
// colours its bars.
func TestWorkbookSheetsReadyToPrint(t *testing.T) {
	d := exportData(t)
	var buf bytes.Buffer
	opts := testWorkbookOptions(t)
	opts.Charts[0].CategoryColors = []string{"E69F00", "2E6853", "AC7191"}
	opts.Charts[0].Series[0].PointColors = opts.Charts[0].CategoryColors
	opts.Charts[0].Series[1].PointColors = opts.Charts[0].CategoryColors
	if err := d.WriteWorkbook(&buf, opts); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if dim, _ := f.GetSheetDimension(TableObservations); dim != "A1:N"+strconv.Itoa(d.Count()+1) {
		t.Errorf("Observations dimension %q", dim)
	}
	names := f.GetDefinedName()
	titles := 0
	for _, n := range names {
		if n.Name == "_xlnm.Print_Titles" {
			titles++
		}
	}
	if titles != len(canonicalOrder) {
		t.Errorf("%d sheets repeat their header when printed, want %d", titles, len(canonicalOrder))
	}
	if formula, _ := f.GetCellFormula(TableSources, "D2"); !strings.HasPrefix(formula, "HYPERLINK(") {
		t.Errorf("source address D2 is not a link: %q", formula)
	}
	parts := map[string][]byte{}
	f.Pkg.Range(func(k, v any) bool {
		if b, ok := v.([]byte); ok {
			parts[k.(string)] = b
		}
		return true
	})
	sheet := string(parts["xl/worksheets/sheet1.xml"])
	if !strings.Contains(sheet, `<col min="1" max="1"`) || strings.Index(sheet, `<col min="1" max="1"`) > strings.Index(sheet, `<col min="2" max="2"`) {
		t.Error("Observations' <cols> are not in order")
	}
	chart := string(parts["xl/charts/chart1.xml"])
	if strings.Count(chart, "<dPt>") != 6 || !strings.Contains(chart, `val="E69F00"`) {
		t.Errorf("the bar chart has %d coloured bars, want 6", strings.Count(chart, "<dPt>"))
	}
}

// TestWorkbookChartsSheetMatchesItsCharts: a one-year bar chart coloured
// city by city has no legend (its one key would show one colour); the
// values' marks are in the cells' number format, which the data labels
// follow, so the labels read "~2.54?"; the sheet records its real extent.
func TestWorkbookChartsSheetMatchesItsCharts(t *testing.T) {
	d := exportData(t)
	opts := testWorkbookOptions(t)
	opts.Charts[0].Series = opts.Charts[0].Series[1:]
	opts.Charts[0].Series[0].Marks = []string{"~", "", ""}
	opts.Charts[0].Series[0].Flags = []string{"?", "?", ""}
	opts.Charts[0].CategoryColors = []string{"E69F00", "2E6853", "AC7191"}
	opts.Charts[0].Source = "Sources: a yearbook"
	var buf bytes.Buffer
	if err := d.WriteWorkbook(&buf, opts); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for cell, want := range map[string]string{"B6": "~2.54?", "B7": "1.90?", "B8": "1.10"} {
		if got, _ := f.GetCellValue(SheetCharts, cell); got != want {
			t.Errorf("%s reads %q, want %q", cell, got, want)
		}
	}
	chart := zipPart(t, buf.Bytes(), "xl/charts/chart1.xml")
	if strings.Contains(chart, "<legend>") {
		t.Error("the one-series bar chart has a legend, whose key cannot show its bars' colours")
	}
	if !strings.Contains(chart, `sourceLinked="1"`) && !strings.Contains(chart, `sourceLinked="true"`) {
		t.Error("the data labels do not take the cells' format, so they drop the marks")
	}
	if line := zipPart(t, buf.Bytes(), "xl/charts/chart2.xml"); !strings.Contains(line, "<legend>") {
		t.Error("the line chart lost its legend")
	}
	rows, _ := f.GetRows(SheetCharts)
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	want := "A1:" + ColumnName(cols) + strconv.Itoa(len(rows))
	if dim, _ := f.GetSheetDimension(SheetCharts); dim != want || len(rows) < 20 {
		t.Errorf("Charts dimension %q, want %q", dim, want)
	}
}

func zipPart(t *testing.T, b []byte, name string) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	r, err := z.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	data, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

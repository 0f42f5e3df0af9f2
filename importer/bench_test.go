package importer

import (
	"archive/zip"
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// benchRows is the size of the benchmark workbook.
const benchRows = 360000

var benchCities = []string{"重庆", "上海", "广州", "长春", "西安", "合肥", "柳州", "武汉", "深圳", "北京",
	"天津", "芜湖", "襄阳", "保定", "宁波", "苏州", "十堰", "成都", "杭州", "郑州"}
var benchPeriods = []string{"全年", "1-11月", "11月", "1-6月", "3月"}
var benchMetrics = []struct{ name, unit string }{{"汽车产量", "万辆"}, {"新能源汽车产量", "万辆"}, {"出口额", "亿元"}}

// benchRow is row i of the benchmark table: city, year, period, metric,
// value, unit.
func benchRow(i int) (city string, year int, period, metric string, value float64, unit string) {
	m := benchMetrics[i%len(benchMetrics)]
	return benchCities[(i/3)%len(benchCities)], 1990 + (i/300)%36, benchPeriods[(i/60)%len(benchPeriods)],
		m.name, float64(i%100000) / 10, m.unit
}

// writeBenchWorkbook writes a long table as Excel stores it: strings in
// sharedStrings.xml, cells with references and styles, numbers as written.
func writeBenchWorkbook(path string, rows int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	strs, index := []string{}, map[string]int{}
	sidx := func(s string) int {
		if i, ok := index[s]; ok {
			return i
		}
		index[s] = len(strs)
		strs = append(strs, s)
		return len(strs) - 1
	}
	for _, h := range []string{"城市", "年份", "时期", "指标", "数值", "单位"} {
		sidx(h)
	}
	w, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		fmt.Sprintf(`<dimension ref="A1:F%d"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>`, rows+1))
	bw.WriteString(`<row r="1" spans="1:6">`)
	for c := 0; c < 6; c++ {
		fmt.Fprintf(bw, `<c r="%c1" t="s"><v>%d</v></c>`, 'A'+c, c)
	}
	bw.WriteString(`</row>`)
	for i := 0; i < rows; i++ {
		city, year, period, metric, value, unit := benchRow(i)
		r := i + 2
		fmt.Fprintf(bw, `<row r="%d" spans="1:6"><c r="A%d" t="s"><v>%d</v></c><c r="B%d"><v>%d</v></c><c r="C%d" t="s"><v>%d</v></c><c r="D%d" t="s"><v>%d</v></c><c r="E%d" s="1"><v>%s</v></c><c r="F%d" t="s"><v>%d</v></c></row>`,
			r, r, sidx(city), r, year, r, sidx(period), r, sidx(metric), r, strconv.FormatFloat(value, 'f', -1, 64), r, sidx(unit))
	}
	bw.WriteString(`</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`)
	if err := bw.Flush(); err != nil {
		return err
	}
	var sst strings.Builder
	fmt.Fprintf(&sst, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, rows*4+6, len(strs))
	for _, s := range strs {
		fmt.Fprintf(&sst, `<si><t>%s</t></si>`, s)
	}
	sst.WriteString(`</sst>`)
	parts := []struct{ name, body string }{
		{"xl/sharedStrings.xml", sst.String()},
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{"xl/styles.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.0"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`},
	}
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			return err
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			return err
		}
	}
	return zw.Close()
}

func benchFile(b *testing.B) string {
	b.Helper()
	p := filepath.Join(b.TempDir(), "large.xlsx")
	if err := writeBenchWorkbook(p, benchRows); err != nil {
		b.Fatal(err)
	}
	return p
}

func BenchmarkImportLarge(b *testing.B) {
	p := benchFile(b)
	b.ResetTimer()
	for b.Loop() {
		d, _, err := ImportFile(context.Background(), p, ImportOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if d.Count() != benchRows {
			b.Fatalf("%d observations", d.Count())
		}
	}
}

// BenchmarkImportExcelizeRows reads the same file with a plain excelize
// Rows() loop into the same observations, for comparison.
func BenchmarkImportExcelizeRows(b *testing.B) {
	p := benchFile(b)
	b.ResetTimer()
	for b.Loop() {
		d, err := excelizeImport(p)
		if err != nil {
			b.Fatal(err)
		}
		if d.Count() != benchRows {
			b.Fatalf("%d observations", d.Count())
		}
	}
}

// excelizeImport is the straightforward reader: excelize's row iterator,
// each long-table row mapped to an observation.
func excelizeImport(path string) (*DataSet, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := f.Rows("Sheet1")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	d := &DataSet{}
	rows.Next() // header
	whens, metrics, units := map[string]when{}, map[string]Metric{}, map[string]unit{}
	for rows.Next() {
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil || len(cols) < 6 {
			continue
		}
		city, _ := matchName(cols[0])
		w, ok := whens[cols[1]+" "+cols[2]]
		if !ok {
			w = parseWhen(cols[1] + "年" + cols[2])
			whens[cols[1]+" "+cols[2]] = w
		}
		y, per, err := resolveWhen(w)
		if err != nil {
			continue
		}
		m, ok := metrics[cols[3]]
		if !ok {
			m, _ = findMetric(cols[3])
			metrics[cols[3]] = m
		}
		u, ok := units[cols[5]]
		if !ok {
			u, _ = parseUnit(cols[5])
			units[cols[5]] = u
		}
		v, err := strconv.ParseFloat(cols[4], 64)
		if err != nil {
			continue
		}
		d.AddObservation(Observation{Region: city, Year: y, Period: per, Metric: m, Value: roundSig(v * u.factor),
			Qualifier: Exact, Confidence: Normal})
	}
	return d, rows.Error()
}

// TestImportLargeFile imports the benchmark workbook once, for measuring
// peak memory: AUTOCITIES_LARGE=/tmp/large.xlsx (written if missing).
func TestImportLargeFile(t *testing.T) {
	p := os.Getenv("AUTOCITIES_LARGE")
	if p == "" {
		t.Skip("set AUTOCITIES_LARGE to a path to measure a large import")
	}
	if _, err := os.Stat(p); err != nil {
		if err := writeBenchWorkbook(p, benchRows); err != nil {
			t.Fatal(err)
		}
		t.Skip("written; run again to measure")
	}
	d, _, err := ImportFile(context.Background(), p, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Count() != benchRows {
		t.Fatalf("%d observations", d.Count())
	}
}

// writeBenchCSV writes the benchmark table as a UTF-8 CSV: the long table
// of writeBenchWorkbook with a source column, as statistics portals
// export it (360,000 rows: 19 MB).
func writeBenchCSV(path string, rows int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	bw := bufio.NewWriterSize(f, 1<<20)
	bw.WriteString("城市,年份,时期,指标,数值,单位,来源\n")
	for i := 0; i < rows; i++ {
		city, year, period, metric, value, unit := benchRow(i)
		fmt.Fprintf(bw, "%s,%d,%s,%s,%s,%s,统计局\n", city, year, period, metric, strconv.FormatFloat(value, 'f', -1, 64), unit)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// BenchmarkImportLargeCSV reads the 360,000-row CSV and answers what
// inspect asks (every key's preferred figure): the issue-12 target is
// 1 s and 150 MiB peak for `autocities inspect` on it.
func BenchmarkImportLargeCSV(b *testing.B) {
	p := filepath.Join(b.TempDir(), "large.csv")
	if err := writeBenchCSV(p, benchRows); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		d, _, err := ImportFile(context.Background(), p, ImportOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if d.Count() != benchRows {
			b.Fatalf("%d observations", d.Count())
		}
		n := 0
		for range d.AllPreferred() { // what inspect prints
			n++
		}
		if n == 0 {
			b.Fatal("no keys")
		}
	}
}

// TestWriteLargeCSV writes the benchmark CSV for measuring inspect with
// /usr/bin/time: AUTOCITIES_LARGE_CSV=/tmp/large.csv.
func TestWriteLargeCSV(t *testing.T) {
	p := os.Getenv("AUTOCITIES_LARGE_CSV")
	if p == "" {
		t.Skip("set AUTOCITIES_LARGE_CSV to a path to write the 360,000-row CSV")
	}
	if err := writeBenchCSV(p, benchRows); err != nil {
		t.Fatal(err)
	}
}

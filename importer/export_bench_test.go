package importer

import (
	"path/filepath"
	"testing"
)

// largeDataSet is the benchmark data set: 360,000 observations over 20
// cities, 36 years, 5 periods and 3 metrics, with sources and notes.
func largeDataSet(n int) *DataSet {
	cities := []string{"Chongqing", "Shanghai", "Guangzhou", "Changchun", "Xi'an", "Hefei", "Liuzhou", "Wuhan",
		"Shenzhen", "Beijing", "Tianjin", "Wuhu", "Xiangyang", "Baoding", "Ningbo", "Suzhou", "Shiyan", "Chengdu", "Hangzhou", "Zhengzhou"}
	periods := []Period{FY, YTD(11), Month(11), YTD(6), Month(3)}
	metrics := []Metric{Production, NEVProduction, ExportValue}
	d := &DataSet{
		Sources: []Source{{ID: "nbs", Title: "Statistical yearbook", Publisher: "NBS", Tier: TierOfficial}}}
	for i := range n {
		o := Observation{Region: cities[(i/3)%len(cities)], Year: 1990 + (i/300)%36, Period: periods[(i/60)%len(periods)],
			Metric: metrics[i%len(metrics)], Value: float64(i%100000) * 1000, Qualifier: Exact, Confidence: Normal, SourceID: "nbs"}
		if i%10 == 0 {
			yoy := float64(i%300) / 10
			o.YoY, o.Note = &yoy, "row note"
		}
		d.AddObservation(o)
	}
	return d
}

// BenchmarkExportWorkbookLarge writes the 360,000-row data set as the
// canonical workbook, with both native charts and a picture. Budget: ≤ 3 s
// and ≤ 150 MiB peak. Peak memory (the whole process, data set included):
//
//	go test -c -o /tmp/importer.test ./importer && cd importer &&
//	/usr/bin/time -f '%M KiB' /tmp/importer.test -test.run '^$' \
//	  -test.bench ExportWorkbookLarge -test.benchtime 1x -test.benchmem
func BenchmarkExportWorkbookLarge(b *testing.B) {
	d := largeDataSet(benchRows)
	opts := WorkbookOptions{AppVersion: "bench", Charts: testCharts(), Pictures: [][]byte{testPNG(b, 1920, 1080)}}
	path := filepath.Join(b.TempDir(), "large.xlsx")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := d.SaveWorkbook(path, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExportCSVLarge writes the same data set as CSV.
func BenchmarkExportCSVLarge(b *testing.B) {
	d := largeDataSet(benchRows)
	path := filepath.Join(b.TempDir(), "large.csv")
	b.ReportAllocs()
	for b.Loop() {
		if err := d.SaveCSV(path); err != nil {
			b.Fatal(err)
		}
	}
}

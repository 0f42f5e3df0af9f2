package views

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"autocities/importer"
)

// largeData is the 360,000-observation data set of the scale targets: 250
// regions × 12 years × 12 months × 5 metrics, each month on its own and
// cumulative (December's cumulative figure is the full year).
func largeData() *importer.DataSet {
	d := &importer.DataSet{Sources: []importer.Source{{ID: "gen", Title: "Generated figures", Tier: importer.TierOther}}}
	metrics := []importer.Metric{importer.Production, importer.NEVProduction, importer.Sales, importer.NEVSales, importer.ExportUnits}
	d.Grow(360000)
	for r := 1; r <= 250; r++ {
		region := fmt.Sprintf("Testcity%d", r)
		for y := 2014; y < 2026; y++ {
			for _, m := range metrics {
				sum := 0.0
				for month := 1; month <= 12; month++ {
					v := float64(r*1000 + y + month)
					sum += v
					for _, p := range []importer.Period{importer.Month(month), importer.YTD(month)} {
						val := v
						if p != importer.Month(month) {
							val = sum
						}
						d.AddObservation(importer.Observation{Region: region, Year: y, Period: p, Metric: m, Value: val,
							Qualifier: importer.Exact, Confidence: importer.Normal, SourceID: "gen"})
					}
				}
			}
		}
	}
	return d
}

// BenchmarkDataFilter360k: a keystroke's filter of the Data tab over
// 360,000 observations ("testcity100 2020"), with the sort by value the
// table may have. Target: well under 200 ms.
func BenchmarkDataFilter360k(b *testing.B) {
	d := largeData()
	d.Prepare()
	rw := rowWords(d)
	b.ResetTimer()
	for b.Loop() {
		rows, err := d.Filter(context.Background(), []string{"testcity100", "2020"}, rw)
		if err != nil || len(rows) < 120 {
			b.Fatalf("%d rows, %v", len(rows), err)
		}
		sortRows(context.Background(), d, rows, colValue, true)
	}
}

// BenchmarkDataSortAll360k: the Data tab with no filter, sorted by value
// (a header tapped): every row. Target: well under 200 ms.
func BenchmarkDataSortAll360k(b *testing.B) {
	d := largeData()
	d.Prepare()
	rw := rowWords(d)
	b.ResetTimer()
	for b.Loop() {
		rows, _ := d.Filter(context.Background(), nil, rw)
		sortRows(context.Background(), d, rows, colValue, true)
	}
}

// BenchmarkTabSwitch360k: what the Compare tab does when the metric
// changes with 360,000 observations loaded (periods, years, regions, the
// rows of the table, the chart's spec). Target: well under 200 ms.
func BenchmarkTabSwitch360k(b *testing.B) {
	newTestApp(b)
	s := NewState(largeData(), nil)
	s.Data().Prepare()
	c := newCompareTab(s)
	metrics := []string{metricLabel(importer.Production), metricLabel(importer.NEVSales)}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		c.metric.SetSelected(metrics[i%2])
		c.specLater()()
	}
	b.StopTimer()
	c.chart.wait()
}

// TestWriteLargeCSV writes the 360,000-row data set as CSV for measuring
// the app by hand: AUTOCITIES_LARGE_CSV=/tmp/rows-360k.csv.
func TestWriteLargeCSV(t *testing.T) {
	p := os.Getenv("AUTOCITIES_LARGE_CSV")
	if p == "" {
		t.Skip("set AUTOCITIES_LARGE_CSV to a path to write the 360,000-row CSV")
	}
	var b strings.Builder
	if err := largeData().WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

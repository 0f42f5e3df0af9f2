package importer

import (
	"strings"
	"testing"
)

func TestAddTableReportsBadRows(t *testing.T) {
	records, err := readCSVRecords(strings.NewReader(
		"City,Year,Period,Metric,Value,Unit,Qualifier,Confidence,Stated YoY %,Source ID,Note,Edited From\n"+
			"Chongqing,2024,FY,production,2540000,vehicles,exact,normal,,report,,\n"+
			"Chongqing,20x4,FY,production,1,vehicles,,,,,,\n"+
			"Chongqing,2024,Q5,production,1,vehicles,,,,,,\n"+
			"Chongqing,2024,FY,output,1,vehicles,,,,,,\n"+
			"Chongqing,2024,FY,production,lots,vehicles,,,,,,\n"+
			"Chongqing,2024,FY,production,1,CNY,,,,,,\n"+
			",,,,,,,,,,,\n"+
			"Chongqing,2025,YTD11,production,2498100,vehicles,exact,normal,12.1,report,,\n"), ',')
	if err != nil {
		t.Fatal(err)
	}
	d, rep := &DataSet{}, &FileReport{}
	if err := d.AddTable(TableObservations, "", records, rep); err != nil {
		t.Fatal(err)
	}
	if len(d.Observations) != 2 {
		t.Fatalf("read %d observations, want 2", len(d.Observations))
	}
	if y := d.Observations[1].YoY; y == nil || *y != 12.1 {
		t.Errorf("stated YoY lost: %v", y)
	}
	wantCols := []string{"B", "C", "D", "E", "F"}
	if len(rep.Issues) != len(wantCols) {
		t.Fatalf("issues: %v", rep.Issues)
	}
	for i, is := range rep.Issues {
		if is.Row != i+3 || ColumnName(is.Col) != wantCols[i] {
			t.Errorf("issue %d at row %d column %s, want row %d column %s: %s", i, is.Row, ColumnName(is.Col), i+3, wantCols[i], is)
		}
	}
}

func TestCanonicalTable(t *testing.T) {
	tests := map[string]string{
		"City,Year,Period,Metric,Value,Unit":       TableObservations,
		"city,year,period,metric,value,unit":       TableObservations,
		"Date,City,Kind,Title,Detail,Source ID":    TableEvents,
		"Source ID,Title,Publisher,URL,Date,Tier":  TableSources,
		"Term,Sense,Chinese,Kind,Summary":          TableGlossary,
		"City,Year,Metric,Value,Unit,Source ID":    TableTargets,
		"城市,年份,产量":                                 "",
		"\ufeffCity,Year,Period,Metric,Value,Unit": TableObservations,
	}
	for header, want := range tests {
		if got := CanonicalTable(strings.Split(header, ",")); got != want {
			t.Errorf("%q: %q, want %q", header, got, want)
		}
	}
}

func TestParsePeriodToken(t *testing.T) {
	for in, want := range map[string]string{"FY": "FY", "ytd11": "YTD11", "M03": "M03", "YTD12": "FY"} {
		if got, err := ParsePeriodToken(in); err != nil || got != want {
			t.Errorf("%s: %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"YTD13", "M1", "Q1", "", "YTD00"} {
		if _, err := ParsePeriodToken(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestColumnName(t *testing.T) {
	for n, want := range map[int]string{1: "A", 26: "Z", 27: "AA", 52: "AZ", 703: "AAA"} {
		if got := ColumnName(n); got != want {
			t.Errorf("ColumnName(%d) = %s, want %s", n, got, want)
		}
	}
}

func TestCSVExportImportKeepsFormulaLikeText(t *testing.T) {
	d := &DataSet{Sources: []Source{{ID: "s", Title: "=HYPERLINK(\"x\")", Tier: TierOther}}}
	d.AddObservation(Observation{City: "Chongqing", Year: 2024, Period: "FY", Metric: Production, Value: 1,
		Qualifier: Exact, Confidence: Normal, SourceID: "s", Note: "=1+1 and -2"})
	var b strings.Builder
	if err := d.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "'=1+1") {
		t.Fatalf("the export does not escape the formula: %s", b.String())
	}
	back, _, err := Import(t.Context(), "obs.csv", strings.NewReader(b.String()), int64(b.Len()), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := back.Observations[0].Note; got != "=1+1 and -2" {
		t.Errorf("note after export and import: %q", got)
	}
}

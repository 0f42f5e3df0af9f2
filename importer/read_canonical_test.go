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
	// "output" is not a built-in metric's name: in a canonical table it is
	// a user indicator, described by its Unit.
	if d.Count() != 3 {
		t.Fatalf("read %d observations, want 3", d.Count())
	}
	if in, ok := d.Indicator("output"); !ok || in.Unit != UnitVehicles || in.Kind != KindVehicles {
		t.Errorf("the user indicator output: %+v", in)
	}
	if y := obsList(d)[2].YoY; y == nil || *y != 12.1 {
		t.Errorf("stated YoY lost: %v", y)
	}
	wantCols := []string{"B", "C", "E", "F"}
	if len(rep.Issues) != len(wantCols) {
		t.Fatalf("issues: %v", rep.Issues)
	}
	for i, is := range rep.Issues {
		if row := []int{3, 4, 6, 7}[i]; is.Row != row || ColumnName(is.Col) != wantCols[i] {
			t.Errorf("issue %d at row %d column %s, want row %d column %s: %s", i, is.Row, ColumnName(is.Col), row, wantCols[i], is)
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

func TestParsePeriod(t *testing.T) {
	for in, want := range map[string]string{"FY": "FY", "ytd11": "YTD11", "M03": "M03", "YTD12": "FY", "m1": "M01"} {
		if got, ok := ParsePeriod(in); !ok || got.String() != want {
			t.Errorf("%s: %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"YTD13", "Q1", "", "YTD00", "M13", "FY2024"} {
		if _, ok := ParsePeriod(bad); ok {
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
	d.AddObservation(Observation{Region: "Chongqing", Year: 2024, Period: FY, Metric: Production, Value: 1,
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
	if got := obsList(back)[0].Note; got != "=1+1 and -2" {
		t.Errorf("note after export and import: %q", got)
	}
}

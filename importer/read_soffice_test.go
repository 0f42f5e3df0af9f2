package importer

import (
	"errors"
	"strings"
	"testing"
)

// yearbookSheet is a yearbook table as an office program holds it: a
// merged title, a unit line, Chinese cities, decimals and an empty cell.
var yearbookSheet = sheetSpec{name: "汽车产量", merges: []string{"A1:C1"}, rows: [][]any{
	{"2024年主要城市汽车产量"},
	{"单位：万辆"},
	{"城市", "汽车产量", "新能源汽车产量"},
	{"重庆市", 254.0, 95.3},
	{"合肥市", 137.5, nil},
	{"西安市", 0.865, 100.5},
}}

// TestRealLegacyXLSIsRefused: a real Excel 97–2003 file, as LibreOffice
// writes it, is told apart and refused with the usual advice (no Go BIFF8
// reader reads Chinese text and numbers right; see importOLE2).
func TestRealLegacyXLSIsRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice conversion is slow")
	}
	dir := t.TempDir()
	xls := sofficeConvert(t, writeXLSX(t, dir, "yearbook.xlsx", yearbookSheet), "xls")
	_, _, err := importPath(t, writeBytes(t, dir, "yearbook.xls", xls), ImportOptions{})
	if !errors.Is(err, ErrLegacyXLS) || err.Error() != "yearbook.xls is an Excel 97–2003 workbook; open it in Excel and save it as .xlsx" {
		t.Errorf("got %v", err)
	}
}

// TestLibreOfficeWebPage reads a workbook that LibreOffice saved as a web
// page (its own HTML: a heading per sheet, exact values in sdval, merged
// cells as colspan), named .xls as the yearbook sites name theirs.
func TestLibreOfficeWebPage(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice conversion is slow")
	}
	dir := t.TempDir()
	nev := sheetSpec{name: "新能源", merges: []string{"B1:C1"}, rows: [][]any{
		{"城市", "新能源汽车产量（辆）", nil},
		{nil, "2023年", "2024年"},
		{"深圳", 1_800_000, 2_894_000},
	}}
	page := sofficeConvert(t, writeXLSX(t, dir, "yearbook.xlsx", yearbookSheet, nev), "html")
	d, rep, err := importPath(t, writeBytes(t, dir, "yearbook.xls", page), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for o := range d.Observations() {
		got = append(got, obsString(o))
	}
	want := []string{"Chongqing 2024 FY production 2540000", "Chongqing 2024 FY nev_production 953000",
		"Hefei 2024 FY production 1375000", "Xi'an 2024 FY production 8650", "Xi'an 2024 FY nev_production 1005000",
		"Shenzhen 2023 FY nev_production 1800000", "Shenzhen 2024 FY nev_production 2894000"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s\nreport:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), rep)
	}
	if layout := Say(joinMsgs(rep.Layout)); layout != "web page saved as .xls (2 table(s), UTF-8); Sheet 1: 汽车产量: wide table: regions × metrics (regions: cities); Sheet 2: 新能源: wide table: regions × years (regions: cities)" {
		t.Errorf("layout %q", layout)
	}
}

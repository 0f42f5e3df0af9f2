package importer

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// streamXLSX writes rows with excelize's StreamWriter, which stores
// strings inline instead of in sharedStrings.xml.
func streamXLSX(name string, rows [][]any) func(t *testing.T, dir string) string {
	return func(t *testing.T, dir string) string {
		f := excelize.NewFile()
		defer f.Close()
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			ref, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := sw.SetRow(ref, r); err != nil {
				t.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		if err := f.SaveAs(p); err != nil {
			t.Fatal(err)
		}
		return p
	}
}

// chartAndHiddenXLSX has a data sheet, a hidden sheet and a chart sheet.
func chartAndHiddenXLSX(t *testing.T, dir string) string {
	p := writeXLSX(t, dir, "charts.xlsx",
		sheetSpec{name: "Production", rows: [][]any{{"City", 2023, 2024}, {"Wuhu", 50, 60}}},
		sheetSpec{name: "Old", hidden: true, rows: [][]any{{"City", 2023}, {"Wuhu", 1}}},
	)
	f, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	err = f.AddChartSheet("Chart1", &excelize.Chart{Type: excelize.Col,
		Series: []excelize.ChartSeries{{Name: "Production!$A$2", Categories: "Production!$B$1:$C$1", Values: "Production!$B$2:$C$2"}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	return p
}

// dateCellsXLSX has a period column of real date cells.
func dateCellsXLSX(t *testing.T, dir string) string {
	f := excelize.NewFile()
	defer f.Close()
	style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	f.SetSheetRow("Sheet1", "A1", &[]any{"城市", "日期", "汽车产量（辆）"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"襄阳", time.Date(2025, 11, 30, 0, 0, 0, 0, time.UTC), 41000})
	f.SetSheetRow("Sheet1", "A3", &[]any{"襄阳", time.Date(2025, 10, 31, 0, 0, 0, 0, time.UTC), 39000})
	f.SetCellStyle("Sheet1", "B2", "B3", style)
	p := filepath.Join(dir, "dates.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

func moreCases2() []importCase {
	return []importCase{
		{
			name: "regions × years with metric and unit in an English title",
			build: xlsxFile("wide.xlsx", sheetSpec{name: "Sheet1", rows: [][]any{
				{"Automobile production by city (10,000 units)"},
				{},
				{"City", "2022", "2023", "2024"},
				{"Chongqing", 209.2, 231.8, 254},
				{"Xian", 105.6, 140.6, "N/A"},
			}}),
			want: []string{"Chongqing 2022 FY production 2092000", "Chongqing 2023 FY production 2318000", "Chongqing 2024 FY production 2540000",
				"Xi'an 2022 FY production 1056000", "Xi'an 2023 FY production 1406000"},
			layout: "wide table: regions × years",
			issues: []string{"row 5, column D: skipped: missing value \"N/A\""},
		},
		{
			name:  "regions × months with the year in the title",
			build: csvFile("months.csv", "2025年主要城市汽车产量（辆）\n城市,1月,2月,3月\n长春,80000,75000,91000\n保定,\"12,000\",\"11,500\",-\n"),
			want: []string{"Changchun 2025 M01 production 80000", "Changchun 2025 M02 production 75000", "Changchun 2025 M03 production 91000",
				"Baoding 2025 M01 production 12000", "Baoding 2025 M02 production 11500"},
			layout: "wide table: regions × months",
			issues: []string{"row 4, column D: skipped: missing value \"-\""},
		},
		{
			name:   "regions × months with no year anywhere",
			build:  csvFile("noyear.csv", "城市,汽车产量 1月,汽车产量 2月,汽车产量 2024年\n长春,80000,75000,900000\n"),
			want:   []string{"Changchun 2024 FY production 900000"},
			issues: []string{"row 2, column B: skipped: period M01 with no year anywhere", "row 2, column C: skipped: period M02 with no year anywhere"},
		},
		{
			name: "merged group headers with stated growth",
			build: xlsxFile("merged.xlsx", sheetSpec{name: "汽车产量", merges: []string{"A1:A2", "B1:C1", "D1:E1"}, rows: [][]any{
				{"城市", "2024年", nil, "2025年1-11月", nil},
				{nil, "产量（万辆）", "同比（%）", "产量（万辆）", "同比（%）"},
				{"芜湖", 115.2, "12.5%", 120.3, 8.1},
				{"宁波", 140.0, -3.2, 130.0, 1.0},
			}}),
			want: []string{"Wuhu 2024 FY production 1152000 yoy 12.5", "Wuhu 2025 YTD11 production 1203000 yoy 8.1",
				"Ningbo 2024 FY production 1400000 yoy -3.2", "Ningbo 2025 YTD11 production 1300000 yoy 1"},
			layout: "wide table: regions × years and periods",
		},
		{
			name:  "merged group headers lost in a CSV export",
			build: csvFile("merged.csv", "城市,2024年,,2025年1-11月,\n,产量（万辆）,同比（%）,产量（万辆）,同比（%）\n芜湖,115.2,12.5%,120.3,8.1\n"),
			want:  []string{"Wuhu 2024 FY production 1152000 yoy 12.5", "Wuhu 2025 YTD11 production 1203000 yoy 8.1"},
		},
		{
			name: "this month and cumulative under a month header",
			build: xlsxFile("monthly.xlsx", sheetSpec{name: "Sheet1", merges: []string{"B2:C2"}, rows: [][]any{
				{"新能源汽车产量（万辆）"},
				{"地区", "2025年11月", nil},
				{nil, "本月", "1-11月累计"},
				{"深圳", 30.1, 310.5},
				{"西安", 12.0, "120"},
			}}),
			want: []string{"Shenzhen 2025 M11 nev_production 301000", "Shenzhen 2025 YTD11 nev_production 3105000",
				"Xi'an 2025 M11 nev_production 120000", "Xi'an 2025 YTD11 nev_production 1200000"},
		},
		{
			name:   "hidden sheets and chart sheets skipped with a reason",
			build:  chartAndHiddenXLSX,
			want:   []string{"Wuhu 2023 FY production 50", "Wuhu 2024 FY production 60"},
			issues: []string{"sheet skipped: Old (hidden sheet)", "sheet skipped: Chart1 (chart sheet)", "no unit stated; read as vehicles"},
			check: func(t *testing.T, d *DataSet, rep *FileReport) {
				if len(rep.SheetsUsed) != 1 || rep.SheetsUsed[0] != "Production" {
					t.Errorf("sheets used %v", rep.SheetsUsed)
				}
			},
		},
		{
			name:   "semicolon CSV with BOM, full-width digits and thousands separators",
			build:  csvFile("eu.csv", "\ufeffCity;Year;NEV output (units)\nBeijing;２０２４;１，２３４，５６７\nTianjin;2024;\"987,654\"\nHangzhou;2024;12,5\n"),
			want:   []string{"Beijing 2024 FY nev_production 1234567", "Tianjin 2024 FY nev_production 987654", "Hangzhou 2024 FY nev_production 12.5"},
			layout: "UTF-8 with BOM, semicolon",
		},
		{
			name:   "tab-separated with percent growth",
			build:  csvFile("tab.tsv", "城市\t年份\t新能源汽车产量（万辆）\t同比\n合肥\t2024\t137.5\t+91.0%\n长沙\t2024\t42.1\t１２％\n"),
			want:   []string{"Hefei 2024 FY nev_production 1375000 yoy 91", "Changsha 2024 FY nev_production 421000 yoy 12"},
			layout: "tab",
		},
		{
			name: "city spellings, abbreviations and unknown names",
			build: csvFile("spell.csv", "City,Year,Production\nXian,2024,1\nXiAn,2024,2\nxi'an,2024,3\n CHONGQING ,2024,4\nChong Qing,2024,5\n渝,2024,6\n沪,2024,7\n西安市,2024,8\n"+
				"Xi An,2024,9\nguangzhou city,2024,10\n十堰,2024,11\nAtlantis,2024,12\n"),
			want: []string{"Xi'an 2024 FY production 1", "Xi'an 2024 FY production 2", "Xi'an 2024 FY production 3",
				"Chongqing 2024 FY production 4", "Chongqing 2024 FY production 5", "Chongqing 2024 FY production 6",
				"Shanghai 2024 FY production 7", "Xi'an 2024 FY production 8", "Xi'an 2024 FY production 9",
				"Guangzhou 2024 FY production 10", "Shiyan 2024 FY production 11", "Atlantis 2024 FY production 12"},
			issues: []string{"row 13, column A: guessed: region \"Atlantis\" is not in the gazetteer; kept as written"},
		},
		{
			name: "unit column with every unit",
			build: csvFile("units.csv", "城市,年份,指标,数值,单位\n"+
				"重庆,2024,产量,254,万辆\n重庆,2024,产量,2540000,辆\n重庆,2024,产量,2540,thousand\n重庆,2024,产量,2.54,million\n重庆,2024,产量,2540000,units\n"+
				"重庆,2024,出口额,1500000000,元\n重庆,2024,出口额,150000,万元\n重庆,2024,出口额,15,亿元\n重庆,2024,出口额,15,100 million yuan\n重庆,2024,出口额,1.5,billion yuan\n"+
				"重庆,2024,出口额,2.1,亿美元\n"),
			want: []string{"Chongqing 2024 FY production 2540000", "Chongqing 2024 FY production 2540000", "Chongqing 2024 FY production 2540000",
				"Chongqing 2024 FY production 2540000", "Chongqing 2024 FY production 2540000",
				"Chongqing 2024 FY export_value 1500000000", "Chongqing 2024 FY export_value 1500000000", "Chongqing 2024 FY export_value 1500000000",
				"Chongqing 2024 FY export_value 1500000000", "Chongqing 2024 FY export_value 1500000000"},
			issues: []string{"row 12, column D: skipped: value in US dollars"},
		},
		{
			name:   "numbers as text with qualifiers and missing markers",
			build:  csvFile("text.csv", "城市,年份,汽车产量\n重庆,2024,约260万辆\n上海,2024,超过100万辆\n广州,2024,近300万辆\n武汉,2024,N/A\n长春,2024,\n成都,2024,暂无\n"),
			want:   []string{"Chongqing 2024 FY production 2600000 approx", "Shanghai 2024 FY production 1000000 more_than", "Guangzhou 2024 FY production 3000000 nearly"},
			issues: []string{"row 5, column C: skipped: missing value — 2 times (also C7)", "row 6, column C: skipped: empty: missing value"},
		},
		{
			name: "inline strings from a streaming writer",
			build: streamXLSX("stream.xlsx", [][]any{
				{"城市", "年份", "时期", "指标", "数值", "单位"},
				{"襄阳", 2025, "1-11月", "汽车产量", 45.6, "万辆"},
				{"十堰", 2025, "11月", "汽车产量", 5.1, "万辆"},
			}),
			want:   []string{"Xiangyang 2025 YTD11 production 456000", "Shiyan 2025 M11 production 51000"},
			layout: "long table",
		},
		{
			name:  "exports by unit, ranks by scope",
			build: csvFile("exports.csv", "城市,年份,出口（亿元）,Exports (units),全国排名,省内排名\n重庆,2024,520,480000,2,1\n"),
			want: []string{"Chongqing 2024 FY export_value 52000000000", "Chongqing 2024 FY export_units 480000",
				"Chongqing 2024 FY production_rank 2", "Chongqing 2024 FY other_rank 1"},
			check: func(t *testing.T, d *DataSet, rep *FileReport) {
				if n := obsList(d)[3].Note; n != "scope: 省内排名" {
					t.Errorf("rank note %q", n)
				}
			},
		},
		{
			name:  "date cells as periods",
			build: dateCellsXLSX,
			want:  []string{"Xiangyang 2025 M11 production 41000", "Xiangyang 2025 M10 production 39000"},
		},
		{
			name: "blank rows and columns, total row",
			build: xlsxFile("blank.xlsx", sheetSpec{name: "汽车产量（万辆）", rows: [][]any{
				{},
				{nil, nil},
				{nil, "城市", nil, "2023年", "2024年"},
				{},
				{nil, "保定", nil, 30, 35},
				{},
				{nil, "合计", nil, 30, 35},
			}}),
			want:   []string{"Baoding 2023 FY production 300000", "Baoding 2024 FY production 350000"},
			issues: []string{"row 7, column B: skipped: \"合计\" is a total, not a region"},
		},
	}
}

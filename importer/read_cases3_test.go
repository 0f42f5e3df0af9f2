package importer

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"golang.org/x/text/encoding/unicode"
)

func utf16File(name, s string) func(t *testing.T, dir string) string {
	return func(t *testing.T, dir string) string {
		b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return writeBytes(t, dir, name, b)
	}
}

// percentXLSX stores growth as Excel does: 0.125 with a percent format.
func percentXLSX(t *testing.T, dir string) string {
	f := excelize.NewFile()
	defer f.Close()
	pct, _ := f.NewStyle(&excelize.Style{NumFmt: 10})
	f.SetSheetRow("Sheet1", "A1", &[]any{"城市", "年份", "新能源汽车产量（万辆）", "同比"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"常州", 2024, 68.2, 0.125})
	f.SetCellStyle("Sheet1", "D2", "D2", pct)
	p := filepath.Join(dir, "pct.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// dateHeaderXLSX has months as date cells in the header row.
func dateHeaderXLSX(t *testing.T, dir string) string {
	f := excelize.NewFile()
	defer f.Close()
	ym, _ := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm")})
	f.SetSheetName("Sheet1", "汽车产量(辆)")
	f.SetSheetRow("汽车产量(辆)", "A1", &[]any{"城市", time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)})
	f.SetSheetRow("汽车产量(辆)", "A2", &[]any{"石家庄", 8000, 7500})
	f.SetCellStyle("汽车产量(辆)", "B1", "C1", ym)
	p := filepath.Join(dir, "datehead.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

func ptr[T any](v T) *T { return &v }

func moreCases3() []importCase {
	return []importCase{
		{
			name: "title row with the unit in its corner, and a row-number column",
			build: xlsxFile("corner.xlsx", sheetSpec{name: "Sheet1", rows: [][]any{
				{"表5 2024年主要城市新能源汽车产量", nil, nil, "单位：万辆"},
				{"序号", "城市", "新能源汽车产量", "合计占比"},
				{1, "深圳", 289.0, "20%"},
				{2, "西安", 100.5, "7%"},
			}}),
			want: []string{"Shenzhen 2024 FY nev_production 2890000", "Shenzhen 2024 FY 合计占比 20",
				"Xi'an 2024 FY nev_production 1005000", "Xi'an 2024 FY 合计占比 7"},
			layout: "wide table: regions × metrics",
			issues: []string{"column D: guessed: \"合计占比\": an indicator Auto Cities has no built-in metric for; imported as the user indicator 合计占比 (% = 1 percent)"},
			check: func(t *testing.T, d *DataSet, rep *FileReport) {
				if in, ok := d.Indicator("合计占比"); !ok || in.Unit != UnitPercent || in.Kind != KindPercent {
					t.Errorf("indicator %+v", in)
				}
			},
		},
		{
			name:  "macro-enabled workbook (.xlsm)",
			build: xlsxFile("macro.xlsm", sheetSpec{name: "Sheet1", rows: [][]any{{"城市", "年份", "汽车销量"}, {"长沙", 2024, 500000}}}),
			want:  []string{"Changsha 2024 FY sales 500000"},
		},
		{
			name: "several sheets with different layouts, a notes sheet and an empty sheet",
			build: xlsxFile("multi.xlsx",
				sheetSpec{name: "说明", rows: [][]any{{"本表数据来自各市统计公报"}, {"编制", "研究部"}}},
				sheetSpec{name: "产量", rows: [][]any{{"城市", "2023", "2024"}, {"郑州", 60, 70}}},
				sheetSpec{name: "Sales", rows: [][]any{{"Year", "Zhengzhou", "Hefei"}, {2024, 55, 90}}},
				sheetSpec{name: "空"},
			),
			want: []string{"Zhengzhou 2023 FY production 60", "Zhengzhou 2024 FY production 70",
				"Zhengzhou 2024 FY sales 55", "Hefei 2024 FY sales 90"},
			layout: "产量: wide table: regions × years (regions: cities); Sales: wide table: years × regions (regions: cities)",
			issues: []string{"sheet skipped: 说明 (no value columns", "sheet skipped: 空 (empty)"},
		},
		{
			name:  "regions × metrics with the period in the title",
			build: csvFile("ytd.csv", "2025年1-11月主要城市汽车产销\n城市,产量（辆）,销量（辆）\n广州,\"2,500,000\",\"2,450,000\"\n"),
			want:  []string{"Guangzhou 2025 YTD11 production 2500000", "Guangzhou 2025 YTD11 sales 2450000"},
		},
		{
			name:   "long table with stated growth",
			build:  csvFile("yoy.csv", "城市,年份,同比增长(%),汽车产量(万辆)\n重庆,2024,9.6,254\n上海,2024,-2.1,150.2\n"),
			want:   []string{"Chongqing 2024 FY production 2540000 yoy 9.6", "Shanghai 2024 FY production 1502000 yoy -2.1"},
			layout: "long table",
		},
		{
			name:   "UTF-16 tab text from Excel",
			build:  utf16File("unicode.txt", "城市\t年份\t汽车产量（万辆）\r\n武汉\t2024\t135.2\r\n"),
			want:   []string{"Wuhan 2024 FY production 1352000"},
			layout: "UTF-16, tab",
		},
		{
			name:   "city cells merged down, lost in CSV",
			build:  csvFile("filldown.csv", "城市,指标,2024年\n重庆,汽车产量（万辆）,254\n,新能源汽车产量（万辆）,95.3\n"),
			want:   []string{"Chongqing 2024 FY production 2540000", "Chongqing 2024 FY nev_production 953000"},
			issues: []string{"row 3, column A: guessed: no region: Chongqing from the row above"},
		},
		{
			name:   "indicators that are not car metrics are user indicators",
			build:  csvFile("other.csv", "城市,指标,单位,2024年\n重庆,摩托车产量,万辆,500\n重庆,汽车产量,万辆,254\n重庆,汽车产量同比增长,%,9.6\n"),
			want:   []string{"Chongqing 2024 FY 摩托车产量 5000000", "Chongqing 2024 FY production 2540000"},
			issues: []string{"row 4, column B: skipped: growth row"},
			check: func(t *testing.T, d *DataSet, rep *FileReport) {
				if in, ok := d.Indicator("摩托车产量"); !ok || in.Unit != UnitVehicles || in.Kind != KindVehicles {
					t.Errorf("indicator %+v", in)
				}
			},
		},
		{
			name: "GBK semicolon CSV with title and footnote",
			build: func(t *testing.T, dir string) string {
				return writeBytes(t, dir, "gbk2.csv", gbk("2024年汽车出口额（亿元）;;\n地区;出口额;\n重庆市;520.5;\n长春;300;\n注：海关统计;;\n"))
			},
			want:   []string{"Chongqing 2024 FY export_value 52050000000", "Changchun 2024 FY export_value 30000000000"},
			issues: []string{"row 5, column A: skipped: footnote: 注：海关统计"},
			layout: "GBK/GB18030, detected, semicolon",
		},
		{
			name:   "regions × years with a total column",
			build:  csvFile("total.csv", "汽车产量（万辆）\n城市,2023年,2024年,合计\n柳州,180,190,370\n"),
			want:   []string{"Liuzhou 2023 FY production 1800000", "Liuzhou 2024 FY production 1900000"},
			issues: []string{"column D: skipped: \"合计\": a total, not an indicator; not read"},
		},
	}
}

package importer

import (
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func importCases() []importCase {
	all := append(append(append(baseCases(), moreCases()...), moreCases2()...), moreCases3()...)
	return append(append(append(all, moreCases4()...), htmlCases()...), realCases()...)
}

func baseCases() []importCase {
	return []importCase{
		{
			name: "canonical observations CSV",
			build: csvFile("observations.csv", "City,Year,Period,Metric,Value,Unit,Qualifier,Confidence,Stated YoY %,Source ID,Note,Edited From\n"+
				"Chongqing,2024,FY,production,2540000,vehicles,exact,normal,3.6,S1,,\n"+
				"Shanghai,2025,YTD11,nev_production,1200000,vehicles,approx,normal,,S2,note,\n"),
			want:   []string{"Chongqing 2024 FY production 2540000 yoy 3.6", "Shanghai 2025 YTD11 nev_production 1200000 approx"},
			layout: "canonical Observations",
		},
		{
			name:   "inspect output CSV",
			build:  csvFile("inspect.csv", "city,year,period,metric,value,unit\nChongqing,2024,FY,production,2540000,vehicles\nXi'an,2023,M11,export_value,1500000000,CNY\n"),
			want:   []string{"Chongqing 2024 FY production 2540000", "Xi'an 2023 M11 export_value 1500000000"},
			layout: "canonical Observations",
		},
		{
			name: "canonical workbook",
			build: xlsxFile("autocities.xlsx",
				sheetSpec{name: "Observations", rows: [][]any{
					{"City", "Year", "Period", "Metric", "Value", "Unit", "Qualifier", "Confidence", "Stated YoY %", "Source ID", "Note", "Edited From"},
					{"Chongqing", 2024, FY, "production", 2540000, "vehicles", "exact", "normal", 3.6, "S1", "", ""},
					{"Hefei", 2024, FY, "nev_production", 1370000, "vehicles", "approx", "low", "", "S1", "", 1300000},
				}},
				sheetSpec{name: "Targets", rows: [][]any{{"City", "Year", "Metric", "Value", "Unit", "Source ID", "Note"}, {"Chongqing", 2025, "production", 2600000, "vehicles", "S1", ""}}},
				sheetSpec{name: "Events", rows: [][]any{{"Date", "City", "Kind", "Title", "Detail", "Source ID"}, {"2025-07", "Chongqing", "company", "Changan HQ", "moved", "S1"}}},
				sheetSpec{name: "Glossary", rows: [][]any{{"Term", "Sense", "Chinese", "Kind", "Summary", "Aliases", "Related", "Source ID"}, {"Chang'an", "carmaker", "长安", "company", "A carmaker", "Changan;长安汽车", "Chongqing", "S1"}}},
				sheetSpec{name: "Sources", rows: [][]any{{"Source ID", "Title", "Publisher", "URL", "Date", "Tier"}, {"S1", "Report", "Us", "https://example.org", "2025", "report"}}},
				sheetSpec{name: "Charts", rows: [][]any{{"City", 2024}, {"Chongqing", 2540000}}},
			),
			want:   []string{"Chongqing 2024 FY production 2540000 yoy 3.6", "Hefei 2024 FY nev_production 1370000 approx"},
			layout: "Observations: canonical Observations",
			issues: []string{"sheet skipped: Charts"},
			check: func(t *testing.T, d *DataSet, rep *FileReport) {
				if len(d.Targets) != 1 || len(d.Events) != 1 || len(d.Terms) != 1 || len(d.Sources) != 1 {
					t.Errorf("targets %d events %d terms %d sources %d", len(d.Targets), len(d.Events), len(d.Terms), len(d.Sources))
				}
				if obsList(d)[1].Confidence != Low || obsList(d)[1].EditedFrom == nil {
					t.Errorf("confidence/edited from lost: %+v", obsList(d)[1])
				}
			},
		},
		{
			name:   "simple long CSV in English",
			build:  csvFile("long.csv", "City,Year,Metric,Value\nChongqing,2024,Vehicle output,2540000\nshanghai,2024,NEV output,1289000\n"),
			want:   []string{"Chongqing 2024 FY production 2540000", "Shanghai 2024 FY nev_production 1289000"},
			layout: "long table",
		},
		{
			name: "simple long xlsx in Chinese",
			build: xlsxFile("long.xlsx", sheetSpec{name: "数据", rows: [][]any{
				{"城市", "年份", "指标", "数值", "单位"},
				{"重庆市", 2024, "汽车产量", 254, "万辆"},
				{"合肥", 2024, "新能源汽车产量", "137.0", "万辆"},
				{"西安", 2024, "出口额", 150.5, "亿元"},
			}}),
			want:   []string{"Chongqing 2024 FY production 2540000", "Hefei 2024 FY nev_production 1370000", "Xi'an 2024 FY export_value 15050000000"},
			layout: "long table",
		},
	}
}

func gbk(s string) []byte {
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

func moreCases() []importCase {
	return []importCase{
		{
			name: "Chinese yearbook table with unit row and footnotes",
			build: xlsxFile("yearbook.xlsx", sheetSpec{name: "表3-12", merges: []string{"A1:D1"}, rows: [][]any{
				{"2024年主要城市汽车产量"},
				{"单位：万辆"},
				{"城市", "汽车产量", "新能源汽车产量", "同比增长(%)"},
				{"重庆", 254.0, 95.3, 7.2},
				{"上海市", "150.2", "128.9", "—"},
				{"柳州", "—", "62.3", "3.1"},
				{},
				{"注：数据来源于各市统计公报。"},
				{"资料来源：国家统计局"},
			}}),
			want: []string{"Chongqing 2024 FY production 2540000", "Chongqing 2024 FY nev_production 953000 yoy 7.2",
				"Shanghai 2024 FY production 1502000", "Shanghai 2024 FY nev_production 1289000",
				"Liuzhou 2024 FY nev_production 623000 yoy 3.1"},
			layout: "wide table: regions × metrics",
			issues: []string{"row 6, column B: skipped: missing value", "row 8, column A: skipped: footnote",
				"row 9, column A: note: the source of this table's figures: 国家统计局 (official)", "万辆 = 10,000 vehicles"},
			check: func(t *testing.T, d *DataSet, rep *FileReport) {
				for o := range d.Observations() {
					if o.SourceID != "国家统计局" {
						t.Errorf("%s: source %q, want the source line's", obsString(o), o.SourceID)
					}
				}
				if s, ok := d.Source("国家统计局"); !ok || s.Tier != TierOfficial {
					t.Errorf("source %+v", s)
				}
			},
		},
		{
			name: "transposed sheet per metric",
			build: xlsxFile("per-metric.xlsx",
				sheetSpec{name: "汽车产量", rows: [][]any{{"主要城市汽车产量（万辆）"}, {"年份", "重庆", "上海", "广州"}, {2023, 231.8, 215.7, 313.6}, {2024, 254.0, 150.2, 251.0}}},
				sheetSpec{name: "新能源汽车产量", rows: [][]any{{"年份", "重庆", "上海"}, {"2024年", 95.3, 128.9}}},
			),
			want: []string{"Chongqing 2023 FY production 2318000", "Shanghai 2023 FY production 2157000", "Guangzhou 2023 FY production 3136000",
				"Chongqing 2024 FY production 2540000", "Shanghai 2024 FY production 1502000", "Guangzhou 2024 FY production 2510000",
				"Chongqing 2024 FY nev_production 953000", "Shanghai 2024 FY nev_production 1289000"},
			layout: "wide table: years × regions",
			issues: []string{"small figures with decimals read as 万辆"},
		},
		{
			name: "GBK CSV",
			build: func(t *testing.T, dir string) string {
				return writeBytes(t, dir, "gbk.csv", gbk("城市,年份,产量(万辆)\n重庆,2024,254\n合肥市,2024,137.5\n"))
			},
			want:   []string{"Chongqing 2024 FY production 2540000", "Hefei 2024 FY production 1375000"},
			layout: "GBK/GB18030, detected",
		},
		{
			name: "mixed periods in a long table",
			build: csvFile("periods.csv", "城市,时间,指标,数值,单位\n"+
				"重庆,2024年,汽车产量,254,万辆\n"+
				"重庆,2025年1-11月,汽车产量,230.1,万辆\n"+
				"重庆,2025年1—11月,汽车产量,230.1,万辆\n"+
				"重庆,2025年11月,汽车产量,25.2,万辆\n"+
				"Chongqing,Jan–Nov 2025,Vehicle output,2301000,units\n"+
				"Chongqing,January to November 2025,Vehicle output,2301000,units\n"+
				"Chongqing,H1 2024,Vehicle output,1200000,units\n"+
				"Chongqing,前三季度 2024,Vehicle output,1800000,units\n"+
				"Chongqing,Q1 2024,Vehicle output,600000,units\n"+
				"Chongqing,2025-11,Vehicle output,252000,units\n"+
				"Chongqing,Nov 2025,Vehicle output,252000,units\n"+
				"Chongqing,FY2023,Vehicle output,2318000,units\n"+
				"Chongqing,Jan-Dec 2023,Vehicle output,2318000,units\n"+
				"Chongqing,11月,Vehicle output,252000,units\n"),
			want: []string{"Chongqing 2024 FY production 2540000", "Chongqing 2025 YTD11 production 2301000", "Chongqing 2025 YTD11 production 2301000",
				"Chongqing 2025 M11 production 252000", "Chongqing 2025 YTD11 production 2301000", "Chongqing 2025 YTD11 production 2301000",
				"Chongqing 2024 YTD06 production 1200000", "Chongqing 2024 YTD09 production 1800000", "Chongqing 2024 YTD03 production 600000",
				"Chongqing 2025 M11 production 252000", "Chongqing 2025 M11 production 252000", "Chongqing 2023 FY production 2318000",
				"Chongqing 2023 FY production 2318000"},
			layout: "long table",
			issues: []string{"row 15, column D: skipped: period M11 with no year anywhere"},
		},
	}
}

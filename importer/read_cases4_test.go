package importer

func moreCases4() []importCase {
	return []importCase{
		{
			name:  "growth stored as a percent-formatted fraction",
			build: percentXLSX,
			want:  []string{"Changzhou 2024 FY nev_production 682000 yoy 12.5"},
		},
		{
			name: "sheet per city with months in rows",
			build: xlsxFile("city.xlsx", sheetSpec{name: "重庆", rows: [][]any{
				{"2025年重庆市汽车产销（万辆）"},
				{"月份", "产量", "销量"},
				{"1月", 20.1, 19.8},
				{"2月", "18.5", "17.9"},
			}}),
			want: []string{"Chongqing 2025 M01 production 201000", "Chongqing 2025 M01 sales 198000",
				"Chongqing 2025 M02 production 185000", "Chongqing 2025 M02 sales 179000"},
			layout: "wide table: periods × metrics",
		},
		{
			name: "years as a sub-header under a merged metric",
			build: xlsxFile("sub.xlsx", sheetSpec{name: "Sheet1", merges: []string{"A1:A2", "B1:C1"}, rows: [][]any{
				{"城市", "汽车产量（万辆）", nil},
				{nil, 2023, 2024},
				{"沈阳", 80.5, 85.0},
			}}),
			want:   []string{"Shenyang 2023 FY production 805000", "Shenyang 2024 FY production 850000"},
			layout: "regions × years",
		},
		{
			name:  "city column without a header, sheet named after the metric",
			build: xlsxFile("nohead.xlsx", sheetSpec{name: "NEV sales", rows: [][]any{{nil, "2023", "2024"}, {"Hangzhou", 30000, 42000}, {"Ningbo", 20000, 25000}}}),
			want: []string{"Hangzhou 2023 FY nev_sales 30000", "Hangzhou 2024 FY nev_sales 42000",
				"Ningbo 2023 FY nev_sales 20000", "Ningbo 2024 FY nev_sales 25000"},
			layout: "wide table: regions × years",
		},
		{
			name:   "year and month columns of plain numbers",
			build:  csvFile("ym.csv", "地区,年份,月份,产量(辆)\n青岛,2025,10,21000\n青岛,2025,11,23000\n"),
			want:   []string{"Qingdao 2025 M10 production 21000", "Qingdao 2025 M11 production 23000"},
			layout: "long table",
		},
		{
			name:  "statistical yearbook: regions × vehicle types under a metric title",
			build: csvFile("nbs.csv", "表14-21 分地区汽车产量（2024年）,,,\n单位：万辆,,,\n地区,汽车,#轿车,新能源汽车\n全国,3128.2,1200.5,1288.8\n北京,40.1,30.2,10.5\n吉林,95.3,60.1,12.0\n"),
			want: []string{"China 2024 FY production 31282000", "China 2024 FY production · 轿车 12005000", "China 2024 FY nev_production 12888000",
				"Beijing 2024 FY production 401000", "Beijing 2024 FY production · 轿车 302000", "Beijing 2024 FY nev_production 105000",
				"Jilin 2024 FY production 953000", "Jilin 2024 FY production · 轿车 601000", "Jilin 2024 FY nev_production 120000"},
			layout: "wide table: regions × metrics and categories",
			issues: []string{"column C: guessed: \"#轿车\": figures for 轿车; kept as a dimension"},
		},
		{
			name: "unit row under the header",
			build: xlsxFile("unitrow.xlsx", sheetSpec{name: "2024", rows: [][]any{
				{"城市", "汽车产量", "出口额", "出口量"},
				{"单位", "万辆", "亿元", "辆"},
				{"重庆", 254, 520.5, 480000},
			}}),
			want: []string{"Chongqing 2024 FY production 2540000", "Chongqing 2024 FY export_value 52050000000",
				"Chongqing 2024 FY export_units 480000"},
			issues: []string{"万辆 = 10,000 vehicles", "亿元 = 100,000,000 yuan"},
		},
		{
			name:  "NEV sheet with a rank column and an English YTD header",
			build: csvFile("nevrank.csv", "新能源汽车产量\nCity,YTD Nov 2025 (units),排名\nXi'an,1005000,3\n"),
			want:  []string{"Xi'an 2025 YTD11 nev_production 1005000", "Xi'an 2025 YTD11 nev_production_rank 3"},
		},
		{
			name:   "Excel's sep= line and classic Mac line ends",
			build:  csvFile("mac.csv", "sep=;\rCity;Year;Sales\rHaikou;2024;1200\r"),
			want:   []string{"Haikou 2024 FY sales 1200"},
			layout: "semicolon",
		},
		{
			name:   "months as date cells in the header",
			build:  dateHeaderXLSX,
			want:   []string{"Shijiazhuang 2025 M01 production 8000", "Shijiazhuang 2025 M02 production 7500"},
			layout: "regions × months",
		},
	}
}

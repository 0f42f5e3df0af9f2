package importer

import (
	"testing"
)

// The shapes of issue 12: spreadsheets analysts really download, built as
// they come (NBS exports, OWID, city panels, maker tables, CAAM tables,
// yearbook pages). The wanted values are the ones a person reads in the
// file, converted by its unit.

// nbsExport is an NBS 分省年度数据 export as data.stats.gov.cn writes it:
// GBK, three lines above the header, Hong Kong, Macao and Taiwan kept in
// the list (empty or 0), a note and the source below.
const nbsExport = "数据库：分省年度数据\n指标：汽车产量(万辆)\n时间：最近3年\n" +
	"地区,2023年,2022年,2021年\n" +
	"北京市,40.18,87.63,13.96\n" +
	"河北省,95.31,94.66,90.69\n" +
	"山西省,8.57,6.89,7.12\n" +
	"吉林省,258.57,215.23,242.21\n" +
	"陕西省,136.72,104.47,70.24\n" +
	"新疆维吾尔自治区,3.11,2.98,1.65\n" +
	"香港特别行政区,,,\n" +
	"澳门特别行政区,,,\n" +
	"台湾省,0,0,0\n" +
	"注：2023年数据为初步统计数。\n" +
	"数据来源：国家统计局\n"

// cityPanel is a 城市/年份 panel of 18 indicators with units in the
// headers, as city statistical yearbooks and research panels share them.
const cityPanel = "城市,年份,地区生产总值(亿元),第二产业增加值(亿元),年末户籍人口(万人),常住人口(万人),城镇化率(%)," +
	"汽车产量(万辆),新能源汽车产量(万辆),民用汽车拥有量(辆),私人汽车拥有量(辆),社会消费品零售总额(亿元)," +
	"进出口总额(亿元),实际利用外资(万美元),规模以上工业企业数(个),工业用电量(万千瓦时),货运量(万吨)," +
	"公共汽车营运车辆(辆),城市道路面积(万平方米),人均地区生产总值(元)\n" +
	"重庆,2023,30145.79,11699.14,3191.4,3191.43,71.67,231.8,50.0,6210000,5120000,15130.25,7137.4,180000,7300,10500000,130000,15000,32000,94135\n" +
	"吉林,2023,1663.0,560.0,350.1,356.0,65.0,1.2,0.1,800000,700000,600.0,100.0,5000,600,500000,8000,1500,3000,46700\n"

// cityPanelWant is every figure of the panel's Jilin City row, by hand:
// 亿元 × 10⁸, 万人 × 10⁴, 万辆 × 10⁴, 万美元 × 10⁴, 万吨 × 10⁴; % and units
// kept as written (万千瓦时, 万平方米) as they are.
var cityPanelWant = []string{
	"Jilin City 2023 FY 地区生产总值 166300000000", "Jilin City 2023 FY 第二产业增加值 56000000000",
	"Jilin City 2023 FY 年末户籍人口 3501000", "Jilin City 2023 FY 常住人口 3560000", "Jilin City 2023 FY 城镇化率 65",
	"Jilin City 2023 FY production 12000", "Jilin City 2023 FY nev_production 1000",
	"Jilin City 2023 FY 民用汽车拥有量 800000", "Jilin City 2023 FY 私人汽车拥有量 700000",
	"Jilin City 2023 FY 社会消费品零售总额 60000000000", "Jilin City 2023 FY 进出口总额 10000000000",
	"Jilin City 2023 FY 实际利用外资 50000000", "Jilin City 2023 FY 规模以上工业企业数 600",
	"Jilin City 2023 FY 工业用电量 500000", "Jilin City 2023 FY 货运量 80000000",
	"Jilin City 2023 FY 公共汽车营运车辆 1500", "Jilin City 2023 FY 城市道路面积 3000",
	"Jilin City 2023 FY 人均地区生产总值 46700"}

// cityPanelChongqing is the panel's Chongqing row, by hand.
var cityPanelChongqing = []string{
	"Chongqing 2023 FY 地区生产总值 3014579000000", "Chongqing 2023 FY 第二产业增加值 1169914000000",
	"Chongqing 2023 FY 年末户籍人口 31914000", "Chongqing 2023 FY 常住人口 31914300", "Chongqing 2023 FY 城镇化率 71.67",
	"Chongqing 2023 FY production 2318000", "Chongqing 2023 FY nev_production 500000",
	"Chongqing 2023 FY 民用汽车拥有量 6210000", "Chongqing 2023 FY 私人汽车拥有量 5120000",
	"Chongqing 2023 FY 社会消费品零售总额 1513025000000", "Chongqing 2023 FY 进出口总额 713740000000",
	"Chongqing 2023 FY 实际利用外资 1800000000", "Chongqing 2023 FY 规模以上工业企业数 7300",
	"Chongqing 2023 FY 工业用电量 10500000", "Chongqing 2023 FY 货运量 1300000000",
	"Chongqing 2023 FY 公共汽车营运车辆 15000", "Chongqing 2023 FY 城市道路面积 32000",
	"Chongqing 2023 FY 人均地区生产总值 94135"}

// caamTable is CAAM's monthly national table: categories in rows, this
// month and the year so far for production and sales under a title that
// says 全国.
var caamTable = xlsxFile("caam.xlsx", sheetSpec{name: "产销", merges: []string{"A3:A4", "B3:C3", "D3:E3"}, rows: [][]any{
	{"2024年12月全国汽车产销情况"},
	{"单位：万辆"},
	{"类别", "产量", nil, "销量", nil},
	{nil, "本月", "1-12月累计", "本月", "1-12月累计"},
	{"汽车", 344.9, 3128.2, 335.0, 3143.6},
	{"乘用车", 313.0, 2747.7, 303.4, 2756.3},
	{"商用车", 31.9, 380.5, 31.6, 387.3},
	{"新能源汽车", 162.2, 1288.8, 159.6, 1286.6},
}})

func realCases() []importCase {
	return []importCase{
		{
			name:  "NBS 分省年度数据 export in GBK with 指标 and 时间 lines, a 注 note and the source",
			build: gbkFile("分省年度数据.csv", nbsExport),
			want: []string{"Beijing 2023 FY production 401800", "Beijing 2022 FY production 876300", "Beijing 2021 FY production 139600",
				"Hebei 2023 FY production 953100", "Hebei 2022 FY production 946600", "Hebei 2021 FY production 906900",
				"Shanxi 2023 FY production 85700", "Shanxi 2022 FY production 68900", "Shanxi 2021 FY production 71200",
				"Jilin 2023 FY production 2585700", "Jilin 2022 FY production 2152300", "Jilin 2021 FY production 2422100",
				"Shaanxi 2023 FY production 1367200", "Shaanxi 2022 FY production 1044700", "Shaanxi 2021 FY production 702400",
				"Xinjiang 2023 FY production 31100", "Xinjiang 2022 FY production 29800", "Xinjiang 2021 FY production 16500"},
			layout: "wide table: regions × years (regions: provinces)",
			issues: []string{"row 11, column A: skipped: a row with no figures — 2 times (also A12)",
				"row 13, column A: skipped: Taiwan: every figure is 0, a placeholder rather than data; left out",
				"row 14, column A: skipped: footnote: 注：2023年数据为初步统计数。",
				"row 15, column A: note: the source of this table's figures: 国家统计局 (official)"},
			check: checkNBS,
		},
		{
			name: "years × provinces with quoted figures, thousands separators and trailing spaces",
			build: csvFile("ownership.csv", "2023年分省民用汽车拥有量（万辆）\n年份,北京,天津,河北,山西,陕西,吉林,海南\n"+
				"2023,\"735.6 \",\"400.2 \",\"1,734.5 \",\"750.1 \",\"800.2 \",\"520.7 \",\"150.3 \"\n"),
			want: []string{"Beijing 2023 FY 民用汽车拥有量 7356000", "Tianjin 2023 FY 民用汽车拥有量 4002000",
				"Hebei 2023 FY 民用汽车拥有量 17345000", "Shanxi 2023 FY 民用汽车拥有量 7501000", "Shaanxi 2023 FY 民用汽车拥有量 8002000",
				"Jilin 2023 FY 民用汽车拥有量 5207000", "Hainan 2023 FY 民用汽车拥有量 1503000"},
			layout: "wide table: years × regions (regions: provinces)",
			issues: []string{"the table: guessed: the figures are the user indicator 民用汽车拥有量, as the title \"2023年分省民用汽车拥有量（万辆）\" says (万辆 = 10,000 vehicles)"},
			check:  checkOwnership,
		},
		{
			name: "OWID grapher CSV: Entity, Code, Year and an indicator",
			build: csvFile("electric-car-sales.csv", "Entity,Code,Year,Electric car sales\n"+
				"China,CHN,2023,8100000\nEurope,,2023,3200000\nUnited States,USA,2023,1400000\nWorld,OWID_WRL,2023,13800000\n"),
			want: []string{"China 2023 FY Electric car sales 8100000", "Europe 2023 FY Electric car sales 3200000",
				"United States 2023 FY Electric car sales 1400000", "World 2023 FY Electric car sales 13800000"},
			layout: "long table (one row per region and period) (regions: countries)",
			issues: []string{"column D: guessed: \"Electric car sales\": an indicator Auto Cities has no built-in metric for; imported as the user indicator Electric car sales (no unit stated)"},
			check:  checkOWID,
		},
		{
			name: "OWID indicators whose brackets qualify what is measured, or end in a currency",
			build: csvFile("owid-gdp.csv", "Entity,Code,Year,Annual CO₂ emissions (per capita),GDP (US$),GDP (current US$),GDP per capita (constant 2015 US$)\n"+
				"China,CHN,2022,8.0,1,2,11560\n"),
			want: []string{"China 2022 FY CO₂ emissions (per capita) 8", "China 2022 FY GDP 1", "China 2022 FY GDP (current) 2",
				"China 2022 FY GDP per capita (constant 2015) 11560"},
			layout: "long table (one row per region and period)",
			issues: []string{"column D: guessed: \"Annual CO₂ emissions (per capita)\": an indicator Auto Cities has no built-in metric for; imported as the user indicator CO₂ emissions (per capita) (no unit stated)",
				"column G: guessed: \"GDP per capita (constant 2015 US$)\": an indicator Auto Cities has no built-in metric for; imported as the user indicator GDP per capita (constant 2015) (constant 2015 US$ = 1 US dollars)"},
		},
		{
			name:   "城市/年份 panel with 18 indicators and units in the headers",
			build:  csvFile("panel.csv", cityPanel),
			want:   append(append([]string{}, cityPanelChongqing...), cityPanelWant...),
			layout: "long table (one row per region and period) (regions: cities)",
			issues: []string{"column C: guessed: \"地区生产总值(亿元)\": an indicator Auto Cities has no built-in metric for; imported as the user indicator 地区生产总值 (亿元 = 100,000,000 yuan)",
				"column P: guessed: \"工业用电量(万千瓦时)\": an indicator Auto Cities has no built-in metric for; imported as the user indicator 工业用电量 (万千瓦时 (kept as written))"},
			check: checkPanel,
		},
		{
			name:   "CAAM monthly national table: categories × this month and the year so far",
			build:  caamTable,
			layout: "wide table: categories × periods, for China",
			want: []string{"China 2024 M12 production 3449000", "China 2024 FY production 31282000",
				"China 2024 M12 sales 3350000", "China 2024 FY sales 31436000",
				"China 2024 M12 production · 乘用车 3130000", "China 2024 FY production · 乘用车 27477000",
				"China 2024 M12 sales · 乘用车 3034000", "China 2024 FY sales · 乘用车 27563000",
				"China 2024 M12 production · 商用车 319000", "China 2024 FY production · 商用车 3805000",
				"China 2024 M12 sales · 商用车 316000", "China 2024 FY sales · 商用车 3873000",
				"China 2024 M12 nev_production 1622000", "China 2024 FY nev_production 12888000",
				"China 2024 M12 nev_sales 1596000", "China 2024 FY nev_sales 12866000"},
			issues: []string{"column A: guessed: \"类别\": categories, not regions; kept as a dimension of each figure",
				"no region column: every figure is for China, as the title \"2024年12月全国汽车产销情况\" says"},
		},
		{
			name: "NBS 年度数据 (national) export: indicators in rows, years in columns",
			build: gbkFile("年度数据.csv", "数据库：年度数据\n时间：最近3年\n指标,2023年,2022年,2021年\n"+
				"汽车产量(万辆),3011.3,2718.0,2652.8\n新能源汽车产量(万辆),958.7,700.3,367.7\n注：…\n数据来源：国家统计局\n"),
			want: []string{"China 2023 FY production 30113000", "China 2022 FY production 27180000", "China 2021 FY production 26528000",
				"China 2023 FY nev_production 9587000", "China 2022 FY nev_production 7003000", "China 2021 FY nev_production 3677000"},
			issues: []string{"no region column: every figure is for China, as the title \"数据库：年度数据\" says"},
		},
		{
			name: "NBS 月度数据 export: this month's and the year-so-far's values in rows",
			build: gbkFile("月度数据.csv", "数据库：月度数据\n指标,2024年12月,2024年11月\n汽车产量当期值(万辆),344.9,344.2\n"+
				"汽车产量累计值(万辆),3128.2,2783.3\n汽车产量同比增长(%),2.8,-1.3\n数据来源：国家统计局\n"),
			want: []string{"China 2024 M12 production 3449000", "China 2024 M11 production 3442000",
				"China 2024 FY production 31282000", "China 2024 YTD11 production 27833000"},
			issues: []string{"row 5, column A: skipped: growth row"},
		},
		{
			name:  "a 新能源汽车 row where the metric has no NEV form is a category",
			build: csvFile("exports.csv", "2024年全国汽车出口\n类别,出口额(亿元)\n汽车,8000.0\n新能源汽车,2800.0\n"),
			want:  []string{"China 2024 FY export_value 800000000000", "China 2024 FY export_value · 新能源汽车 280000000000"},
		},
		{
			name:  "maker-level monthly table under a title that says 全国",
			build: csvFile("makers.csv", "2024年全国汽车生产企业产量（辆）\n企业名称,车型类别,2024年1月,2024年2月\n比亚迪,乘用车,201493,121748\n比亚迪,商用车,1200,1000\n一汽解放,商用车,20000,15000\n"),
			want: []string{"China 2024 M01 production · 比亚迪 · 乘用车 201493", "China 2024 M02 production · 比亚迪 · 乘用车 121748",
				"China 2024 M01 production · 比亚迪 · 商用车 1200", "China 2024 M02 production · 比亚迪 · 商用车 1000",
				"China 2024 M01 production · 一汽解放 · 商用车 20000", "China 2024 M02 production · 一汽解放 · 商用车 15000"},
			layout: "wide table: categories × months, for China",
		},
		{
			name:  "provinces written with spaces and a 全国 row",
			build: csvFile("分省汽车产量.csv", "地 区,2023年,2022年\n全 国,3011.3,2718.0\n北 京,40.2,87.6\n河 北,95.3,94.7\n吉 林,258.6,215.2\n海 南,0.6,0.5\n"),
			want: []string{"China 2023 FY production 30113000", "China 2022 FY production 27180000",
				"Beijing 2023 FY production 402000", "Beijing 2022 FY production 876000",
				"Hebei 2023 FY production 953000", "Hebei 2022 FY production 947000",
				"Jilin 2023 FY production 2586000", "Jilin 2022 FY production 2152000",
				"Hainan 2023 FY production 6000", "Hainan 2022 FY production 5000"},
			layout: "wide table: regions × years (regions: provinces)",
			issues: []string{"no indicator stated in the table; named Vehicle production after the file name \"分省汽车产量.csv\"",
				"small figures with decimals read as 万辆"},
			check: checkSpaces,
		},
		{
			name:  "a column of cities: 吉林 is Jilin City",
			build: csvFile("cities.csv", "城市,年份,汽车产量(辆)\n长春,2023,2000000\n吉林,2023,12000\n西宁,2023,100\n两江新区,2023,300000\n"),
			want: []string{"Changchun 2023 FY production 2000000", "Jilin City 2023 FY production 12000", "Xining 2023 FY production 100",
				"两江新区 2023 FY production 300000"},
			issues: []string{"row 5, column A: guessed: region \"两江新区\" is not in the gazetteer; kept as written"},
			check: func(t *testing.T, d *DataSet, rep *FileReport) {
				if d.Level("两江新区") != LevelCity || rep.Tables[0].Level != LevelCity {
					t.Errorf("an unknown name among cities: level %v", d.Level("两江新区"))
				}
			},
		},
		{
			name:  "file named after its indicator, no indicator inside",
			build: csvFile("ChinaVehicleOwnership.csv", "地区,2022,2023\n北京,712.8,735.6\n上海,465.5,491.0\n"),
			want: []string{"Beijing 2022 FY Vehicle ownership 712.8", "Beijing 2023 FY Vehicle ownership 735.6",
				"Shanghai 2022 FY Vehicle ownership 465.5", "Shanghai 2023 FY Vehicle ownership 491"},
			issues: []string{"the table: guessed: no indicator stated in the table; named Vehicle ownership after the file name \"ChinaVehicleOwnership.csv\""},
		},
		{
			name:   "year only in the file name",
			build:  csvFile("2022年各省民用汽车拥有量.csv", "地区,民用汽车拥有量(万辆)\n河北,1735.2\n山西,750.1\n"),
			want:   []string{"Hebei 2022 FY 民用汽车拥有量 17352000", "Shanxi 2022 FY 民用汽车拥有量 7501000"},
			issues: []string{"the table: guessed: no year stated in the table; 2022 from the file name 2022年各省民用汽车拥有量.csv"},
		},
		{
			name:  "US dollars: a user indicator in USD, but not a built-in metric in yuan",
			build: csvFile("usd.csv", "城市,年份,出口额(亿美元),实际利用外资(万美元)\n重庆,2023,65.4,180000\n"),
			want:  []string{"Chongqing 2023 FY 实际利用外资 1800000000"},
			issues: []string{"column C: skipped: \"出口额(亿美元)\": values in US dollars (亿美元), but Vehicle export value is counted in yuan; not read",
				"column D: guessed: \"实际利用外资(万美元)\": an indicator Auto Cities has no built-in metric for; imported as the user indicator 实际利用外资 (万美元 = 10,000 US dollars)"},
		},
		{
			name:  "a period column of years only, as numbers and as text",
			build: csvFile("yearcol.csv", "城市,日期,汽车产量(辆)\n柳州,2024,1800000\n长春,\"2024\",2100000\n"),
			want:  []string{"Liuzhou 2024 FY production 1800000", "Changchun 2024 FY production 2100000"},
		},
		{
			name: "several sheets of one indicator, one sheet a year",
			build: xlsxFile("years.xlsx",
				sheetSpec{name: "2022", rows: [][]any{{"地区", "汽车产量(万辆)"}, {"广东", 415.4}, {"上海", 302.5}}},
				sheetSpec{name: "2023", rows: [][]any{{"地区", "汽车产量(万辆)"}, {"广东", 507.3}, {"上海", 215.5}}}),
			want: []string{"Guangdong 2022 FY production 4154000", "Shanghai 2022 FY production 3025000",
				"Guangdong 2023 FY production 5073000", "Shanghai 2023 FY production 2155000"},
			layout: "2022: wide table: regions × metrics (regions: provinces); 2023: wide table: regions × metrics (regions: provinces)",
		},
		{
			name:  "rows that share a key: the column that tells them apart was not read",
			build: csvFile("dup.csv", "城市,年份,产量(万辆),说明\n重庆,2023,200.1,乘用车\n重庆,2023,31.7,商用车\n合肥,2023,120.0,乘用车\n合肥,2023,14.0,商用车\n"),
			want: []string{"Chongqing 2023 FY production 2001000", "Chongqing 2023 FY production 317000",
				"Hefei 2023 FY production 1200000", "Hefei 2023 FY production 140000"},
			issues: []string{"row 3, column C: note: values that share a key with an earlier row: 2, 2 of them with another value — the file may have a dimension that is not a region among the columns not read: D “说明”; all are kept, and one per key is shown — 2 times (also C5)"},
		},
		{
			name:   "one row that shares a key with the row above: one line, no count",
			build:  csvFile("dup1.csv", "城市,年份,汽车产量(万辆)\n重庆,2023,100\n重庆,2023,120\n"),
			want:   []string{"Chongqing 2023 FY production 1000000", "Chongqing 2023 FY production 1200000"},
			issues: []string{"row 3, column C: note: values that share a key (region, year, period, metric, category) with an earlier row: 1, 1 of them with another value; all are kept, and one per key is shown\n"},
		},
		{
			name:  "a category column is a dimension, not a region",
			build: csvFile("category.csv", "城市,类别,年份,产量(万辆)\n重庆,乘用车,2023,200.1\n重庆,商用车,2023,31.7\n"),
			want:  []string{"Chongqing 2023 FY production · 乘用车 2001000", "Chongqing 2023 FY production · 商用车 317000"},
		},
		{
			name:   "negative counts of vehicles are flagged",
			build:  csvFile("negative.csv", "城市,年份,汽车产量(辆)\n重庆,2023,-5\n"),
			want:   []string{"Chongqing 2023 FY production -5"},
			issues: []string{"row 2, column C: guessed: a negative count of vehicles (-5); kept as written — check it"},
		},
		{
			name: "yearbook page saved as .xls: a two-level header 全市 / 市辖区, the year in the file name",
			build: csvFile("2023年城市统计年鉴.xls", `<html><head><meta charset="utf-8"></head><body>
<p>城市汽车产量</p><table border=1>
<tr><td rowspan=2>地区</td><td colspan=2>汽车产量(万辆)</td><td colspan=2>地区生产总值(亿元)</td></tr>
<tr><td>全市</td><td>市辖区</td><td>全市</td><td>市辖区</td></tr>
<tr><td>重庆市</td><td>231.8</td><td>180.2</td><td>30145.8</td><td>22000.5</td></tr>
<tr><td>合肥市</td><td>134.0</td><td>120.5</td><td>12673.8</td><td>11000.0</td></tr>
</table></body></html>`),
			want: []string{"Chongqing 2023 FY production · 全市 2318000", "Chongqing 2023 FY production · 市辖区 1802000",
				"Chongqing 2023 FY 地区生产总值 · 全市 3014580000000", "Chongqing 2023 FY 地区生产总值 · 市辖区 2200050000000",
				"Hefei 2023 FY production · 全市 1340000", "Hefei 2023 FY production · 市辖区 1205000",
				"Hefei 2023 FY 地区生产总值 · 全市 1267380000000", "Hefei 2023 FY 地区生产总值 · 市辖区 1100000000000"},
			issues: []string{"no year stated in the table; 2023 from the file name 2023年城市统计年鉴.xls"},
		},
	}
}

func checkNBS(t *testing.T, d *DataSet, rep *FileReport) {
	for o := range d.Observations() {
		if o.SourceID != "国家统计局" || d.Level(o.Region) == LevelUnknown {
			t.Errorf("%s: source %q level %v", obsString(o), o.SourceID, d.Level(o.Region))
		}
	}
	tb := rep.Tables[0]
	if tb.Level != LevelProvince || tb.Metric != Production || tb.Unit != "万辆" || tb.Source != "国家统计局" || tb.HeaderRow != 4 {
		t.Errorf("reading %+v", tb)
	}
}

func checkOwnership(t *testing.T, d *DataSet, rep *FileReport) {
	if in, ok := d.Indicator("民用汽车拥有量"); !ok || in.Unit != UnitVehicles || in.Kind != KindVehicles {
		t.Errorf("indicator %+v", in)
	}
}

func checkOWID(t *testing.T, d *DataSet, rep *FileReport) {
	for r, l := range map[string]Level{"China": LevelCountry, "Europe": LevelAggregate, "World": LevelAggregate} {
		if d.Level(r) != l {
			t.Errorf("%s: level %v, want %v", r, d.Level(r), l)
		}
	}
}

func checkPanel(t *testing.T, d *DataSet, rep *FileReport) {
	want := map[Metric][2]string{"地区生产总值": {UnitCNY, "CNY"}, "年末户籍人口": {UnitPeople, "people"},
		"城镇化率": {UnitPercent, "percent"}, "实际利用外资": {UnitUSD, "USD"}, "规模以上工业企业数": {UnitCount, "count"},
		"货运量": {UnitTonnes, "tonnes"}, "工业用电量": {"万千瓦时", "other"}, "民用汽车拥有量": {UnitVehicles, "vehicles"}}
	for m, w := range want {
		if in, ok := d.Indicator(m); !ok || in.Unit != w[0] || string(in.Kind) != w[1] {
			t.Errorf("%s: %+v, want unit %s kind %s", m, in, w[0], w[1])
		}
	}
	if len(d.Indicators) != 16 {
		t.Errorf("%d indicators, want 16 (18 columns less production and NEV production)", len(d.Indicators))
	}
}

func checkSpaces(t *testing.T, d *DataSet, rep *FileReport) {
	if d.Level("China") != LevelCountry || d.Level("Jilin") != LevelProvince || d.Level("Hainan") != LevelProvince {
		t.Errorf("levels %v %v %v", d.Level("China"), d.Level("Jilin"), d.Level("Hainan"))
	}
}

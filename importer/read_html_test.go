package importer

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

// cnkiPage is a yearbook table as CNKI and the yearbook sites serve it for
// download: a web page named .xls, GB2312 declared, the title in a merged
// first row, a unit line, &nbsp; in empty cells and a footnote.
func cnkiPage(title string) string {
	return `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>中国汽车工业年鉴</title><style>td { font-size: 9pt }</style></head>
<body><table border="1" cellspacing="0" cellpadding="2">
<tr><td colspan="4" align="center"><b>` + title + `</b></td></tr>
<tr><td colspan="4" align="right">单位：万辆</td></tr>
<tr><th>城市</th><th>汽车产量</th><th>新能源<br>汽车产量</th><th>同比增长(%)</th></tr>
<tr><td>重庆市</td><td>231.8</td><td>50.0</td><td>&nbsp;</td></tr>
<tr><td>合肥市</td><td>134.0</td><td>76.0</td><td>11.2</td></tr>
<tr><td>西　安</td><td>&nbsp;</td><td>99.5</td><td>&nbsp;</td></tr>
<tr><td colspan="4">注：新能源汽车产量为企业上报数。</td></tr>
</table></body></html>`
}

// cutAfter is s cut short just after the first mark, as a download that
// stopped.
func cutAfter(s, mark string) string {
	return s[:strings.Index(s, mark)+len(mark)]
}

func gbkFile(name, body string) func(t *testing.T, dir string) string {
	return func(t *testing.T, dir string) string { return writeBytes(t, dir, name, gbk(body)) }
}

// cnkiWant is what cnkiPage("2023年…") holds.
var cnkiWant = []string{"Chongqing 2023 FY production 2318000", "Chongqing 2023 FY nev_production 500000",
	"Hefei 2023 FY production 1340000", "Hefei 2023 FY nev_production 760000 yoy 11.2",
	"Xi'an 2023 FY nev_production 995000"}

func htmlCases() []importCase {
	return []importCase{
		{
			name:   "CNKI yearbook page saved as .xls (GB2312, year in the title)",
			build:  gbkFile("C2023-主要城市.xls", cnkiPage("2023年主要城市汽车产量")),
			want:   cnkiWant,
			layout: "web page saved as .xls (1 table(s), GBK); 2023年主要城市汽车产量: wide table: regions × metrics",
			issues: []string{"万辆 = 10,000 vehicles", "row 6, column B: skipped: empty: missing value",
				"row 7, column A: skipped: footnote: 注：新能源汽车产量为企业上报数。"},
		},
		{
			name:   "yearbook page that says gb2312 but was re-saved as UTF-8",
			build:  csvFile("resaved.xls", cnkiPage("2023年主要城市汽车产量")),
			want:   cnkiWant,
			layout: "(1 table(s), UTF-8 (the page says gb2312))",
		},
		{
			name:   "yearbook page that says utf-8 but is GBK",
			build:  gbkFile("mislabelled.xls", strings.Replace(cnkiPage("2023年主要城市汽车产量"), "charset=gb2312", "charset=utf-8", 1)),
			want:   cnkiWant,
			layout: "(1 table(s), GBK/GB18030, detected)",
		},
		{
			name: "UTF-8 page with years as columns and a caption",
			build: csvFile("cities.html", `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<table><caption>主要城市汽车产量（万辆）</caption>
<thead><tr><th>城市</th><th>2022年</th><th>2023年</th><th>2024年</th></tr></thead>
<tbody><tr><td>广州</td><td>313.7</td><td>300.0</td><td>251.0</td></tr>
<tr><td>上海</td><td>302.4</td><td>215.7</td><td>—</td></tr></tbody></table></body></html>`),
			want: []string{"Guangzhou 2022 FY production 3137000", "Guangzhou 2023 FY production 3000000", "Guangzhou 2024 FY production 2510000",
				"Shanghai 2022 FY production 3024000", "Shanghai 2023 FY production 2157000"},
			layout: "web page (1 table(s), UTF-8); 主要城市汽车产量（万辆）: wide table: regions × years",
			issues: []string{"row 4, column D: skipped: missing value \"—\""},
		},
		{
			name: "page with a navigation table and a data table inside a layout table",
			build: csvFile("nev.xls", `<html><head><meta charset="utf-8"></head><body>
<table><tr><td><a href="/">首页</a></td><td><a href="/nj">统计年鉴</a></td><td>返回</td></tr></table>
<table width="100%"><tr><td>
  <p align="center">2024年新能源汽车产量（万辆）</p>
  <table border="1"><tr><td>地区</td><td>新能源汽车产量</td></tr>
  <tr><td>深圳</td><td>289.4</td></tr><tr><td>西安</td><td>100.5</td></tr></table>
  <p>资料来源：各市统计局</p>
</td></tr></table></body></html>`),
			want:   []string{"Shenzhen 2024 FY nev_production 2894000", "Xi'an 2024 FY nev_production 1005000"},
			layout: "web page saved as .xls (3 table(s), UTF-8); 2024年新能源汽车产量（万辆）: wide table: regions × metrics",
			check: func(t *testing.T, d *DataSet, rep *FileReport) {
				want := []SkippedSheet{{"table 1", M("html.no_numbers")}, {"table 2", M("html.layout_table", 3)}}
				if fmt.Sprint(rep.SheetsSkipped) != fmt.Sprint(want) {
					t.Errorf("skipped %v, want %v", rep.SheetsSkipped, want)
				}
			},
		},
		{
			name: "Excel's own web page export: exact values in x:num",
			build: csvFile("export.xls", `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId content=Excel.Sheet><meta name=Generator content="Microsoft Excel 15">
<!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>Sheet1</x:Name></x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]-->
<style>.xl65 {mso-number-format:"\#\,\#\#0";}</style></head>
<body link=blue vlink=purple><table border=0 cellpadding=0 cellspacing=0 width=288 style='border-collapse:collapse;table-layout:fixed;width:216pt'>
 <col width=72 span=4 style='width:54pt'>
 <tr height=19 style='height:14.25pt'><td height=19 width=72>City</td><td width=72>Year</td><td width=72>Vehicle output</td><td width=72>YoY</td></tr>
 <tr height=19 style='height:14.25pt'><td height=19>Changchun</td><td align=right x:num>2024</td><td class=xl65 align=right x:num="2318456">2,318,456</td><td class=xl66 align=right x:num="0.052">5.2%</td></tr>
 <![if supportMisalignedColumns]><tr height=0 style='display:none'><td width=72 style='width:54pt'></td></tr><![endif]>
</table></body></html>`),
			want:   []string{"Changchun 2024 FY production 2318456 yoy 5.2"},
			layout: "long table",
		},
		{
			name: "page saved as .htm with a BOM and a city spanning two rows",
			build: csvFile("long.htm", "\ufeff"+`<table border=1>
<tr><th>城市</th><th>年份</th><th>汽车产量（辆）</th></tr>
<tr><td rowspan="2">长春</td><td>2023</td><td>1,200,000</td></tr>
<tr><td>2024</td><td>1,300,000</td></tr>
<tr><td>柳州</td><td>2024</td><td>700,000</td></tr>
</table>`),
			want: []string{"Changchun 2023 FY production 1200000", "Changchun 2024 FY production 1300000",
				"Liuzhou 2024 FY production 700000"},
			layout: "web page (1 table(s), UTF-8 with BOM); table 1: long table",
		},
		{
			name: "page saved by Excel as Unicode (UTF-16)",
			build: func(t *testing.T, dir string) string {
				page := `<html><head><meta charset="utf-16"></head><body><table><caption>2024年</caption>
<tr><th>城市</th><th>汽车产量（万辆）</th></tr><tr><td>上海</td><td>150.2</td></tr></table></body></html>`
				b := []byte{0xFF, 0xFE}
				for _, u := range utf16.Encode([]rune(page)) {
					b = append(b, byte(u), byte(u>>8))
				}
				return writeBytes(t, dir, "unicode.xls", b)
			},
			want:   []string{"Shanghai 2024 FY production 1502000"},
			layout: "web page saved as .xls (1 table(s), UTF-16); 2024年: wide table: regions × metrics",
		},
		{
			name:   "yearbook page cut short in the middle of a number",
			build:  gbkFile("cut.xls", cutAfter(cnkiPage("2023年主要城市汽车产量"), "<td>13")),
			want:   []string{"Chongqing 2023 FY production 2318000", "Chongqing 2023 FY nev_production 500000"},
			layout: "1 table(s), GBK",
			issues: []string{"row 5: skipped: the page ends inside this row, so the file looks cut short; the row is not read"},
		},
	}
}

func TestImportWebPageErrors(t *testing.T) {
	cases := []struct {
		name string
		page []byte
		want error
		msg  string
	}{
		{"CNKI yearbook page with no year anywhere", gbk(cnkiPage("主要城市汽车产量")), ErrNoNumbers,
			"yearbook.xls has no numbers Auto Cities can read (every value was skipped — first sheet 主要城市汽车产量, row 4, column B: no year"},
		{"page with no table", []byte("<html><body><p>2024年汽车产量 254万辆</p></body></html>"), ErrNoNumbers,
			"yearbook.xls has no numbers Auto Cities can read (a web page with no table)"},
		{"table of words only", []byte("<html><body><table><tr><td>City</td></tr></table></body></html>"), ErrNoNumbers,
			"yearbook.xls has no numbers Auto Cities can read (table 1: no numbers)"},
		{"empty tables", []byte("<html><body><table><tr><td>&nbsp;</td></tr></table><table></table></body></html>"), ErrEmpty,
			"yearbook.xls has no data"},
		{"garbage after a table tag", []byte("<table>x<<<>>><td colspan=99999999 rowspan=-5><tr></td></table></table>\xff\xfe"), ErrEmpty,
			"yearbook.xls has no data"},
		{"cut short in the first data row", gbk(cutAfter(cnkiPage("2023年主要城市汽车产量"), "<td>231")), ErrNoNumbers,
			"yearbook.xls has no numbers Auto Cities can read"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Import(context.Background(), "yearbook.xls", strings.NewReader(string(tc.page)), int64(len(tc.page)), ImportOptions{})
			if !errors.Is(err, tc.want) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
			if !strings.Contains(err.Error(), tc.msg) || strings.Contains(err.Error(), "\n") {
				t.Errorf("message %q lacks %q", err, tc.msg)
			}
		})
	}
}

// twoLevelPage is a yearbook table whose header is two rows deep: each
// indicator spans a 全市 (whole city) and a 市辖区 (urban districts) column.
const twoLevelPage = `<html><head><meta charset="utf-8"></head><body>
<p>2023年城市汽车产量</p>
<table border=1>
<tr><td rowspan=2>地区</td><td colspan=2>汽车产量(万辆)</td><td colspan=2>新能源汽车产量(万辆)</td></tr>
<tr><td>全市</td><td>市辖区</td><td>全市</td><td>市辖区</td></tr>
<tr><td>重庆市</td><td>231.8</td><td>180.2</td><td>50.0</td><td>41.3</td></tr>
<tr><td>合肥市</td><td>134.0</td><td>120.5</td><td>76.0</td><td>70.1</td></tr>
</table></body></html>`

// TestWebPageTwoLevelHeader checks that a two-row header reaches the table
// reader as written (its rows, and the rowspan and colspans as merged
// ranges), and that 全市 (whole city) and 市辖区 (urban districts) under
// each indicator make two series, not values that share a key.
func TestWebPageTwoLevelHeader(t *testing.T) {
	var rows []string
	var table *htmlTable
	p := &htmlPage{ctx: context.Background(), file: "two.xls", d: &DataSet{}, rep: &FileReport{}, names: map[string]bool{},
		trace: func(tb *htmlTable, r gridRow) {
			table = tb
			var cs []string
			for _, c := range r.cells {
				cs = append(cs, fmt.Sprintf("%s=%s", ColumnName(c.col), c.text))
			}
			rows = append(rows, fmt.Sprintf("%d: %s", r.num, strings.Join(cs, " ")))
		}}
	if err := p.run(strings.NewReader(twoLevelPage), func() error { return nil }); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"2: A=地区 B=汽车产量(万辆) D=新能源汽车产量(万辆)",
		"3: B=全市 C=市辖区 D=全市 E=市辖区",
		"4: A=重庆市 B=231.8 C=180.2 D=50.0 E=41.3",
		"5: A=合肥市 B=134.0 C=120.5 D=76.0 E=70.1",
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	if got := fmt.Sprint(table.merges); got != "[{1 2 1 3} {2 2 3 2} {4 2 5 2}]" {
		t.Errorf("merges %s", got)
	}
	d, rep, err := Import(context.Background(), "two.xls", strings.NewReader(twoLevelPage), int64(len(twoLevelPage)), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var obs []string
	for o := range d.Observations() {
		obs = append(obs, obsString(o))
	}
	wantObs := []string{"Chongqing 2023 FY production · 全市 2318000", "Chongqing 2023 FY production · 市辖区 1802000",
		"Chongqing 2023 FY nev_production · 全市 500000", "Chongqing 2023 FY nev_production · 市辖区 413000",
		"Hefei 2023 FY production · 全市 1340000", "Hefei 2023 FY production · 市辖区 1205000",
		"Hefei 2023 FY nev_production · 全市 760000", "Hefei 2023 FY nev_production · 市辖区 701000"}
	if strings.Join(obs, "\n") != strings.Join(wantObs, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s\nreport:\n%s", strings.Join(obs, "\n"), strings.Join(wantObs, "\n"), rep)
	}
	for _, is := range rep.Issues {
		if !is.Guess || is.Msg.Code != "column.header_dim" {
			t.Errorf("issue %s", is)
		}
	}
}

// TestImportCraftedPagesStayFast: pages shaped to make the reader repeat
// work per cell (a row whose columns are all taken by spans above; many
// tables nested in one cell with thousands of lines) stay linear.
func TestImportCraftedPagesStayFast(t *testing.T) {
	pages := map[string]string{
		"row full of spans from above": "<table><tr>" + strings.Repeat("<td rowspan=9 colspan=1000>", 17) + "<tr>" + strings.Repeat("<td>", 250000),
		"tables nested in a long cell": "<table><tr><td>" + strings.Repeat("x<br>", 6000) + strings.Repeat("<table></table>", 10000),
	}
	for name, page := range pages {
		t.Run(name, func(t *testing.T) {
			page = "<html>" + page
			start := time.Now()
			_, _, err := Import(context.Background(), "crafted.xls", strings.NewReader(page), int64(len(page)), ImportOptions{})
			if took := time.Since(start); took > time.Second {
				t.Errorf("took %v", took)
			}
			if !errors.Is(err, ErrEmpty) {
				t.Errorf("got %v", err)
			}
		})
	}
}

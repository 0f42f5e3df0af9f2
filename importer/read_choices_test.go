package importer

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// importWith imports a file's bytes under a name with choices.
func importWith(t *testing.T, name, body string, ch Choices) (*DataSet, *FileReport, error) {
	t.Helper()
	return Import(context.Background(), name, strings.NewReader(body), int64(len(body)), ImportOptions{Choices: ch})
}

func obsStrings(d *DataSet) []string {
	var out []string
	for o := range d.Observations() {
		out = append(out, obsString(o))
	}
	return out
}

// twoLevelNoYear is a yearbook page as CNKI serves it: a two-level header
// and no year anywhere, not even in the file's name.
const twoLevelNoYear = `<html><head><meta charset="utf-8"></head><body>
<table border=1>
<tr><td rowspan=2>地区</td><td colspan=2>汽车产量(万辆)</td></tr>
<tr><td>全市</td><td>市辖区</td></tr>
<tr><td>重庆市</td><td>231.8</td><td>180.2</td></tr>
<tr><td>合肥市</td><td>134.0</td><td>120.5</td></tr>
</table></body></html>`

func TestChoicesFillWhatTheFileLeavesUnsaid(t *testing.T) {
	_, _, err := importWith(t, "N2024010123.xls", twoLevelNoYear, Choices{})
	if !errors.Is(err, ErrNoNumbers) || !strings.Contains(err.Error(), "no year or period") {
		t.Fatalf("without a year: %v", err)
	}
	d, rep, err := importWith(t, "N2024010123.xls", twoLevelNoYear, Choices{Year: 2023, Source: "中国城市统计年鉴"})
	if err != nil {
		t.Fatal(err)
	}
	want := "Chongqing 2023 FY production · 全市 2318000\nChongqing 2023 FY production · 市辖区 1802000\n" +
		"Hefei 2023 FY production · 全市 1340000\nHefei 2023 FY production · 市辖区 1205000"
	if got := strings.Join(obsStrings(d), "\n"); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if tb := rep.Tables[0]; tb.Year != 2023 || tb.Source != "中国城市统计年鉴" || tb.Level != LevelCity {
		t.Errorf("reading %+v", tb)
	}
	for o := range d.Observations() {
		if o.SourceID != "中国城市统计年鉴" {
			t.Errorf("source %q", o.SourceID)
		}
	}
	if s, _ := d.Source("中国城市统计年鉴"); s.Tier != TierOfficial {
		t.Errorf("a statistical yearbook's tier: %+v", s)
	}
}

// TestChosenSourceOfACanonicalFile: a file in the canonical shape
// (region, year, period, metric, value, unit) with no Source ID column
// takes the source chosen for it (--source), as any other table does; a
// row that names its source keeps it.
func TestChosenSourceOfACanonicalFile(t *testing.T) {
	body := "region,year,period,metric,value,unit,source id\n" +
		"Chongqing,2024,FY,production,2540000,vehicles,\n" +
		"Shanghai,2024,FY,production,1810000,vehicles,yicai\n"
	d, _, err := importWith(t, "mini.csv", body, Choices{Source: "Shanghai Statistics Bureau"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for o := range d.Observations() {
		got[o.Region] = o.SourceID
	}
	if got["Chongqing"] != "Shanghai Statistics Bureau" || got["Shanghai"] != "yicai" {
		t.Errorf("sources %v: want the chosen one where the row names none", got)
	}
	if s, ok := d.Source("Shanghai Statistics Bureau"); !ok || s.Publisher != "Shanghai Statistics Bureau" {
		t.Errorf("the chosen source is not listed: %+v", s)
	}
}

func TestChoicesNameTheIndicatorAndUnit(t *testing.T) {
	body := "地区,2022,2023\n北京,712.8,735.6\n"
	d, rep, err := importWith(t, "ChinaVehicleOwnership.csv", body, Choices{Metric: "民用汽车拥有量", Unit: "万辆"})
	if err != nil {
		t.Fatal(err)
	}
	want := "Beijing 2022 FY 民用汽车拥有量 7128000\nBeijing 2023 FY 民用汽车拥有量 7356000"
	if got := strings.Join(obsStrings(d), "\n"); got != want {
		t.Errorf("got:\n%s\nwant:\n%s\n%s", got, want, rep)
	}
	if in, ok := d.Indicator("民用汽车拥有量"); !ok || in.Unit != UnitVehicles {
		t.Errorf("indicator %+v", in)
	}
	if strings.Contains(rep.String(), "named") {
		t.Errorf("the file's name was used despite the choice:\n%s", rep)
	}
	d, _, err = importWith(t, "ChinaVehicleOwnership.csv", body, Choices{Metric: "production", Unit: "万辆"})
	if err != nil || obsStrings(d)[0] != "Beijing 2022 FY production 7128000" {
		t.Errorf("built-in metric by name: %v %v", obsStrings(d), err)
	}
}

// TestChoicesThatContradictTheFile: a choice the file says otherwise about
// fails the import, naming where the file says so.
func TestChoicesThatContradictTheFile(t *testing.T) {
	cities := "城市,年份,汽车产量(万辆)\n合肥,2023,134.0\n柳州,2023,180.0\n"
	for _, tc := range []struct {
		name, file, body string
		ch               Choices
		want             string
	}{
		{"metric against the 指标 line", "nbs.csv", nbsExport, Choices{Metric: NEVProduction},
			"the title \"指标：汽车产量(万辆)\" names Vehicle production, not NEV production"},
		{"year against the year headers", "nbs.csv", nbsExport, Choices{Year: 2024},
			"column B \"2023年\" states the year 2023, not 2024"},
		{"level against the names", "nbs.csv", nbsExport, Choices{Level: LevelCity},
			"column A \"地区\" holds provinces, not cities"},
		{"level against the header", "cities.csv", cities, Choices{Level: LevelProvince},
			"column A \"城市\" holds cities, not provinces"},
		{"unit against the header", "cities.csv", cities, Choices{Unit: "辆"},
			"column C \"汽车产量(万辆)\" states the unit 万辆, not 辆"},
		{"year against the year column", "cities.csv", cities, Choices{Year: 2024},
			"column B \"年份\" states the year 2023, not 2024"},
		{"source against the source line", "nbs.csv", nbsExport, Choices{Source: "CAAM"},
			"row 15 \"数据来源：国家统计局\" names the source 国家统计局, not CAAM"},
		{"metric against a metric column", "long.csv", "城市,年份,指标,数值\n重庆,2024,汽车产量,1\n", Choices{Metric: Sales},
			"column C \"指标\" names each row's indicator, so one indicator (Vehicle sales) cannot be chosen for all"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := importWith(t, tc.file, tc.body, tc.ch)
			if !errors.Is(err, ErrContradiction) {
				t.Fatalf("got %v, want a contradiction", err)
			}
			if msg := err.Error(); !strings.Contains(msg, tc.want) || !strings.HasPrefix(msg, tc.file+" contradicts a choice made for it (") {
				t.Errorf("message %q lacks %q", msg, tc.want)
			}
		})
	}
	for _, ch := range []Choices{{Metric: Production}, {Metric: "汽车产量"}, {Unit: "万辆"}, {Level: LevelProvince}, {Source: "国家统计局"}} {
		if _, _, err := importWith(t, "nbs.csv", nbsExport, ch); err != nil {
			t.Errorf("%+v agrees with the file: %v", ch, err)
		}
	}
}

func TestChoicesRoles(t *testing.T) {
	// A column of districts no gazetteer knows, under a header that says
	// nothing: words that are not regions are a dimension, so the table
	// has no region…
	body := "名称,2023\n渝北区,100\n两江新区,200\n"
	if _, _, err := importWith(t, "districts.csv", body, Choices{Metric: Production}); !errors.Is(err, ErrNoNumbers) ||
		!strings.Contains(err.Error(), "no column names a region: headers are 名称, 2023") {
		t.Fatalf("without roles: %v", err)
	}
	// …until the user says it is one, and what level its names are.
	d, rep, err := importWith(t, "districts.csv", body, Choices{Metric: Production, Level: LevelCity,
		Roles: map[string]map[int]Role{"": {1: RoleRegion}}})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(obsStrings(d), "\n"); got != "渝北区 2023 FY production 100\n两江新区 2023 FY production 200" {
		t.Errorf("got %s", got)
	}
	if d.Level("渝北区") != LevelCity || rep.Tables[0].Columns[0].Role != RoleRegion {
		t.Errorf("level %v, reading %+v", d.Level("渝北区"), rep.Tables[0])
	}
	// A column of place names the user says is a category is never a
	// region; a column left out says so.
	body = "城市,产地,年份,销量(辆),备注\n北京,上海,2023,100,x\n北京,广州,2023,200,y\n"
	d, rep, err = importWith(t, "origin.csv", body, Choices{Roles: map[string]map[int]Role{"": {2: RoleDimension, 5: RoleIgnored}}})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(obsStrings(d), "\n"); got != "Beijing 2023 FY sales · 上海 100\nBeijing 2023 FY sales · 广州 200" {
		t.Errorf("got %s\n%s", got, rep)
	}
	if !strings.Contains(rep.String(), "column E: skipped: \"备注\": not read, as you chose") {
		t.Errorf("report:\n%s", rep)
	}
}

// TestTableReadingShape: the same shape of file gives the same signature,
// whatever its years; another shape another.
func TestTableReadingShape(t *testing.T) {
	shape := func(body string) string {
		_, rep, err := importWith(t, "nbs.csv", body, Choices{})
		if err != nil {
			t.Fatal(err)
		}
		return rep.Tables[0].Shape
	}
	a := shape(nbsExport)
	b := shape(strings.NewReplacer("2023年", "2024年", "2022年", "2023年", "2021年", "2022年").Replace(nbsExport))
	c := shape("城市,年份,汽车产量(万辆)\n合肥,2023,134.0\n")
	if a != b || a == c || len(a) != 16 {
		t.Errorf("shapes %q %q %q", a, b, c)
	}
}

// TestRefusalsNameTheCause: a file that cannot give figures says what is
// missing, with the headers it has.
func TestRefusalsNameTheCause(t *testing.T) {
	for _, tc := range []struct{ name, body, want string }{
		{"category.csv", "类别,年份,产量\n乘用车,2023,2606\n商用车,2023,403\n",
			"category.csv has no numbers Auto Cities can read (no column names a region: headers are 类别, 年份, 产量, and no title says the figures are national (全国))"},
		{"makers.csv", "企业名称,车型类别,2024年1月,2024年2月\n比亚迪,乘用车,201493,121748\n一汽解放,商用车,20000,15000\n",
			"makers.csv has no numbers Auto Cities can read (no column names a region: headers are 企业名称, 车型类别, 2024年1月, 2024年2月"},
		{"data.csv", "地区,2022,2023\n北京,712.8,735.6\n",
			"data.csv has no numbers Auto Cities can read (no indicator: no header, title, sheet or file name says what the figures measure (headers: 地区, 2022, 2023))"},
		{"dates.csv", "城市,15/1,15/2\n柳州,150000,160000\n",
			"dates.csv has no numbers Auto Cities can read (column B: \"15/1\" looks like a date, but which year and month it means cannot be told; not read"},
	} {
		_, _, err := importWith(t, tc.name, tc.body, Choices{})
		if !errors.Is(err, ErrNoNumbers) || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: got %v\nwant %s", tc.name, err, tc.want)
		}
	}
}

package importer

import "strings"

// role is what a column holds.
type role int

const (
	roleIgnore    role = iota
	roleRegion         // key: region names (cities, provinces, countries)
	roleYear           // key: years
	rolePeriod         // key: periods or dates
	roleMetric         // key: indicator names
	roleUnit           // key: units
	roleValue          // figures; what they measure comes from the header, the row and the sheet
	roleYoY            // stated year-on-year growth of a value column
	roleSource         // where the row's figures come from
	roleNote           // remarks
	roleQualifier      // exact, approx…
	roleSkip           // a row number, a code or another column to leave alone
	roleUnread         // figures under a header that names no metric, year or region
	roleDimension      // key: categories (乘用车, 纯电动, a maker): part of what a figure is for, never a region
)

// headerWords are whole headers that name a column's role.
var headerWords = map[string]role{
	"城市": roleRegion, "城市名称": roleRegion, "地区": roleRegion, "地市": roleRegion, "市": roleRegion,
	"city": roleRegion, "cities": roleRegion, "地区名称": roleRegion, "城市/地区": roleRegion, "所在城市": roleRegion,
	"省份": roleRegion, "省": roleRegion, "省市": roleRegion, "省区市": roleRegion, "省区": roleRegion,
	"省份名称": roleRegion, "省级行政区": roleRegion, "地级市": roleRegion, "城市名": roleRegion, "行政区": roleRegion,
	"region": roleRegion, "province": roleRegion, "provinces": roleRegion, "entity": roleRegion,
	"country": roleRegion, "国家": roleRegion, "国家/地区": roleRegion, "国家和地区": roleRegion,
	"location": roleRegion, "area": roleRegion, "regions": roleRegion, "countries": roleRegion,
	"年份": roleYear, "年度": roleYear, "年": roleYear, "year": roleYear, "统计年度": roleYear,
	"时期": rolePeriod, "期间": rolePeriod, "时间": rolePeriod, "月份": rolePeriod, "日期": rolePeriod,
	"统计期": rolePeriod, "统计时间": rolePeriod, "period": rolePeriod, "date": rolePeriod,
	"month": rolePeriod, "月": rolePeriod, "time": rolePeriod, "报告期": rolePeriod, "统计期间": rolePeriod,
	"指标": roleMetric, "指标名称": roleMetric, "项目": roleMetric, "metric": roleMetric,
	"indicator": roleMetric, "item": roleMetric, "series": roleMetric, "variable": roleMetric,
	"类别": roleDimension, "类型": roleDimension, "分类": roleDimension, "车型": roleDimension,
	"车型类别": roleDimension, "车辆类型": roleDimension, "车型名称": roleDimension, "品牌": roleDimension,
	"企业": roleDimension, "企业名称": roleDimension, "厂商": roleDimension, "生产企业": roleDimension,
	"制造商": roleDimension, "集团": roleDimension, "燃料类型": roleDimension, "动力类型": roleDimension,
	"能源类型": roleDimension, "maker": roleDimension, "manufacturer": roleDimension, "brand": roleDimension,
	"model": roleDimension, "category": roleDimension, "type": roleDimension, "segment": roleDimension,
	"powertrain": roleDimension, "fueltype": roleDimension, "company": roleDimension, "group": roleDimension,
	"单位": roleUnit, "计量单位": roleUnit, "unit": roleUnit, "units": roleUnit,
	"数值": roleValue, "数据": roleValue, "值": roleValue, "数量": roleValue, "value": roleValue,
	"amount": roleValue, "figure": roleValue, "data": roleValue, "本期": roleValue,
	"来源": roleSource, "资料来源": roleSource, "数据来源": roleSource, "source": roleSource,
	"sourceid": roleSource, "出处": roleSource, "备注": roleNote, "说明": roleNote, "注": roleNote,
	"note": roleNote, "notes": roleNote, "remark": roleNote, "remarks": roleNote,
	"qualifier": roleQualifier, "序号": roleSkip, "编号": roleSkip, "no.": roleSkip, "no": roleSkip,
	"#": roleSkip, "行次": roleSkip, "代码": roleSkip, "code": roleSkip, "id": roleSkip,
	"地区代码": roleSkip, "行政区划代码": roleSkip, "isocode": roleSkip, "iso": roleSkip,
}

var yoyWords = []string{"同比", "增速", "增长率", "增幅", "比上年", "比去年", "yoy", "y/y", "y-o-y",
	"growth", "change", "增长"}

func headerKey(s string) string {
	return strings.ToLower(strings.ReplaceAll(stripBrackets(normText(s)), " ", ""))
}

func isMonthHeader(s string) bool {
	switch headerKey(s) {
	case "月份", "月", "month", "mon":
		return true
	}
	return false
}

func isYoYHeader(s string) bool {
	k := strings.ToLower(normText(s))
	for _, w := range yoyWords {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

// column is what the header says about one column.
type column struct {
	col    int
	header string   // header rows joined, for the report
	parts  []string // the header rows' texts, top first: 汽车产量(万辆) over 全市
	role   role
	when   when
	metric Metric
	region string // a region the header names
	unit   *unit
	yoyCol int // for a value column: the column of its stated growth, or 0
	guess  string
	nev    bool       // headed "新能源汽车" or "NEV": the NEV form of the sheet's metric
	dim    string     // a category the header names (全市, 轿车): the dimension of its figures
	ind    *Indicator // the user indicator the header names
	level  Level      // a region column's level, from its names
	note   Msg        // how it was read, when that needs saying
	chosen bool       // its role is the user's choice
}

// vehicleWords head a column of the sheet's metric itself ("汽车" under the
// title "分地区汽车产量"); nevWords its new-energy part.
var (
	vehicleWords = map[string]bool{"汽车": true, "整车": true, "vehicles": true, "vehicle": true,
		"automobiles": true, "automobile": true, "cars": true, "autos": true, "allvehicles": true}
	nevWords = map[string]bool{"新能源汽车": true, "新能源": true, "新能源车": true, "nev": true, "nevs": true,
		"newenergyvehicles": true, "newenergyvehicle": true, "evs": true}
)

// isUnitRow says whether a header row only states units ("万辆", "%"),
// allowing one label such as "单位".
func isUnitRow(r gridRow) bool {
	units := 0
	for _, c := range r.cells {
		if _, ok := parseUnit(c.text); ok {
			units++
			continue
		}
		if k := headerKey(c.text); k != "单位" && k != "unit" && k != "units" && k != "计量单位" {
			return false
		}
	}
	return units > 0
}

// footnoteMarks start the notes written below a table.
var footnoteMarks = []string{"注", "说明", "资料来源", "数据来源", "来源", "source", "note", "*", "※",
	"①", "备注", "附注", "数据截至", "remark"}

func isFootnote(text string) bool {
	t := strings.ToLower(normText(text))
	for _, m := range footnoteMarks {
		if strings.HasPrefix(t, m) {
			return true
		}
	}
	return false
}

// totalWords are row labels for sums, not regions. 全国 (national) is a
// region: China, as the gazetteer says.
var totalWords = map[string]bool{"合计": true, "总计": true, "total": true, "sum": true,
	"小计": true, "subtotal": true, "其他": true, "其它": true, "others": true, "other": true,
	"总数": true, "totals": true, "grandtotal": true}

// isTotal: a sum of the rows or columns beside it, not a region or an
// indicator ("合计", "其中：小计").
func isTotal(s string) bool {
	t := strings.ToLower(strings.ReplaceAll(normText(s), " ", ""))
	return totalWords[t] || strings.HasPrefix(t, "其中")
}

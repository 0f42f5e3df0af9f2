package importer

import "strings"

// role is what a column holds.
type role int

const (
	roleIgnore    role = iota
	roleCity           // key: city names
	roleYear           // key: years
	rolePeriod         // key: periods or dates
	roleMetric         // key: indicator names
	roleUnit           // key: units
	roleValue          // figures; what they measure comes from the header, the row and the sheet
	roleYoY            // stated year-on-year growth of a value column
	roleSource         // where the row's figures come from
	roleNote           // remarks
	roleQualifier      // exact, approx…
	roleSkip           // a row number or other column to leave alone
	roleUnread         // figures under a header that names no metric, year or city
)

// headerWords are whole headers that name a column's role.
var headerWords = map[string]role{
	"城市": roleCity, "城市名称": roleCity, "地区": roleCity, "地市": roleCity, "市": roleCity,
	"city": roleCity, "cities": roleCity, "地区名称": roleCity, "城市/地区": roleCity, "所在城市": roleCity,
	"年份": roleYear, "年度": roleYear, "年": roleYear, "year": roleYear, "统计年度": roleYear,
	"时期": rolePeriod, "期间": rolePeriod, "时间": rolePeriod, "月份": rolePeriod, "日期": rolePeriod,
	"统计期": rolePeriod, "统计时间": rolePeriod, "period": rolePeriod, "date": rolePeriod,
	"month": rolePeriod, "月": rolePeriod, "time": rolePeriod, "报告期": rolePeriod, "统计期间": rolePeriod,
	"指标": roleMetric, "指标名称": roleMetric, "项目": roleMetric, "metric": roleMetric,
	"indicator": roleMetric, "item": roleMetric, "series": roleMetric, "类别": roleMetric,
	"单位": roleUnit, "计量单位": roleUnit, "unit": roleUnit, "units": roleUnit,
	"数值": roleValue, "数据": roleValue, "值": roleValue, "数量": roleValue, "value": roleValue,
	"amount": roleValue, "figure": roleValue, "data": roleValue, "本期": roleValue,
	"来源": roleSource, "资料来源": roleSource, "数据来源": roleSource, "source": roleSource,
	"sourceid": roleSource, "出处": roleSource, "备注": roleNote, "说明": roleNote, "注": roleNote,
	"note": roleNote, "notes": roleNote, "remark": roleNote, "remarks": roleNote,
	"qualifier": roleQualifier, "序号": roleSkip, "编号": roleSkip, "no.": roleSkip, "no": roleSkip,
	"#": roleSkip, "行次": roleSkip, "代码": roleSkip, "code": roleSkip, "id": roleSkip,
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
	header string // header rows joined, for the report
	role   role
	when   when
	metric Metric
	city   string
	unit   *unit
	yoyCol int // for a value column: the column of its stated growth, or 0
	guess  string
	nev    bool // headed "新能源汽车" or "NEV": the NEV form of the sheet's metric
}

// vehicleWords head a column of the sheet's metric itself ("汽车" under the
// title "分地区汽车产量"); nevWords its new-energy part.
var (
	vehicleWords = map[string]bool{"汽车": true, "整车": true, "vehicles": true, "vehicle": true,
		"automobiles": true, "automobile": true, "cars": true, "autos": true, "allvehicles": true}
	nevWords = map[string]bool{"新能源汽车": true, "新能源": true, "新能源车": true, "nev": true, "nevs": true,
		"newenergyvehicles": true, "newenergyvehicle": true, "evs": true}
)

// classifyHeader gives a column its role and what its header says.
func classifyHeader(c *column) {
	h := c.header
	if r, ok := headerWords[headerKey(h)]; ok {
		c.role = r
		if u, ok := findUnit(h); ok && c.unit == nil && r == roleValue {
			c.unit = &u
		}
		return
	}
	if u, ok := parseUnit(h); ok && c.unit == nil {
		c.unit = &u
		c.role = roleValue
		return
	}
	if u, ok := findUnit(h); ok && c.unit == nil {
		c.unit = &u
	}
	c.when = parseWhen(h)
	c.metric, _ = findMetric(h)
	if isYoYHeader(h) {
		c.role = roleYoY
		return
	}
	if k := headerKey(h); vehicleWords[k] || nevWords[k] {
		c.role, c.nev = roleValue, nevWords[k]
		return
	}
	if name, ok := matchName(stripBrackets(h)); ok && len([]rune(h)) <= 24 {
		c.city = name
	}
	if c.metric != "" || c.city != "" || !c.when.empty() {
		c.role = roleValue
	}
}

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

// totalWords are row labels for sums, not cities.
var totalWords = map[string]bool{"合计": true, "总计": true, "全国": true, "全国合计": true,
	"total": true, "sum": true, "national": true, "china": true, "全国总计": true, "中国": true,
	"小计": true, "subtotal": true, "其他": true, "其它": true, "others": true, "other": true}

package importer

import (
	"regexp"
	"strings"
)

// contentCounts is what the first cells of a column hold.
type contentCounts struct{ n, region, year, period, metric, category, text, nums, pct int }

func countContent(col int, data []gridRow) contentCounts {
	var k contentCounts
	for _, r := range data[:min(len(data), 60)] {
		if cl, ok := cellAt(r, col); ok {
			k.add(cl)
		}
	}
	return k
}

func (k *contentCounts) add(cl cell) {
	k.n++
	w := parseWhen(cl.text)
	switch {
	case w.year != 0 && w.period == "FY" && looksNumeric(cl):
		k.year++
	case looksNumeric(cl):
		k.nums++
	case cl.pct || parseNumber(cl.text).kind == numPercent:
		k.nums++
		k.pct++
	case !w.empty() && w.bad.code == "":
		k.period++
	case isCategory(cl.text):
		k.category++
	case isRegionName(cl.text):
		k.region++
	default:
		if _, ok := findMetric(cl.text); ok {
			k.metric++
		} else {
			k.text++
		}
	}
}

func isRegionName(s string) bool {
	_, ok := matchName(s)
	return ok
}

// role is what the cells say the column is. A column of words that are
// not regions is a dimension (乘用车, a maker): never a region.
func (k contentCounts) role(first bool) role {
	switch {
	case k.n == 0:
		return roleIgnore
	case k.region > 0 && k.region*2 >= k.n:
		return roleRegion
	case k.year*2 > k.n && first:
		return roleYear
	case k.period*2 > k.n:
		return rolePeriod
	case k.metric*2 > k.n:
		return roleMetric
	case k.nums*2 > k.n:
		return roleUnread // figures under a header that names nothing: settled by settleUnread
	case (k.category+k.text+k.region)*2 > k.n:
		return roleDimension
	}
	return roleIgnore
}

// classifyByContent settles columns whose header says nothing, from the
// cells below it (regions, years, periods, indicator names, categories,
// figures), and checks a column headed 类别 or 项目: categories make it a
// dimension, indicator names a metric column.
func classifyByContent(cols []column, data []gridRow) {
	for i := range cols {
		c := &cols[i]
		switch c.role {
		case roleIgnore:
			c.role = countContent(c.col, data).role(i == firstUnsettled(cols))
		case roleMetric, roleDimension:
			k := countContent(c.col, data)
			if c.role == roleMetric && k.category*2 > k.n {
				c.role = roleDimension
			} else if c.role == roleDimension && k.metric*2 > k.n {
				c.role = roleMetric
			}
		}
	}
}

func firstUnsettled(cols []column) int {
	for i, c := range cols {
		if c.role == roleIgnore || c.role == roleRegion || c.role == roleYear {
			return i
		}
	}
	return -1
}

// categoryWords are vehicle categories: in a row or under a header they
// are a dimension of the metric (乘用车 production), never a region or an
// indicator of their own.
var categoryWords = map[string]bool{"乘用车": true, "商用车": true, "轿车": true, "基本型乘用车": true,
	"suv": true, "mpv": true, "运动型多用途乘用车": true, "多功能乘用车": true, "交叉型乘用车": true,
	"客车": true, "货车": true, "半挂牵引车": true, "纯电动": true, "纯电动汽车": true, "插电混动": true,
	"插电式混合动力": true, "插电式混合动力汽车": true, "燃料电池": true, "燃料电池汽车": true, "混合动力": true,
	"燃油车": true, "传统燃油车": true, "passengercars": true, "passengercar": true, "commercialvehicles": true,
	"commercialvehicle": true, "bev": true, "phev": true, "fcev": true, "hev": true, "trucks": true,
	"buses": true, "重型货车": true, "中型货车": true, "轻型货车": true, "微型货车": true, "大型客车": true,
	"中型客车": true, "轻型客车": true, "专用车": true, "改装车": true}

func categoryKey(s string) string {
	t := strings.TrimLeft(normText(s), "#＃ ")
	for _, p := range []string{"其中:", "其中：", "其中", "#"} {
		t = strings.TrimPrefix(t, p)
	}
	return strings.ToLower(strings.ReplaceAll(t, " ", ""))
}

// isCategory: a vehicle category, or the vehicles of the metric itself
// (汽车, 新能源汽车).
func isCategory(s string) bool {
	k := categoryKey(s)
	return categoryWords[k] || vehicleWords[k] || nevWords[k]
}

// subCategory is the category a header names under the sheet's metric:
// "#轿车" and "其中：乘用车" (of which) or a vehicle category; "" otherwise.
func subCategory(h string) string {
	t := strings.TrimSpace(normText(h))
	marked := strings.HasPrefix(t, "#") || strings.HasPrefix(t, "其中")
	if !marked && !categoryWords[categoryKey(t)] {
		return ""
	}
	return strings.TrimSpace(strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(strings.TrimLeft(t, "# "), "其中"), "："), ": "))
}

var reDateLike = regexp.MustCompile(`^(?:[0-9]{1,2}[/.][0-9]{1,2}|[a-z]{3}-[0-9]{2}|[0-9]{1,2}-[a-z]{3})$`)

// isDateLike: a header that is a date with no year anyone can be sure of
// ("15/1", "Jan-15": a spreadsheet's date, shown short).
func isDateLike(h string) bool { return reDateLike.MatchString(strings.ToLower(normText(h))) }

// settleColumns decides what the columns that hold figures measure: a
// header naming an indicator the app does not know makes a user indicator;
// a category under the sheet's metric (#轿车) or under an indicator in a
// two-level header (全市, 市辖区) makes a dimension; a total is left out.
func (p *sheetPlan) settleColumns(data []gridRow) {
	for i := range p.cols {
		c := &p.cols[i]
		switch {
		case c.chosen && c.role != roleValue:
		case c.role == roleUnread:
			p.settleUnread(c)
		case c.role == roleValue:
			p.settleValue(c)
		}
		if c.ind != nil && c.unit == nil {
			if k := countContent(c.col, data); k.pct*2 > k.n {
				c.unit = &percentUnit // "20%" under a header with no unit
			}
		}
	}
}

func (p *sheetPlan) settleUnread(c *column) {
	h := c.header
	switch {
	case strings.TrimSpace(h) == "":
	case isTotal(h):
		c.note = M("column.total", clip(h))
	case isDateLike(h):
		c.note = M("column.date_unclear", clip(h))
	case p.metric != "" && subCategory(h) != "":
		c.role, c.dim = roleValue, subCategory(h)
	default:
		if p.indicatorOf(c) {
			c.role = roleValue
			headerDims(c)
		}
	}
}

func (p *sheetPlan) settleValue(c *column) {
	headerDims(c)
	k := headerKey(c.header)
	if c.metric != "" || c.nev || c.region != "" || headerWords[k] == roleValue || vehicleWords[k] {
		return // a header that names a metric, or "数值", "汽车": the sheet's metric
	}
	p.indicatorOf(c)
}

// indicatorOf reads the top of a value column's header as a user
// indicator: "地区生产总值(亿元)", "Electric car sales", "GDP 2023".
func (p *sheetPlan) indicatorOf(c *column) bool {
	top := c.header
	if len(c.parts) > 1 {
		top = c.parts[0]
	}
	if isTotal(top) || len(c.parts) > 1 && !saysNothing(top) {
		return false
	}
	in, ok := headerIndicator(periodless(top))
	if !ok {
		return false
	}
	c.metric = in.Metric
	if !in.Metric.BuiltIn() && in.Metric != exportAny {
		c.ind = &in
	}
	if u, ok := indicatorUnit(top); ok && c.unit == nil {
		c.unit = &u
	}
	return true
}

// periodWords are words of a header that say when, not what.
var periodWordList = []string{"本月", "当月", "累计", "全年", "上半年", "下半年", "前三季度", "季度", "同期", "本年",
	"年初至今", "月份"}

var periodTokens = map[string]bool{"ytd": true, "fy": true, "h1": true, "h2": true, "q1": true, "q2": true,
	"q3": true, "q4": true, "full": true, "year": true, "to": true, "through": true, "cumulative": true,
	"annual": true, "date": true, "month": true}

// periodless is a header without its words of time ("本月", "Jan–Nov"),
// so that what is left names what the figures measure, or nothing.
func periodless(h string) string {
	for _, w := range periodWordList {
		h = strings.ReplaceAll(h, w, " ")
	}
	return reWordsAny.ReplaceAllStringFunc(h, func(w string) string {
		l := strings.ToLower(w)
		if _, month := monthNames[l]; month || periodTokens[l] {
			return " "
		}
		return w
	})
}

var reWordsAny = regexp.MustCompile(`[A-Za-z][A-Za-z0-9]*`)

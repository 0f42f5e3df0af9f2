package importer

import (
	"fmt"
	"sort"
	"strings"
)

// sheetPlan is how a sheet's table is read: where its header is, what each
// column holds and what the titles, the sheet and the file name say about
// all values (each with where it is said, for the report and for a choice
// that contradicts it).
type sheetPlan struct {
	headerRow int // row number of the first header row
	firstData int // row number of the first row after the header
	cols      []column
	byCol     map[int]*column
	sheetWhen when
	whenAt    Msg
	metric    Metric // from the titles, the sheet name or a choice
	metricAt  Msg
	ind       *Indicator // the user indicator a title names
	unit      *unit
	unitAt    Msg
	region    string // the region every row is for: the sheet's name, or China when a title says 全国
	regionAt  Msg
	levelHint Level // what the titles say the regions are (分省: provinces)
	level     Level // the regions' level
	source    string
	sourceAt  Msg
	layout    Msg
}

// headerStart finds the first row with two or more filled cells; rows above
// it are titles and notes.
func headerStart(rows []gridRow) int {
	for i, r := range rows {
		if distinctTexts(r) >= 2 {
			return i
		}
	}
	return -1
}

// distinctTexts counts different texts in a row: a title merged across the
// table fills many cells with one text.
// Unit statements ("单位：万辆") and one date beside a title do not count;
// several dates are a header of months.
func distinctTexts(r gridRow) int {
	dates := 0
	for _, c := range r.cells {
		if !c.num && isDateText(c.text) {
			dates++
		}
	}
	n := 0
	for i, c := range r.cells {
		if isUnitStatement(c.text) || dates == 1 && !c.num && isDateText(c.text) {
			continue
		}
		if i == 0 || c.text != r.cells[i-1].text {
			n++
		}
	}
	return n
}

// isUnitStatement: "单位：万辆", "Unit: 10,000 units".
func isUnitStatement(s string) bool {
	t := strings.ToLower(normText(s))
	if !strings.HasPrefix(t, "单位") && !strings.HasPrefix(t, "unit") && !strings.HasPrefix(t, "(单位") {
		return false
	}
	_, ok := findUnit(s)
	return ok
}

func isDateText(s string) bool {
	return reMonthNum.MatchString(strings.TrimSpace(s)) && strings.Count(s, "-")+strings.Count(s, "/") >= 2
}

// headerDepth counts the rows below the first header row that continue it:
// sub-headers under merged cells (their key cell is empty), unit rows and
// rows of header words, at most four rows in all.
func headerDepth(rows []gridRow, h int) int {
	first := rows[h].cells[0].col
	n := 1
	for i := h + 1; i < len(rows) && n < 4; i++ {
		r := rows[i]
		switch {
		case len(r.cells) == 1 && isStatement(r.cells[0].text):
			return n
		case isUnitRow(r), allHeaderWords(r),
			r.cells[0].col > first && (!rowHasNumbers(r) || allYears(r)),
			mergedDown(r, rows[h]) && !rowHasNumbers(r):
			n++
		default:
			return n
		}
	}
	return n
}

// mergedDown: the row's first cell is the header's first, merged down
// over a second header row (地区 spanning two rows over 全市 / 市辖区).
func mergedDown(r, hdr gridRow) bool {
	return len(r.cells) > 1 && r.cells[0].col == hdr.cells[0].col && r.cells[0].text == hdr.cells[0].text
}

// allYears: every number in the row is a year (a sub-header of years).
func allYears(r gridRow) bool {
	for _, c := range r.cells {
		if w := parseWhen(c.text); looksNumeric(c) && w.year == 0 {
			return false
		}
	}
	return true
}

func isStatement(s string) bool {
	_, ok := findUnit(s)
	return ok || isFootnote(s)
}

// rowHasNumbers reports whether any cell but the first holds a number.
func rowHasNumbers(r gridRow) bool {
	for _, c := range r.cells[1:] {
		if looksNumeric(c) {
			return true
		}
	}
	return false
}

// allHeaderWords: every cell is a header word, a period word, a metric or a
// unit, as in a sub-header row ("本月", "累计", "同比").
func allHeaderWords(r gridRow) bool {
	for _, c := range r.cells {
		var col column
		col.header = c.text
		classifyHeader(&col)
		if col.role == roleIgnore || col.region != "" {
			return false
		}
	}
	return true
}

// cellAt finds a row's cell in a column.
func cellAt(r gridRow, col int) (cell, bool) {
	i := sort.Search(len(r.cells), func(i int) bool { return r.cells[i].col >= col })
	if i < len(r.cells) && r.cells[i].col == col {
		return r.cells[i], true
	}
	return cell{}, false
}

// linkColumns ties each stated-growth column to the value column it
// describes (the nearest on its left, else on its right), and gives a rank
// column without a period that of its neighbour.
func linkColumns(cols []column) {
	for i := range cols {
		c := &cols[i]
		switch {
		case c.role == roleYoY:
			if j := yoyTarget(cols, i); j >= 0 {
				cols[j].yoyCol = c.col
			}
		case c.role == roleValue && IsRank(c.metric) && c.when.empty():
			for j := i - 1; j >= 0; j-- {
				if cols[j].role == roleValue && !IsRank(cols[j].metric) {
					c.when = cols[j].when
					break
				}
			}
		}
	}
}

func yoyTarget(cols []column, i int) int {
	c := cols[i]
	fits := func(v column) bool {
		return v.role == roleValue && !IsRank(v.metric) && v.yoyCol == 0 &&
			(c.when.empty() || c.when == v.when) && (c.metric == "" || c.metric == v.metric)
	}
	for j := i - 1; j >= 0; j-- {
		if cols[j].role == roleValue && !IsRank(cols[j].metric) {
			if fits(cols[j]) {
				return j
			}
			break
		}
	}
	for j := i + 1; j < len(cols); j++ {
		if cols[j].role == roleValue {
			if fits(cols[j]) {
				return j
			}
			break
		}
	}
	return -1
}

// describe names the layout for the report: long or wide, what the rows
// and the columns are, the categories kept as dimensions, the regions'
// level, the region all rows are for.
func (p *sheetPlan) describe() Msg {
	keys, colDims := p.layoutKeys()
	m := M("layout.long")
	switch {
	case keys[roleRegion] && (keys[roleYear] || keys[rolePeriod]) && keys[roleMetric]:
		m = M("layout.long_metric")
	case keys[roleRegion] && (keys[roleYear] || keys[rolePeriod]):
	default:
		m = M("layout.wide", p.rowsDim(keys), M("and", colDims...))
	}
	if dims := p.dimHeaders(); len(dims) > 0 && p.rowsDim(keys).Code != "dim.categories" {
		m = M("layout.dims", m, strings.Join(dims, ", "))
	}
	return p.scope(m, keys)
}

// scope adds what the regions are to a layout: their level, or the one
// region every row is for.
func (p *sheetPlan) scope(m Msg, keys map[role]bool) Msg {
	rowsFor := p.region != "" && !keys[roleRegion]
	switch {
	case rowsFor && (keys[roleYear] || keys[rolePeriod] || keys[roleMetric] || keys[roleDimension]):
		return M("layout.for", m, p.region)
	case !rowsFor && p.level != LevelUnknown:
		return M("layout.level", m, levelName(p.level))
	}
	return m
}

// layoutKeys lists the roles of the key columns and what the value
// columns differ by.
func (p *sheetPlan) layoutKeys() (map[role]bool, []any) {
	keys := map[role]bool{}
	var colDims []any
	seen := map[string]bool{}
	for _, c := range p.cols {
		switch c.role {
		case roleRegion, roleYear, rolePeriod, roleMetric, roleDimension:
			keys[c.role] = true
		case roleValue:
			if d := valueDim(c); !seen[d] {
				seen[d] = true
				colDims = append(colDims, M("dim."+d))
			}
		}
	}
	return keys, colDims
}

// rowsDim is what the rows of a wide table are.
func (p *sheetPlan) rowsDim(keys map[role]bool) Msg {
	switch {
	case keys[roleRegion] && keys[roleMetric]:
		return M("dim.regions_metrics")
	case keys[roleRegion]:
		return M("dim.regions")
	case keys[roleYear]:
		return M("dim.years")
	case keys[rolePeriod]:
		return M("dim.periods")
	case keys[roleMetric]:
		return M("dim.metrics")
	case keys[roleDimension]:
		return M("dim.categories")
	case p.region != "":
		return M("dim.rows_for", p.region)
	}
	return M("dim.regions")
}

// dimHeaders are the headers of the dimension columns, quoted.
func (p *sheetPlan) dimHeaders() []string {
	var out []string
	for _, c := range p.cols {
		if c.role == roleDimension {
			out = append(out, fmt.Sprintf("%q", clip(c.header)))
		}
	}
	return out
}

func valueDim(c column) string {
	switch {
	case c.region != "":
		return "regions"
	case strings.HasPrefix(c.when.period, "M") || c.when.period == "" && c.when.month != 0:
		return "months"
	case c.when.period == "FY" && c.when.year != 0:
		return "years"
	case c.when.period != "" || c.when.ctx != "":
		return "periods"
	case c.metric != "", c.nev, vehicleWords[headerKey(c.header)]:
		return "metrics"
	case c.dim != "":
		return "categories"
	}
	return "values"
}

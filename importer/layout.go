package importer

import (
	"sort"
	"strings"
)

// sheetPlan is how a sheet's table is read: where its header is, what each
// column holds and what the titles and the sheet name say about all values.
type sheetPlan struct {
	headerRow int // row number of the first header row
	firstData int // row number of the first row after the header
	cols      []column
	byCol     map[int]*column
	sheetWhen when
	metric    Metric // from the titles or the sheet name
	unit      *unit
	city      string
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
			r.cells[0].col > first && (!rowHasNumbers(r) || allYears(r)):
			n++
		default:
			return n
		}
	}
	return n
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
		if col.role == roleIgnore || col.city != "" {
			return false
		}
	}
	return true
}

// buildColumns joins the header rows of each column (merged cells filled)
// and classifies them. Columns with data but no header (a city column whose
// top cell is empty) join with an empty header, to be read by content.
func buildColumns(hdr, data []gridRow, merged bool) []column {
	texts := map[int][]string{}
	units := map[int]*unit{}
	maxC := 0
	for ri, r := range hdr {
		if ri > 0 && isUnitRow(r) {
			for _, c := range r.cells {
				if u, ok := parseUnit(c.text); ok {
					units[c.col] = &u
				}
			}
			continue
		}
		for _, c := range r.cells {
			if t := texts[c.col]; len(t) == 0 || t[len(t)-1] != c.text {
				texts[c.col] = append(t, c.text)
			}
			maxC = max(maxC, c.col)
		}
	}
	if !merged && len(hdr) > 1 {
		fillRight(hdr, texts)
	}
	for _, r := range data[:min(len(data), 60)] {
		for _, c := range r.cells {
			if _, ok := texts[c.col]; !ok && c.col < maxC {
				texts[c.col] = nil
			}
		}
	}
	var cols []column
	for c := 1; c <= maxC; c++ {
		if _, ok := texts[c]; !ok && units[c] == nil {
			continue
		}
		col := column{col: c, header: strings.Join(texts[c], " "), unit: units[c]}
		classifyHeader(&col)
		cols = append(cols, col)
	}
	return cols
}

// fillRight copies an upper header cell into the empty cells to its right
// that have a sub-header below: what a merged group header looks like once
// the merge is lost (CSV, or a sheet too large to wait for its merges).
func fillRight(hdr []gridRow, texts map[int][]string) {
	last := map[int]bool{}
	for _, c := range hdr[len(hdr)-1].cells {
		last[c.col] = true
	}
	top := hdr[0]
	for i, c := range top.cells {
		end := maxCol
		if i+1 < len(top.cells) {
			end = top.cells[i+1].col
		}
		for col := c.col + 1; col < end && last[col]; col++ {
			texts[col] = append([]string{c.text}, texts[col]...)
		}
	}
}

// sheetContext reads what the titles and the sheet name say about every
// value: a year or period, a metric, a unit, a city.
func sheetContext(p *sheetPlan, sheetName string, titles []string) {
	for _, t := range append(titles, sheetName) {
		if w := parseWhen(t); p.sheetWhen.empty() && !w.empty() {
			p.sheetWhen = w
		}
		if m, ok := findMetric(t); ok && p.metric == "" {
			p.metric = m
		}
		if u, ok := findUnit(t); ok && p.unit == nil {
			p.unit = &u
		} else if u, ok := parseUnit(t); ok && p.unit == nil {
			p.unit = &u
		}
	}
	if c, ok := matchName(sheetName); ok {
		p.city = c
	}
}

// classifyByContent settles columns whose header says nothing, from the
// cells below it: cities, years, periods or indicator names.
func classifyByContent(cols []column, data []gridRow) {
	haveCity := false
	for _, c := range cols {
		haveCity = haveCity || c.role == roleCity
	}
	for i := range cols {
		c := &cols[i]
		if c.role != roleIgnore {
			continue
		}
		var n, city, year, period, metric, text, nums int
		for _, r := range data[:min(len(data), 60)] {
			cl, ok := cellAt(r, c.col)
			if !ok {
				continue
			}
			n++
			w := parseWhen(cl.text)
			switch {
			case w.year != 0 && w.period == "FY" && looksNumeric(cl):
				year++
			case looksNumeric(cl):
				nums++
			case !w.empty() && w.bad.code == "":
				period++
			default:
				if _, ok := matchName(cl.text); ok {
					city++
				} else if _, ok := findMetric(cl.text); ok {
					metric++
				} else {
					text++
				}
			}
		}
		switch {
		case n == 0:
		case city*2 >= n || !haveCity && text+city > n/2 && i == firstUnsettled(cols):
			c.role, haveCity = roleCity, true
		case year*2 > n && i == firstUnsettled(cols):
			c.role = roleYear
		case period*2 > n:
			c.role = rolePeriod
		case metric*2 > n:
			c.role = roleMetric
		case nums*2 > n:
			c.role = roleUnread // figures under a header that names nothing
		}
	}
}

func firstUnsettled(cols []column) int {
	for i, c := range cols {
		if c.role == roleIgnore || c.role == roleCity || c.role == roleYear {
			return i
		}
	}
	return -1
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

// describe names the layout for the report.
func (p *sheetPlan) describe() Msg {
	rowKeys := map[role]bool{}
	var colDims []string
	seen := map[string]bool{}
	for _, c := range p.cols {
		switch c.role {
		case roleCity, roleYear, rolePeriod, roleMetric:
			rowKeys[c.role] = true
		case roleValue:
			d := valueDim(c)
			if !seen[d] {
				seen[d] = true
				colDims = append(colDims, d)
			}
		}
	}
	rows := M("dim.regions")
	switch {
	case rowKeys[roleCity] && (rowKeys[roleYear] || rowKeys[rolePeriod]):
		if rowKeys[roleMetric] {
			return M("layout.long_metric")
		}
		return M("layout.long")
	case !rowKeys[roleCity] && rowKeys[roleYear]:
		rows = M("dim.years")
	case !rowKeys[roleCity] && rowKeys[rolePeriod]:
		rows = M("dim.periods")
	case rowKeys[roleCity] && rowKeys[roleMetric]:
		rows = M("dim.regions_metrics")
	case !rowKeys[roleCity] && p.city != "":
		rows = M("dim.rows_for", p.city)
	}
	cols := make([]Msg, len(colDims))
	for i, d := range colDims {
		cols[i] = M("dim." + d)
	}
	args := make([]any, len(cols))
	for i, c := range cols {
		args[i] = c
	}
	return M("layout.wide", rows, M("and", args...))
}

func valueDim(c column) string {
	switch {
	case c.city != "":
		return "regions"
	case strings.HasPrefix(c.when.period, "M") || c.when.period == "" && c.when.month != 0:
		return "months"
	case c.when.period == "FY" && c.when.year != 0:
		return "years"
	case c.when.period != "" || c.when.ctx != "":
		return "periods"
	case c.metric != "":
		return "metrics"
	}
	return "values"
}

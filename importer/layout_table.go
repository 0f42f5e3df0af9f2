package importer

import (
	"fmt"
	"math"
	"strings"
)

// planAfter is how many rows are kept before the layout is decided: enough
// to see titles, header and a sample of data; the rest streams.
const planAfter = 5000

// planAfterCells bounds the memory of the rows kept (wide rows of 16,384
// cells would otherwise keep 80 million).
const planAfterCells = 200000

// planAfterBytes bounds the text kept the same way.
const planAfterBytes = 32 << 20

// tableReader turns the rows of one sheet (or CSV file) into observations:
// it buffers the first rows, decides the layout, then reads every row.
type tableReader struct {
	sheet string // name in issues; "" for CSV
	name  string // sheet name, for context (CSV: the file name)
	d     *DataSet
	rep   *FileReport

	buf        []gridRow
	bufCells   int
	bufBytes   int
	planned    bool
	plan       *sheetPlan
	skip       Msg             // why the sheet is not read; zero: it is
	canon      string          // canonical table, when the header matches one
	canonTable *canonicalTable // reading a canonical table, row by row
	canonRec   []string
	canonBase  int // what the data held before the canonical table
	canonRow   int // row number of the canonical header
	filled     bool
	obs        int

	regions  map[string]regionHit
	whens    map[string]whenHit
	metrics  map[string]metricHit
	unknown  map[string]bool
	noted    map[string]bool
	units    map[string]*unit
	mUnits   map[string]*unit
	foot     map[string]bool
	times    map[[2]int64]resolved
	hint     int // rows the sheet says it has, to size the observations
	hintCap  int // at most this many, from the part's compressed size
	lastCity string
	extra    map[string]int // issues beyond maxIssues, by reason
	srcSeen  map[string]bool

	err          error            // a choice the table contradicts: the import fails
	repeats      map[issueKey]int // issue already listed for a reason and column: its index
	start        int              // observations in the data set before this table's
	shared       keyCheck         // keys seen, to report values that share one
	valueColumns []int            // the value columns, for a row of zeros
	lineSrc      string           // a source line below the table
	userUnit     map[Metric]string
	reading      int // index of this table's reading in the report, -1 before
}

type whenHit struct {
	w  when
	id int32
}

type metricHit struct {
	metric Metric
	ind    *Indicator // a user indicator's English name
	yoy    bool
	ctx    string // 当期值 or 累计值: this month or the year so far
}

// resolved caches resolveWhen: a long table repeats a few periods.
type resolved struct {
	year   int
	period Period
	err    error
}

func newTableReader(sheet, name string, d *DataSet, rep *FileReport) *tableReader {
	return &tableReader{sheet: sheet, name: name, d: d, rep: rep,
		regions: map[string]regionHit{}, whens: map[string]whenHit{}, metrics: map[string]metricHit{},
		unknown: map[string]bool{}, noted: map[string]bool{}, units: map[string]*unit{}, mUnits: map[string]*unit{},
		foot: map[string]bool{}, srcSeen: map[string]bool{}, times: map[[2]int64]resolved{},
		repeats: map[issueKey]int{}, start: d.Count(), userUnit: map[Metric]string{}, reading: -1}
}

// row takes one row; it may be reused by the caller.
func (t *tableReader) row(r gridRow) {
	if len(r.cells) == 0 {
		return
	}
	t.filled = true
	if !t.planned {
		t.buf = append(t.buf, gridRow{num: r.num, cells: append([]cell(nil), r.cells...)})
		t.bufCells += len(r.cells)
		for _, c := range r.cells {
			t.bufBytes += len(c.text)
		}
		if len(t.buf) >= planAfter || t.bufCells >= planAfterCells || t.bufBytes >= planAfterBytes {
			t.decide(nil, false) // merges come after the data: not known yet
		}
		return
	}
	t.take(r)
}

// end finishes the sheet. mergesKnown says whether merges lists all merged
// ranges (a worksheet) or they cannot be known (a CSV file).
func (t *tableReader) end(merges []cellRange, mergesKnown bool) {
	if !t.planned {
		t.decide(merges, mergesKnown)
	}
	if t.canon != "" {
		t.addCanonical()
	}
	t.finishTable()
	t.finishIssues()
}

func (t *tableReader) decide(merges []cellRange, mergesKnown bool) {
	t.planned = true
	rows := t.buf
	t.buf = nil
	applyMerges(rows, merges)
	t.makePlan(rows, mergesKnown)
	for _, r := range rows {
		t.take(r)
	}
}

func (t *tableReader) take(r gridRow) {
	switch {
	case t.skip.Code != "", t.err != nil:
	case t.canon != "":
		t.keepCanonical(r)
	case r.num >= t.plan.firstData:
		t.dataRow(r)
	}
}

// makePlan finds titles, header and columns. merged says whether merged
// cells are known (then group headers need no guessing).
func (t *tableReader) makePlan(rows []gridRow, merged bool) {
	defer t.addReading()
	h := headerStart(rows)
	if h < 0 {
		t.skip = M("table.none")
		return
	}
	hdr := rows[h]
	if tb := CanonicalTable(texts(hdr)); tb != "" && t.canonicalFits(tb, rows[h:]) {
		t.canon, t.canonRow = tb, hdr.num
		return
	}
	depth := headerDepth(rows, h)
	data := rows[h+depth:]
	p := &sheetPlan{headerRow: hdr.num, firstData: rows[h+depth-1].num + 1, byCol: map[int]*column{}}
	t.plan = p
	t.sheetContext(p, rows[:h])
	p.cols = buildColumns(rows[h:h+depth], data, merged)
	classifyByContent(p.cols, data)
	t.applyRoles(p)
	p.settleColumns(data)
	p.settleRegions(data)
	linkColumns(p.cols)
	for i := range p.cols {
		p.byCol[p.cols[i].col] = &p.cols[i]
	}
	if t.err = t.applyChoices(p, data); t.err != nil {
		return
	}
	t.fileContext(p)
	t.skip = t.checkPlan(data)
	if t.skip.Code == "" {
		p.layout = p.describe()
		t.valueColumns = t.valueCols()
		t.reportPlan()
		t.grow()
	}
}

// grow sizes the observations for the rows the sheet declares, so that a
// large import does not copy them while growing.
func (t *tableReader) grow() {
	values := 0
	for _, c := range t.plan.cols {
		if c.role == roleValue {
			values++
		}
	}
	// The dimension may lie (a crafted file): trust it only as far as the
	// compressed part could hold that many cells.
	t.d.Grow(min(t.hint*values, t.hintCap, 1_000_000))
}

func texts(r gridRow) []string {
	out := make([]string, 0, len(r.cells))
	for _, c := range r.cells {
		out = append(out, c.text)
	}
	return out
}

// checkPlan says why the plan cannot give observations, or nothing; it
// settles what each value column measures and reports how the columns
// were read.
func (t *tableReader) checkPlan(data []gridRow) Msg {
	p := t.plan
	t.nameFallback()
	values, figures := 0, t.anyRole(roleUnread, roleValue)
	for i := range p.cols {
		c := &p.cols[i]
		t.reportColumn(c)
		if c.role == roleValue && t.settleMetric(c) {
			values++
			t.guessUnit(c, data)
		}
	}
	t.reportGuesses()
	if p.ind != nil && p.metricAt.Code == "place.title" && t.needsMetric() {
		t.issue(t.sheet, 0, 0, true, "table.indicator_from", p.metric, p.metricAt, unitSaid(p.unit))
	}
	switch {
	case values == 0 && t.unreadWhy().Code != "":
		return t.unreadWhy()
	case values == 0 && figures:
		return M("table.no_indicator", t.headerList())
	case values == 0:
		return M("table.no_values", t.headerList())
	case !t.hasRegions() && p.region == "":
		return M("table.no_region", t.headerList())
	case !t.hasRegions():
		t.issue(t.sheet, 0, 0, true, "table.region_from", p.region, p.regionAt)
	}
	return Msg{}
}

// settleMetric gives a value column its metric (a growth-free NEV column
// of the sheet's, a rank on a sheet of NEV production); false when the
// column names none and nothing else does, or its unit cannot be its
// metric's.
func (t *tableReader) settleMetric(c *column) bool {
	p := t.plan
	if c.nev {
		c.metric = nevMetric(p.metric)
	}
	if c.metric == ProductionRank && p.metric == NEVProduction {
		c.metric = NEVProductionRank // "排名" on a sheet of NEV production
	}
	if c.metric == "" && (p.metric == "" || c.nev) && !t.hasRole(roleMetric) {
		t.issue(t.sheet, 0, c.col, false, "column.no_metric", clip(c.header))
		c.role = roleIgnore
		return false
	}
	if u := cmpUnit(c.unit, p.unit); u != nil && u.kind == kindUSD && MetricUnit(t.metricOf(c)) == UnitCNY {
		t.issue(t.sheet, 0, c.col, false, "column.usd", clip(c.header), u.written, t.metricOf(c))
		c.role = roleIgnore
		return false
	}
	return true
}

// metricOf is what a value column's figures measure, as far as the plan
// knows: its own metric or the sheet's ("" when rows say it).
func (t *tableReader) metricOf(c *column) Metric {
	m := c.metric
	if m == "" {
		m = t.plan.metric
	}
	if m == exportAny {
		return ExportValue
	}
	return m
}

func cmpUnit(us ...*unit) *unit {
	for _, u := range us {
		if u != nil {
			return u
		}
	}
	return nil
}

// headerList is the table's headers, for a reason that names them.
func (t *tableReader) headerList() string {
	var hs []string
	for _, c := range t.plan.cols {
		if h := clip(c.header); h != "" {
			hs = append(hs, h)
		}
		if len(hs) == 8 {
			hs = append(hs, "…")
			break
		}
	}
	return strings.Join(hs, ", ")
}

// unreadWhy is why the first column of figures that was not read was
// not, when that is more than that its header names nothing ("15/1").
func (t *tableReader) unreadWhy() Msg {
	for _, c := range t.plan.cols {
		if c.role == roleUnread && c.note.Code != "" {
			return M("table.column", ColumnName(c.col), c.note)
		}
	}
	return Msg{}
}

func (t *tableReader) anyRole(rs ...role) bool {
	for _, r := range rs {
		if t.hasRole(r) {
			return true
		}
	}
	return false
}

// nevMetric is the new-energy form of a metric, or "".
func nevMetric(m Metric) Metric {
	switch m {
	case Production, NEVProduction:
		return NEVProduction
	case Sales, NEVSales:
		return NEVSales
	}
	return ""
}

func (t *tableReader) hasRole(r role) bool {
	for _, c := range t.plan.cols {
		if c.role == r {
			return true
		}
	}
	return false
}

// guessUnit: a vehicle column with no unit anywhere is read as vehicles,
// unless its figures are small with decimals (231.8), which yearbooks
// write in 万辆. Either way the guess is reported.
func (t *tableReader) guessUnit(c *column, data []gridRow) {
	p := t.plan
	if c.unit != nil || p.unit != nil || t.hasRole(roleUnit) {
		return
	}
	m := c.metric
	if m == "" {
		m = p.metric
	}
	if m == "" || MetricUnit(m) != UnitVehicles {
		return
	}
	small, frac, n, withUnits := figureShape(c.col, data[:min(len(data), 200)])
	if withUnits {
		return // figures carry their units ("260万辆")
	}
	u := unit{written: "(none)", kind: kindVehicles, factor: 1}
	c.guess = "guess.vehicles"
	if n > 0 && small && frac {
		u = unit{written: "(none)", kind: kindVehicles, factor: 1e4}
		c.guess = "guess.10k"
	}
	c.unit = &u
}

// figureShape looks at a column's figures: whether all are small (under
// 5,000), any has decimals, how many there are, and whether one carries
// its unit.
func figureShape(col int, rows []gridRow) (small, frac bool, n int, withUnits bool) {
	small = true
	for _, r := range rows {
		cl, ok := cellAt(r, col)
		if !ok {
			continue
		}
		v := parseNumber(cl.text)
		if v.kind != numOK {
			continue
		}
		if v.unit != "" {
			return small, frac, n, true
		}
		n++
		small = small && math.Abs(v.v) < 5000
		frac = frac || v.v != math.Trunc(v.v)
	}
	return small, frac, n, false
}

// reportGuesses lists the unit guesses once per kind of guess, naming the
// columns, rather than once per column of a wide table.
func (t *tableReader) reportGuesses() {
	byGuess := map[string][]string{}
	first := map[string]int{}
	var order []string
	for _, c := range t.plan.cols {
		if c.guess == "" || c.role != roleValue {
			continue
		}
		if _, ok := first[c.guess]; !ok {
			first[c.guess] = c.col
			order = append(order, c.guess)
		}
		byGuess[c.guess] = append(byGuess[c.guess], fmt.Sprintf("%q", clip(c.header)))
	}
	for _, g := range order {
		t.issue(t.sheet, t.plan.headerRow, first[g], true, g, strings.Join(byGuess[g], ", "), len(byGuess[g]))
	}
}

func (t *tableReader) reportPlan() {
	p := t.plan
	for _, c := range p.cols {
		if c.unit != nil && c.unit.written != "(none)" && c.role == roleValue {
			t.noteUnit(*c.unit)
		}
	}
	if p.unit != nil {
		t.noteUnit(*p.unit)
	}
}

func (t *tableReader) noteUnit(u unit) {
	m := u.msg()
	for _, have := range t.rep.Units {
		if have.String() == m.String() {
			return
		}
	}
	t.rep.Units = append(t.rep.Units, m)
}

// layout is what the report says about this sheet.
func (t *tableReader) layout() Msg {
	switch {
	case t.canon != "":
		return M("layout.canonical", t.canon)
	case t.plan != nil:
		return t.plan.layout
	}
	return Msg{}
}

package importer

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
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
	sheet  string // name in issues; "" for CSV
	name   string // sheet name, for context (CSV: the file name)
	source string // source ID for rows that name none
	d      *DataSet
	rep    *FileReport

	buf       []gridRow
	bufCells  int
	bufBytes  int
	planned   bool
	plan      *sheetPlan
	skip      string // why the sheet is not read
	canon     string // canonical table, when the header matches one
	canonRecs [][]string
	canonRow  int // row number of the canonical header
	filled    bool
	obs       int
	usedSrc   bool

	cities   map[string]cityHit
	whens    map[string]when
	metrics  map[string]string
	unknown  map[string]bool
	noted    map[string]bool
	units    map[string]*unit
	mUnits   map[string]*unit
	foot     map[string]bool
	times    map[[3]when]resolved
	hint     int // rows the sheet says it has, to size the observations
	hintCap  int // at most this many, from the part's compressed size
	lastCity string
	srcSeen  map[string]bool
}

// resolved caches resolveWhen: a long table repeats a few periods.
type resolved struct {
	year   int
	period string
	err    error
}

type cityHit struct {
	name  string
	known bool
}

func newTableReader(sheet, name, source string, d *DataSet, rep *FileReport) *tableReader {
	return &tableReader{sheet: sheet, name: name, source: source, d: d, rep: rep,
		cities: map[string]cityHit{}, whens: map[string]when{}, metrics: map[string]string{},
		unknown: map[string]bool{}, noted: map[string]bool{}, units: map[string]*unit{}, mUnits: map[string]*unit{},
		foot: map[string]bool{}, srcSeen: map[string]bool{}, times: map[[3]when]resolved{}}
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
	case t.skip != "":
	case t.canon != "":
		t.canonRow2(r)
	case r.num >= t.plan.firstData:
		t.dataRow(r)
	}
}

// makePlan finds titles, header and columns. merged says whether merged
// cells are known (then group headers need no guessing).
func (t *tableReader) makePlan(rows []gridRow, merged bool) {
	h := headerStart(rows)
	if h < 0 {
		t.skip = "no table: no row with two or more filled cells"
		return
	}
	hdr := rows[h]
	if tb := CanonicalTable(texts(hdr)); tb != "" && t.canonicalFits(tb, rows[h:]) {
		t.canon, t.canonRow = tb, hdr.num
		return
	}
	depth := headerDepth(rows, h)
	p := &sheetPlan{headerRow: hdr.num, firstData: rows[h+depth-1].num + 1, byCol: map[int]*column{}}
	var titles []string
	for _, r := range rows[:h] {
		titles = append(titles, texts(r)...)
	}
	sheetContext(p, t.name, titles)
	p.cols = buildColumns(rows[h:h+depth], rows[h+depth:], merged)
	classifyByContent(p.cols, rows[h+depth:])
	linkColumns(p.cols)
	for i := range p.cols {
		p.byCol[p.cols[i].col] = &p.cols[i]
	}
	t.plan = p
	t.skip = t.checkPlan(rows[h+depth:])
	if t.skip == "" {
		p.layout = p.describe()
		t.reportPlan()
		t.grow()
	}
}

// canonicalFits checks that a table whose header matches a canonical one
// really is one: a Targets table must be named so (else "City, Year,
// Metric, Value" is a plain long table), and the metrics must be canonical
// names; otherwise the general reader, which knows "汽车产量", takes it.
func (t *tableReader) canonicalFits(table string, rows []gridRow) bool {
	if table == TableTargets && !strings.Contains(strings.ToLower(t.name), "target") {
		return false
	}
	if table != TableObservations && table != TableTargets {
		return true
	}
	mcol := 0
	for _, c := range rows[0].cells {
		if normHeader(c.text) == "metric" {
			mcol = c.col
		}
	}
	for _, r := range rows[1:min(len(rows), 60)] {
		if c, ok := cellAt(r, mcol); ok && !isCanonicalMetric(c.text) {
			return false
		}
	}
	return true
}

func isCanonicalMetric(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, m := range Metrics {
		if s == m {
			return true
		}
	}
	return false
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
	if n := min(t.hint*values, t.hintCap, 1_000_000); n > cap(t.d.Observations)-len(t.d.Observations) {
		t.d.Observations = slices.Grow(t.d.Observations, n)
	}
}

func texts(r gridRow) []string {
	out := make([]string, 0, len(r.cells))
	for _, c := range r.cells {
		out = append(out, c.text)
	}
	return out
}

// checkPlan says why the plan cannot give observations, or "".
func (t *tableReader) checkPlan(data []gridRow) string {
	p := t.plan
	hasCity, values := p.city != "", 0
	for i := range p.cols {
		c := &p.cols[i]
		hasCity = hasCity || c.role == roleCity || c.city != ""
		if c.role == roleUnread {
			t.rep.issue(t.sheet, p.headerRow, c.col, false, "column %q: figures under a header that names no metric, year or city; not read", clip(c.header))
		}
		if c.role != roleValue {
			continue
		}
		if c.nev {
			c.metric = nevMetric(p.metric)
		}
		if c.metric == ProductionRank && p.metric == NEVProduction {
			c.metric = NEVProductionRank // "排名" on a sheet of NEV production
		}
		if c.metric == "" && (p.metric == "" || c.nev) && !t.hasRole(roleMetric) {
			t.rep.issue(t.sheet, p.headerRow, c.col, false, "column %q: no metric in its header, a metric column, the title or the sheet name", c.header)
			c.role = roleIgnore
			continue
		}
		values++
		t.guessUnit(c, data)
	}
	t.reportGuesses()
	switch {
	case values == 0:
		return "no value columns: no header names a metric, year, month or city"
	case !hasCity:
		return "no city: no city column, no city in the headers or the sheet name"
	}
	return ""
}

// nevMetric is the new-energy form of a metric, or "".
func nevMetric(m string) string {
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
	small, frac, n := true, false, 0
	for _, r := range data[:min(len(data), 200)] {
		if cl, ok := cellAt(r, c.col); ok {
			if v := parseNumber(cl.text); v.kind == numOK {
				if v.unit != "" {
					return // figures carry their units ("260万辆")
				}
				n++
				small = small && math.Abs(v.v) < 5000
				frac = frac || v.v != math.Trunc(v.v)
			}
		}
	}
	u := unit{written: "(none)", kind: kindVehicles, factor: 1}
	c.guess = "no unit stated; read as vehicles"
	if n > 0 && small && frac {
		u = unit{written: "(none)", kind: kindVehicles, factor: 1e4}
		c.guess = "no unit stated; small figures with decimals read as 万辆 (10,000 vehicles)"
	}
	c.unit = &u
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
		word := "column"
		if len(byGuess[g]) > 1 {
			word = "columns"
		}
		t.rep.issue(t.sheet, t.plan.headerRow, first[g], true, "%s %s: %s", word, strings.Join(byGuess[g], ", "), g)
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
	s := u.String()
	for _, have := range t.rep.Units {
		if have == s {
			return
		}
	}
	t.rep.Units = append(t.rep.Units, s)
}

// rowKeys is what a data row's key cells say.
type rowKeys struct {
	city, metric, source, note, qual string
	cityCol                          int
	when                             when
	unit                             *unit
	metricText                       string
}

func (t *tableReader) dataRow(r gridRow) {
	first := r.cells[0]
	if t.footnote(first.text) && !looksNumeric(first) {
		t.rep.issue(t.sheet, r.num, first.col, false, "footnote: %s", clip(first.text))
		return
	}
	if !t.hasValues(r) {
		switch vc := t.valueCols(); {
		case len(vc) == 1 && t.isKeyCell(first):
			t.rep.issue(t.sheet, r.num, vc[0], false, "empty: missing value")
		case len(r.cells) > 1 || !t.isKeyCell(first):
			t.rep.issue(t.sheet, r.num, first.col, false, "no figures in this row: %s", clip(strings.Join(texts(r), " ")))
		}
		return
	}
	k, ok := t.keys(r)
	if !ok {
		return
	}
	for i := range t.plan.cols {
		if c := &t.plan.cols[i]; c.role == roleValue {
			t.valueCell(r, c, &k)
		}
	}
}

// hasValues: the row has a cell in some value column.
func (t *tableReader) hasValues(r gridRow) bool {
	for _, c := range r.cells {
		if col := t.plan.byCol[c.col]; col != nil && col.role == roleValue {
			return true
		}
	}
	return false
}

func (t *tableReader) valueCols() []int {
	var out []int
	for _, c := range t.plan.cols {
		if c.role == roleValue {
			out = append(out, c.col)
		}
	}
	return out
}

func (t *tableReader) isKeyCell(c cell) bool {
	col := t.plan.byCol[c.col]
	return col != nil && col.role != roleValue
}

func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// keys reads the key cells of a row; false when the row is skipped.
func (t *tableReader) keys(r gridRow) (rowKeys, bool) {
	var k rowKeys
	var yearW when
	for _, c := range t.plan.cols {
		cl, ok := cellAt(r, c.col)
		if !ok {
			continue
		}
		switch c.role {
		case roleCity:
			k.city, k.cityCol = cl.text, c.col
		case roleYear:
			yearW = t.when(cl.text)
		case rolePeriod:
			k.when = t.when(cl.text)
			if k.when.empty() && isMonthHeader(c.header) {
				k.when = t.when(cl.text + "月") // a month column of plain numbers: 11 → 11月
			}
		case roleMetric:
			k.metricText = cl.text
		case roleUnit:
			k.unit = t.unit(cl.text)
		case roleSource:
			k.source = cl.text
		case roleNote:
			k.note = cl.text
		case roleQualifier:
			k.qual = strings.ToLower(strings.TrimSpace(cl.text))
		}
	}
	if k.when.year == 0 {
		k.when.year = yearW.year
	}
	if k.when.empty() {
		k.when = yearW
	}
	return t.resolveKeys(r, k)
}

func (t *tableReader) resolveKeys(r gridRow, k rowKeys) (rowKeys, bool) {
	if k.metricText != "" && isYoYHeader(k.metricText) {
		t.rep.issue(t.sheet, r.num, t.colOf(roleMetric), false, "growth row %q: stated growth is read from a growth column, not from rows", clip(k.metricText))
		return k, false
	}
	if k.metricText != "" {
		m, ok := t.metric(k.metricText)
		if !ok {
			if rowHasNumbers(r) {
				t.rep.issue(t.sheet, r.num, t.colOf(roleMetric), false, "indicator %q is not a metric Auto Cities knows", clip(k.metricText))
			}
			return k, false
		}
		k.metric = m
		if u := t.metricUnit(k.metricText); u != nil && k.unit == nil {
			k.unit = u
		}
	}
	if k.cityCol == 0 {
		if col := t.colOf(roleCity); col != 0 && t.lastCity != "" {
			t.rep.issue(t.sheet, r.num, col, true, "no city: %s from the row above (a merged cell?)", t.lastCity)
			k.city = t.lastCity
		}
		return k, true
	}
	if totalWords[strings.ToLower(normText(k.city))] || strings.HasPrefix(normText(k.city), "其中") {
		t.rep.issue(t.sheet, r.num, k.cityCol, false, "%q is a total, not a city", clip(k.city))
		return k, false
	}
	hit, ok := t.cities[k.city]
	if !ok {
		name, known := MatchCity(k.city)
		hit = cityHit{name, known}
		t.cities[k.city] = hit
	}
	if !hit.known && !t.unknown[hit.name] {
		t.unknown[hit.name] = true
		t.rep.issue(t.sheet, r.num, k.cityCol, true, "city %q is not in the gazetteer; kept as written", hit.name)
	}
	k.city = hit.name
	t.lastCity = hit.name
	return k, true
}

func (t *tableReader) unit(s string) *unit {
	u, ok := t.units[s]
	if !ok {
		if v, found := parseUnit(s); found {
			u = &v
			t.noteUnit(v)
		}
		t.units[s] = u
	}
	return u
}

// metricUnit is the unit written in an indicator cell ("汽车产量（万辆）").
func (t *tableReader) metricUnit(s string) *unit {
	u, ok := t.mUnits[s]
	if !ok {
		if v, found := findUnit(s); found {
			u = &v
			t.noteUnit(v)
		}
		t.mUnits[s] = u
	}
	return u
}

func (t *tableReader) footnote(s string) bool {
	f, ok := t.foot[s]
	if !ok {
		f = isFootnote(s)
		t.foot[s] = f
	}
	return f
}

func (t *tableReader) resolveWhen(row, col, sheet when) (int, string, error) {
	k := [3]when{row, col, sheet}
	r, ok := t.times[k]
	if !ok {
		r.year, r.period, r.err = resolveWhen(row, col, sheet)
		t.times[k] = r
	}
	return r.year, r.period, r.err
}

func (t *tableReader) colOf(r role) int {
	for _, c := range t.plan.cols {
		if c.role == r {
			return c.col
		}
	}
	return 0
}

func (t *tableReader) when(s string) when {
	w, ok := t.whens[s]
	if !ok {
		w = parseWhen(s)
		t.whens[s] = w
	}
	return w
}

func (t *tableReader) metric(s string) (string, bool) {
	m, ok := t.metrics[s]
	if !ok {
		m, _ = findMetric(s)
		t.metrics[s] = m
	}
	return m, m != ""
}

// valueCell turns one value cell into an observation, or reports why not.
func (t *tableReader) valueCell(r gridRow, c *column, k *rowKeys) {
	cl, ok := cellAt(r, c.col)
	skip := func(format string, args ...any) {
		t.rep.issue(t.sheet, r.num, c.col, false, format, args...)
	}
	var n figure
	switch {
	case !ok:
		n.kind = numMissing
	case cl.num:
		v, err := strconv.ParseFloat(cl.text, 64)
		n = figure{v: v}
		if err != nil {
			n.kind = numBad
		}
		if cl.pct {
			n.kind, n.v = numPercent, v*100
		}
	default:
		n = parseNumber(cl.text)
	}
	switch n.kind {
	case numMissing:
		if ok {
			skip("missing value %q", cl.text)
		} else {
			skip("empty: missing value")
		}
		return
	case numBad:
		skip("%q is not a number", clip(cl.text))
		return
	case numPercent:
		skip("%q is a percentage, not a figure", cl.text)
		return
	}
	o, err := t.observation(c, k, n)
	if err != nil {
		skip("%v", err)
		return
	}
	o.YoY = t.yoy(r, c)
	t.d.AddObservation(o)
	t.rep.Rows++
	t.obs++
}

func (t *tableReader) observation(c *column, k *rowKeys, n figure) (Observation, error) {
	p := t.plan
	city := cmp.Or(k.city, c.city, p.city)
	if city == "" {
		return Observation{}, fmt.Errorf("no city for this value")
	}
	metric := cmp.Or(c.metric, k.metric, p.metric)
	u := t.unitFor(c, k, n)
	kind := ""
	if u != nil {
		kind = u.kind
	}
	metric, note := resolveMetric(metric, kind, c.header)
	year, period, err := t.resolveWhen(k.when, c.when, p.sheetWhen)
	if err != nil {
		return Observation{}, err
	}
	v, err := convert(metric, n.v, u)
	if err != nil {
		return Observation{}, err
	}
	src := k.source
	if src == "" {
		src, t.usedSrc = t.source, true
	} else {
		t.addSource(src)
	}
	return Observation{City: city, Year: year, Period: period, Metric: metric, Value: v,
		Qualifier: cmp.Or(qualifierOf(k.qual), n.qual, Exact), Confidence: Normal,
		SourceID: src, Note: joinNote(note, k.note)}, nil
}

func joinNote(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}

func qualifierOf(s string) string {
	switch s {
	case Exact, Approx, Nearly, MoreThan, Estimate:
		return s
	}
	return ""
}

func (t *tableReader) unitFor(c *column, k *rowKeys, n figure) *unit {
	if n.unit != "" {
		if u, ok := parseUnit(n.unit); ok {
			if !t.noted[u.written] {
				t.noted[u.written] = true
				t.noteUnit(u)
			}
			return &u
		}
	}
	switch {
	case k.unit != nil:
		return k.unit
	case c.unit != nil:
		return c.unit
	}
	return t.plan.unit
}

// convert applies a unit to a figure for a metric.
func convert(metric string, v float64, u *unit) (float64, error) {
	want := MetricUnit(metric)
	if u == nil {
		return v, nil
	}
	switch {
	case u.kind == kindUSD:
		return 0, fmt.Errorf("value in US dollars (%s): not converted to CNY", u.written)
	case u.kind == kindPercent:
		return 0, fmt.Errorf("a percentage, not a figure of %s", metric)
	case want == UnitRank:
		return v, nil
	case u.kind != "" && u.kind != want:
		return 0, fmt.Errorf("unit %s does not fit %s (%s)", u.written, metric, want)
	}
	return roundSig(v * u.factor), nil
}

// roundSig drops the float noise a scale adds (231.8 × 10⁴).
func roundSig(v float64) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	if err != nil {
		return v
	}
	return r
}

func (t *tableReader) yoy(r gridRow, c *column) *float64 {
	if c.yoyCol == 0 {
		return nil
	}
	cl, ok := cellAt(r, c.yoyCol)
	if !ok {
		return nil
	}
	n := parseNumber(cl.text)
	if cl.pct {
		n.v *= 100 // 0.125 shown as 12.5%
	}
	if n.kind != numOK && n.kind != numPercent {
		if n.kind == numBad {
			t.rep.issue(t.sheet, r.num, c.yoyCol, false, "stated growth %q is not a number", clip(cl.text))
		}
		return nil
	}
	v := n.v
	return &v
}

func (t *tableReader) addSource(id string) {
	if t.srcSeen[id] {
		return
	}
	t.srcSeen[id] = true
	if _, ok := t.d.Source(id); ok {
		return
	}
	s := Source{ID: id, Title: id, Tier: TierOther}
	if strings.HasPrefix(id, "http://") || strings.HasPrefix(id, "https://") {
		s.URL = id
	}
	t.d.Sources = append(t.d.Sources, s)
}

// canonRow2 keeps a canonical table's rows as records for AddTable, with
// blank records for missing row numbers so reported rows stay right.
func (t *tableReader) canonRow2(r gridRow) {
	if r.num < t.canonRow {
		return
	}
	for len(t.canonRecs) < r.num-t.canonRow {
		t.canonRecs = append(t.canonRecs, nil)
	}
	var rec []string
	for _, c := range r.cells {
		for len(rec) < c.col-1 {
			rec = append(rec, "")
		}
		rec = append(rec, c.text)
	}
	t.canonRecs = append(t.canonRecs, rec)
}

func (t *tableReader) addCanonical() {
	t.canonicalCities()
	before := len(t.rep.Issues)
	rows := t.rep.Rows + t.rep.Targets + t.rep.Events + t.rep.Terms + len(t.d.Sources)
	if err := t.d.AddTable(t.canon, t.sheet, t.canonRecs, t.rep); err != nil {
		t.skip = err.Error()
		return
	}
	for i := before; i < len(t.rep.Issues); i++ {
		t.rep.Issues[i].Row += t.canonRow - 1
	}
	t.obs = t.rep.Rows + t.rep.Targets + t.rep.Events + t.rep.Terms + len(t.d.Sources) - rows
	t.canonRecs = nil
}

// canonicalCities writes the canonical name for each city a canonical table
// names ("重庆" → Chongqing); unknown names stay as written and are listed.
func (t *tableReader) canonicalCities() {
	if len(t.canonRecs) == 0 || t.canon == TableGlossary || t.canon == TableSources {
		return
	}
	col := -1
	for i, h := range t.canonRecs[0] {
		if normHeader(h) == "city" {
			col = i
		}
	}
	if col < 0 {
		return
	}
	for i, rec := range t.canonRecs[1:] {
		if col >= len(rec) || rec[col] == "" {
			continue
		}
		name, known := MatchCity(rec[col])
		if !known && !t.unknown[name] {
			t.unknown[name] = true
			t.rep.issue(t.sheet, t.canonRow+1+i, col+1, true, "city %q is not in the gazetteer; kept as written", name)
		}
		rec[col] = name
	}
}

// layout is what the report says about this sheet.
func (t *tableReader) layout() string {
	switch {
	case t.canon != "":
		return "canonical " + t.canon
	case t.plan != nil:
		return t.plan.layout
	}
	return ""
}

// applyMerges copies each merged range's value into all its cells, within
// the rows kept (in row order). The work is bounded whatever the ranges.
func applyMerges(rows []gridRow, merges []cellRange) {
	if len(merges) == 0 || len(rows) == 0 {
		return
	}
	budget := 200000
	for _, m := range merges {
		top := sort.Search(len(rows), func(i int) bool { return rows[i].num >= m.r1 })
		if top == len(rows) || rows[top].num != m.r1 {
			continue
		}
		v, ok := cellAt(rows[top], m.c1)
		if !ok {
			continue
		}
		for i := top; i < len(rows) && rows[i].num <= m.r2 && budget > 0; i++ {
			for c := m.c1; c <= m.c2 && budget > 0; c++ {
				budget--
				if _, have := cellAt(rows[i], c); !have {
					rows[i].cells = insertCell(rows[i].cells, cell{col: c, text: v.text, num: v.num})
				}
			}
		}
		if budget <= 0 {
			return
		}
	}
}

func insertCell(cs []cell, c cell) []cell {
	i := 0
	for i < len(cs) && cs[i].col < c.col {
		i++
	}
	cs = append(cs, cell{})
	copy(cs[i+1:], cs[i:])
	cs[i] = c
	return cs
}

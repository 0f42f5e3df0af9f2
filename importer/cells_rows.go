package importer

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// rowKeys is what a data row's key cells say.
type rowKeys struct {
	region, source, note, qual string
	metric                     Metric
	ind                        *Indicator // the user indicator a metric cell names
	regionCol                  *column
	when                       when
	unit                       *unit
	metricText                 string
	dim                        string // the row's categories, " · " between columns
	nev                        string // a category cell saying 新能源汽车, as written: the NEV form of the metric
	regionGuess                bool
	whenKey                    int64 // IDs of the year and period texts
}

func (t *tableReader) dataRow(r gridRow) {
	first := r.cells[0]
	if t.footnote(first.text) && !looksNumeric(first) {
		t.footRow(r.num, first)
		return
	}
	if !t.hasValues(r) {
		if vc := t.valueColumns; len(vc) == 1 && t.isKeyCell(first) {
			t.issue(t.sheet, r.num, vc[0], false, "cell.empty")
		} else {
			t.issue(t.sheet, r.num, first.col, false, "row.no_figures", clip(strings.Join(texts(r), " ")))
		}
		return
	}
	k, ok := t.keys(r)
	if !ok {
		return
	}
	if t.placeholder(r) {
		t.issue(t.sheet, r.num, first.col, false, "row.placeholder", clip(cmp.Or(k.region, first.text)))
		return
	}
	for i := range t.plan.cols {
		if c := &t.plan.cols[i]; c.role == roleValue {
			t.valueCell(r, c, &k)
		}
	}
}

// footRow reads a line below the table: a source line becomes the source
// of the table's figures; another note is skipped.
func (t *tableReader) footRow(row int, first cell) {
	pub, ok := sourceLine(first.text)
	if !ok {
		t.issue(t.sheet, row, first.col, false, "cell.footnote", clip(first.text))
		return
	}
	if ch := t.choices().Source; ch != "" && ch != pub && t.err == nil {
		t.err = t.contradiction(M("contradiction.source", M("place.row", row, clip(first.text)), pub, ch))
		return
	}
	if t.lineSrc == "" && t.plan.source == "" {
		t.lineSrc = pub
		t.addSource(pub)
		t.rep.Issues = append(t.rep.Issues, Issue{Sheet: t.sheet, Row: row, Col: first.col, Note: true,
			Msg: M("cell.source_line", pub, M("tier."+tierOf(pub)))})
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
	var yearID, periodID int32
	for i := range t.plan.cols {
		c := &t.plan.cols[i]
		if c.role == roleValue || c.role == roleIgnore || c.role == roleSkip {
			continue
		}
		cl, ok := cellAt(r, c.col)
		switch {
		case !ok:
		case c.role == roleYear:
			yearW, yearID = t.when(cl.text)
		case c.role == rolePeriod:
			k.when, periodID = t.periodCell(c, cl.text)
		default:
			t.keyCell(&k, c, cl.text)
		}
	}
	if k.when.year == 0 {
		k.when.year = yearW.year
	}
	if k.when.empty() {
		k.when = yearW
	}
	k.whenKey = int64(yearID)<<32 | int64(periodID)
	if !t.resolveMetricText(r, &k) {
		return k, false
	}
	return k, t.resolveRegion(r, &k)
}

// periodCell reads a period cell; a month column of plain numbers: 11 → 11月.
func (t *tableReader) periodCell(c *column, s string) (when, int32) {
	w, id := t.when(s)
	if w.empty() && isMonthHeader(c.header) {
		return t.when(s + "月")
	}
	return w, id
}

func (t *tableReader) keyCell(k *rowKeys, c *column, s string) {
	switch c.role {
	case roleRegion:
		k.region, k.regionCol = s, c
	case roleMetric:
		k.metricText = s
	case roleUnit:
		k.unit = t.unit(s)
	case roleSource:
		k.source = s
	case roleNote:
		k.note = s
	case roleQualifier:
		k.qual = strings.ToLower(strings.TrimSpace(s))
	case roleDimension:
		t.dimCell(k, s)
	}
}

// dimCell reads a category cell: 汽车 is the metric itself, 新能源汽车 its
// NEV form; any other category is part of what the figure is for.
func (t *tableReader) dimCell(k *rowKeys, s string) {
	switch key := categoryKey(s); {
	case vehicleWords[key]:
	case nevWords[key]:
		k.nev = strings.TrimSpace(s)
	default:
		k.dim = joinDim(k.dim, strings.TrimSpace(s))
	}
}

func joinDim(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " · " + b
}

// resolveMetricText reads the row's indicator cell, if any: a metric, a
// user indicator, or a growth row, which is skipped.
func (t *tableReader) resolveMetricText(r gridRow, k *rowKeys) bool {
	if k.metricText == "" {
		return true
	}
	h := t.metric(k.metricText)
	switch {
	case h.yoy:
		t.issue(t.sheet, r.num, t.colOf(roleMetric), false, "row.growth", clip(k.metricText))
		return false
	case h.metric == "":
		if rowHasNumbers(r) {
			t.issue(t.sheet, r.num, t.colOf(roleMetric), false, "row.unknown_indicator", clip(k.metricText))
		}
		return false
	}
	k.metric, k.ind = h.metric, h.ind
	if k.when.ctx == "" {
		k.when.ctx = h.ctx // 汽车产量累计值: the year so far
	}
	if u := t.metricUnit(k.metricText); u != nil && k.unit == nil {
		k.unit = u
	}
	return true
}

// resolveRegion reads the row's region cell at its column's level; a
// total row is skipped, an unknown name kept as written and reported once,
// a missing one taken from the row above (a merged cell lost).
func (t *tableReader) resolveRegion(r gridRow, k *rowKeys) bool {
	if k.regionCol == nil {
		if col := t.colOf(roleRegion); col != 0 && t.lastCity != "" {
			t.issue(t.sheet, r.num, col, true, "row.region_above", t.lastCity)
			k.region, k.regionGuess = t.lastCity, true
		}
		return true
	}
	hit := t.region(k.region, k.regionCol)
	col := k.regionCol.col
	if hit.total {
		t.issue(t.sheet, r.num, col, false, "row.total", clip(k.region))
		return false
	}
	if !hit.known && !t.unknown[hit.name] {
		t.unknown[hit.name] = true
		t.issue(t.sheet, r.num, col, true, "region.unknown", hit.name)
	}
	k.region = hit.name
	t.lastCity = hit.name
	return true
}

func (t *tableReader) unit(s string) *unit { return t.cachedUnit(t.units, s, parseUnit) }

// metricUnit is the unit written in an indicator cell ("汽车产量（万辆）").
func (t *tableReader) metricUnit(s string) *unit { return t.cachedUnit(t.mUnits, s, indicatorUnit) }

// cachedUnit reads a unit once per distinct text, noting each unit found.
func (t *tableReader) cachedUnit(cache map[string]*unit, s string, read func(string) (unit, bool)) *unit {
	u, ok := cache[s]
	if !ok {
		if v, found := read(s); found {
			u = &v
			t.noteUnit(v)
		}
		cache[s] = u
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

// resolveWhen resolves a value's time once per column and row time (a
// long table repeats a few periods); key identifies the row's year and
// period texts, and the row's indicator may add this month or cumulative.
func (t *tableReader) resolveWhen(col *column, key int64, row when) (int, Period, error) {
	k := [2]int64{int64(col.col) | int64(len(row.ctx))<<40, key} // "current" and "cumulative" differ in length
	r, ok := t.times[k]
	if !ok {
		r.year, r.period, r.err = resolveWhen(row, col.when, t.plan.sheetWhen)
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

// when parses a key cell's time once per text, with an ID for caching.
func (t *tableReader) when(s string) (when, int32) {
	h, ok := t.whens[s]
	if !ok {
		h = whenHit{parseWhen(s), int32(len(t.whens) + 1)}
		t.whens[s] = h
	}
	return h.w, h.id
}

// metric reads an indicator cell once per text: its metric (a user
// indicator when the app has no such metric), or that it states growth
// ("汽车产量同比增长").
func (t *tableReader) metric(s string) metricHit {
	h, ok := t.metrics[s]
	if !ok {
		h.yoy, h.ctx = isYoYHeader(s), ctxWords(s)
		if in, ok := headerIndicator(s); ok && !h.yoy {
			h.metric = in.Metric
			if !in.Metric.BuiltIn() && in.Metric != exportAny {
				h.ind = &in
			}
		}
		t.metrics[s] = h
	}
	return h
}

// figureOf reads a value cell: a number stored, or written by a person.
func figureOf(cl cell, ok bool) figure {
	switch {
	case !ok:
		return figure{kind: numMissing}
	case cl.num:
		v, err := strconv.ParseFloat(cl.text, 64)
		n := figure{v: v}
		if err != nil {
			n.kind = numBad
		}
		if cl.pct {
			n.kind, n.v = numPercent, v*100
		}
		return n
	}
	return parseNumber(cl.text)
}

// valueCell turns one value cell into an observation, or reports why not.
func (t *tableReader) valueCell(r gridRow, c *column, k *rowKeys) {
	cl, ok := cellAt(r, c.col)
	skip := func(code string, args ...any) {
		t.issue(t.sheet, r.num, c.col, false, code, args...)
	}
	n := figureOf(cl, ok)
	switch n.kind {
	case numMissing:
		if ok {
			skip("cell.missing", cl.text)
		} else {
			skip("cell.empty")
		}
		return
	case numBad:
		skip("cell.not_number", clip(cl.text))
		return
	}
	o, err := t.observation(c, k, n)
	if err != nil {
		if n.kind == numPercent && errors.Is(err, errPercent) {
			err = msgErr("cell.percent", cl.text)
		}
		m := msgOf(err)
		skip(m.Code, m.Args...)
		return
	}
	o.YoY = t.yoy(r, c)
	t.negative(&o, r.num, c.col)
	t.d.AddObservation(o)
	t.shared.add(t.d, r.num, c.col, o.Value)
	t.rep.Rows++
	t.obs++
}

// ctxWords: an indicator's name that says which part of the year its
// figures cover, as NBS's monthly tables write them: 当期值 (this month),
// 累计值 (the year so far).
func ctxWords(s string) string {
	switch {
	case strings.Contains(s, "累计"):
		return "cumulative"
	case strings.Contains(s, "当期"), strings.Contains(s, "本月"), strings.Contains(s, "当月"):
		return "current"
	}
	return ""
}

// errPercent: a percentage where a count or an amount is wanted.
var errPercent = errors.New("a percentage")

func (t *tableReader) observation(c *column, k *rowKeys, n figure) (Observation, error) {
	p := t.plan
	region := cmp.Or(k.region, c.region, p.region)
	if region == "" {
		return Observation{}, msgErr("cell.no_region")
	}
	metric, ind, dim := t.rowMetric(c, k)
	u := t.unitFor(c, k, n)
	metric, note := resolveMetric(metric, unitKindOf(u), c.header)
	if u != nil && u == c.unit && c.guess != "" {
		note = joinNote(note, Say(M(c.guess+".note")))
	}
	if k.regionGuess {
		note = joinNote(note, "region from the row above")
	}
	year, period, err := t.resolveWhen(c, k.whenKey, k.when)
	if err != nil {
		return Observation{}, err
	}
	v, err := t.convert(metric, ind, n, u)
	if err != nil {
		return Observation{}, err
	}
	// Rows that name no source keep SourceID empty: a source line below the
	// table, else the file itself, is attached later.
	src := cmp.Or(k.source, p.source)
	if src != "" {
		t.addSource(src)
	}
	return Observation{Region: region, Year: year, Period: period, Metric: metric, Dimension: dim,
		Value: v, Qualifier: cmp.Or(qualifierOf(k.qual), n.qual, Exact), Confidence: Normal,
		SourceID: src, Note: joinNote(note, k.note)}, nil
}

// rowMetric is what a value measures (the column's metric, the row's, the
// sheet's) and for which categories; a 新能源汽车 row takes the NEV form of
// the metric, or is a category where the metric has none (exports).
func (t *tableReader) rowMetric(c *column, k *rowKeys) (Metric, *Indicator, string) {
	p := t.plan
	m, ind := c.metric, c.ind
	switch {
	case m != "":
	case k.metric != "":
		m, ind = k.metric, k.ind
	default:
		m, ind = p.metric, p.ind
	}
	dim := joinDim(c.dim, k.dim)
	switch {
	case k.nev == "":
	case nevMetric(m) != "":
		m = nevMetric(m)
	default:
		dim = joinDim(dim, k.nev)
	}
	return m, ind, dim
}

func unitKindOf(u *unit) string {
	if u == nil {
		return ""
	}
	return u.kind
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
	case n.kind == numPercent:
		return &percentUnit
	case k.unit != nil:
		return k.unit
	case c.unit != nil:
		return c.unit
	}
	return t.plan.unit
}

var percentUnit = unit{written: "%", kind: kindPercent, factor: 1}

// convert applies a unit to a figure for a metric: a built-in metric's
// canonical unit, or the unit a user indicator has in this data set (the
// first value of it decides).
func (t *tableReader) convert(metric Metric, ind *Indicator, n figure, u *unit) (float64, error) {
	if !metric.BuiltIn() {
		return t.convertUser(metric, ind, n.v, u)
	}
	return convert(metric, n.v, u)
}

// convert applies a unit to a figure for a built-in metric.
func convert(metric Metric, v float64, u *unit) (float64, error) {
	want := MetricUnit(metric)
	if u == nil {
		return v, nil
	}
	switch {
	case u.kind == kindUSD && want == UnitCNY:
		return 0, msgErr("cell.usd", u.written)
	case u.kind == kindPercent:
		return 0, fmt.Errorf("%w: %w", errPercent, msgErr("cell.percent_of", string(metric)))
	case want == UnitRank:
		return v, nil
	case u.kind != "" && u.kind != want:
		return 0, msgErr("cell.unit_mismatch", u.written, string(metric), want)
	}
	if u.factor == 1 {
		return v, nil
	}
	return roundSig(v * u.factor), nil
}

// convertUser keeps a user indicator's value in its unit's canonical form
// (万人 → people); the indicator is described by its first value's unit,
// and a value in another unit is skipped.
func (t *tableReader) convertUser(m Metric, ind *Indicator, v float64, u *unit) (float64, error) {
	in := Indicator{Metric: m, Kind: KindOther}
	if ind != nil {
		in.English = ind.English
	}
	factor := 1.0
	if u != nil {
		in.Unit, in.Kind, factor = u.canonical(), u.unitKind(), u.factor
	}
	have, ok := t.userUnit[m]
	if !ok {
		if old, known := t.d.Indicator(m); known {
			have, ok = old.Unit, true
		}
	}
	switch {
	case ok && have != in.Unit:
		return 0, msgErr("cell.unit_mismatch", cmp.Or(unitText(u), "(none)"), string(m), cmp.Or(have, "(none)"))
	case !ok:
		t.d.AddIndicator(in)
		t.userUnit[m] = in.Unit
	}
	if factor == 1 {
		return v, nil
	}
	return roundSig(v * factor), nil
}

func unitText(u *unit) string {
	if u == nil {
		return ""
	}
	return u.written
}

// roundSig drops the float noise a scale adds (231.8 × 10⁴).
func roundSig(v float64) float64 {
	if r := math.Round(v); math.Abs(v-r) <= 1e-9*math.Abs(v) {
		return r // the usual case: a whole number of vehicles or yuan
	}
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
			t.issue(t.sheet, r.num, c.yoyCol, false, "cell.growth_not_number", clip(cl.text))
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
	s := Source{ID: id, Title: id, Publisher: id, Tier: tierOf(id)}
	if strings.HasPrefix(id, "http://") || strings.HasPrefix(id, "https://") {
		s.URL, s.Publisher, s.Tier = id, "", TierOther
	}
	t.d.Sources = append(t.d.Sources, s)
}

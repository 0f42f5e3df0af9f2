package importer

import (
	"cmp"
	"math"
	"strconv"
	"strings"
)

// rowKeys is what a data row's key cells say.
type rowKeys struct {
	city, source, note, qual string
	metric                   Metric
	cityCol                  int
	when                     when
	unit                     *unit
	metricText               string
	cityGuess                bool
	whenKey                  int64 // IDs of the year and period texts
}

func (t *tableReader) dataRow(r gridRow) {
	first := r.cells[0]
	if t.footnote(first.text) && !looksNumeric(first) {
		t.issue(t.sheet, r.num, first.col, false, "cell.footnote", clip(first.text))
		return
	}
	if !t.hasValues(r) {
		switch vc := t.valueCols(); {
		case len(vc) == 1 && t.isKeyCell(first):
			t.issue(t.sheet, r.num, vc[0], false, "cell.empty")
		case len(r.cells) > 1 || !t.isKeyCell(first):
			t.issue(t.sheet, r.num, first.col, false, "row.no_figures", clip(strings.Join(texts(r), " ")))
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
	var yearID, periodID int32
	for _, c := range t.plan.cols {
		cl, ok := cellAt(r, c.col)
		if !ok {
			continue
		}
		switch c.role {
		case roleCity:
			k.city, k.cityCol = cl.text, c.col
		case roleYear:
			yearW, yearID = t.when(cl.text)
		case rolePeriod:
			k.when, periodID = t.when(cl.text)
			if k.when.empty() && isMonthHeader(c.header) {
				k.when, periodID = t.when(cl.text + "月") // a month column of plain numbers: 11 → 11月
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
	k.whenKey = int64(yearID)<<32 | int64(periodID)
	return t.resolveKeys(r, k)
}

func (t *tableReader) resolveKeys(r gridRow, k rowKeys) (rowKeys, bool) {
	if k.metricText != "" {
		m, yoy := t.metric(k.metricText)
		if yoy {
			t.issue(t.sheet, r.num, t.colOf(roleMetric), false, "row.growth", clip(k.metricText))
			return k, false
		}
		if m == "" {
			if rowHasNumbers(r) {
				t.issue(t.sheet, r.num, t.colOf(roleMetric), false, "row.unknown_indicator", clip(k.metricText))
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
			t.issue(t.sheet, r.num, col, true, "row.region_above", t.lastCity)
			k.city, k.cityGuess = t.lastCity, true
		}
		return k, true
	}
	hit, ok := t.cities[k.city]
	if !ok {
		name, known := matchName(k.city)
		total := totalWords[strings.ToLower(normText(k.city))] || strings.HasPrefix(normText(k.city), "其中")
		hit = cityHit{name, known, total}
		t.cities[k.city] = hit
	}
	if hit.total {
		t.issue(t.sheet, r.num, k.cityCol, false, "row.total", clip(k.city))
		return k, false
	}
	if !hit.known && !t.unknown[hit.name] {
		t.unknown[hit.name] = true
		t.issue(t.sheet, r.num, k.cityCol, true, "region.unknown", hit.name)
	}
	k.city = hit.name
	t.lastCity = hit.name
	return k, true
}

func (t *tableReader) unit(s string) *unit { return t.cachedUnit(t.units, s, parseUnit) }

// metricUnit is the unit written in an indicator cell ("汽车产量（万辆）").
func (t *tableReader) metricUnit(s string) *unit { return t.cachedUnit(t.mUnits, s, findUnit) }

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
// period texts.
func (t *tableReader) resolveWhen(col *column, key int64, row when) (int, Period, error) {
	k := [2]int64{int64(col.col), key}
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

// metric reads an indicator cell once per text: its metric, or that it
// states growth ("汽车产量同比增长").
func (t *tableReader) metric(s string) (Metric, bool) {
	h, ok := t.metrics[s]
	if !ok {
		h.yoy = isYoYHeader(s)
		if !h.yoy {
			h.metric, _ = findMetric(s)
		}
		t.metrics[s] = h
	}
	return h.metric, h.yoy
}

// valueCell turns one value cell into an observation, or reports why not.
func (t *tableReader) valueCell(r gridRow, c *column, k *rowKeys) {
	cl, ok := cellAt(r, c.col)
	skip := func(code string, args ...any) {
		t.issue(t.sheet, r.num, c.col, false, code, args...)
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
			skip("cell.missing", cl.text)
		} else {
			skip("cell.empty")
		}
		return
	case numBad:
		skip("cell.not_number", clip(cl.text))
		return
	case numPercent:
		skip("cell.percent", cl.text)
		return
	}
	o, err := t.observation(c, k, n)
	if err != nil {
		m := msgOf(err)
		skip(m.Code, m.Args...)
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
		return Observation{}, msgErr("cell.no_region")
	}
	metric := cmp.Or(c.metric, k.metric, p.metric)
	u := t.unitFor(c, k, n)
	kind := ""
	if u != nil {
		kind = u.kind
	}
	metric, note := resolveMetric(metric, kind, c.header)
	if u != nil && u == c.unit && c.guess != "" {
		note = joinNote(note, Say(M(c.guess+".note")))
	}
	if k.cityGuess {
		note = joinNote(note, "region from the row above")
	}
	year, period, err := t.resolveWhen(c, k.whenKey, k.when)
	if err != nil {
		return Observation{}, err
	}
	v, err := convert(metric, n.v, u)
	if err != nil {
		return Observation{}, err
	}
	// Rows that name no source keep SourceID empty: the caller attaches the
	// file itself (DataSet.AttachFileSource).
	src := k.source
	if src != "" {
		t.addSource(src)
	}
	return Observation{Region: city, Year: year, Period: period, Metric: metric, Value: v,
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
func convert(metric Metric, v float64, u *unit) (float64, error) {
	want := MetricUnit(metric)
	if u == nil {
		return v, nil
	}
	switch {
	case u.kind == kindUSD:
		return 0, msgErr("cell.usd", u.written)
	case u.kind == kindPercent:
		return 0, msgErr("cell.percent_of", string(metric))
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
	s := Source{ID: id, Title: id, Tier: TierOther}
	if strings.HasPrefix(id, "http://") || strings.HasPrefix(id, "https://") {
		s.URL = id
	}
	t.d.Sources = append(t.d.Sources, s)
}

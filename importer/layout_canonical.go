package importer

import (
	"strings"
)

// canonicalFits checks that a table whose header matches a canonical one
// really is one: a Targets table must be named so (else "City, Year,
// Metric, Value" is a plain long table), and the metrics must be canonical
// names unless the header has the export's Level column (then user
// indicators are its metrics too); otherwise the general reader, which
// knows "汽车产量", takes it.
func (t *tableReader) canonicalFits(table string, rows []gridRow) bool {
	if table == TableTargets && !strings.Contains(strings.ToLower(t.name), "target") {
		return false
	}
	if table != TableObservations && table != TableTargets {
		return true
	}
	mcol := 0
	for _, c := range rows[0].cells {
		switch normHeader(c.text) {
		case "metric":
			mcol = c.col
		case "level":
			return true // the export's own Observations: any metric, user indicators too
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
		if s == string(m) {
			return true
		}
	}
	return false
}

// keepCanonical adds a canonical table's rows as they come, the header
// first, so that a large canonical file is never held whole.
func (t *tableReader) keepCanonical(r gridRow) {
	if r.num < t.canonRow {
		return
	}
	rec := t.canonRec[:0]
	for _, c := range r.cells {
		for len(rec) < c.col-1 {
			rec = append(rec, "")
		}
		rec = append(rec, c.text)
	}
	t.canonRec = rec
	if t.canonTable != nil {
		t.canonTable.add(rec, r.num)
		return
	}
	ct, err := t.d.newCanonicalTable(t.canon, t.sheet, rec, t.rep)
	if err != nil {
		t.skip = M("table.not_canonical", err.Error())
		return
	}
	if src := t.choices().Source; src != "" { // rows that name no source have the one chosen
		ct.source = src
		t.addSource(src)
	}
	t.canonTable, t.canonBase = ct, t.canonCount()
}

// addCanonical settles a canonical table: how much it gave.
func (t *tableReader) addCanonical() {
	if t.canonTable != nil {
		t.obs = t.canonCount() - t.canonBase
	}
}

func (t *tableReader) canonCount() int {
	return t.rep.Rows + t.rep.Targets + t.rep.Events + t.rep.Terms + len(t.d.Sources)
}

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

// keepCanonical keeps a canonical table's rows as records for AddTable, with
// blank records for missing row numbers so reported rows stay right.
func (t *tableReader) keepCanonical(r gridRow) {
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
		t.skip = M("table.not_canonical", err.Error())
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
		name, known := matchName(rec[col])
		if !known && !t.unknown[name] {
			t.unknown[name] = true
			t.issue(t.sheet, t.canonRow+1+i, col+1, true, "region.unknown", name)
		}
		rec[col] = name
	}
}

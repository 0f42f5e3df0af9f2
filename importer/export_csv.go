package importer

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// WriteCSV writes the observations as CSV with the canonical Observations
// columns: UTF-8 with a byte-order mark (so Excel reads Chinese right),
// CRLF line ends, values in the canonical unit. Text cells that a
// spreadsheet would take for a formula (starting with =, +, -, @, tab or
// CR) get a leading apostrophe.
func (d *DataSet) WriteCSV(w io.Writer) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(CanonicalColumns[TableObservations]); err != nil {
		return err
	}
	rec := make([]string, len(CanonicalColumns[TableObservations]))
	for i := range d.Observations {
		observationRecord(&d.Observations[i], rec)
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// SaveCSV writes the observations to path atomically (see SaveWorkbook).
func (d *DataSet) SaveCSV(path string) error {
	return SaveAtomic(path, d.WriteCSV)
}

func observationRecord(o *Observation, r []string) {
	r[0], r[1], r[2], r[3] = EscapeFormula(o.City), strconv.Itoa(o.Year), EscapeFormula(o.Period), EscapeFormula(o.Metric)
	r[4], r[5], r[6], r[7] = FormatValue(o.Value), o.Unit(), EscapeFormula(o.Qualifier), EscapeFormula(o.Confidence)
	r[8], r[9], r[10], r[11] = optValue(o.YoY), EscapeFormula(o.SourceID), EscapeFormula(o.Note), optValue(o.EditedFrom)
}

func optValue(v *float64) string {
	if v == nil {
		return ""
	}
	return FormatValue(*v)
}

// EscapeFormula defuses a text cell against formula injection: text that
// starts with =, +, -, @, a tab or a carriage return gets a leading
// apostrophe, which spreadsheets show as text and do not evaluate.
func EscapeFormula(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

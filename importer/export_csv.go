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
	for o := range d.Observations() {
		d.observationRecord(&o, rec)
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

func (d *DataSet) observationRecord(o *Observation, r []string) {
	r[0], r[1], r[2], r[3] = EscapeFormula(o.Region), d.levelText(o.Region), strconv.Itoa(o.Year), o.Period.String()
	r[4], r[5], r[6], r[7] = EscapeFormula(string(o.Metric)), EscapeFormula(o.Dimension), FormatValue(o.Value), EscapeFormula(d.UnitOf(o.Metric))
	r[8], r[9], r[10], r[11] = EscapeFormula(o.Qualifier), EscapeFormula(o.Confidence), optValue(o.YoY), EscapeFormula(o.SourceID)
	r[12], r[13] = EscapeFormula(o.Note), optValue(o.EditedFrom)
}

// levelText is a region's level as the Level column writes it; "" when
// unknown.
func (d *DataSet) levelText(region string) string {
	if l := d.Level(region); l != LevelUnknown {
		return l.String()
	}
	return ""
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

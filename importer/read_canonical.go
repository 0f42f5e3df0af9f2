package importer

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"strconv"
	"strings"
)

// The canonical tables: the sheets of the canonical workbook and the CSV
// files of the default data share these columns.
const (
	TableObservations = "Observations"
	TableTargets      = "Targets"
	TableEvents       = "Events"
	TableGlossary     = "Glossary"
	TableSources      = "Sources"
)

// CanonicalColumns lists each canonical table's columns in order.
var CanonicalColumns = map[string][]string{
	TableObservations: {"City", "Year", "Period", "Metric", "Value", "Unit", "Qualifier",
		"Confidence", "Stated YoY %", "Source ID", "Note", "Edited From"},
	TableTargets:  {"City", "Year", "Metric", "Value", "Unit", "Source ID", "Note"},
	TableEvents:   {"Date", "City", "Kind", "Title", "Detail", "Source ID"},
	TableGlossary: {"Term", "Sense", "Chinese", "Kind", "Summary", "Aliases", "Related", "Source ID"},
	TableSources:  {"Source ID", "Title", "Publisher", "URL", "Date", "Tier"},
}

// canonicalFiles maps the default data's file names to tables.
var canonicalFiles = []struct{ file, table string }{
	{"sources.csv", TableSources},
	{"observations.csv", TableObservations},
	{"targets.csv", TableTargets},
	{"events.csv", TableEvents},
	{"glossary.csv", TableGlossary},
}

// LoadCanonical reads the canonical CSV files (observations.csv,
// targets.csv, events.csv, glossary.csv, sources.csv) from a folder, such as
// the app's embedded default data. Missing files are an error: the default
// data must be whole.
func LoadCanonical(fsys fs.FS) (*DataSet, *FileReport, error) {
	d := &DataSet{}
	rep := &FileReport{File: "default data", Layout: "canonical CSV files"}
	for _, cf := range canonicalFiles {
		f, err := fsys.Open(cf.file)
		if err != nil {
			return nil, nil, fmt.Errorf("default data: %w", err)
		}
		records, err := readCSVRecords(f, ',')
		f.Close()
		if err != nil {
			return nil, nil, fmt.Errorf("default data %s: %w", cf.file, err)
		}
		if len(records) == 0 {
			return nil, nil, fmt.Errorf("default data %s: empty file", cf.file)
		}
		if err := d.AddTable(cf.table, cf.file, records, rep); err != nil {
			return nil, nil, fmt.Errorf("default data %s: %w", cf.file, err)
		}
		rep.SheetsUsed = append(rep.SheetsUsed, cf.file)
	}
	return d, rep, nil
}

func readCSVRecords(r io.Reader, comma rune) ([][]string, error) {
	cr := csv.NewReader(r)
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	return cr.ReadAll()
}

// ErrNotCanonical says that a header does not match a canonical table.
var ErrNotCanonical = errors.New("header does not match the canonical columns")

// CanonicalTable returns which canonical table a header row belongs to, or
// "" when it is none of them. Columns are matched by name, in any order, case
// and surrounding space ignored; the first four columns of a table must be
// there, the rest are optional.
func CanonicalTable(header []string) string {
	have := map[string]bool{}
	for _, h := range header {
		have[normHeader(h)] = true
	}
	for _, t := range []string{TableObservations, TableTargets, TableEvents, TableGlossary, TableSources} {
		cols := CanonicalColumns[t]
		ok := true
		for _, c := range cols[:min(4, len(cols))] {
			if !have[normHeader(c)] {
				ok = false
				break
			}
		}
		if ok {
			return t
		}
	}
	return ""
}

func normHeader(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(strings.TrimPrefix(s, "\ufeff")), " "))
}

// AddTable adds the rows of one canonical table (header first) to the data
// set. Rows that cannot be read are skipped and reported in rep with their
// row and column; a header that does not fit the table is an error.
func (d *DataSet) AddTable(table, sheet string, records [][]string, rep *FileReport) error {
	if len(records) == 0 {
		return nil
	}
	col := map[string]int{}
	for i, h := range records[0] {
		col[normHeader(h)] = i
	}
	for _, c := range CanonicalColumns[table][:min(4, len(CanonicalColumns[table]))] {
		if _, ok := col[normHeader(c)]; !ok {
			return fmt.Errorf("%w: %s needs a %q column", ErrNotCanonical, table, c)
		}
	}
	unknown := map[string]bool{}
	for i, rec := range records[1:] {
		r := canonicalRow{rec: rec, col: col, sheet: sheet, row: i + 2, rep: rep, unknown: unknown}
		if r.blank() {
			continue
		}
		switch table {
		case TableObservations:
			if o, ok := r.observation(); ok {
				d.AddObservation(o)
				rep.Rows++
			}
		case TableTargets:
			if t, ok := r.target(); ok {
				d.Targets = append(d.Targets, t)
				rep.Targets++
			}
		case TableEvents:
			d.Events = append(d.Events, r.event())
			rep.Events++
		case TableGlossary:
			d.Terms = append(d.Terms, r.term())
			rep.Terms++
		case TableSources:
			if s := r.source(); s.ID != "" {
				d.Sources = append(d.Sources, s)
			}
		}
	}
	return nil
}

// canonicalRow reads one record of a canonical table by column name.
type canonicalRow struct {
	rec   []string
	col   map[string]int
	sheet string
	row   int
	rep   *FileReport

	unknown map[string]bool // cities not in the gazetteer, reported once
}

func (r canonicalRow) blank() bool {
	for _, v := range r.rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

func (r canonicalRow) get(name string) string {
	i, ok := r.col[normHeader(name)]
	if !ok || i >= len(r.rec) {
		return ""
	}
	return unescapeFormula(strings.TrimSpace(r.rec[i]))
}

// unescapeFormula takes back the apostrophe WriteCSV puts before a cell
// that a spreadsheet would run as a formula ('=1+1 → =1+1), so an export
// imports as it was. (Excel keeps such a leading apostrophe out of the
// cell's value, so a workbook never has it.)
func unescapeFormula(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(s[1])) {
		return s[1:]
	}
	return s
}

// city reads a city column: canonical English name from the gazetteer, or
// as written (reported once) when unknown; "" stays "".
func (r canonicalRow) city(name string) string {
	s := r.get(name)
	if s == "" {
		return ""
	}
	c, known := MatchCity(s)
	if !known && !r.unknown[c] {
		r.unknown[c] = true
		r.rep.issue(r.sheet, r.row, r.colOf(name), true, "city %q is not in the gazetteer; kept as written", c)
	}
	return c
}

func (r canonicalRow) colOf(name string) int { return r.col[normHeader(name)] + 1 }

func (r canonicalRow) skip(name, format string, args ...any) {
	r.rep.issue(r.sheet, r.row, r.colOf(name), false, format, args...)
}

func (r canonicalRow) year(name string) (int, bool) {
	y, err := strconv.Atoi(r.get(name))
	if err != nil || y < 1900 || y > 2100 {
		r.skip(name, "year %q is not a year between 1900 and 2100", r.get(name))
		return 0, false
	}
	return y, true
}

func (r canonicalRow) number(name string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.ReplaceAll(r.get(name), ",", ""), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		r.skip(name, "value %q is not a number", r.get(name))
		return 0, false
	}
	return v, true
}

func (r canonicalRow) metric() (string, bool) {
	m := strings.ToLower(r.get("Metric"))
	for _, known := range Metrics {
		if m == known {
			return m, true
		}
	}
	r.skip("Metric", "metric %q is not one of %s", r.get("Metric"), strings.Join(Metrics, ", "))
	return "", false
}

func (r canonicalRow) observation() (Observation, bool) {
	y, ok := r.year("Year")
	if !ok {
		return Observation{}, false
	}
	p, err := ParsePeriodToken(r.get("Period"))
	if err != nil {
		r.skip("Period", "%v", err)
		return Observation{}, false
	}
	m, ok := r.metric()
	if !ok {
		return Observation{}, false
	}
	v, ok := r.number("Value")
	if !ok {
		return Observation{}, false
	}
	if u := r.get("Unit"); u != "" && !strings.EqualFold(u, MetricUnit(m)) {
		r.skip("Unit", "unit %q does not fit metric %s (expected %s)", u, m, MetricUnit(m))
		return Observation{}, false
	}
	o := Observation{City: r.city("City"), Year: y, Period: p, Metric: m, Value: v,
		Qualifier:  orDefault(strings.ToLower(r.get("Qualifier")), Exact),
		Confidence: orDefault(strings.ToLower(r.get("Confidence")), Normal),
		SourceID:   r.get("Source ID"), Note: r.get("Note")}
	if o.City == "" {
		r.skip("City", "no city")
		return Observation{}, false
	}
	if s := strings.TrimSuffix(r.get("Stated YoY %"), "%"); s != "" {
		if g, err := strconv.ParseFloat(s, 64); err == nil {
			o.YoY = &g
		} else {
			r.rep.issue(r.sheet, r.row, r.colOf("Stated YoY %"), true, "stated YoY %q is not a number; left out", s)
		}
	}
	if s := r.get("Edited From"); s != "" {
		if e, err := strconv.ParseFloat(s, 64); err == nil {
			o.EditedFrom = &e
		}
	}
	return o, true
}

func (r canonicalRow) target() (Target, bool) {
	y, ok := r.year("Year")
	if !ok {
		return Target{}, false
	}
	m, ok := r.metric()
	if !ok {
		return Target{}, false
	}
	v, ok := r.number("Value")
	if !ok {
		return Target{}, false
	}
	return Target{City: r.city("City"), Year: y, Metric: m, Value: v,
		SourceID: r.get("Source ID"), Note: r.get("Note")}, true
}

func (r canonicalRow) event() Event {
	return Event{Date: r.get("Date"), City: r.city("City"), Kind: strings.ToLower(r.get("Kind")),
		Title: r.get("Title"), Detail: r.get("Detail"), SourceID: r.get("Source ID")}
}

func (r canonicalRow) term() Term {
	return Term{Term: r.get("Term"), Sense: r.get("Sense"), Chinese: r.get("Chinese"),
		Kind: strings.ToLower(r.get("Kind")), Summary: r.get("Summary"),
		Aliases: splitList(r.get("Aliases")), Related: splitList(r.get("Related")),
		SourceID: r.get("Source ID")}
}

func (r canonicalRow) source() Source {
	return Source{ID: r.get("Source ID"), Title: r.get("Title"), Publisher: r.get("Publisher"),
		URL: r.get("URL"), Date: r.get("Date"), Tier: orDefault(strings.ToLower(r.get("Tier")), TierOther)}
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// ParsePeriodToken reads a canonical period token: FY, YTDnn or Mnn.
func ParsePeriodToken(s string) (string, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if s == "FY" {
		return s, nil
	}
	for _, p := range []string{"YTD", "M"} {
		if rest, ok := strings.CutPrefix(s, p); ok && len(rest) == 2 {
			if n, err := strconv.Atoi(rest); err == nil && n >= 1 && n <= 12 {
				if p == "YTD" && n == 12 {
					return "FY", nil
				}
				return s, nil
			}
		}
	}
	return "", fmt.Errorf("period %q is not FY, YTDnn or Mnn (nn = 01…12)", s)
}

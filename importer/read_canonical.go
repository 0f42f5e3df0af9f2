package importer

import (
	"cmp"
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
	TableIndicators   = "Indicators"
	TableTargets      = "Targets"
	TableEvents       = "Events"
	TableGlossary     = "Glossary"
	TableSources      = "Sources"
	TableTitles       = "Titles"
)

// CanonicalColumns lists each canonical table's columns in order.
var CanonicalColumns = map[string][]string{
	TableObservations: {"Region", "Level", "Year", "Period", "Metric", "Dimension", "Value", "Unit", "Qualifier",
		"Confidence", "Stated YoY %", "Source ID", "Note", "Edited From"},
	TableIndicators: {"Metric", "English", "Unit", "Unit kind", "Note"},
	TableTargets:    {"City", "Year", "Metric", "Value", "Unit", "Source ID", "Note"},
	TableEvents:     {"Date", "City", "Kind", "Title", "Detail", "Source ID", "Title (Chinese)", "Detail (Chinese)"},
	TableGlossary:   {"Term", "Sense", "Chinese", "Kind", "Summary", "Aliases", "Related", "Source ID", "Sense (Chinese)", "Summary (Chinese)"},
	TableSources:    {"Source ID", "Title", "Publisher", "URL", "Date", "Tier", "Original Publisher"},
	TableTitles:     {"Chart", "Title", "Subtitle", "Note"},
}

// requiredColumns are the columns a header must have to be a canonical
// table; "A|B" takes either (an Observations table from before regions had
// levels names its first column City).
var requiredColumns = map[string][]string{
	TableObservations: {"Region|City", "Year", "Period", "Metric", "Value"},
	TableIndicators:   {"Metric", "Unit", "Unit kind"},
	TableTargets:      {"City", "Year", "Metric", "Value"},
	TableEvents:       {"Date", "City", "Kind", "Title"},
	TableGlossary:     {"Term", "Sense", "Chinese", "Kind"},
	TableSources:      {"Source ID", "Title", "Publisher", "URL"},
	TableTitles:       {"Chart", "Title", "Subtitle", "Note"},
}

// canonicalOrder is the order tables are recognised and written in.
var canonicalOrder = []string{TableObservations, TableIndicators, TableTargets, TableEvents, TableGlossary, TableSources, TableTitles}

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
	rep := &FileReport{File: "default data", Layout: []Msg{M("format.canonical_csv")}}
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
// and surrounding space ignored; the required columns of a table must be
// there, the rest are optional.
func CanonicalTable(header []string) string {
	have := map[string]bool{}
	for _, h := range header {
		have[normHeader(h)] = true
	}
	for _, t := range canonicalOrder {
		if missingColumn(t, have) == "" {
			return t
		}
	}
	return ""
}

// missingColumn is the first required column of a table the header lacks.
func missingColumn(table string, have map[string]bool) string {
	for _, c := range requiredColumns[table] {
		found := false
		for _, alt := range strings.Split(c, "|") {
			found = found || have[normHeader(alt)]
		}
		if !found {
			return c
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
	ct, err := d.newCanonicalTable(table, sheet, records[0], rep)
	if err != nil {
		return err
	}
	for i, rec := range records[1:] {
		ct.add(rec, i+2)
	}
	return nil
}

// canonicalTable adds the rows of one canonical table as they come, so
// that a large table is never held whole.
type canonicalTable struct {
	d       *DataSet
	table   string
	sheet   string
	rep     *FileReport
	col     map[string]int // by normalised header, and by each canonical column's name (-1: absent)
	unknown map[string]bool
	regions map[string]string // names already matched, as the gazetteer names them
	source  string            // the source chosen for the file (--source), for rows that name none
}

func (d *DataSet) newCanonicalTable(table, sheet string, header []string, rep *FileReport) (*canonicalTable, error) {
	col := map[string]int{}
	have := map[string]bool{}
	for i, h := range header {
		col[normHeader(h)] = i
		have[normHeader(h)] = true
	}
	if c := missingColumn(table, have); c != "" {
		return nil, fmt.Errorf("%w: %s needs a %q column", ErrNotCanonical, table, c)
	}
	names := []string{"City"}
	for _, cols := range CanonicalColumns {
		names = append(names, cols...)
	}
	for _, c := range names {
		if i, ok := col[normHeader(c)]; ok {
			col[c] = i
		} else {
			col[c] = -1
		}
	}
	return &canonicalTable{d: d, table: table, sheet: sheet, rep: rep, col: col,
		unknown: map[string]bool{}, regions: map[string]string{}}, nil
}

// add adds one record, whose row number (for the report) is row.
func (t *canonicalTable) add(rec []string, row int) {
	d, rep := t.d, t.rep
	r := canonicalRow{rec: rec, col: t.col, sheet: t.sheet, row: row, rep: rep, unknown: t.unknown, regions: t.regions, chosenSource: t.source}
	if r.blank() {
		return
	}
	d.addRow(t.table, r, rep)
}

// addRow adds one row of a canonical table.
func (d *DataSet) addRow(table string, r canonicalRow, rep *FileReport) {
	switch table {
	case TableObservations:
		if o, ok := r.observation(d); ok {
			d.AddObservation(o)
			rep.Rows++
		}
	case TableIndicators:
		if in, ok := r.indicator(); ok {
			d.SetIndicator(in)
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
	case TableTitles:
		d.setChartTitle(ChartTitle{Chart: r.get("Chart"), Title: r.get("Title"), Subtitle: r.get("Subtitle"), Note: r.get("Note")})
	}
}

// canonicalRow reads one record of a canonical table by column name.
type canonicalRow struct {
	rec   []string
	col   map[string]int
	sheet string
	row   int
	rep   *FileReport

	unknown map[string]bool   // cities not in the gazetteer, reported once
	regions map[string]string // names matched so far

	chosenSource string // the source of a row whose Source ID is empty, as chosen for the file
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
	i := r.index(name)
	if i < 0 || i >= len(r.rec) {
		return ""
	}
	return unescapeFormula(strings.TrimSpace(r.rec[i]))
}

// index is a column's place in the record, -1 when the table lacks it.
func (r canonicalRow) index(name string) int {
	i, ok := r.col[name]
	if !ok {
		if i, ok = r.col[normHeader(name)]; !ok {
			return -1
		}
	}
	return i
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

// region reads a region column: the canonical English name from the
// gazetteer, or as written (reported once) when unknown; "" stays "".
func (r canonicalRow) region(name string) string {
	s := r.get(name)
	if s == "" {
		return ""
	}
	if c, ok := r.regions[s]; ok {
		return c
	}
	c, _, known := MatchRegion(s)
	if len(r.regions) < 4096 {
		r.regions[s] = c
	}
	if !known && !r.unknown[c] {
		r.unknown[c] = true
		r.rep.issue(r.sheet, r.row, r.colOf(name), true, "region.unknown", c)
	}
	return c
}

func (r canonicalRow) colOf(name string) int { return r.index(name) + 1 }

func (r canonicalRow) has(name string) bool { return r.index(name) >= 0 }

func (r canonicalRow) skip(name, code string, args ...any) {
	r.rep.issue(r.sheet, r.row, r.colOf(name), false, code, args...)
}

func (r canonicalRow) year(name string) (int, bool) {
	y, err := strconv.Atoi(r.get(name))
	if err != nil || y < 1900 || y > 2100 {
		r.skip(name, "canon.year", r.get(name))
		return 0, false
	}
	return y, true
}

func (r canonicalRow) number(name string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.ReplaceAll(r.get(name), ",", ""), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		r.skip(name, "canon.value", r.get(name))
		return 0, false
	}
	return v, true
}

// metric reads a Metric cell: a built-in metric's name, or any other name
// (a user indicator, described by the Indicators table or its Unit cell).
func (r canonicalRow) metric() (Metric, bool) {
	s := r.get("Metric")
	if m := Metric(strings.ToLower(s)); m.BuiltIn() {
		return m, true
	}
	if s == "" {
		r.skip("Metric", "canon.no_metric")
		return "", false
	}
	return Metric(s), true
}

func (r canonicalRow) observation(d *DataSet) (Observation, bool) {
	y, ok := r.year("Year")
	if !ok {
		return Observation{}, false
	}
	p, ok := ParsePeriod(r.get("Period"))
	if !ok {
		r.skip("Period", "canon.period", r.get("Period"))
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
	if !r.unitFits(d, m) {
		return Observation{}, false
	}
	regionCol := "Region"
	if !r.has(regionCol) {
		regionCol = "City"
	}
	o := Observation{Region: r.region(regionCol), Year: y, Period: p, Metric: m, Dimension: r.get("Dimension"), Value: v,
		Qualifier:  orDefault(strings.ToLower(r.get("Qualifier")), Exact),
		Confidence: orDefault(strings.ToLower(r.get("Confidence")), Normal),
		SourceID:   cmp.Or(r.get("Source ID"), r.chosenSource), Note: r.get("Note")}
	if o.Region == "" {
		r.skip(regionCol, "canon.no_region")
		return Observation{}, false
	}
	if l, ok := ParseLevel(r.get("Level")); ok {
		d.SetLevel(o.Region, l)
	} else {
		r.rep.issue(r.sheet, r.row, r.colOf("Level"), true, "canon.level", r.get("Level"))
	}
	if s := strings.TrimSuffix(r.get("Stated YoY %"), "%"); s != "" {
		if g, err := strconv.ParseFloat(s, 64); err == nil {
			o.YoY = &g
		} else {
			r.rep.issue(r.sheet, r.row, r.colOf("Stated YoY %"), true, "canon.yoy", s)
		}
	}
	if s := r.get("Edited From"); s != "" {
		if e, err := strconv.ParseFloat(s, 64); err == nil {
			o.EditedFrom = &e
		}
	}
	return o, true
}

// unitFits checks the Unit cell against the metric: a built-in metric's
// unit must be its canonical one; a user indicator's unit describes it,
// unless the Indicators table already has.
func (r canonicalRow) unitFits(d *DataSet, m Metric) bool {
	u := r.get("Unit")
	if want := MetricUnit(m); want != "" {
		if u != "" && !strings.EqualFold(u, want) {
			r.skip("Unit", "canon.unit", u, string(m), want)
			return false
		}
		return true
	}
	if _, ok := d.Indicator(m); !ok {
		d.AddIndicator(Indicator{Metric: m, Unit: u, Kind: kindOfUnit(u)})
	}
	return true
}

// kindOfUnit is what a canonical unit counts.
func kindOfUnit(u string) UnitKind {
	switch strings.ToLower(u) {
	case UnitVehicles:
		return KindVehicles
	case "cny":
		return KindCNY
	case "usd":
		return KindUSD
	case UnitPeople:
		return KindPeople
	case UnitPercent:
		return KindPercent
	case UnitTonnes:
		return KindTonnes
	case UnitCount:
		return KindCount
	case UnitRank:
		return KindRank
	}
	return KindOther
}

func (r canonicalRow) indicator() (Indicator, bool) {
	m := Metric(r.get("Metric"))
	if m == "" || Metric(strings.ToLower(string(m))).BuiltIn() {
		return Indicator{}, false
	}
	kind := UnitKind(strings.ToLower(r.get("Unit kind")))
	if kind == "cny" || kind == "usd" {
		kind = UnitKind(strings.ToUpper(string(kind)))
	}
	if kind == "" || !slicesContains(UnitKinds, kind) {
		kind = kindOfUnit(r.get("Unit"))
	}
	return Indicator{Metric: m, English: r.get("English"), Unit: r.get("Unit"), Kind: kind, Note: r.get("Note")}, true
}

func slicesContains(ks []UnitKind, k UnitKind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
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
	return Target{City: r.region("City"), Year: y, Metric: m, Value: v,
		SourceID: r.get("Source ID"), Note: r.get("Note")}, true
}

func (r canonicalRow) event() Event {
	return Event{Date: r.get("Date"), City: r.region("City"), Kind: strings.ToLower(r.get("Kind")),
		Title: r.get("Title"), Detail: r.get("Detail"), SourceID: r.get("Source ID"),
		TitleZh: r.get("Title (Chinese)"), DetailZh: r.get("Detail (Chinese)")}
}

func (r canonicalRow) term() Term {
	return Term{Term: r.get("Term"), Sense: r.get("Sense"), Chinese: r.get("Chinese"),
		Kind: strings.ToLower(r.get("Kind")), Summary: r.get("Summary"),
		Aliases: splitList(r.get("Aliases")), Related: splitList(r.get("Related")),
		SourceID: r.get("Source ID"), SenseZh: r.get("Sense (Chinese)"), SummaryZh: r.get("Summary (Chinese)")}
}

func (r canonicalRow) source() Source {
	return Source{ID: r.get("Source ID"), Title: r.get("Title"), Publisher: r.get("Publisher"),
		URL: r.get("URL"), Date: r.get("Date"), Tier: orDefault(strings.ToLower(r.get("Tier")), TierOther),
		Original: r.get("Original Publisher")}
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

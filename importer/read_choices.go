package importer

import (
	"fmt"
	"hash/fnv"
	"strings"
	"unicode"
)

// The import preview's contract. The importer reads a file as well as it
// can and says, table by table, how it read it (FileReport.Tables): which
// row is the header, what each column holds, the regions' level, the
// metric, unit, year and source that apply to all values. The user (the
// import preview, or the command line's --metric, --unit, --year,
// --level and --source) then says what the file leaves unsaid or reads
// wrong, as Choices in ImportOptions, and the file is read again with
// them. A choice fills what the file does not state; a choice that
// contradicts what the file states fails the import with ErrContradiction,
// naming the column or title that says otherwise, rather than overriding
// the file silently. Column roles the user gives win over the layout
// engine's: a column made RoleDimension is never a region, one made
// RoleIgnored is left out and the report says the user chose so.
//
// The preview's loop: Import with no choices; show rep.Tables (and the
// first observations of the data set); Import again with the user's
// Choices; an error with ErrContradiction names what to undo. Tables of
// the same Shape (another year's NBS export) can take the same choices.

// Role is what a column holds.
type Role string

// The roles a column can have.
const (
	RoleRegion    Role = "region"    // region names: cities, provinces, countries
	RoleYear      Role = "year"      // years
	RolePeriod    Role = "period"    // periods or dates (2025年1-11月, 2025-11)
	RoleIndicator Role = "indicator" // the row's indicator (汽车产量, GDP)
	RoleValue     Role = "value"     // figures
	RoleUnit      Role = "unit"      // the row's unit
	RoleSource    Role = "source"    // the row's source
	RoleDimension Role = "dimension" // a category (乘用车, 纯电动, a maker): part of what a figure is for, never a region
	RoleGrowth    Role = "growth"    // stated year-on-year growth of the value beside it
	RoleNote      Role = "note"      // remarks kept with the row's figures
	RoleIgnored   Role = "ignored"   // not read
)

// ColumnReading is how one column was read.
type ColumnReading struct {
	Col    int    // 1-based
	Header string // the header rows' texts, joined
	Role   Role
	Metric Metric // a value column's metric or user indicator, where the plan knows it
	Unit   string // a value column's unit as written ("万辆"), where stated
	Note   Msg    // why it was read so, when that needs saying
}

// TableReading is how one table (sheet, CSV, web-page table) was read.
type TableReading struct {
	Sheet     string // the sheet's or web-page table's name; "" for a CSV
	HeaderRow int    // 1-based; 0 when no header was found
	Columns   []ColumnReading
	Layout    Msg    // the layout, or why the table was not read
	Level     Level  // the regions' level, LevelUnknown when the names do not say
	Metric    Metric // what all values measure, when the titles, sheet, file name or a choice say
	Unit      string // the unit all values are in, as written, when stated
	Year      int    // the year all values are for, when stated
	Source    string // the source of all values, when stated
	Shape     string // a signature of the header texts: the same file shape → the same string
}

// Choices are what a user says about a file that it leaves unsaid or
// reads wrong: the import preview's choices and the command line's
// --metric, --unit, --year, --level, --source. Zero values leave the
// file's own word. A choice that contradicts what the file states is an
// error (errors.Is(err, ErrContradiction)) whose message names the column
// or title that says otherwise.
type Choices struct {
	Metric Metric // a built-in metric's name (production), or a user indicator's
	Unit   string // a unit as a file writes it (万辆, 亿元, million) or a canonical one (vehicles, CNY, people)
	Year   int
	Level  Level
	Source string
	Roles  map[string]map[int]Role // sheet ("" for a CSV; a web page's table by its TableReading.Sheet) → column (1-based) → role
}

func (t *tableReader) choices() Choices { return t.rep.choices }

// publicRoles and chosenRoles translate between the layout's roles and the
// preview's.
var publicRoles = map[role]Role{roleIgnore: RoleIgnored, roleRegion: RoleRegion, roleYear: RoleYear,
	rolePeriod: RolePeriod, roleMetric: RoleIndicator, roleUnit: RoleUnit, roleValue: RoleValue, roleYoY: RoleGrowth,
	roleSource: RoleSource, roleNote: RoleNote, roleQualifier: RoleNote, roleSkip: RoleIgnored,
	roleUnread: RoleIgnored, roleDimension: RoleDimension}

var chosenRoles = map[Role]role{RoleRegion: roleRegion, RoleYear: roleYear, RolePeriod: rolePeriod,
	RoleIndicator: roleMetric, RoleValue: roleValue, RoleUnit: roleUnit, RoleSource: roleSource,
	RoleDimension: roleDimension, RoleGrowth: roleYoY, RoleNote: roleNote, RoleIgnored: roleSkip}

// applyRoles gives the columns the roles the user chose. A role equal to
// the one read changes nothing (a qualifier column shown as a note stays
// a qualifier column).
func (t *tableReader) applyRoles(p *sheetPlan) {
	roles := t.choices().Roles[t.sheet]
	for i := range p.cols {
		c := &p.cols[i]
		r, ok := roles[c.col]
		internal, known := chosenRoles[r]
		if !ok || !known || publicRoles[c.role] == r {
			continue
		}
		c.role, c.chosen = internal, true
		switch r {
		case RoleIgnored:
			c.note = M("column.user_ignored", clip(c.header))
		case RoleValue: // what its header says stays: a metric, a year, a region
		default:
			c.region = "" // a key column names no region of its own
		}
	}
}

// contradiction is the import's failure when a choice contradicts the file.
func (t *tableReader) contradiction(why Msg) error {
	return &FileError{File: t.rep.File, Err: ErrContradiction, Why: why}
}

// applyChoices fills what the table leaves unsaid with the user's choices,
// or says which choice the table contradicts.
func (t *tableReader) applyChoices(p *sheetPlan, data []gridRow) error {
	ch := t.choices()
	for _, choose := range []func(*sheetPlan, Choices, []gridRow) error{
		t.chooseMetric, t.chooseUnit, t.chooseYear, t.chooseLevel, t.chooseSource} {
		if err := choose(p, ch, data); err != nil {
			return err
		}
	}
	t.noteChoices(ch)
	return nil
}

// noteChoices says in the report which choices the table was read with.
func (t *tableReader) noteChoices(ch Choices) {
	var said []Msg
	if ch.Metric != "" {
		said = append(said, M("chose.metric", ChoiceMetric(string(ch.Metric))))
	}
	if ch.Unit != "" {
		said = append(said, M("chose.unit", ch.Unit))
	}
	if ch.Year != 0 {
		said = append(said, M("chose.year", ch.Year))
	}
	if ch.Level != LevelUnknown {
		said = append(said, M("chose.level", levelName(ch.Level)))
	}
	if ch.Source != "" {
		said = append(said, M("chose.source", ch.Source))
	}
	if len(said) > 0 {
		t.rep.Issues = append(t.rep.Issues, Issue{Sheet: t.sheet, Note: true, Msg: M("table.chosen", joinMsgs(said))})
	}
}

// columnPlace names a column in a reason: column B "2023年".
func columnPlace(c *column) Msg { return M("place.column", ColumnName(c.col), clip(c.header)) }

// ChoiceMetric reads a metric a user names: a built-in metric by its name
// or any name the importer knows for it (汽车产量, Vehicle output), else a
// user indicator of that name.
func ChoiceMetric(s string) Metric {
	s = strings.TrimSpace(s)
	if m := Metric(strings.ToLower(s)); m.BuiltIn() {
		return m
	}
	if m, ok := findMetric(s); ok && m != exportAny {
		return m
	}
	return Metric(s)
}

func (t *tableReader) chooseMetric(p *sheetPlan, ch Choices, _ []gridRow) error {
	if ch.Metric == "" {
		return nil
	}
	m := ChoiceMetric(string(ch.Metric))
	for i := range p.cols {
		c := &p.cols[i]
		switch {
		case c.role == roleMetric:
			return t.contradiction(M("contradiction.metric_column", columnPlace(c), m))
		case c.role == roleValue && c.metric != "" && c.metric != m && !IsRank(c.metric):
			return t.contradiction(M("contradiction.metric", columnPlace(c), c.metric, m))
		}
	}
	if p.metric != "" && p.metric != m {
		return t.contradiction(M("contradiction.metric", p.metricAt, p.metric, m))
	}
	p.metric, p.metricAt = m, M("place.choice")
	if !m.BuiltIn() {
		p.ind = &Indicator{Metric: m}
	}
	return nil
}

// choiceUnit reads a unit a user names: as a file writes it (万辆, 亿元,
// million, (10,000 units)) or a canonical unit (vehicles, CNY, USD,
// people, percent, tonnes, count); any other is kept as written.
func choiceUnit(s string) (unit, bool) {
	s = strings.TrimSpace(s)
	if u, ok := parseUnit(s); ok {
		return u, true
	}
	for _, k := range []string{kindVehicles, kindCNY, kindUSD, kindPeople, kindPercent, kindTonnes, kindCount} {
		if strings.EqualFold(s, k) {
			return unit{written: s, kind: k, factor: 1}, true
		}
	}
	return unit{written: s, kind: kindOther, factor: 1}, false
}

func sameUnit(a, b unit) bool { return a.kind == b.kind && a.factor == b.factor }

func (t *tableReader) chooseUnit(p *sheetPlan, ch Choices, _ []gridRow) error {
	if ch.Unit == "" {
		return nil
	}
	u, _ := choiceUnit(ch.Unit)
	for i := range p.cols {
		c := &p.cols[i]
		switch {
		case c.role == roleUnit:
			return t.contradiction(M("contradiction.unit_column", columnPlace(c), u.written))
		case c.role == roleValue && c.unit != nil && !sameUnit(*c.unit, u):
			return t.contradiction(M("contradiction.unit", columnPlace(c), c.unit.written, u.written))
		}
	}
	if p.unit != nil && !sameUnit(*p.unit, u) {
		return t.contradiction(M("contradiction.unit", p.unitAt, p.unit.written, u.written))
	}
	p.unit, p.unitAt = &u, M("place.choice")
	return nil
}

func (t *tableReader) chooseYear(p *sheetPlan, ch Choices, data []gridRow) error {
	if ch.Year == 0 {
		return nil
	}
	for i := range p.cols {
		c := &p.cols[i]
		y := c.when.year
		if c.role == roleYear || c.role == rolePeriod {
			y = otherYear(columnTexts(c.col, data), ch.Year)
		} else if c.role != roleValue {
			continue
		}
		if y != 0 && y != ch.Year {
			return t.contradiction(M("contradiction.year", columnPlace(c), y, ch.Year))
		}
	}
	if y := p.sheetWhen.year; y != 0 && y != ch.Year {
		return t.contradiction(M("contradiction.year", p.whenAt, y, ch.Year))
	}
	if p.sheetWhen.empty() {
		p.sheetWhen = when{year: ch.Year, period: "FY", implied: true}
	}
	p.sheetWhen.year, p.whenAt = ch.Year, M("place.choice")
	return nil
}

// otherYear is the first year in texts that is not want, or 0.
func otherYear(texts []string, want int) int {
	for _, s := range texts {
		if y := parseWhen(s).year; y != 0 && y != want {
			return y
		}
	}
	return 0
}

func (t *tableReader) chooseLevel(p *sheetPlan, ch Choices, data []gridRow) error {
	if ch.Level == LevelUnknown {
		return nil
	}
	for i := range p.cols {
		c := &p.cols[i]
		if c.role != roleRegion {
			continue
		}
		said := cmpLevel(headerLevels[headerKey(c.header)], namesLevel(columnTexts(c.col, data)))
		if said != LevelUnknown && !ch.Level.Includes(said) && !said.Includes(ch.Level) {
			return t.contradiction(M("contradiction.level", columnPlace(c), levelName(said), levelName(ch.Level)))
		}
		c.level = ch.Level
	}
	if l := p.headerRegionLevel(); l != LevelUnknown && !ch.Level.Includes(l) && !l.Includes(ch.Level) {
		return t.contradiction(M("contradiction.level", M("place.headers"), levelName(l), levelName(ch.Level)))
	}
	p.level, p.levelHint = ch.Level, ch.Level
	p.headerRegions()
	p.level = ch.Level
	return nil
}

// headerRegionLevel is the level of the regions the headers name, by the
// names alone.
func (p *sheetPlan) headerRegionLevel() Level {
	var names []string
	for _, c := range p.cols {
		if c.role == roleValue && c.region != "" {
			names = append(names, stripBrackets(c.header))
		}
	}
	return namesLevel(names)
}

func (t *tableReader) chooseSource(p *sheetPlan, ch Choices, _ []gridRow) error {
	if ch.Source == "" {
		return nil
	}
	for i := range p.cols {
		if c := &p.cols[i]; c.role == roleSource {
			return t.contradiction(M("contradiction.source_column", columnPlace(c), ch.Source))
		}
	}
	if p.source != "" && p.source != ch.Source {
		return t.contradiction(M("contradiction.source", p.sourceAt, p.source, ch.Source))
	}
	p.source, p.sourceAt = ch.Source, M("place.choice")
	return nil
}

// addReading records how the table was read, for the import preview.
func (t *tableReader) addReading() {
	r := TableReading{Sheet: t.sheet, Layout: cmpMsg(t.skip, t.layout())}
	if p := t.plan; p != nil {
		r.HeaderRow, r.Level, r.Metric, r.Year, r.Source = p.headerRow, p.level, p.metric, p.sheetWhen.year, p.source
		if p.unit != nil {
			r.Unit = p.unit.written
		}
		for i := range p.cols {
			r.Columns = append(r.Columns, t.columnReading(&p.cols[i]))
		}
		r.Shape = shapeOf(p.cols)
	}
	if t.canon != "" {
		r.HeaderRow = t.canonRow
	}
	t.reading = len(t.rep.Tables)
	t.rep.Tables = append(t.rep.Tables, r)
}

// cmpMsg is the first message that says something.
func cmpMsg(ms ...Msg) Msg {
	for _, m := range ms {
		if m.Code != "" {
			return m
		}
	}
	return Msg{}
}

func (t *tableReader) columnReading(c *column) ColumnReading {
	cr := ColumnReading{Col: c.col, Header: c.header, Role: publicRoles[c.role], Note: c.note}
	if c.role != roleValue {
		return cr
	}
	cr.Metric = t.metricOf(c)
	if u := cmpUnit(c.unit, t.plan.unit); u != nil && u.written != "(none)" {
		cr.Unit = u.written
	}
	if c.guess != "" {
		cr.Note = M(c.guess + ".note")
	}
	return cr
}

// shapeOf is a signature of the header texts, with digits folded (the
// same NBS export for another ten years has the same shape).
func shapeOf(cols []column) string {
	h := fnv.New64a()
	for _, c := range cols {
		fmt.Fprintf(h, "%d\x00%s\x01", c.col, strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) {
				return '0'
			}
			return r
		}, strings.ToLower(normText(c.header))))
	}
	return fmt.Sprintf("%016x", h.Sum64())
}

package views

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"autocities/importer"
)

// preview is the import preview: how a file was read — its layout, each
// column's role, the indicator, unit, year, region level and source that
// apply to every value, the first rows as they will be stored, every
// warning — where the user changes any of it (the same choices as the
// command line's --metric, --unit, --year, --level, --source) and the file
// is read again, then Merge (Return), Replace or Cancel (Escape).
type preview struct {
	u        *ui
	path     string
	password string // the file's, when it asked for one
	choices  importer.Choices
	res      readResult // the latest reading
	reading  int        // readings asked for; the newest wins
	done     func()     // after Merge, Replace or Cancel: the next file
	closed   bool

	dlg                    *dialog.CustomDialog
	status, recalled, dups *widget.Label
	metric, unit           *widget.SelectEntry
	year, source           *widget.Entry
	level                  *widget.Select
	columns                *fyne.Container
	sample                 *rowTable[importer.Observation]
	sampleRows             []importer.Observation
	warnings               *widget.Label
	tabs                   *container.AppTabs
	merge, replace         *widget.Button
	updating               bool
	timer                  *time.Timer
	inFlight               int  // readings not yet shown
	mergeWhenRead          bool // Return was pressed while a reading was due
	pending                jobs // readings running (tests wait for them)
}

// readResult is a file read with choices, off the UI goroutine.
type readResult struct {
	data *importer.DataSet
	rep  *importer.FileReport
	err  error
	dups int // figures already in the working data with the same value
}

// sampleSize is how many of the first rows the preview lists.
const sampleSize = 12

func (u *ui) showPreview(path, password string, res readResult, choices importer.Choices, recalled bool, done func()) {
	p := &preview{u: u, path: path, password: password, choices: choices, res: res, done: done}
	p.build()
	if recalled {
		p.recalled.SetText(T("ui.preview_recalled"))
		p.recalled.Show()
	}
	p.show(res)
	if res.err != nil { // nothing read yet: how each column was understood is what to look at
		p.tabs.SelectIndex(1)
	}
	p.dlg.Show()
	p.keys()
	if u.previewShown != nil {
		u.previewShown <- p
	}
}

func (p *preview) build() {
	p.status = widget.NewLabel("")
	p.status.Wrapping = fyne.TextWrapWord
	p.recalled = widget.NewLabel("")
	p.recalled.Importance = widget.SuccessImportance
	p.recalled.Hide()
	p.dups = widget.NewLabel("")
	p.dups.Importance = widget.WarningImportance
	p.dups.Wrapping = fyne.TextWrapWord
	p.dups.Hide()
	p.metric = widget.NewSelectEntry(p.metricOptions())
	p.metric.PlaceHolder = T("ui.preview_as_the_file_says")
	p.unit = widget.NewSelectEntry([]string{"辆", "万辆", "元", "万元", "亿元", "美元", "亿美元", "人", "万人", "%", "吨", "万吨"})
	p.unit.PlaceHolder = T("ui.preview_as_the_file_says")
	p.year = widget.NewEntry()
	p.year.PlaceHolder = T("ui.preview_as_the_file_says")
	p.source = widget.NewEntry()
	p.source.PlaceHolder = T("ui.preview_as_the_file_says")
	p.level = widget.NewSelect(levelChoices(), nil)
	for _, e := range []*widget.Entry{&p.metric.Entry, &p.unit.Entry, p.year, p.source} {
		e.OnChanged = func(string) { p.changed() }
		e.OnSubmitted = func(string) { p.submit() } // Return in a field merges too
	}
	p.level.OnChanged = func(string) { p.changed() }
	p.fillChoices()
	p.columns = container.NewVBox()
	p.sample = newRowTable(sampleColumns(p), func() int { return len(p.sampleRows) },
		func(i int) importer.Observation { return p.sampleRows[i] }, nil)
	p.warnings = widget.NewLabel("")
	p.warnings.Wrapping = fyne.TextWrapWord
	p.tabs = container.NewAppTabs(
		container.NewTabItem(T("ui.preview_first_rows"), p.sample.object()),
		container.NewTabItem(T("ui.preview_columns"), container.NewVScroll(p.columns)),
		container.NewTabItem(T("ui.preview_warnings"), container.NewVScroll(p.warnings)),
	)
	choices := flow(labelled("ui.preview_indicator", wide(p.metric, 240)), labelled("ui.unit", wide(p.unit, 170)),
		labelled("ui.year", wide(p.year, 150)), labelled("ui.preview_level", wide(p.level, 170)),
		labelled("ui.source", wide(p.source, 300)))
	cancel := &widget.Button{Text: T("ui.cancel"), OnTapped: p.cancel}
	p.replace = &widget.Button{Text: T("ui.replace"), OnTapped: func() { p.finish(false) }}
	p.merge = &widget.Button{Text: T("ui.merge"), Importance: widget.HighImportance, OnTapped: func() { p.finish(true) }}
	buttons := container.NewHBox(widget.NewLabel(T("ui.preview_keys")), layoutSpacer(), cancel, p.replace, p.merge)
	body := container.New(&fillStack{fill: 4}, p.status, p.recalled, choices, p.dups, p.tabs, buttons)
	p.dlg = dialog.NewCustomWithoutButtons(T("ui.preview_title", filepath.Base(p.path)), body, p.u.win)
	size := p.u.win.Canvas().Size()
	p.dlg.Resize(fyne.NewSize(min(1040, size.Width*0.94), min(720, size.Height*0.94)))
}

// keys: Return merges, Escape cancels, while the preview is up (Fyne's
// dialogs take no keys; the window's own handler comes back after).
func (p *preview) keys() {
	c := p.u.win.Canvas()
	prev := c.OnTypedKey()
	c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		switch e.Name {
		case fyne.KeyReturn, fyne.KeyEnter:
			p.submit()
		case fyne.KeyEscape:
			p.cancel()
		}
	})
	p.dlg.SetOnClosed(func() { c.SetOnTypedKey(prev) })
}

func (p *preview) metricOptions() []string {
	var out []string
	for _, m := range importer.Metrics {
		out = append(out, metricLabel(m))
	}
	for _, in := range p.u.state.Data().Indicators {
		out = append(out, string(in.Metric))
	}
	return out
}

// levelChoices: as the file says, or the level of every region it names.
func levelChoices() []string {
	return []string{T("ui.preview_as_the_file_says"), T("ui.level_city"), T("ui.level_province"), T("ui.level_country")}
}

var levelOfChoice = []importer.Level{importer.LevelUnknown, importer.LevelCity, importer.LevelProvince, importer.LevelCountry}

// fillChoices shows the choices in the controls.
func (p *preview) fillChoices() {
	p.updating = true
	defer func() { p.updating = false }()
	c := p.choices
	p.metric.SetText(metricLabel(c.Metric))
	if c.Metric == "" {
		p.metric.SetText("")
	}
	p.unit.SetText(c.Unit)
	p.year.SetText("")
	if c.Year != 0 {
		p.year.SetText(strconv.Itoa(c.Year))
	}
	p.source.SetText(c.Source)
	p.level.SetSelectedIndex(max(0, slices.Index(levelOfChoice, c.Level)))
}

// readChoices reads the controls into the choices; false (and a message
// in the status line) when the year is not a year.
func (p *preview) readChoices() bool {
	c := &p.choices
	c.Metric = p.metricFromText(strings.TrimSpace(p.metric.Text))
	c.Unit = strings.TrimSpace(p.unit.Text)
	c.Source = strings.TrimSpace(p.source.Text)
	c.Level = levelOfChoice[max(0, p.level.SelectedIndex())]
	c.Year = 0
	if y := strings.TrimSpace(p.year.Text); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || n < 1900 || n > 2100 {
			p.status.SetText(T("ui.preview_bad_year", y))
			p.status.Importance = widget.DangerImportance
			p.status.Refresh()
			return false
		}
		c.Year = n
	}
	return true
}

// metricFromText: a built-in metric's label or name, else the text as a
// user indicator's name.
func (p *preview) metricFromText(s string) importer.Metric {
	if s == "" {
		return ""
	}
	for _, m := range importer.Metrics {
		if s == metricLabel(m) || s == string(m) {
			return m
		}
	}
	return importer.ChoiceMetric(s)
}

// changed re-reads the file with the choices once the typing stops.
func (p *preview) changed() {
	if p.updating || !p.readChoices() {
		return
	}
	if p.timer != nil {
		p.timer.Stop()
	}
	p.merge.Disable() // what is shown is no longer what would be merged
	p.replace.Disable()
	p.timer = time.AfterFunc(350*time.Millisecond, func() { onUI(p.reread) })
}

// submit is Return: merge what is shown — or, when a choice was just
// changed, the file as read with it, once it is read.
func (p *preview) submit() {
	if p.timer != nil && p.timer.Stop() {
		p.timer = nil
		p.mergeWhenRead = true
		p.reread()
		return
	}
	if p.inFlight > 0 {
		p.mergeWhenRead = true
		return
	}
	p.finish(true)
}

// reread reads the file again with the choices, in the background.
func (p *preview) reread() {
	if p.closed {
		return
	}
	p.reading++
	n, path, choices, current := p.reading, p.path, p.choices, p.u.state.Data()
	opts := importer.ImportOptions{Choices: choices, Password: p.password, MaxRows: p.u.maxRows()}
	p.status.SetText(T("ui.preview_reading"))
	p.status.Importance = widget.MediumImportance
	p.status.Refresh()
	p.merge.Disable()
	p.replace.Disable()
	p.pending.Add(1)
	p.inFlight++
	go func() {
		defer p.pending.Done()
		res := readFile(context.Background(), path, opts, current)
		onUIWait(func() {
			p.inFlight--
			if n == p.reading && !p.closed {
				p.show(res)
				if p.mergeWhenRead {
					p.mergeWhenRead = false
					p.finish(true) // does nothing when the reading gave nothing to merge
				}
			}
		})
	}()
}

// show puts a reading in the preview.
func (p *preview) show(res readResult) {
	p.res = res
	ok := res.err == nil && res.data != nil && res.data.Count()+len(res.data.Events)+len(res.data.Terms)+len(res.data.Targets) > 0
	p.merge.Enable()
	p.replace.Enable()
	if !ok {
		p.merge.Disable()
		p.replace.Disable()
	}
	p.showStatus(res)
	p.showColumns(res.rep)
	p.sampleRows = nil
	if res.data != nil {
		for o := range res.data.Observations() {
			if len(p.sampleRows) == sampleSize {
				break
			}
			p.sampleRows = append(p.sampleRows, o)
		}
	}
	p.sample.Refresh()
	p.showWarnings(res.rep)
	p.dups.Hidden = res.dups == 0
	if res.dups > 0 {
		p.dups.SetText(T("ui.preview_dups", res.dups, res.data.Count()))
	}
}

func (p *preview) showStatus(res readResult) {
	switch {
	case res.err != nil:
		p.status.SetText(res.err.Error())
		if fe := (*importer.FileError)(nil); errors.As(res.err, &fe) && errors.Is(res.err, importer.ErrNoNumbers) && fe.Why.Code != "" {
			p.status.SetText(T("ui.preview_nothing_read", say(fe.Why))) // the choices above are what to do
		}
		p.status.Importance = widget.DangerImportance
	case res.rep != nil:
		lines := res.rep.Lines()
		text := say(lines[0])
		p.status.SetText(text + "\n" + readCounts(res.rep))
		p.status.Importance = widget.MediumImportance
	}
	p.status.Refresh()
}

// showColumns lists, table by table, each column with its role, which the
// user may change.
func (p *preview) showColumns(rep *importer.FileReport) {
	p.columns.Objects = nil
	if rep == nil {
		p.columns.Refresh()
		return
	}
	for _, tr := range rep.Tables {
		head := tr.Sheet
		if head == "" {
			head = filepath.Base(p.path)
		}
		p.columns.Add(widget.NewLabelWithStyle(head+" — "+say(tr.Layout), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, c := range tr.Columns {
			p.columns.Add(p.columnRow(tr.Sheet, c))
		}
	}
	p.columns.Refresh()
}

// roleOrder is the order the role select lists roles in.
var roleOrder = []importer.Role{importer.RoleRegion, importer.RoleYear, importer.RolePeriod, importer.RoleIndicator,
	importer.RoleValue, importer.RoleUnit, importer.RoleSource, importer.RoleDimension, importer.RoleGrowth,
	importer.RoleNote, importer.RoleIgnored}

func roleLabels() []string {
	var out []string
	for _, r := range roleOrder {
		out = append(out, T("role."+string(r)))
	}
	return out
}

func (p *preview) columnRow(sheet string, c importer.ColumnReading) fyne.CanvasObject {
	role := widget.NewSelect(roleLabels(), nil)
	role.SetSelectedIndex(max(0, slices.Index(roleOrder, c.Role)))
	role.OnChanged = func(string) {
		r := roleOrder[max(0, role.SelectedIndex())]
		if p.choices.Roles == nil {
			p.choices.Roles = map[string]map[int]importer.Role{}
		}
		if p.choices.Roles[sheet] == nil {
			p.choices.Roles[sheet] = map[int]importer.Role{}
		}
		p.choices.Roles[sheet][c.Col] = r
		p.changed()
	}
	header := widget.NewLabel(importer.ColumnName(c.Col) + "  " + clipText(c.Header, 40))
	header.Truncation = fyne.TextTruncateEllipsis
	var what []string
	if c.Metric != "" {
		what = append(what, metricLabel(c.Metric))
	}
	if c.Unit != "" {
		what = append(what, c.Unit)
	}
	if c.Note.Code != "" {
		what = append(what, say(c.Note))
	}
	note := widget.NewLabel(strings.Join(what, " · "))
	note.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, container.New(atLeast{w: 260}, header), nil,
		container.NewBorder(nil, nil, wide(role, 150), nil, note))
}

func (p *preview) showWarnings(rep *importer.FileReport) {
	if rep == nil {
		p.warnings.SetText("")
		return
	}
	var lines []string
	for _, i := range rep.Issues {
		lines = append(lines, say(i.Words()))
	}
	for _, s := range rep.SheetsSkipped {
		lines = append(lines, say(importer.M("report.sheet_skipped", s.Name, s.Why)))
	}
	p.tabs.Items[2].Text = T("ui.preview_warnings_n", len(lines))
	p.tabs.Refresh()
	if len(lines) == 0 {
		p.warnings.SetText(T("ui.preview_no_warnings"))
		return
	}
	p.warnings.SetText(strings.Join(lines, "\n"))
}

// cancel closes the preview; nothing changes.
func (p *preview) cancel() {
	if p.closed {
		return
	}
	p.closed = true
	p.dlg.Hide()
	p.done()
}

// finish merges the file's data with the working data, or replaces it, as
// one undoable change; the choices are remembered for files of this shape.
func (p *preview) finish(merge bool) {
	if p.closed || p.merge.Disabled() {
		return
	}
	p.closed = true
	p.dlg.Hide()
	rememberChoices(p.res.rep, p.choices)
	p.u.state.addImported(p.path)
	p.u.addRecent(p.path)
	p.u.applyImport(p.res, filepath.Base(p.path), merge, p.done)
}

func sampleColumns(p *preview) []column[importer.Observation] {
	d := func() *importer.DataSet { return p.res.data }
	return []column[importer.Observation]{
		{header: "ui.region", width: 110, cell: func(o importer.Observation) string { return cityLabel(o.Region) }},
		{header: "ui.preview_level", width: 80, cell: func(o importer.Observation) string { return levelLabel(d().Level(o.Region)) }},
		{header: "ui.year", width: 56, cell: func(o importer.Observation) string { return strconv.Itoa(o.Year) }},
		{header: "ui.period", width: 80, cell: func(o importer.Observation) string { return periodLabel(o.Period) }},
		{header: "ui.metric", width: 200, cell: func(o importer.Observation) string {
			m := metricLabel(o.Metric)
			if o.Dimension != "" {
				m += " · " + o.Dimension
			}
			return m
		}},
		{header: "ui.value", width: 130, cell: func(o importer.Observation) string { return formatStored(o.Value) }},
		{header: "ui.unit", width: 80, cell: func(o importer.Observation) string { return unitWord(d().UnitOf(o.Metric)) }},
		{header: "ui.source", width: 180, cell: func(o importer.Observation) string { return sourceTitle(d(), o.SourceID) }},
	}
}

// formatStored writes a value as it will be stored, with separators.
func formatStored(v float64) string {
	s := importer.FormatValue(v)
	whole, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(whole, "-")
	whole = strings.TrimPrefix(whole, "-")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

func clipText(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return string(r)
}

// The choices made for a file shape are offered again for the next file
// with the same headers (TableReading.Shape).

const prefShapeRoot = "shape."

// shapeKey is the preference key of a file's shape: its tables' shapes.
func shapeKey(rep *importer.FileReport) string {
	if rep == nil || len(rep.Tables) == 0 {
		return ""
	}
	var shapes []string
	for _, t := range rep.Tables {
		shapes = append(shapes, t.Shape)
	}
	return prefShapeRoot + strings.Join(shapes, "+")
}

func rememberChoices(rep *importer.FileReport, c importer.Choices) {
	key, p := shapeKey(rep), prefs()
	if key == "" || p == nil {
		return
	}
	if c.Metric == "" && c.Unit == "" && c.Year == 0 && c.Level == importer.LevelUnknown && c.Source == "" && len(c.Roles) == 0 {
		p.RemoveValue(key)
		return
	}
	if b, err := json.Marshal(c); err == nil {
		p.SetString(key, string(b))
	}
}

// recallChoices are the choices made for a file of this shape, if any.
func recallChoices(rep *importer.FileReport) (importer.Choices, bool) {
	var c importer.Choices
	key, p := shapeKey(rep), prefs()
	if key == "" || p == nil {
		return c, false
	}
	s := p.String(key)
	if s == "" || json.Unmarshal([]byte(s), &c) != nil {
		return importer.Choices{}, false
	}
	return c, true
}

// readFile reads one file with choices and counts the figures already in
// the working data with the same value (a file imported twice, or under
// another name).
func readFile(ctx context.Context, path string, opts importer.ImportOptions, current *importer.DataSet) readResult {
	d, rep, err := importer.ImportFile(ctx, path, opts)
	if err != nil {
		return readResult{err: err, rep: rep}
	}
	d.AttachFileSource(path)
	d.Prepare()
	return readResult{data: d, rep: rep, dups: duplicates(ctx, d, current)}
}

// duplicates counts the observations of d whose key the working data
// states with the same value.
func duplicates(ctx context.Context, d, current *importer.DataSet) int {
	n, i := 0, 0
	for o := range d.Observations() {
		if i++; i%4096 == 0 && ctx.Err() != nil {
			return n
		}
		if s, ok := current.Lookup(o.Key()); ok && slices.ContainsFunc(s.Observations, func(c importer.Observation) bool { return c.Value == o.Value }) {
			n++
		}
	}
	return n
}

// readCounts says what a reading found: "Read 1 figure.", "Read 12
// figures, 3 targets and 2 events." (what it did not find unsaid).
func readCounts(rep *importer.FileReport) string {
	parts := []string{counted(rep.Rows, "ui.count_figure", "ui.count_figures")}
	if rep.Targets > 0 {
		parts = append(parts, counted(rep.Targets, "ui.count_target", "ui.count_targets"))
	}
	if rep.Events > 0 {
		parts = append(parts, counted(rep.Events, "ui.count_event", "ui.count_events"))
	}
	if rep.Terms > 0 {
		parts = append(parts, counted(rep.Terms, "ui.count_term", "ui.count_terms"))
	}
	list := parts[len(parts)-1]
	if len(parts) > 1 {
		list = strings.Join(parts[:len(parts)-1], T("and.sep")) + T("ui.count_and") + list
	}
	return T("ui.preview_read", list)
}

// counted is "1 figure" or "12 figures".
func counted(n int, one, many string) string {
	if n == 1 {
		return T(one)
	}
	return T(many, n)
}

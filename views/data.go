package views

import (
	"cmp"
	"context"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"autocities/importer"
	"autocities/views/chartspec"
)

// dataTab is the Data tab: every observation (filtered, sorted), the
// sources with their links, the conflicts and the last import report. The
// observation table holds row numbers of the data set (importer.Row), and
// filtering and sorting run off the UI goroutine, the newest keystroke
// winning: a keystroke shows at once, and 360,000 rows filter in well under
// a fifth of a second.
type dataTab struct {
	state     *State
	tab       *container.TabItem
	filter    *appEntry
	count     *widget.Label
	obs       *rowTable[int32]
	sources   *widget.Table
	conflicts *rowTable[importer.Stated]
	why       *widget.Label // the conflict selected: every value and why one is shown
	report    *widget.Label
	inner     *container.AppTabs
	edit      *widget.Button
	selected  int // row of rows selected, -1 none

	data         *importer.DataSet // the data rows number into
	rows         []int32
	sortCol      int
	sortDesc     bool
	conflictRows []importer.Stated
	pending      *time.Timer
	cancel       context.CancelFunc
	gen          int
	done         jobs // a filter running (tests wait for it)
}

// filterDelay lets a burst of keystrokes settle before the rows are
// filtered again.
const filterDelay = 60 * time.Millisecond

// syncRows: a table this small is filtered and sorted at once on the UI
// goroutine, as the user types (the goroutine, the delay and the
// fyne.DoAndWait hop cost more than the work; and under the test driver,
// which runs fyne.Do on the calling goroutine, the hop raced with the
// window being built and with the test's typing).
const syncRows = 20_000

func newDataTab(s *State) *dataTab {
	t := &dataTab{state: s, sortCol: -1, selected: -1}
	t.obs = newRowTable(t.obsColumns(), func() int { return len(t.rows) }, func(i int) int32 { return t.rows[i] },
		func(col int, desc bool) { t.sortCol, t.sortDesc = col, desc; t.apply(0) })
	t.filter = newAppEntry(s, T("ui.filter_rows"), func(string) { t.apply(filterDelay) })
	t.edit = &widget.Button{Text: T("ui.correct_value"), OnTapped: t.editSelected}
	t.edit.Disable()
	t.obs.OnSelected = func(id widget.TableCellID) { t.selected = id.Row; t.edit.Enable() }
	t.count = widget.NewLabel("")
	t.sources = newTable([]string{T("ui.source_id"), T("ui.title"), T("ui.publisher"), T("ui.date"), T("ui.tier"), T("ui.url_tap_to_open")},
		[]float32{170, 320, 200, 90, 70, 420},
		func() int { return len(s.Data().Sources) }, func(r, c int) string { return sourceCell(s.Data().Sources[r], c) })
	t.sources.OnSelected = func(id widget.TableCellID) {
		if id.Col == 5 {
			if u, err := url.Parse(s.Data().Sources[id.Row].URL); err == nil && u.Scheme != "" {
				_ = fyne.CurrentApp().OpenURL(u)
			}
		}
	}
	t.why = widget.NewLabel(T("ui.select_a_conflict"))
	t.why.Wrapping = fyne.TextWrapWord
	t.conflicts = newRowTable(t.conflictColumns(), func() int { return len(t.conflictRows) },
		func(i int) importer.Stated { return t.conflictRows[i] }, nil)
	t.conflicts.OnSelected = func(id widget.TableCellID) { t.showConflict(t.conflictRows[id.Row]) }
	t.report = widget.NewLabel("")
	t.report.Wrapping = fyne.TextWrapWord
	bar := container.NewBorder(nil, nil, nil, container.NewHBox(t.count, t.edit), t.filter)
	obsPane := container.NewBorder(bar, nil, nil, nil, t.obs.object())
	conflictPane := container.New(stackLayout{minChart: 160, share: 0.6}, t.conflicts.object(), container.NewVScroll(t.why))
	t.inner = container.NewAppTabs(
		container.NewTabItem(T("ui.observations"), obsPane),
		container.NewTabItem(T("ui.sources"), t.sources),
		container.NewTabItem(T("ui.conflicts"), conflictPane),
		container.NewTabItem(T("ui.import_report"), container.NewVScroll(t.report)),
	)
	s.OnChanged(t.reload)
	t.reload()
	t.tab = container.NewTabItem(T("ui.data"), t.inner)
	return t
}

// The observation table's columns, in order.
const (
	colRegion = iota
	colLevel
	colYear
	colPeriod
	colMetric
	colValue
	colUnit
	colQualifier
	colConfidence
	colYoY
	colSource
	colNote
	obsColumnCount
)

// obsColumns are the observation table's columns; rows are numbers of
// t.data's rows.
func (t *dataTab) obsColumns() []column[int32] {
	row := func(i int32) importer.Observation { return t.data.Row(int(i)) }
	cell := func(col int) func(int32) string {
		return func(i int32) string { return obsCell(t.data, row(i), col) }
	}
	cols := []column[int32]{
		colRegion:     {header: "ui.region", width: 100},
		colLevel:      {header: "ui.preview_level", width: 112},
		colYear:       {header: "ui.year", width: 56},
		colPeriod:     {header: "ui.period", width: 80},
		colMetric:     {header: "ui.metric", width: 220},
		colValue:      {header: "ui.value", width: 130},
		colUnit:       {header: "ui.unit", width: 70},
		colQualifier:  {header: "ui.qualifier", width: 100},
		colConfidence: {header: "ui.confidence", width: 100},
		colYoY:        {header: "ui.stated_yoy", width: 100},
		colSource:     {header: "ui.source", width: 280},
		colNote:       {header: "ui.note", width: 360},
	}
	for i := range cols {
		cols[i].cell = cell(i)
	}
	return cols
}

func (t *dataTab) conflictColumns() []column[importer.Stated] {
	return []column[importer.Stated]{
		{header: "ui.region", width: 100, cell: func(s importer.Stated) string { return cityLabel(s.Key.Region) }},
		{header: "ui.year", width: 56, cell: func(s importer.Stated) string { return strconv.Itoa(s.Key.Year) }},
		{header: "ui.period", width: 80, cell: func(s importer.Stated) string { return periodLabel(s.Key.Period) }},
		{header: "ui.metric", width: 180, cell: func(s importer.Stated) string { return metricLabel(s.Key.Metric) }},
		{header: "ui.values_stated", width: 360, cell: func(s importer.Stated) string {
			var vals []string
			for _, o := range s.Observations {
				vals = append(vals, chartspec.FormatNumber(o.Value, 0))
			}
			return strings.Join(vals, " · ")
		}},
		{header: "ui.shown", width: 160, cell: func(s importer.Stated) string {
			return chartspec.FormatNumber(s.Preferred().Value, 0)
		}},
	}
}

// showConflict lists every stated value of a key with its source, and why
// one is shown, in full (the table's cells are too narrow for reasons).
func (t *dataTab) showConflict(st importer.Stated) {
	d := t.state.Data()
	var b strings.Builder
	b.WriteString(say(d.Why(st)) + "\n")
	for _, o := range st.Observations {
		fmt.Fprintf(&b, "• %s %s — %s (%s)\n", chartspec.FormatNumber(o.Value, 0), unitWord(d.UnitOf(o.Metric)),
			sourceTitle(d, o.SourceID), qualifierLabel(o.Qualifier, o.Confidence))
	}
	t.why.SetText(strings.TrimSpace(b.String()))
}

func (t *dataTab) reload() {
	d := t.state.Data()
	t.data = d
	t.conflictRows = d.Conflicts()
	t.conflicts.UnselectAll()
	t.why.SetText(T("ui.select_a_conflict"))
	t.report.SetText(reportText(t.state.Report()))
	t.apply(0)
	t.sources.Refresh()
	t.conflicts.Refresh()
}

// reportText is the import report, one line a message, in the UI's
// language.
func reportText(rep *importer.FileReport) string {
	if rep == nil {
		return ""
	}
	var lines []string
	for _, m := range rep.Lines() {
		lines = append(lines, say(m))
	}
	return strings.Join(lines, "\n")
}

// apply filters and sorts the rows after delay, off the UI goroutine; a
// newer call cancels an older one.
func (t *dataTab) apply(delay time.Duration) {
	t.gen++
	gen, d := t.gen, t.data
	words := strings.Fields(strings.ToLower(t.filter.Text))
	col, desc := t.sortCol, t.sortDesc
	if t.cancel != nil {
		t.cancel()
	}
	if t.pending != nil && t.pending.Stop() {
		t.done.Done()
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.cancel = cancel
	rw := rowWords(d)
	if d.RowCount() <= syncRows { // a few milliseconds: at once, as typed, no goroutine
		if rows, err := d.Filter(ctx, words, rw); err == nil {
			sortRows(ctx, d, rows, col, desc)
			t.show(rows)
		}
		return
	}
	t.done.Add(1)
	t.pending = time.AfterFunc(delay, func() {
		defer t.done.Done()
		rows, err := d.Filter(ctx, words, rw)
		if err != nil {
			return
		}
		sortRows(ctx, d, rows, col, desc)
		if ctx.Err() != nil {
			return
		}
		onUIWait(func() {
			if gen == t.gen {
				t.show(rows)
			}
		})
	})
}

// show puts filtered rows in the table.
func (t *dataTab) show(rows []int32) {
	t.rows = rows
	t.count.SetText(T("ui.d_of_d", len(rows), t.data.RowCount()))
	t.selected = -1
	t.edit.Disable()
	t.obs.UnselectAll()
	t.obs.Refresh()
}

// rowWords are the words the table shows, for the filter: English and
// Chinese region names, metrics and periods in the UI's language, source
// titles.
func rowWords(d *importer.DataSet) importer.RowWords {
	return importer.RowWords{
		Region: func(r string) string { return r + " " + importer.RegionChinese(r) + " " + levelLabel(d.Level(r)) },
		Metric: metricLabel,
		Period: periodLabel,
		Source: func(id string) string { return sourceTitle(d, id) },
		Text:   func(s string) string { return s + " " + T("qualifier."+s) + " " + T("confidence."+s) },
	}
}

// sortRows orders rows by a column's value (numbers as numbers), stably;
// col < 0 keeps the data set's order.
func sortRows(ctx context.Context, d *importer.DataSet, rows []int32, col int, desc bool) {
	if col < 0 || ctx.Err() != nil {
		return
	}
	keys := sortKeys(d, rows, col)
	slices.SortStableFunc(keys, func(a, b sortKey) int {
		c := cmp.Or(cmp.Compare(a.v, b.v), strings.Compare(a.s, b.s))
		if desc {
			return -c
		}
		return c
	})
	for i, k := range keys {
		rows[i] = k.row
	}
}

// sortKey is what a row sorts by: a number, then a text.
type sortKey struct {
	row int32
	s   string
	v   float64
}

// sortKeys are the rows' keys in a column. Labels are looked up once per
// distinct region, metric or source.
func sortKeys(d *importer.DataSet, rows []int32, col int) []sortKey {
	labels := map[string]string{}
	label := func(raw string, word func(string) string) string {
		l, ok := labels[raw]
		if !ok {
			l = word(raw)
			labels[raw] = l
		}
		return l
	}
	regionRank := regionRanks(d, col)
	keys := make([]sortKey, len(rows))
	for i, r := range rows {
		o := d.Row(int(r))
		keys[i] = sortKey{row: r, v: sortNumber(o, col)}
		switch col {
		case colRegion:
			keys[i].v = float64(regionRank[o.Region])
		case colLevel:
			keys[i].s = label(o.Region, func(string) string { return obsCell(d, o, col) })
		case colMetric, colUnit:
			keys[i].s = label(string(o.Metric), func(string) string { return obsCell(d, o, col) })
		case colQualifier:
			keys[i].s = o.Qualifier
		case colConfidence:
			keys[i].s = o.Confidence
		case colSource:
			keys[i].s = label(o.SourceID, func(id string) string { return sourceTitle(d, id) })
		case colNote:
			keys[i].s = o.Note
		}
	}
	return keys
}

// regionRanks are the regions' places in pinyin order in both languages
// (sortRegions), for the Region column; nil for another column.
func regionRanks(d *importer.DataSet, col int) map[string]int {
	if col != colRegion {
		return nil
	}
	names := d.Regions()
	sortRegions(names)
	rank := make(map[string]int, len(names))
	for i, r := range names {
		rank[r] = i
	}
	return rank
}

// newTable makes a read-only table with a bold header row.
func newTable(headers []string, widths []float32, rows func() int, cell func(r, c int) string) *widget.Table {
	table := widget.NewTableWithHeaders(
		func() (int, int) { return rows(), len(headers) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(cell(id.Row, id.Col)) })
	table.ShowHeaderColumn = false
	table.CreateHeader = func() fyne.CanvasObject { return newHeaderCell() }
	table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*headerCell).SetText(headers[id.Col])
		}
	}
	for i, w := range widths {
		table.SetColumnWidth(i, w)
	}
	return table
}

// headerCell is a bold table header that sorts when tapped.
type headerCell struct {
	widget.Label
	onTap func()
}

var _ fyne.Tappable = (*headerCell)(nil)

func newHeaderCell() *headerCell {
	h := &headerCell{}
	h.TextStyle.Bold = true
	h.Truncation = fyne.TextTruncateEllipsis
	h.ExtendBaseWidget(h)
	return h
}

// Tapped is part of fyne.Tappable.
func (h *headerCell) Tapped(*fyne.PointEvent) {
	if h.onTap != nil {
		h.onTap()
	}
}

// editSelected asks for a corrected value, qualifier and note for the
// observation selected; the correction is kept beside the original (see
// importer.Correct) and can be undone.
func (t *dataTab) editSelected() {
	if t.selected < 0 || t.selected >= len(t.rows) {
		return
	}
	o := t.data.Row(int(t.rows[t.selected]))
	data := t.state.Data()
	unit := unitWord(data.UnitOf(o.Metric))
	value := &widget.Entry{Text: importer.FormatValue(o.Value)}
	value.ExtendBaseWidget(value)
	value.Validator = func(s string) error { // Save stays disabled until the value reads
		if _, err := importer.ParseNumber(s); err != nil {
			return fmt.Errorf(T("ui.q_is_not_a_number_write"), s, unit)
		}
		return nil
	}
	qualifiers := []string{importer.Exact, importer.Approx, importer.Nearly, importer.MoreThan, importer.Estimate}
	qual := widget.NewSelect(qualifiers, nil)
	qual.SetSelected(o.Qualifier)
	note := &widget.Entry{Text: o.Note, MultiLine: true, Wrapping: fyne.TextWrapWord}
	note.ExtendBaseWidget(note)
	was := chartspec.FormatNumber(o.Value, 0) + " " + unit + " · " + sourceTitle(data, o.SourceID)
	items := []*widget.FormItem{
		widget.NewFormItem(T("ui.figure"), widget.NewLabel(fmt.Sprintf("%s %d %s · %s", cityLabel(o.Region), o.Year, periodLabel(o.Period), metricLabel(o.Metric)))),
		widget.NewFormItem(T("ui.stated"), widget.NewLabel(was)),
		widget.NewFormItem(fmt.Sprintf(T("ui.value_s"), unit), value),
		widget.NewFormItem(T("ui.qualifier"), qual),
		widget.NewFormItem(T("ui.note"), note),
	}
	win := t.state.win
	d := dialog.NewForm(T("ui.correct_a_figure"), T("ui.save_correction"), T("ui.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		v, err := importer.ParseNumber(value.Text)
		if err != nil {
			showError(fmt.Errorf(T("ui.q_is_not_a_number_write"), value.Text, unit), win)
			return
		}
		d := t.state.Data().Correct(o, v, qual.Selected, strings.TrimSpace(note.Text))
		t.state.Change(d, t.state.Report(), fmt.Sprintf(T("ui.edit_of_s"), editLabel(o)))
	}, win)
	d.Resize(fyne.NewSize(560, 420))
	d.Show()
}

// editLabel names a correction for the undo menu: "Chongqing 2024 full
// year Vehicle production".
func editLabel(o importer.Observation) string {
	return fmt.Sprintf("%s %d %s %s", cityLabel(o.Region), o.Year, periodLabel(o.Period), metricLabel(o.Metric))
}
func obsCell(d *importer.DataSet, o importer.Observation, col int) string {
	switch col {
	case colRegion:
		return cityLabel(o.Region)
	case colLevel:
		return levelLabel(d.Level(o.Region))
	case colYear:
		return strconv.Itoa(o.Year)
	case colPeriod:
		return periodLabel(o.Period)
	case colMetric:
		return metricLabel(o.Metric)
	case colValue:
		s := chartspec.FormatNumber(o.Value, 0)
		if o.EditedFrom != nil {
			s += " ✎"
		}
		return s
	case colUnit:
		return unitWord(d.UnitOf(o.Metric))
	case colQualifier:
		return T("qualifier." + o.Qualifier)
	case colConfidence:
		return T("confidence." + o.Confidence)
	case colYoY:
		if o.YoY != nil {
			return fmt.Sprintf("%+.1f%%", *o.YoY)
		}
		return ""
	case colSource:
		return sourceTitle(d, o.SourceID)
	}
	return o.Note
}
func sourceCell(s importer.Source, col int) string {
	return []string{s.ID, s.Title, s.Publisher, s.Date, tierLabel(s.Tier), s.URL}[col]
}

// sortNumber is what a numeric column sorts by (0 for text columns).
func sortNumber(o importer.Observation, col int) float64 {
	switch col {
	case colYear:
		return float64(o.Year)
	case colPeriod:
		return float64(o.Period.LastMonth())
	case colValue:
		return o.Value
	case colYoY:
		if o.YoY == nil {
			return -1e18
		}
		return *o.YoY
	}
	return 0
}

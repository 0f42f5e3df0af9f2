package views

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"autocities/importer"
	"autocities/views/chartspec"
)

// dataTab is the Data tab: every observation (filtered, sorted), the
// sources with their links, the conflicts and the last import report.
type dataTab struct {
	state     *State
	tab       *container.TabItem
	filter    *appEntry
	count     *widget.Label
	obs       *widget.Table
	sources   *widget.Table
	conflicts *widget.Table
	report    *widget.Label
	inner     *container.AppTabs
	edit      *widget.Button
	selected  int // row of obsRows selected, -1 none

	all          []importer.Observation
	obsRows      []importer.Observation
	sortCol      int
	sortDesc     bool
	conflictRows []importer.Stated
}

const obsCols = 11

func newDataTab(s *State) *dataTab {
	t := &dataTab{state: s, sortCol: -1, selected: -1}
	t.obs = newSortableTable(obsHeaders(), []float32{100, 56, 80, 230, 130, 70, 110, 110, 100, 300, 400},
		func() int { return len(t.obsRows) }, func(r, c int) string { return obsCell(s.Data(), t.obsRows[r], c) },
		t.sortBy)
	t.filter = newAppEntry(s, T("ui.filter_city_year_metric_source"), func(string) { t.apply() })
	t.edit = &widget.Button{Text: T("ui.correct_value"), OnTapped: t.editSelected}
	t.edit.ExtendBaseWidget(t.edit)
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
	t.conflicts = newTable([]string{T("ui.city"), T("ui.year"), T("ui.period"), T("ui.metric"), T("ui.values_stated"), T("ui.shown")},
		[]float32{100, 56, 80, 150, 420, 520},
		func() int { return len(t.conflictRows) }, func(r, c int) string { return conflictCell(s.Data(), t.conflictRows[r], c) })
	t.report = widget.NewLabel("")
	t.report.Wrapping = fyne.TextWrapWord
	t.report.TextStyle.Monospace = true
	obsPane := container.NewBorder(container.NewBorder(nil, nil, nil, container.NewHBox(wide(t.count, 110), t.edit), t.filter), nil, nil, nil, t.obs)
	t.inner = container.NewAppTabs(
		container.NewTabItem(T("ui.observations"), obsPane),
		container.NewTabItem(T("ui.sources"), t.sources),
		container.NewTabItem(T("ui.conflicts"), t.conflicts),
		container.NewTabItem(T("ui.import_report"), container.NewVScroll(t.report)),
	)
	s.OnChanged(t.reload)
	t.reload()
	t.tab = container.NewTabItem(T("ui.data"), t.inner)
	return t
}

func obsHeaders() []string {
	return []string{T("ui.city"), T("ui.year"), T("ui.period"), T("ui.metric"), T("ui.value"), T("ui.unit"),
		T("ui.qualifier"), T("ui.confidence"), T("ui.stated_yoy"), T("ui.source"), T("ui.note")}
}

func (t *dataTab) reload() {
	d := t.state.Data()
	t.all = t.all[:0]
	for st := range d.AllStated() {
		t.all = append(t.all, st.Observations...)
	}
	t.conflictRows = d.Conflicts()
	if rep := t.state.Report(); rep != nil {
		t.report.SetText(rep.String())
	}
	t.apply()
	t.sources.Refresh()
	t.conflicts.Refresh()
}

// apply filters and sorts the observations for the table.
func (t *dataTab) apply() {
	d := t.state.Data()
	words := strings.Fields(strings.ToLower(t.filter.Text))
	t.obsRows = t.obsRows[:0]
	for _, o := range t.all {
		if matchesAll(d, o, words) {
			t.obsRows = append(t.obsRows, o)
		}
	}
	if t.sortCol >= 0 {
		slices.SortStableFunc(t.obsRows, func(a, b importer.Observation) int {
			c := compareObs(d, a, b, t.sortCol)
			if t.sortDesc {
				return -c
			}
			return c
		})
	}
	t.count.SetText(fmt.Sprintf(T("ui.d_of_d"), len(t.obsRows), len(t.all)))
	t.selected = -1
	t.edit.Disable()
	t.obs.UnselectAll()
	t.obs.Refresh()
}

// matchesAll keeps a row when every word of the filter is in one of its
// cells (English or Chinese city name included).
func matchesAll(d *importer.DataSet, o importer.Observation, words []string) bool {
	if len(words) == 0 {
		return true
	}
	var cells []string
	for c := 0; c < obsCols; c++ {
		cells = append(cells, strings.ToLower(obsCell(d, o, c)))
	}
	cells = append(cells, strings.ToLower(o.Region), importer.RegionChinese(o.Region), string(o.Metric), o.Period.String())
	hay := strings.Join(cells, "\x00")
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

func compareObs(d *importer.DataSet, a, b importer.Observation, col int) int {
	switch col {
	case 1:
		return cmp.Compare(a.Year, b.Year)
	case 4:
		return cmp.Compare(a.Value, b.Value)
	case 8:
		return cmp.Compare(yoyOr(a), yoyOr(b))
	}
	return strings.Compare(obsCell(d, a, col), obsCell(d, b, col))
}

func yoyOr(o importer.Observation) float64 {
	if o.YoY == nil {
		return -1e18
	}
	return *o.YoY
}

// sortBy sorts by a column; a second tap on it reverses the order.
func (t *dataTab) sortBy(col int) {
	if t.sortCol == col {
		t.sortDesc = !t.sortDesc
	} else {
		t.sortCol, t.sortDesc = col, false
	}
	t.apply()
}

// showReport brings the import report to the front.
func (t *dataTab) showReport() { t.inner.SelectIndex(3) }

// newTable makes a read-only table with a bold header row.
func newTable(headers []string, widths []float32, rows func() int, cell func(r, c int) string) *widget.Table {
	return newSortableTable(headers, widths, rows, cell, nil)
}

// newSortableTable is newTable whose header cells sort when tapped (when
// sort is not nil).
func newSortableTable(headers []string, widths []float32, rows func() int, cell func(r, c int) string, sort func(col int)) *widget.Table {
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
		if id.Col < 0 {
			return
		}
		h, col := o.(*headerCell), id.Col
		h.SetText(headers[col])
		h.onTap = nil
		if sort != nil {
			h.onTap = func() { sort(col) }
		}
	}
	for i, w := range widths {
		table.SetColumnWidth(i, w)
	}
	return table
}

func obsCell(d *importer.DataSet, o importer.Observation, col int) string {
	switch col {
	case 0:
		return cityLabel(o.Region)
	case 1:
		return strconv.Itoa(o.Year)
	case 2:
		return periodLabel(o.Period)
	case 3:
		return metricLabel(o.Metric)
	case 4:
		s := chartspec.FormatNumber(o.Value, 0)
		if o.EditedFrom != nil {
			s += " ✎"
		}
		return s
	case 5:
		return unitWord(d.UnitOf(o.Metric))
	case 6:
		return T("qualifier." + o.Qualifier)
	case 7:
		return T("confidence." + o.Confidence)
	case 8:
		if o.YoY != nil {
			return fmt.Sprintf("%+.1f%%", *o.YoY)
		}
		return ""
	case 9:
		return sourceTitle(d, o.SourceID)
	}
	return o.Note
}

func sourceCell(s importer.Source, col int) string {
	return []string{s.ID, s.Title, s.Publisher, s.Date, tierLabel(s.Tier), s.URL}[col]
}

func conflictCell(d *importer.DataSet, st importer.Stated, col int) string {
	k := st.Key
	switch col {
	case 0:
		return cityLabel(k.Region)
	case 1:
		return strconv.Itoa(k.Year)
	case 2:
		return periodLabel(k.Period)
	case 3:
		return metricLabel(k.Metric)
	case 4:
		var vals []string
		for _, o := range st.Observations {
			vals = append(vals, fmt.Sprintf("%s (%s)", chartspec.FormatNumber(o.Value, 0), o.SourceID))
		}
		return strings.Join(vals, " · ")
	}
	return say(d.Why(st))
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
	if t.selected < 0 || t.selected >= len(t.obsRows) {
		return
	}
	o := t.obsRows[t.selected]
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
	win := fyne.CurrentApp().Driver().AllWindows()[0]
	d := dialog.NewForm(T("ui.correct_a_figure"), T("ui.save_correction"), T("ui.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		v, err := importer.ParseNumber(value.Text)
		if err != nil {
			dialog.ShowError(fmt.Errorf(T("ui.q_is_not_a_number_write"), value.Text, unit), win)
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

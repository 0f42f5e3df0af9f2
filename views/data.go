package views

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"autocities/importer"
	"autocities/views/chartspec"
)

// dataTab is the Data tab: every observation with its source, the sources,
// the conflicts and the last import report.
type dataTab struct {
	state     *State
	tab       *container.TabItem
	obs       *widget.Table
	sources   *widget.Table
	conflicts *widget.Table
	report    *widget.Label
	inner     *container.AppTabs

	obsRows      []importer.Observation
	conflictRows []importer.Stated
}

func newDataTab(s *State) *dataTab {
	t := &dataTab{state: s}
	t.obs = newTable([]string{"City", "Year", "Period", "Metric", "Value", "Unit", "Qualifier", "Confidence", "Stated YoY", "Source", "Note"},
		[]float32{100, 56, 80, 130, 120, 70, 80, 90, 80, 280, 400},
		func() int { return len(t.obsRows) }, func(r, c int) string { return obsCell(s.Data(), t.obsRows[r], c) })
	t.sources = newTable([]string{"Source ID", "Title", "Publisher", "Date", "Tier", "URL"},
		[]float32{170, 320, 200, 90, 70, 420},
		func() int { return len(s.Data().Sources) }, func(r, c int) string { return sourceCell(s.Data().Sources[r], c) })
	t.sources.OnSelected = func(id widget.TableCellID) {
		if id.Col == 5 {
			if u, err := url.Parse(s.Data().Sources[id.Row].URL); err == nil {
				_ = fyne.CurrentApp().OpenURL(u)
			}
		}
	}
	t.conflicts = newTable([]string{"City", "Year", "Period", "Metric", "Values stated", "Preferred"},
		[]float32{100, 56, 80, 130, 420, 520},
		func() int { return len(t.conflictRows) }, func(r, c int) string { return conflictCell(s.Data(), t.conflictRows[r], c) })
	t.report = widget.NewLabel("")
	t.report.Wrapping = fyne.TextWrapWord
	t.report.TextStyle.Monospace = true
	t.inner = container.NewAppTabs(
		container.NewTabItem("Observations", t.obs),
		container.NewTabItem("Sources", t.sources),
		container.NewTabItem("Conflicts", t.conflicts),
		container.NewTabItem("Import report", container.NewVScroll(t.report)),
	)
	s.OnChanged(t.reload)
	t.reload()
	t.tab = container.NewTabItem("Data", t.inner)
	return t
}

func (t *dataTab) reload() {
	d := t.state.Data()
	t.obsRows = t.obsRows[:0]
	for _, st := range d.All() {
		t.obsRows = append(t.obsRows, st.Observations...)
	}
	t.conflictRows = d.Conflicts()
	if rep := t.state.Report(); rep != nil {
		t.report.SetText(rep.String())
	}
	t.obs.Refresh()
	t.sources.Refresh()
	t.conflicts.Refresh()
}

// showReport brings the import report to the front.
func (t *dataTab) showReport() { t.inner.SelectIndex(3) }

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
	table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(headers[id.Col])
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
		return o.City
	case 1:
		return strconv.Itoa(o.Year)
	case 2:
		return importer.PeriodLabel(o.Period)
	case 3:
		return o.Metric
	case 4:
		return chartspec.FormatNumber(o.Value, 0)
	case 5:
		return o.Unit()
	case 6:
		return o.Qualifier
	case 7:
		return o.Confidence
	case 8:
		if o.YoY != nil {
			return fmt.Sprintf("%+.1f%%", *o.YoY)
		}
		return ""
	case 9:
		if s, ok := d.Source(o.SourceID); ok {
			return s.Title
		}
		return o.SourceID
	}
	return o.Note
}

func sourceCell(s importer.Source, col int) string {
	return []string{s.ID, s.Title, s.Publisher, s.Date, s.Tier, s.URL}[col]
}

func conflictCell(d *importer.DataSet, st importer.Stated, col int) string {
	k := st.Key
	switch col {
	case 0:
		return k.City
	case 1:
		return strconv.Itoa(k.Year)
	case 2:
		return importer.PeriodLabel(k.Period)
	case 3:
		return k.Metric
	case 4:
		var vals []string
		for _, o := range st.Observations {
			vals = append(vals, fmt.Sprintf("%s (%s)", chartspec.FormatNumber(o.Value, 0), o.SourceID))
		}
		return strings.Join(vals, " · ")
	}
	return d.Why(st)
}

package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// column is one column of a table of rows R: its header (a code), its
// width at the least, and what a row shows in it.
type column[R any] struct {
	header string
	width  float32
	cell   func(R) string
}

// rowTable is a read-only table of rows R with a bold header row whose
// cells sort when tapped (an arrow shows the column and direction), and
// columns that share out the width the window gives beyond their minimum.
type rowTable[R any] struct {
	*widget.Table
	cols    []column[R]
	rows    func() int
	row     func(i int) R
	sortCol int // -1: unsorted
	desc    bool
	onSort  func(col int, desc bool) // nil: the header does not sort
	width   float32
}

func newRowTable[R any](cols []column[R], rows func() int, row func(int) R, onSort func(col int, desc bool)) *rowTable[R] {
	t := &rowTable[R]{cols: cols, rows: rows, row: row, sortCol: -1, onSort: onSort}
	t.Table = widget.NewTableWithHeaders(
		func() (int, int) { return t.rows(), len(t.cols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < t.rows() {
				o.(*widget.Label).SetText(t.cols[id.Col].cell(t.row(id.Row)))
			}
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject { return newHeaderCell() }
	t.UpdateHeader = t.updateHeader
	t.fit(0)
	return t
}

func (t *rowTable[R]) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Col < 0 || id.Col >= len(t.cols) {
		return
	}
	h, col := o.(*headerCell), id.Col
	text := T(t.cols[col].header)
	if col == t.sortCol {
		text += map[bool]string{false: " ▲", true: " ▼"}[t.desc]
	}
	h.SetText(text)
	h.onTap = nil
	if t.onSort != nil {
		h.onTap = func() { t.sortBy(col) }
	}
}

// sortBy sorts by a column; a second tap on it reverses the order.
func (t *rowTable[R]) sortBy(col int) {
	if t.sortCol == col {
		t.desc = !t.desc
	} else {
		t.sortCol, t.desc = col, false
	}
	t.onSort(col, t.desc)
	t.Table.Refresh()
}

// object is the table in a container that shares the width beyond the
// columns' minimum out among them, so that a wide window shows long titles
// instead of an empty margin.
func (t *rowTable[R]) object() fyne.CanvasObject { return container.New(tableLayout[R]{t}, t.Table) }

type tableLayout[R any] struct{ t *rowTable[R] }

func (l tableLayout[R]) Layout(objects []fyne.CanvasObject, s fyne.Size) {
	if s.Width != l.t.width {
		l.t.fit(s.Width)
	}
	objects[0].Resize(s)
	objects[0].Move(fyne.NewPos(0, 0))
}

// MinSize is the header and five rows, and the narrowest column.
func (l tableLayout[R]) MinSize([]fyne.CanvasObject) fyne.Size {
	row := widget.NewLabel("X").MinSize().Height
	return fyne.NewSize(min(l.t.cols[0].width*2, 240), row*6)
}

func (t *rowTable[R]) fit(width float32) {
	t.width = width
	total := float32(0)
	for _, c := range t.cols {
		total += c.width
	}
	grow := float32(1)
	// The table puts a padding between columns, and a scroll bar may take
	// the right edge.
	if spare := width - 16 - float32(len(t.cols))*theme.Padding(); spare > total {
		grow = spare / total
	}
	for i, c := range t.cols {
		t.SetColumnWidth(i, c.width*grow)
	}
}

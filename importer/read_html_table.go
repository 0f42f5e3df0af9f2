package importer

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// htmlTable is one <table> being read.
type htmlTable struct {
	page      *htmlPage
	num       int
	name      string
	titles    []string // lines above the table, in page order
	head      string
	caption   []byte
	inCaption bool
	holds     []int // tables nested in this one

	reader  *tableReader
	pending []gridRow // rows before the first number: a layout table has none
	kept    int       // cells in pending
	filled  bool

	rowNum  int // the last row started (title rows included)
	inRow   bool
	row     gridRow
	next    int   // the next column a cell may take
	covered []int // by column: the last row a rowspan above reaches
	merges  []cellRange

	inCell  bool
	cell    []byte
	col     int
	colspan int
	rowspan int
	xnum    string // the exact value of a number cell (x:num, sdval)
	hasXnum bool
}

func (t *htmlTable) startRow() {
	if t.rowNum == 0 {
		if c := cellText(t.caption); c != "" {
			t.titles = append(t.titles, c)
		}
		t.rowNum = len(t.titles)
	}
	t.rowNum++
	t.inRow, t.next, t.inCaption = true, 1, false
	t.row = gridRow{num: t.rowNum, cells: t.row.cells[:0]}
}

func (t *htmlTable) endRow() {
	t.endCell()
	if !t.inRow {
		return
	}
	t.inRow = false
	if len(t.row.cells) > 0 {
		t.emit(t.row)
	}
}

// startCell places a cell in the first column that no rowspan above
// covers, and reads its spans and Excel's exact value.
func (t *htmlTable) startCell(z *html.Tokenizer, more bool) {
	t.inCell, t.cell = true, t.cell[:0]
	t.colspan, t.rowspan, t.xnum, t.hasXnum = 1, 1, "", false
	for more {
		var k, v []byte
		k, v, more = z.TagAttr()
		switch string(k) {
		case "colspan":
			t.colspan = span(v, 1000)
		case "rowspan":
			t.rowspan = span(v, 65534)
		case "x:num", "sdval": // Excel's and LibreOffice's exact values
			t.xnum, t.hasXnum = strings.TrimSpace(string(v)), true
		}
	}
	c := t.next
	for c <= maxCol && c < len(t.covered) && t.covered[c] >= t.rowNum {
		c++
	}
	t.col = c
}

// span reads colspan or rowspan as browsers do: a bad or zero value is 1.
func span(v []byte, most int) int {
	n, err := strconv.Atoi(strings.TrimSpace(string(v)))
	if err != nil || n < 1 {
		return 1
	}
	return min(n, most)
}

func (t *htmlTable) endCell() {
	if !t.inCell {
		return
	}
	t.inCell = false
	if t.col > maxCol {
		t.next = t.col // the row is full: later cells need not look again
		return
	}
	c2, r2 := min(t.col+t.colspan-1, maxCol), t.rowNum+t.rowspan-1
	t.next = c2 + 1
	if t.rowspan > 1 {
		if len(t.covered) <= c2 {
			t.covered = append(t.covered, make([]int, c2+1-len(t.covered))...)
		}
		for c := t.col; c <= c2; c++ {
			t.covered[c] = r2
		}
	}
	cl := t.value()
	if cl.text == "" {
		return
	}
	t.row.cells = append(t.row.cells, cl)
	if c2 > t.col || r2 > t.rowNum {
		t.merges = append(t.merges, cellRange{t.col, t.rowNum, c2, r2})
	}
}

// value is the cell as the table reader takes it. Excel's own HTML gives
// a number's exact value in x:num (LibreOffice's in sdval) while the text
// shows it formatted ("2,540,000", "12.5%"); the exact value is used when
// the text shows a number, so a date keeps its text.
func (t *htmlTable) value() cell {
	cl := cell{col: t.col, text: cellText(t.cell)}
	if !t.hasXnum || t.xnum == "" {
		return cl
	}
	if _, err := strconv.ParseFloat(t.xnum, 64); err != nil {
		return cl
	}
	switch f := parseNumber(cl.text); {
	case cl.text == "", f.kind == numOK && f.unit == "":
		cl.text, cl.num = t.xnum, true
	case f.kind == numPercent:
		cl.text, cl.num, cl.pct = t.xnum, true, true
	}
	return cl
}

// emit hands a row to the table reader. Rows wait until the table shows a
// number: a table of words (navigation, a layout table) is then skipped
// whole, without an issue for each of its cells.
func (t *htmlTable) emit(r gridRow) {
	t.filled = true
	if t.page.trace != nil {
		t.page.trace(t, r)
	}
	if t.reader != nil {
		t.reader.row(r)
		return
	}
	t.pending = append(t.pending, gridRow{num: r.num, cells: append([]cell(nil), r.cells...)})
	t.kept += len(r.cells)
	if hasFigure(r) || t.kept > planAfterCells {
		t.openReader()
	}
}

// hasFigure: a cell of the row holds a number, a percentage or a figure
// with a unit ("260万辆"); "2024年新能源汽车产量" is words.
func hasFigure(r gridRow) bool {
	for _, c := range r.cells {
		f := parseNumber(c.text)
		if _, unit := parseUnit(f.unit); c.num || f.kind == numPercent || f.kind == numOK && (f.unit == "" || unit) {
			return true
		}
	}
	return false
}

func (t *htmlTable) openReader() {
	p := t.page
	t.reader = newTableReader(p.tableName(t), p.file, p.d, p.rep)
	for i, s := range t.titles {
		t.reader.row(gridRow{num: i + 1, cells: []cell{{col: 1, text: s}}})
	}
	for _, r := range t.pending {
		t.reader.row(r)
	}
	t.pending = nil
}

// titleRow is the text of a first row that is one cell merged across
// the table, as yearbooks title their tables, or "".
func (t *htmlTable) titleRow() string {
	if len(t.pending) == 0 || len(t.merges) == 0 || len(t.pending[0].cells) != 1 {
		return ""
	}
	r, m := t.pending[0], t.merges[0]
	if m.r1 != r.num || m.c1 != r.cells[0].col || m.c2 == m.c1 || isUnitStatement(r.cells[0].text) {
		return ""
	}
	return clip(r.cells[0].text)
}

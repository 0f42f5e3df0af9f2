package importer

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"hash"
	"hash/crc32"
	"io"
	"slices"
	"strconv"
	"time"
)

// cell is one non-empty cell of a sheet or CSV record.
type cell struct {
	col  int    // 1-based
	text string // string as written; number as stored (e.g. "2540000"); date as YYYY-MM-DD
	num  bool   // stored as a number (not a date)
	pct  bool   // a number shown as a percentage (0.125 shown as 12.5%)
}

// gridRow is one row of cells, in column order.
type gridRow struct {
	num   int // 1-based row number in the sheet or file
	cells []cell
}

// cellRange is a merged area, 1-based and inclusive.
type cellRange struct{ c1, r1, c2, r2 int }

// maxCol is Excel's last column (XFD); larger references are clamped.
const maxCol = 16384

// sheetScan reads one worksheet part and hands each row to emit (the row
// and its cells are reused: copy what you keep). It returns the merged
// ranges found after the data.
type sheetScan struct {
	ctx    context.Context
	sst    []string
	styles []styleKind // by style index: date or percent formats
	date04 bool        // the 1904 date system
	emit   func(gridRow) error
	merges []cellRange
	// onDimension learns the rows the sheet declares, before its data.
	onDimension func(rows int)

	row  gridRow
	c    cell
	typ  []byte
	sty  int
	inIs bool
	inPh bool
	str  []byte
	val  []byte
}

func (sc *sheetScan) run(r io.Reader) error {
	s := newXMLScanner(r)
	rows := 0
	for s.next() {
		name, closing := s.elem()
		switch string(name) {
		case "row":
			if err := sc.onRow(s, closing, &rows); err != nil {
				return err
			}
		case "c":
			sc.onCell(s, closing)
		default:
			sc.onOther(s, name, closing)
		}
	}
	return s.err
}

func (sc *sheetScan) onRow(s *xmlScanner, closing bool, rows *int) error {
	if closing {
		return sc.endRow(rows)
	}
	sc.startRow(s)
	return nil
}

// onOther reads a cell's value and inline text, and the sheet's dimension
// and merged cells.
func (sc *sheetScan) onOther(s *xmlScanner, name []byte, closing bool) {
	switch string(name) {
	case "v":
		if closing {
			sc.val = append(sc.val[:0], s.text...)
		}
	case "is":
		sc.inIs = !closing && !s.selfClosing()
	case "rPh":
		sc.inPh = !closing && !s.selfClosing()
	case "t":
		if closing && sc.inIs && !sc.inPh {
			sc.str = append(sc.str, s.text...)
		}
	case "dimension", "mergeCell":
		sc.onRange(s, string(name) == "dimension")
	}
}

// onRange learns the sheet's declared dimension, or a merged range.
func (sc *sheetScan) onRange(s *xmlScanner, dimension bool) {
	rg, ok := parseRange(s.attr("ref"))
	switch {
	case !ok:
	case dimension && sc.onDimension != nil:
		sc.onDimension(rg.r2 - rg.r1 + 1)
	case !dimension:
		sc.merges = append(sc.merges, rg)
	}
}

func (sc *sheetScan) startRow(s *xmlScanner) {
	n := sc.row.num + 1
	if v, ok := atoiBytes(s.attr("r")); ok && v > 0 {
		n = v
	}
	sc.row.num = n
	sc.row.cells = sc.row.cells[:0]
	sc.c.col = 0
	if s.selfClosing() {
		sc.row.cells = sc.row.cells[:0]
	}
}

func (sc *sheetScan) endRow(rows *int) error {
	*rows++
	if *rows%1024 == 0 && sc.ctx.Err() != nil {
		return sc.ctx.Err()
	}
	if len(sc.row.cells) == 0 {
		return nil
	}
	sc.row.cells = sortCells(sc.row.cells)
	return sc.emit(sc.row)
}

func (sc *sheetScan) onCell(s *xmlScanner, closing bool) {
	if closing {
		sc.endCell()
		return
	}
	ref, typ, sty := s.attrs3("r", "t", "s")
	col := sc.c.col + 1
	if c, _, ok := parseRef(ref); ok {
		col = c
	}
	sc.c = cell{col: min(col, maxCol)}
	sc.typ = append(sc.typ[:0], typ...)
	sc.sty, _ = atoiBytes(sty)
	sc.val, sc.str = sc.val[:0], sc.str[:0]
	sc.inIs, sc.inPh = false, false
	// <c r="B2"/> is an empty cell: nothing to end.
}

func (sc *sheetScan) endCell() {
	c := sc.c
	switch string(sc.typ) {
	case "s":
		i, ok := atoiBytes(sc.val)
		if !ok || i >= len(sc.sst) {
			return
		}
		c.text = sc.sst[i]
	case "inlineStr":
		c.text = unescapeXML(sc.str)
	case "str", "e":
		c.text = unescapeXML(sc.val)
	case "b":
		c.text = map[bool]string{true: "TRUE", false: "FALSE"}[string(sc.val) == "1"]
	case "d":
		c.text = string(sc.val)
		if len(c.text) > 10 {
			c.text = c.text[:10]
		}
	default:
		if len(sc.val) == 0 {
			return
		}
		c.text, c.num = string(sc.val), true
		switch sc.style() {
		case styleDate:
			if d, ok := serialDate(c.text, sc.date04); ok {
				c.text, c.num = d, false
			}
		case stylePercent:
			c.pct = true
		}
	}
	if c.text == "" {
		return
	}
	sc.row.cells = append(sc.row.cells, c)
}

func (sc *sheetScan) style() styleKind {
	if sc.sty >= 0 && sc.sty < len(sc.styles) {
		return sc.styles[sc.sty]
	}
	return styleNumber
}

// atoiBytes reads a small non-negative decimal without allocating.
func atoiBytes(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// sortCells puts cells in column order (writers almost always do) and drops
// repeated columns, keeping the first.
func sortCells(cs []cell) []cell {
	sorted := true
	for i := 1; i < len(cs); i++ {
		if cs[i].col <= cs[i-1].col {
			sorted = false
			break
		}
	}
	if sorted {
		return cs
	}
	slices.SortStableFunc(cs, func(a, b cell) int { return a.col - b.col })
	out := cs[:0]
	for i, c := range cs {
		if i > 0 && cs[i-1].col == c.col {
			continue
		}
		out = append(out, c)
	}
	return out
}

// serialDate turns an Excel date serial into YYYY-MM-DD.
func serialDate(v string, date1904 bool) (string, bool) {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f < 1 || f > 2958465 {
		return "", false
	}
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if date1904 {
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return base.AddDate(0, 0, int(f)).Format("2006-01-02"), true
}

// parseRef reads a cell reference such as "AB12".
func parseRef(b []byte) (col, row int, ok bool) {
	i := 0
	for i < len(b) && b[i] == '$' {
		i++
	}
	for ; i < len(b); i++ {
		c := b[i] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
		if col > maxCol {
			return 0, 0, false
		}
	}
	if col == 0 {
		return 0, 0, false
	}
	if i < len(b) && b[i] == '$' {
		i++
	}
	row, err := strconv.Atoi(string(b[i:]))
	return col, row, err == nil || i == len(b)
}

func parseRange(b []byte) (cellRange, bool) {
	a, z, found := bytes.Cut(b, []byte(":"))
	if !found {
		z = a
	}
	c1, r1, ok1 := parseRef(a)
	c2, r2, ok2 := parseRef(z)
	if !ok1 || !ok2 || r1 < 1 || r2 < r1 || c2 < c1 {
		return cellRange{}, false
	}
	return cellRange{c1, r1, c2, r2}, true
}

// readSharedStrings reads sharedStrings.xml into a table, bounded by limit
// bytes of text.
func readSharedStrings(ctx context.Context, r io.Reader, limit int64) ([]string, error) {
	s := newXMLScanner(r)
	var out []string
	var cur []byte
	inPh := false
	var total int64
	for s.next() {
		name, closing := s.elem()
		switch string(name) {
		case "si":
			if closing {
				out = append(out, unescapeXML(cur))
				total += int64(len(cur)) + 16
				if total > limit {
					return nil, ErrTooLarge
				}
				if len(out)%4096 == 0 && ctx.Err() != nil {
					return nil, ctx.Err()
				}
			} else if s.selfClosing() {
				out = append(out, "")
				total += 16
			}
			cur = cur[:0]
		case "rPh":
			inPh = !closing && !s.selfClosing()
		case "t":
			if closing && !inPh {
				cur = append(cur, s.text...)
			}
		}
	}
	return out, s.err
}

// zipBudget counts the bytes really inflated across a workbook's parts and
// stops the import when they pass the limit, whatever the zip declares.
type zipBudget struct {
	left     int64
	done     int64
	total    int64
	next     int64
	progress func(done, total int64)
}

type budgetReader struct {
	r io.Reader
	b *zipBudget
}

func (br budgetReader) Read(p []byte) (int, error) {
	n, err := br.r.Read(p)
	b := br.b
	b.left -= int64(n)
	b.done += int64(n)
	if b.left < 0 {
		return n, ErrTooLarge
	}
	if b.progress != nil && b.done >= b.next {
		b.progress(min(b.done, b.total), b.total)
		b.next = b.done + max(b.total/200, 256<<10)
	}
	return n, err
}

// openCounted opens a zip part through the budget, and tells how many of
// its compressed bytes have been read: the share of a sheet read so far,
// whatever the sizes the zip declares, from which the limits estimate what
// the whole sheet would give. It inflates the part itself (zip.File.Open
// hides the compressed stream) and checks its CRC as zip.File.Open does.
func (b *zipBudget) openCounted(f *zip.File) (io.ReadCloser, func() int64, error) {
	if f.Method != zip.Deflate && f.Method != zip.Store {
		rc, err := b.open(f)
		return rc, nil, err
	}
	raw, err := f.OpenRaw()
	if err != nil {
		return nil, nil, err
	}
	cr := &countingReader{r: raw}
	var r io.Reader = cr
	var closer io.Closer = io.NopCloser(nil)
	if f.Method == zip.Deflate {
		fr := flate.NewReader(cr)
		r, closer = fr, fr
	}
	checked := &crcReader{r: r, want: f.CRC32, size: f.UncompressedSize64, hash: crc32.NewIEEE()}
	return struct {
		io.Reader
		io.Closer
	}{budgetReader{checked, b}, closer}, func() int64 { return cr.n }, nil
}

// crcReader checks a part's CRC-32 and size at its end.
type crcReader struct {
	r    io.Reader
	want uint32
	size uint64
	n    uint64
	hash hash.Hash32
}

func (c *crcReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.hash.Write(p[:n])
	c.n += uint64(n)
	if err == io.EOF && (c.n != c.size || c.want != 0 && c.hash.Sum32() != c.want) {
		return n, zip.ErrChecksum
	}
	return n, err
}

// open opens a zip part through the budget.
func (b *zipBudget) open(f *zip.File) (io.ReadCloser, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	return struct {
		io.Reader
		io.Closer
	}{budgetReader{rc, b}, rc}, nil
}

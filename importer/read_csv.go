package importer

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// A text table is read as a stream: the file's bytes are decoded line by
// line (read_text.go), split into records and handed to the table reader
// one at a time, so memory does not grow with the file; only the figures
// the table gives are kept (in the data set's compact storage).

// sniffBytes is how much of a text file decides its encoding, delimiter
// and line ends.
const sniffBytes = 64 << 10

// importCSV reads a CSV, TSV or text table of size bytes from src.
func importCSV(ctx context.Context, name string, src io.Reader, size int64, progress func(done, total int64),
	lim *importLimits, d *DataSet, rep *FileReport) error {
	raw := &countingReader{r: src}
	br := bufio.NewReaderSize(raw, 256<<10)
	head, _ := br.Peek(sniffBytes)
	text, enc := newTextDecoder(br, head)
	capped := &recordCap{r: text}
	tr := bufio.NewReaderSize(capped, 64<<10)
	sample, _ := tr.Peek(sniffBytes)
	delim, sepLine := delimiterOf(sample)
	if sepLine {
		if _, err := tr.ReadSlice('\n'); err != nil && err != io.EOF {
			return fileErr(name, ErrNotSpreadsheet)
		}
	}
	t := newTableReader("", baseName(name), d, rep)
	t.hint, t.hintCap = estimateLines(head, size), int(min(lim.maxRows+1, 1<<30))
	// What the table reader has seen: read, less what waits in the buffers.
	done := func() int64 { return raw.n - int64(br.Buffered()+enc.held()+tr.Buffered()) }
	lim.stream(size, done)
	in := recordInput{r: tr, limit: capped, delim: delim, sepLine: sepLine, size: size, done: done}
	if err := readRecords(ctx, in, progress, lim, t); err != nil {
		return csvErr(name, err)
	}
	if line, why := enc.mixedAt(); line > 0 {
		rep.issue("", line, 0, true, why.Code, why.Args...)
	}
	rep.Layout = []Msg{M("format.csv", enc.msg(), M("delimiter."+delimName[delim])), t.layout()}
	return finishTable(name, t, rep)
}

// csvErr is what the user hears when reading a text table stopped.
func csvErr(name string, err error) error {
	var le *limitError
	switch {
	case errors.As(err, &le):
		return le.fileError(name)
	case errors.Is(err, ErrCellTooLarge):
		return fileErr(name, ErrCellTooLarge)
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return err
	}
	var ue unreadableError
	if errors.As(err, &ue) {
		return unreadable(name, ue.err)
	}
	return fileErr(name, ErrNotSpreadsheet)
}

// unreadableError is a read from the file itself that failed (a disk
// error, a pipe closed), as opposed to text that cannot be split.
type unreadableError struct{ err error }

func (e unreadableError) Error() string { return e.err.Error() }

// newTextDecoder turns the file's bytes into UTF-8: UTF-16 with BOM
// (Excel's "Unicode text") as a whole, anything else line by line (UTF-8,
// with or without BOM, or GBK/GB18030, each line in its own encoding).
func newTextDecoder(br *bufio.Reader, head []byte) (io.Reader, textEncoding) {
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		return transform.NewReader(br, dec), fixedEncoding("utf16")
	}
	bom := bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	if bom {
		_, _ = br.Discard(3)
	}
	ld := newLineDecoder(br, bom, classicMac(head))
	return ld, ld
}

// classicMac: lines end in CR alone (old Mac files), seen in the first
// bytes.
func classicMac(head []byte) bool {
	return bytes.IndexByte(head, '\n') < 0 && bytes.IndexByte(head, '\r') >= 0
}

// estimateLines guesses a file's lines from its first bytes, to size the
// data set ahead.
func estimateLines(head []byte, size int64) int {
	n := bytes.Count(head, []byte("\n"))
	if n == 0 || len(head) == 0 {
		return 0
	}
	return int(min(size/int64(len(head))*int64(n)+int64(n), 1<<30))
}

// recordCap bounds one record's text: csv.Reader keeps a record whole, so
// a quoted field that never ends would otherwise hold the rest of the file.
type recordCap struct {
	r io.Reader
	n int
}

// maxRecordBytes is the longest record (or line, or cell) read.
const maxRecordBytes = 64 << 20

func (c *recordCap) Read(p []byte) (int, error) {
	if c.n > maxRecordBytes {
		return 0, ErrCellTooLarge
	}
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// mark starts a new record.
func (c *recordCap) mark() { c.n = 0 }

// delimiterOf honours Excel's "sep=;" first line (to be dropped), else
// sniffs the separator.
func delimiterOf(text []byte) (delim rune, sepLine bool) {
	first, _, _ := bytes.Cut(text, []byte("\n"))
	first = bytes.TrimSpace(first)
	if bytes.HasPrefix(bytes.ToLower(first), []byte("sep=")) && len(first) == 5 {
		return rune(first[4]), true
	}
	return sniffDelimiter(text), false
}

// sniffDelimiter picks the separator that splits the first lines most
// consistently: comma, semicolon or tab.
func sniffDelimiter(b []byte) rune {
	lines := bytes.SplitN(b, []byte("\n"), 12)
	if len(lines) > 10 {
		lines = lines[:10]
	}
	best, bestScore := ',', -1
	for _, d := range []rune{',', ';', '\t'} {
		score, prev := 0, -1
		for _, l := range lines {
			n := countOutsideQuotes(l, byte(d))
			if n > 0 {
				score += 2
				if n == prev {
					score++
				}
			}
			prev = n
		}
		if score > bestScore {
			best, bestScore = d, score
		}
	}
	return best
}

func countOutsideQuotes(l []byte, d byte) int {
	n, in := 0, false
	for _, c := range l {
		switch {
		case c == '"':
			in = !in
		case c == d && !in:
			n++
		}
	}
	return n
}

// recordInput is a decoded text table to split into records.
type recordInput struct {
	r       io.Reader
	limit   *recordCap
	delim   rune
	sepLine bool // a "sep=" line was dropped, so line numbers move by one
	size    int64
	done    func() int64
}

// readRecords feeds a table reader the records of a text table, one at a
// time, counting them against the limits.
func readRecords(ctx context.Context, in recordInput, progress func(done, total int64), lim *importLimits, t *tableReader) error {
	cr := csv.NewReader(in.r)
	cr.Comma, cr.FieldsPerRecord, cr.LazyQuotes, cr.ReuseRecord = in.delim, -1, true, true
	shift := 0
	if in.sepLine {
		shift = 1
	}
	var row gridRow
	for n := 1; ; n++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil && !errors.Is(err, csv.ErrFieldCount) {
			return err
		}
		in.limit.mark()
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if progress != nil {
				progress(min(in.done(), in.size), in.size)
			}
		}
		line, _ := cr.FieldPos(0)
		row.num, row.cells = line+shift, row.cells[:0]
		for i, f := range rec[:min(len(rec), maxCol)] {
			if f = normSpace(f); f != "" {
				row.cells = append(row.cells, cell{col: i + 1, text: f})
			}
		}
		t.row(row)
		if err := lim.row(len(row.cells)); err != nil {
			return err
		}
	}
	t.end(nil, false)
	if progress != nil {
		progress(in.size, in.size)
	}
	return lim.check() // the rows kept to decide the layout were read at the end
}

var delimName = map[rune]string{',': "comma", ';': "semicolon", '\t': "tab"}

func normSpace(s string) string {
	if len(s) > 0 && (s[0] == ' ' || s[len(s)-1] == ' ' || s[0] == '\t') {
		return normText(s)
	}
	return s
}

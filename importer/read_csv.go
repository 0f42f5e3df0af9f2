package importer

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// decodeText turns a CSV file's bytes into UTF-8 and names the encoding:
// UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode text"), or
// else GB18030, which covers GBK and GB2312.
func decodeText(b []byte) ([]byte, string, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return b[3:], "utf8bom", nil
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(b)
		return out, "utf16", err
	case utf8.Valid(b):
		return b, "utf8", nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	return out, "gb18030", err
}

// delimiterOf honours Excel's "sep=;" first line (and drops it), else
// sniffs the separator.
func delimiterOf(text []byte) (rune, []byte) {
	first, rest, _ := bytes.Cut(text, []byte("\n"))
	first = bytes.TrimSpace(first)
	if bytes.HasPrefix(bytes.ToLower(first), []byte("sep=")) && len(first) == 5 {
		return rune(first[4]), rest
	}
	return sniffDelimiter(text), text
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

// importCSV reads a CSV, TSV or text table.
func importCSV(ctx context.Context, name string, data []byte, progress func(done, total int64), d *DataSet, rep *FileReport) error {
	text, enc, err := decodeText(data)
	if err != nil {
		return fileErr(name, ErrNotSpreadsheet)
	}
	if len(bytes.TrimSpace(text)) == 0 {
		return fileErr(name, ErrEmpty)
	}
	if bytes.IndexByte(text, '\n') < 0 {
		text = bytes.ReplaceAll(text, []byte("\r"), []byte("\n")) // classic Mac line ends
	}
	before := len(text)
	delim, text := delimiterOf(text)
	t := newTableReader("", baseName(name), d, rep)
	if err := readRecords(ctx, text, delim, before-len(text) > 0, progress, t); err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return err
		}
		return fileErr(name, ErrNotSpreadsheet)
	}
	rep.Layout = []Msg{M("format.csv", M("encoding."+enc), M("delimiter."+delimName[delim])), t.layout()}
	return finishTable(name, t, rep)
}

// readRecords feeds a table reader the records of a text table. sepLine
// says a "sep=" line was dropped, so line numbers move by one.
func readRecords(ctx context.Context, text []byte, delim rune, sepLine bool, progress func(done, total int64), t *tableReader) error {
	cr := csv.NewReader(bytes.NewReader(text))
	cr.Comma, cr.FieldsPerRecord, cr.LazyQuotes, cr.ReuseRecord = delim, -1, true, true
	shift := 0
	if sepLine {
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
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if progress != nil {
				progress(cr.InputOffset(), int64(len(text)))
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
	}
	t.end(nil, false)
	if progress != nil {
		progress(int64(len(text)), int64(len(text)))
	}
	return nil
}

var delimName = map[rune]string{',': "comma", ';': "semicolon", '\t': "tab"}

func normSpace(s string) string {
	if len(s) > 0 && (s[0] == ' ' || s[len(s)-1] == ' ' || s[0] == '\t') {
		return normText(s)
	}
	return s
}

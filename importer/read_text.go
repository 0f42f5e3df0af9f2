package importer

import (
	"bufio"
	"bytes"
	"io"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// textEncoding names what a text file was decoded from, for the report.
type textEncoding interface {
	msg() Msg
	// mixedAt is the first line in the encoding fewer lines are in, and
	// the report's words for it; 0 when the file is in one encoding.
	mixedAt() (line int, why Msg)
	// held is how many decoded bytes wait in the decoder, not yet read.
	held() int
}

// fixedEncoding is a whole file in one encoding (UTF-16).
type fixedEncoding string

func (e fixedEncoding) msg() Msg            { return M("encoding." + string(e)) }
func (e fixedEncoding) mixedAt() (int, Msg) { return 0, Msg{} }
func (e fixedEncoding) held() int           { return 0 }

// lineDecoder decodes text line by line: a line that is valid UTF-8 is
// UTF-8, any other is GBK/GB18030. A file that mixes them (a UTF-8 export
// with rows pasted from an old GBK file) then reads right line by line,
// where decoding it whole in one encoding turns 重庆 into 閲嶅簡 — a new
// city that is no city. The report says how many lines were in which.
type lineDecoder struct {
	br      *bufio.Reader
	bom     bool
	eol     byte // '\n', or '\r' for classic Mac files
	gb      *encoding.Decoder
	pending []byte
	block   []byte
	long    []byte
	line    int
	err     error

	utf8Lines, gbLines int // lines with non-ASCII text in each encoding
	firstUTF8, firstGB int
}

func newLineDecoder(br *bufio.Reader, bom, cr bool) *lineDecoder {
	d := &lineDecoder{br: br, bom: bom, eol: '\n', gb: simplifiedchinese.GB18030.NewDecoder()}
	if cr {
		d.eol = '\r'
	}
	return d
}

func (d *lineDecoder) Read(p []byte) (int, error) {
	for len(d.pending) == 0 {
		if d.err != nil {
			return 0, d.err
		}
		if d.gbLines == 0 { // UTF-8 so far: whole buffers at once while they stay valid
			if block := d.validBlock(); block != nil {
				d.pending = block
				break
			}
		}
		line, err := d.readLine()
		if err != nil {
			d.err = err
		}
		if len(line) > 0 {
			d.pending = d.decode(line)
		}
	}
	n := copy(p, d.pending)
	d.pending = d.pending[n:]
	return n, nil
}

// validBlock takes the whole lines waiting in the buffer when they are
// valid UTF-8, counting them as decode would; nil when they are not (or
// no line ends there), for the line-by-line way. Most files are UTF-8
// throughout, and a line at a time cost a tenth of a large import.
func (d *lineDecoder) validBlock() []byte {
	if d.br.Buffered() == 0 {
		if _, err := d.br.Peek(1); err != nil {
			return nil
		}
	}
	buf, _ := d.br.Peek(d.br.Buffered())
	end := bytes.LastIndexByte(buf, d.eol)
	if end < 0 || !utf8.Valid(buf[:end+1]) {
		return nil
	}
	d.block = append(d.block[:0], buf[:end+1]...)
	_, _ = d.br.Discard(end + 1)
	d.countLines(d.block)
	if d.eol == '\r' {
		for i, c := range d.block {
			if c == '\r' {
				d.block[i] = '\n'
			}
		}
	}
	return d.block
}

// countLines counts a block's lines, and those with non-ASCII text as
// UTF-8 lines.
func (d *lineDecoder) countLines(block []byte) {
	eol := []byte{d.eol}
	for rest := block; len(rest) > 0; {
		i := 0
		for i < len(rest) && rest[i] < utf8.RuneSelf {
			i++
		}
		if i == len(rest) {
			d.line += bytes.Count(rest, eol)
			return
		}
		d.line += bytes.Count(rest[:i], eol)
		d.utf8Lines++
		if d.firstUTF8 == 0 {
			d.firstUTF8 = d.line + 1
		}
		j := bytes.IndexByte(rest[i:], d.eol) // the block ends a line
		d.line++
		rest = rest[i+j+1:]
	}
}

// readLine returns the next line with its end; a line longer than
// maxRecordBytes is an error.
func (d *lineDecoder) readLine() ([]byte, error) {
	d.long = d.long[:0]
	for {
		chunk, err := d.br.ReadSlice(d.eol)
		if err == bufio.ErrBufferFull {
			d.long = append(d.long, chunk...)
			if len(d.long) > maxRecordBytes {
				return nil, ErrCellTooLarge
			}
			continue
		}
		if err != nil && err != io.EOF {
			err = unreadableError{err}
		}
		if len(d.long) > 0 {
			d.long = append(d.long, chunk...)
			chunk = d.long
		}
		d.line++
		return chunk, err
	}
}

// decode turns one line into UTF-8, counting which encoding it was in.
func (d *lineDecoder) decode(line []byte) []byte {
	ascii := true
	for _, c := range line {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	var out []byte
	switch {
	case ascii:
		out = line
	case utf8.Valid(line) && (d.gbLines == 0 || hanText(line)):
		d.utf8Lines++
		if d.firstUTF8 == 0 {
			d.firstUTF8 = d.line
		}
		out = line
	default:
		b, err := d.gb.Bytes(line)
		if err != nil {
			b = line
		}
		d.gbLines++
		if d.firstGB == 0 {
			d.firstGB = d.line
		}
		out = b
	}
	if d.eol == '\r' && len(out) > 0 && out[len(out)-1] == '\r' {
		out = append(out[:len(out)-1:len(out)-1], '\n')
	}
	return out
}

// hanText: every non-ASCII character of a valid UTF-8 line is Chinese
// text or its punctuation. GBK bytes that happen to be valid UTF-8 make
// other characters (Õ, ҳ…), so such a line, in a file that has GBK lines,
// is read as GBK.
func hanText(line []byte) bool {
	for _, r := range string(line) {
		if r < utf8.RuneSelf {
			continue
		}
		if !unicode.Is(unicode.Han, r) && !(r >= 0x3000 && r <= 0x303F) && !(r >= 0xFF00 && r <= 0xFFEF) &&
			!(r >= 0x2000 && r <= 0x206F) && r != 0xFEFF {
			return false
		}
	}
	return true
}

func (d *lineDecoder) held() int { return len(d.pending) }

func (d *lineDecoder) mixed() bool { return d.utf8Lines > 0 && d.gbLines > 0 }

func (d *lineDecoder) msg() Msg {
	switch {
	case d.mixed():
		return M("encoding.mixed", d.utf8Lines, d.gbLines)
	case d.gbLines > 0:
		return M("encoding.gb18030")
	case d.bom:
		return M("encoding.utf8bom")
	}
	return M("encoding.utf8")
}

func (d *lineDecoder) mixedAt() (int, Msg) {
	switch {
	case !d.mixed():
		return 0, Msg{}
	case d.gbLines <= d.utf8Lines:
		return d.firstGB, M("text.mixed_encoding", M("encoding.gb18030"), d.gbLines, M("encoding.utf8"))
	}
	return d.firstUTF8, M("text.mixed_encoding", M("encoding.utf8"), d.utf8Lines, M("encoding.gb18030"))
}

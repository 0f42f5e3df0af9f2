package importer

import (
	"bufio"
	"bytes"
	"io"
	"strconv"
	"unicode/utf8"
)

// xmlScanner walks the tags of a worksheet or shared-strings part without
// encoding/xml: each step yields one tag and the raw text before it. It is
// about ten times faster and allocates almost nothing, which is what makes
// large workbooks quick. It understands what spreadsheet writers produce
// (elements, attributes, character references), not every corner of XML.
type xmlScanner struct {
	r     *bufio.Reader
	spill []byte // holds a tag or text longer than the reader's buffer
	text  []byte // raw text between the previous tag and this one
	tag   []byte // the tag without < and >
	err   error
}

func newXMLScanner(r io.Reader) *xmlScanner {
	return &xmlScanner{r: bufio.NewReaderSize(r, 64<<10)}
}

// next advances to the next tag; false at the end or on error (see s.err).
func (s *xmlScanner) next() bool {
	s.spill = s.spill[:0]
	for {
		chunk, err := s.r.ReadSlice('>')
		if err == bufio.ErrBufferFull {
			s.spill = append(s.spill, chunk...)
			if len(s.spill) > 64<<20 {
				s.err = errXMLTooLong
				return false
			}
			continue
		}
		if err != nil {
			if err != io.EOF {
				s.err = err
			}
			return false
		}
		if len(s.spill) > 0 {
			s.spill = append(s.spill, chunk...)
			chunk = s.spill
		}
		i := bytes.LastIndexByte(chunk, '<')
		if i < 0 { // a '>' inside text: keep reading
			if len(s.spill) == 0 {
				s.spill = append(s.spill, chunk...)
			}
			continue
		}
		s.text = chunk[:i]
		s.tag = chunk[i+1 : len(chunk)-1]
		return true
	}
}

var errXMLTooLong = &xmlError{"an XML element is longer than 64 MiB"}

type xmlError struct{ msg string }

func (e *xmlError) Error() string { return e.msg }

// elem is the tag's local name without a namespace prefix, and whether it
// is a closing tag (</row>).
func (s *xmlScanner) elem() (name []byte, closing bool) {
	t := s.tag
	if len(t) > 0 && t[0] == '/' {
		closing, t = true, t[1:]
	}
	end := 0
	for end < len(t) && !isSpace(t[end]) && t[end] != '/' {
		end++
	}
	n := t[:end]
	if j := bytes.IndexByte(n, ':'); j >= 0 {
		n = n[j+1:]
	}
	return n, closing
}

// selfClosing reports whether the tag ends with "/>".
func (s *xmlScanner) selfClosing() bool {
	return len(s.tag) > 0 && s.tag[len(s.tag)-1] == '/'
}

// attrs3 reads three attributes in one pass over the tag (a cell's r, t
// and s), returning nil for those not present. Its helpers are small
// enough to be inlined: this runs for every cell of a sheet.
func (s *xmlScanner) attrs3(a, b, c string) (va, vb, vc []byte) {
	t := s.tag
	i := 0
	for i < len(t) && !isSpace(t[i]) { // the element name
		i++
	}
	for i < len(t) {
		start := skipSpaces(t, i)
		i = attrNameEnd(t, start)
		if !quoteAfterEquals(t, i) {
			return
		}
		end := bytes.IndexByte(t[i+2:], t[i+1])
		if end < 0 {
			return
		}
		val := t[i+2 : i+2+end]
		switch string(t[start:i]) {
		case a:
			va = val
		case b:
			vb = val
		case c:
			vc = val
		}
		i += 2 + end + 1
	}
	return
}

// skipSpaces returns where the spaces at t[i:] end.
func skipSpaces(t []byte, i int) int {
	for i < len(t) && isSpace(t[i]) {
		i++
	}
	return i
}

// attrNameEnd returns where the attribute name at t[i:] ends: at its '='
// or a space.
func attrNameEnd(t []byte, i int) int {
	for i < len(t) && t[i] != '=' && !isSpace(t[i]) {
		i++
	}
	return i
}

// quoteAfterEquals reports whether t[i:] starts with =" or =', as an
// attribute's value does.
func quoteAfterEquals(t []byte, i int) bool {
	return i+1 < len(t) && t[i] == '=' && (t[i+1] == '"' || t[i+1] == '\'')
}

// attr returns an attribute's raw value, or nil.
func (s *xmlScanner) attr(key string) []byte {
	t := s.tag
	for {
		i := bytes.Index(t, []byte(key))
		if i < 0 {
			return nil
		}
		j := i + len(key)
		if i > 0 && isSpace(t[i-1]) && j+1 < len(t) && t[j] == '=' && (t[j+1] == '"' || t[j+1] == '\'') {
			q := t[j+1]
			rest := t[j+2:]
			k := bytes.IndexByte(rest, q)
			if k < 0 {
				return nil
			}
			return rest[:k]
		}
		t = t[j:]
	}
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// unescapeXML decodes character references and the OOXML _xHHHH_ escapes.
func unescapeXML(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 && !bytes.Contains(b, []byte("_x")) {
		return string(b)
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '&' {
			if r, n := entity(b[i:]); n > 0 {
				out = utf8.AppendRune(out, r)
				i += n - 1
				continue
			}
		}
		if c == '_' && i+6 < len(b) && b[i+1] == 'x' && b[i+6] == '_' {
			if v, err := strconv.ParseUint(string(b[i+2:i+6]), 16, 32); err == nil {
				out = utf8.AppendRune(out, rune(v))
				i += 6
				continue
			}
		}
		out = append(out, c)
	}
	return string(out)
}

// entity decodes one reference at the start of b, returning its length.
func entity(b []byte) (rune, int) {
	end := bytes.IndexByte(b, ';')
	if end < 2 || end > 10 {
		return 0, 0
	}
	name := string(b[1:end])
	switch name {
	case "amp":
		return '&', end + 1
	case "lt":
		return '<', end + 1
	case "gt":
		return '>', end + 1
	case "quot":
		return '"', end + 1
	case "apos":
		return '\'', end + 1
	}
	if name[0] != '#' {
		return 0, 0
	}
	base, digits := 10, name[1:]
	if len(digits) > 0 && (digits[0] == 'x' || digits[0] == 'X') {
		base, digits = 16, digits[1:]
	}
	v, err := strconv.ParseUint(digits, base, 32)
	if err != nil || v > utf8.MaxRune {
		return 0, 0
	}
	return rune(v), end + 1
}

package importer

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	textunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Web pages saved as .xls: CNKI and the yearbook sites serve their tables
// as HTML with an .xls name, and Excel opens them. Each <table> is read
// like a sheet: its rows, with colspan and rowspan as merged ranges, go
// through the same table reader as a worksheet. The page streams through
// the tokenizer, so memory follows the table being read, not the page.
//
// The lines just above a table (its <caption>, the heading before it, a
// "单位：万辆" line) are what Excel shows above it: they reach the table
// reader as title rows, so a table's row numbers count them too.

// looksLikeHTML: the head of a text file is a web page (after any BOM and
// white space it opens a tag, and an html, table or doctype tag is near).
func looksLikeHTML(head []byte) bool {
	if bytes.HasPrefix(head, magicUTF16[0]) || bytes.HasPrefix(head, magicUTF16[1]) {
		head, _ = textunicode.UTF16(textunicode.LittleEndian, textunicode.ExpectBOM).NewDecoder().Bytes(head[:len(head)&^1])
	}
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF}), " \t\r\n")
	if !bytes.HasPrefix(head, []byte("<")) {
		return false
	}
	h := bytes.ToLower(head[:min(len(head), 2048)])
	return bytes.Contains(h, []byte("<html")) || bytes.Contains(h, []byte("<table")) || bytes.Contains(h, []byte("<!doctype html"))
}

// htmlEncoding finds how a page is encoded: a BOM, else the charset its
// <meta> declares, else UTF-8 when the bytes are valid UTF-8 and GB18030
// (which covers GBK and GB2312) when not. A declaration the bytes plainly
// contradict (gb2312 on valid UTF-8 Chinese, utf-8 on GBK bytes) loses.
func htmlEncoding(b []byte) (body []byte, enc encoding.Encoding, name Msg) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return b[3:], nil, M("encoding.utf8bom")
	case bytes.HasPrefix(b, magicUTF16[0]), bytes.HasPrefix(b, magicUTF16[1]):
		return b, textunicode.UTF16(textunicode.LittleEndian, textunicode.ExpectBOM), M("encoding.utf16")
	}
	label := metaCharset(b[:min(len(b), 16<<10)])
	declared, canon := charset.Lookup(label)
	valid := utf8.Valid(b)
	switch {
	case canon == "gbk" || canon == "gb18030":
		if valid && hasHighBytes(b) {
			return b, nil, M("encoding.utf8_declared", label)
		}
		return b, simplifiedchinese.GB18030, M("text", strings.ToUpper(canon)) // gb2312 is read as GBK, as browsers do
	case canon == "utf-8", declared == nil || strings.HasPrefix(canon, "utf-16"):
		if !valid {
			return b, simplifiedchinese.GB18030, M("encoding.gb18030")
		}
		return b, nil, M("encoding.utf8")
	}
	return b, declared, M("text", strings.ToUpper(canon))
}

func hasHighBytes(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// metaCharset is the charset a page's <meta charset> or <meta
// http-equiv="Content-Type" content="…; charset=…"> names, or "".
func metaCharset(head []byte) string {
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			switch string(name) {
			case "body", "table":
				return ""
			case "meta":
				if cs := metaTagCharset(z, more); cs != "" {
					return cs
				}
			}
		}
	}
}

func metaTagCharset(z *html.Tokenizer, more bool) string {
	var content, cs string
	for more {
		var k, v []byte
		k, v, more = z.TagAttr()
		switch string(k) {
		case "charset":
			cs = string(v)
		case "content":
			content = strings.ToLower(string(v))
		}
	}
	if cs != "" {
		return strings.TrimSpace(cs)
	}
	if _, after, ok := strings.Cut(content, "charset="); ok {
		after, _, _ = strings.Cut(after, ";")
		return strings.Trim(after, ` "'`)
	}
	return ""
}

// importHTML reads the tables of a web page.
func importHTML(ctx context.Context, name string, data []byte, progress func(done, total int64), lim *importLimits, rep *FileReport) error {
	d := lim.d
	body, enc, encName := htmlEncoding(data)
	cr := &countingReader{r: bytes.NewReader(body)}
	var r io.Reader = cr
	if enc != nil {
		r = transform.NewReader(cr, enc.NewDecoder())
	}
	p := &htmlPage{ctx: ctx, file: baseName(name), d: d, rep: rep, names: map[string]bool{}}
	err := p.run(r, func() error {
		if progress != nil {
			progress(cr.n, int64(len(body)))
		}
		return lim.check()
	})
	var le *limitError
	switch {
	case errors.As(err, &le):
		return le.fileError(name)
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return err
	case err != nil:
		return fileErr(name, ErrTruncated)
	}
	if progress != nil {
		progress(int64(len(body)), int64(len(body)))
	}
	return p.finish(name, encName)
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n += int64(n)
	return n, err
}

// htmlPage is the state of one page being read: its open tables
// (innermost last) and the text lines that may title the next table.
type htmlPage struct {
	ctx    context.Context
	file   string
	d      *DataSet
	rep    *FileReport
	open   []*htmlTable
	opaque int // depth inside tables nested too deep to read
	count  int // tables started
	raw    string
	line   []byte   // text outside cells since the last block boundary
	recent []string // short lines since the last table or heading
	head   string   // the last heading (h1–h6) since the last table
	inHead bool
	names  map[string]bool
	layout []Msg
	trace  func(*htmlTable, gridRow) // tests see the rows a table gives
	filled int
	read   int
	err    error // a table contradicts a choice
}

// maxTableDepth bounds nesting: deeper tables are passed over whole.
const maxTableDepth = 16

// maxCellText bounds one cell's text; the rest of a longer cell is dropped.
const maxCellText = 32 << 10

func (p *htmlPage) run(r io.Reader, tick func() error) error {
	z := html.NewTokenizer(r)
	z.SetMaxBuf(64 << 20)
	for n := 1; ; n++ {
		tt := z.Next()
		if n%4096 == 0 {
			if err := p.ctx.Err(); err != nil {
				return err
			}
			if err := tick(); err != nil {
				return err
			}
		}
		switch tt {
		case html.ErrorToken:
			p.cutShort()
			if err := p.ctx.Err(); err != nil {
				return err
			}
			if errors.Is(z.Err(), html.ErrBufferExceeded) {
				return ErrTruncated
			}
			return nil
		case html.TextToken:
			if p.raw == "" && p.opaque == 0 {
				p.text(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			p.startTag(string(name), z, more)
		case html.EndTagToken:
			name, _ := z.TagName()
			p.endTag(string(name))
		}
	}
}

// rawTags hold text that is not shown (or not table text): skipped.
var rawTags = map[string]bool{"script": true, "style": true, "title": true, "textarea": true,
	"noscript": true, "noembed": true, "noframes": true, "iframe": true, "xmp": true, "plaintext": true}

// blockTags end a line of text: a cell's text gets a space there.
var blockTags = map[string]bool{"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true,
	"dl": true, "dt": true, "dd": true, "hr": true, "center": true, "blockquote": true, "pre": true,
	"section": true, "article": true, "header": true, "footer": true, "nav": true, "address": true,
	"form": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true}

func (p *htmlPage) top() *htmlTable {
	if len(p.open) == 0 {
		return nil
	}
	return p.open[len(p.open)-1]
}

// startTag handles an opening tag: the start of text to skip (script,
// style…), of a table or one of its parts, of a heading, or of a block
// that ends a line of text.
func (p *htmlPage) startTag(name string, z *html.Tokenizer, more bool) {
	if rawTags[name] {
		p.raw = name
		return
	}
	if p.opaque > 0 {
		if name == "table" {
			p.opaque++
		}
		return
	}
	t := p.top()
	switch name {
	case "table":
		p.startTable()
	case "tr", "td", "th", "caption", "thead", "tbody", "tfoot":
		if t != nil {
			p.startTablePart(t, name, z, more)
		}
	case "h1", "h2", "h3", "h4", "h5", "h6":
		p.lineBreak()
		if t == nil || !t.inCell {
			p.inHead, p.recent = true, nil
		}
	default:
		if blockTags[name] {
			p.lineBreak()
		}
	}
}

// startTablePart handles the opening tag of a row, a cell, the caption or
// a row group of t, the innermost open table: a cell with no row open
// starts one.
func (p *htmlPage) startTablePart(t *htmlTable, name string, z *html.Tokenizer, more bool) {
	switch name {
	case "tr":
		p.flushLine()
		t.endRow()
		t.startRow()
	case "td", "th":
		p.flushLine()
		t.endCell()
		if !t.inRow {
			t.startRow()
		}
		t.startCell(z, more)
	case "caption":
		if !t.inCell {
			t.inCaption = true
		}
	case "thead", "tbody", "tfoot":
		t.endRow()
	}
}

// endTag handles a closing tag as startTag does an opening one; </body>
// and </html> also close the tables left open.
func (p *htmlPage) endTag(name string) {
	if name == p.raw {
		p.raw = ""
		return
	}
	if p.opaque > 0 {
		if name == "table" {
			p.opaque--
		}
		return
	}
	t := p.top()
	switch name {
	case "table":
		if t != nil {
			p.endTable()
		}
	case "tr", "td", "th", "caption":
		if t != nil {
			p.endTablePart(t, name)
		}
	case "h1", "h2", "h3", "h4", "h5", "h6":
		p.lineBreak()
		p.inHead = false
	case "body", "html":
		for len(p.open) > 0 { // </table> left out, as browsers allow
			p.endTable()
		}
	default:
		if blockTags[name] {
			p.lineBreak()
		}
	}
}

// endTablePart handles the closing tag of a row, a cell or the caption of
// t, the innermost open table.
func (p *htmlPage) endTablePart(t *htmlTable, name string) {
	switch name {
	case "tr":
		p.flushLine()
		t.endRow()
	case "td", "th":
		p.flushLine()
		t.endCell()
	case "caption":
		t.inCaption = false
	}
}

// lineBreak ends a line: inside a cell it becomes a space (and marks a
// line that may title a table nested in the cell); elsewhere the line may
// title the next table.
func (p *htmlPage) lineBreak() {
	if t := p.top(); t != nil && t.inCell {
		t.cell = appendText(t.cell, []byte("\n"))
		return
	}
	p.flushLine()
}

func (p *htmlPage) text(s []byte) {
	t := p.top()
	switch {
	case t != nil && t.inCaption:
		t.caption = appendText(t.caption, s)
	case t != nil && t.inCell:
		t.cell = appendText(t.cell, s)
	default:
		p.line = appendText(p.line, s)
	}
}

func appendText(b, s []byte) []byte {
	if len(b)+len(s) > maxCellText {
		return b
	}
	return append(b, s...)
}

// flushLine keeps a short line of text as a possible title of the next
// table; a heading is kept apart, as a name for it.
func (p *htmlPage) flushLine() {
	if len(p.line) == 0 {
		return
	}
	p.keepLine(cellText(p.line))
	p.line = p.line[:0]
}

func (p *htmlPage) keepLine(s string) {
	if s == "" || utf8.RuneCountInString(s) > 100 || looksNumeric(cell{text: s}) {
		return
	}
	if p.inHead {
		p.head = s
	}
	if len(p.recent) == 3 {
		p.recent = p.recent[1:]
	}
	p.recent = append(p.recent, s)
}

// cellText folds white space (new lines, &nbsp;, full-width spaces) into
// single spaces and drops zero-width characters.
func cellText(b []byte) string {
	var out strings.Builder
	space := false
	for _, r := range string(b) {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case r == 0x200B || r == 0xFEFF:
			continue
		}
		if space && out.Len() > 0 {
			out.WriteByte(' ')
		}
		space = false
		out.WriteRune(r)
	}
	return out.String()
}

func (p *htmlPage) startTable() {
	p.flushLine()
	if len(p.open) >= maxTableDepth {
		p.opaque = 1
		return
	}
	if outer := p.top(); outer != nil && outer.inCell {
		for _, l := range lastLines(outer.cell, 3) { // what the cell says above the table
			p.keepLine(cellText(l))
		}
	}
	p.count++
	t := &htmlTable{page: p, num: p.count, titles: p.recent, head: p.head}
	if outer := p.top(); outer != nil {
		outer.holds = append(outer.holds, t.num)
	}
	p.recent, p.head = nil, ""
	p.open = append(p.open, t)
}

// lastLines is the last n lines of b, in order.
func lastLines(b []byte, n int) [][]byte {
	var out [][]byte
	for len(out) < n && len(b) > 0 {
		i := bytes.LastIndexByte(b, '\n')
		out = append([][]byte{b[i+1:]}, out...)
		b = b[:max(i, 0)]
	}
	return out
}

func (p *htmlPage) endTable() {
	t := p.top()
	p.flushLine()
	t.endRow()
	p.open = p.open[:len(p.open)-1]
	p.recent, p.head = nil, ""
	p.settle(t)
}

// cutShort ends the tables still open when the page ends: the file was
// cut short (a download that stopped), so a row in progress may hold half
// a number. It is not read, and the report says so.
func (p *htmlPage) cutShort() {
	if t := p.top(); t != nil {
		if t.inRow && (len(t.row.cells) > 0 || t.inCell && cellText(t.cell) != "") {
			p.rep.issue(p.tableName(t), t.rowNum, 0, false, "html.cut_row")
		} else {
			p.rep.issue(p.tableName(t), 0, 0, false, "html.cut_table")
		}
	}
	for len(p.open) > 0 {
		t := p.top()
		t.inRow, t.inCell = false, false
		p.endTable()
	}
}

// settle reports a finished table like readBook reports a sheet.
func (p *htmlPage) settle(t *htmlTable) {
	switch {
	case t.reader == nil && !t.filled:
		return // an empty table: spacing, not data
	case t.reader == nil && len(t.holds) > 0:
		p.skip(t, M("html.layout_table", t.holds[0]))
		return
	case t.reader == nil:
		p.skip(t, M("html.no_numbers"))
		return
	}
	p.filled++
	t.reader.end(t.merges, true)
	if p.err == nil {
		p.err = t.reader.err
	}
	if t.reader.skip.Code != "" {
		p.skip(t, t.reader.skip)
		return
	}
	p.rep.SheetsUsed = append(p.rep.SheetsUsed, t.name)
	p.layout = append(p.layout, M("layout.sheet", t.name, t.reader.layout()))
	p.read += t.reader.obs
}

func (p *htmlPage) skip(t *htmlTable, why Msg) {
	p.filled++
	p.rep.SheetsSkipped = append(p.rep.SheetsSkipped, SkippedSheet{p.tableName(t), why})
}

// tableName is the table's caption, else the heading or the nearest line
// above it that reads like a title, else "table N"; unique in the page.
func (p *htmlPage) tableName(t *htmlTable) string {
	if t.name != "" {
		return t.name
	}
	name := clip(cellText(t.caption))
	if name == "" {
		name = clip(t.head)
	}
	for i := len(t.titles) - 1; i >= 0 && name == ""; i-- {
		if s := t.titles[i]; !isUnitStatement(s) && !isFootnote(s) {
			name = clip(s)
		}
	}
	if name == "" {
		name = t.titleRow()
	}
	if name == "" || p.names[name] {
		name = strings.TrimSpace("table " + strconv.Itoa(t.num) + " " + name)
	}
	p.names[name] = true
	t.name = name
	return name
}

// finish settles the page's outcome: the layout line, or why nothing was
// read.
func (p *htmlPage) finish(name string, enc Msg) error {
	what := M("format.html", p.count, enc)
	if e := strings.ToLower(extOf(name)); e == ".xls" || e == ".xlsx" || e == ".et" {
		what = M("format.html_as", e, p.count, enc)
	}
	rep := p.rep
	rep.Layout = append([]Msg{what}, p.layout...)
	switch {
	case p.err != nil:
		return p.err
	case p.count == 0:
		return &FileError{File: name, Err: ErrNoNumbers, Why: M("html.no_table")}
	case p.filled == 0:
		return fileErr(name, ErrEmpty)
	case p.read == 0:
		return &FileError{File: name, Err: ErrNoNumbers, Why: htmlWhy(rep)}
	}
	return nil
}

// htmlWhy says why no table gave a figure: the first table's reason.
func htmlWhy(rep *FileReport) Msg {
	for _, s := range rep.SheetsSkipped {
		if s.Why.Code != "html.layout_table" {
			return M("why.table", s.Name, s.Why)
		}
	}
	if is, ok := rep.firstSkip(); ok {
		return M("why.all_skipped", is.at(), is.Msg)
	}
	if len(rep.SheetsSkipped) > 0 {
		return M("why.table", rep.SheetsSkipped[0].Name, rep.SheetsSkipped[0].Why)
	}
	return Msg{}
}

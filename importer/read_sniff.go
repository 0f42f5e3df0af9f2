package importer

import (
	"archive/zip"
	"bytes"
	"io"
	"path/filepath"
	"strings"

	"github.com/richardlehane/mscfb"
)

// fileKind is what a file's first bytes say it is.
type fileKind int

const (
	kindUnknown fileKind = iota
	kindZip
	kindOLE2
	kindText
	kindEmpty
	kindPDF
)

var (
	magicZip   = []byte("PK\x03\x04")
	magicZip0  = []byte("PK\x05\x06") // an empty zip
	magicOLE2  = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	magicUTF16 = [][]byte{{0xFF, 0xFE}, {0xFE, 0xFF}}
)

// sniff classifies a file by its first bytes.
func sniff(head []byte) fileKind {
	switch {
	case len(head) == 0:
		return kindEmpty
	case bytes.HasPrefix(head, magicZip), bytes.HasPrefix(head, magicZip0):
		return kindZip
	case bytes.HasPrefix(head, magicOLE2):
		return kindOLE2
	case bytes.HasPrefix(head, []byte("%PDF")):
		return kindPDF
	case bytes.HasPrefix(head, magicUTF16[0]), bytes.HasPrefix(head, magicUTF16[1]):
		return kindText
	case looksLikeText(head):
		return kindText
	}
	return kindUnknown
}

// looksLikeText: no NUL bytes and few control characters.
func looksLikeText(b []byte) bool {
	bad := 0
	for _, c := range b {
		if c == 0 {
			return false
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != 0x1A {
			bad++
		}
	}
	return bad*50 < len(b)+1
}

// textKind tells a CSV from the other text files people mistake for
// spreadsheets: Excel's XML 2003 "workbooks", rich text. (Web pages saved
// as .xls are read: read_html.go.)
func textKind(head []byte) (detail string) { // a kind.* code, or ""
	h := strings.ToLower(string(head[:min(len(head), 2048)]))
	switch {
	case strings.Contains(h, "urn:schemas-microsoft-com:office:spreadsheet"):
		return "kind.excel2003xml"
	case strings.HasPrefix(strings.TrimSpace(h), "{\\rtf"):
		return "kind.rtf"
	}
	return ""
}

// classifyOLE2 tells an encrypted OOXML workbook (an EncryptedPackage
// stream) from a legacy .xls (a Workbook or Book stream) and other Office
// 97–2003 files.
func classifyOLE2(r io.ReaderAt) (detail Msg, err error) {
	defer func() {
		if recover() != nil {
			detail, err = Msg{}, ErrTruncated
		}
	}()
	doc, e := mscfb.New(r)
	if e != nil {
		return Msg{}, ErrTruncated
	}
	legacy := false
	for entry, e := doc.Next(); e == nil; entry, e = doc.Next() {
		switch entry.Name {
		case "EncryptedPackage":
			return Msg{}, ErrEncrypted
		case "Workbook", "Book":
			legacy = true
		}
	}
	if legacy {
		return Msg{}, ErrLegacyXLS
	}
	return M("kind.ole2_other"), ErrUnsupportedType
}

// zipKind names non-workbook zips: OpenDocument, Numbers, Word, PowerPoint.
func zipKind(zr *zip.Reader) string {
	has := map[string]bool{}
	for _, f := range zr.File {
		has[f.Name] = true
	}
	switch {
	case has["mimetype"] && has["content.xml"]:
		return "kind.odf"
	case has["Index/Document.iwa"] || has["Index.zip"]:
		return "kind.numbers"
	case has["word/document.xml"]:
		return "kind.word"
	case has["ppt/presentation.xml"]:
		return "kind.pptx"
	}
	return ""
}

// extKind names formats by extension when the bytes are not decisive.
func extKind(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".ods":
		return "kind.ods"
	case ".numbers":
		return "kind.numbers"
	case ".xlsb":
		return "kind.xlsb"
	case ".et", ".ett":
		return "kind.wps"
	}
	return ""
}

func baseName(name string) string { return filepath.Base(name) }

package importer

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// encryptedXLSX builds a password-protected workbook with one figure.
func encryptedXLSX(t testing.TB, dir, password string) string {
	t.Helper()
	p := writeXLSX(t, dir, "plain.xlsx", sheetSpec{name: "Sheet1", rows: [][]any{{"City", "Year", "Production"}, {"Wuhu", 2024, 1000}}})
	raw, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	enc, err := excelize.Encrypt(raw, &excelize.Options{Password: password})
	if err != nil {
		t.Fatal(err)
	}
	return writeBytes(t, dir, "secret.xlsx", enc)
}

// legacyXLS builds an OLE2 file with a Workbook stream, as Excel 97–2003
// writes: an encrypted container with its stream renamed.
func legacyXLS(t testing.TB, dir string) string {
	t.Helper()
	enc, err := excelize.Encrypt([]byte("not really a workbook"), &excelize.Options{Password: "x"})
	if err != nil {
		t.Fatal(err)
	}
	name := utf16le("EncryptedPackage")
	i := bytes.Index(enc, name)
	if i < 0 {
		t.Fatal("no EncryptedPackage entry")
	}
	repl := append(utf16le("Workbook"), make([]byte, len(name)-len(utf16le("Workbook")))...)
	copy(enc[i:], repl)
	enc[i+64], enc[i+65] = byte(len(utf16le("Workbook"))+2), 0
	return writeBytes(t, dir, "yearbook.xls", enc)
}

func utf16le(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), 0)
	}
	return b
}

func zipOf(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// bombXLSX is a valid workbook whose one sheet inflates to about size bytes.
func bombXLSX(t testing.TB, size int) []byte {
	t.Helper()
	sheet := `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>City</t></is></c></row>` +
		strings.Repeat("<!-- padding padding padding padding -->", size/40) + `</sheetData></worksheet>`
	return zipOf(t, map[string]string{
		"[Content_Types].xml":        `<Types/>`,
		"_rels/.rels":                `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Big" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml":   sheet,
	})
}

func TestImportErrors(t *testing.T) {
	cases := []struct {
		name  string
		build func(t *testing.T, dir string) string
		opts  ImportOptions
		want  error
		msg   string
	}{
		{"legacy xls", func(t *testing.T, dir string) string { return legacyXLS(t, dir) }, ImportOptions{}, ErrLegacyXLS,
			"yearbook.xls is an Excel 97–2003 workbook; open it in Excel and save it as .xlsx"},
		{"password-protected workbook", func(t *testing.T, dir string) string { return encryptedXLSX(t, dir, "secret") },
			ImportOptions{}, ErrEncrypted, "secret.xlsx is protected by a password"},
		{"wrong password", func(t *testing.T, dir string) string { return encryptedXLSX(t, dir, "secret") },
			ImportOptions{Password: "guess"}, ErrWrongPassword, "could not be opened with that password"},
		{"truncated xlsx", func(t *testing.T, dir string) string {
			p := writeXLSX(t, dir, "full.xlsx", sheetSpec{name: "S", rows: [][]any{{"City", "2024"}, {"Wuhu", 1}}})
			b, _ := os.ReadFile(p)
			return writeBytes(t, dir, "cut.xlsx", b[:len(b)/2])
		}, ImportOptions{}, ErrTruncated, "cut.xlsx is damaged or incomplete"},
		{"random bytes named xlsx", func(t *testing.T, dir string) string {
			return writeBytes(t, dir, "noise.xlsx", []byte{0x89, 'P', 'N', 'G', 0, 0, 0, 1, 2, 3, 0xff, 0xfe})
		}, ImportOptions{}, ErrNotSpreadsheet, "noise.xlsx is not a spreadsheet"},
		{"zip bomb", func(t *testing.T, dir string) string { return writeBytes(t, dir, "bomb.xlsx", bombXLSX(t, 4<<20)) },
			ImportOptions{MaxUnzippedBytes: 1 << 20}, ErrTooLarge, "bomb.xlsx unzips to more than the size limit"},
		{"empty workbook", func(t *testing.T, dir string) string {
			return writeXLSX(t, dir, "empty.xlsx", sheetSpec{name: "Sheet1"})
		}, ImportOptions{}, ErrEmpty, "empty.xlsx has no data"},
		{"workbook with no numbers", func(t *testing.T, dir string) string {
			return writeXLSX(t, dir, "words.xlsx", sheetSpec{name: "Notes", rows: [][]any{{"Meeting notes"}, {"City", "Comment"}, {"Wuhu", "good"}}})
		}, ImportOptions{}, ErrNoNumbers, "words.xlsx has no numbers"},
		{"empty file", func(t *testing.T, dir string) string { return writeBytes(t, dir, "zero.csv", nil) },
			ImportOptions{}, ErrEmpty, "zero.csv has no data"},
		{"OpenDocument spreadsheet", func(t *testing.T, dir string) string {
			return writeBytes(t, dir, "cities.ods", zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"}))
		}, ImportOptions{}, ErrUnsupportedType, "cities.ods is an OpenDocument file (.ods); open it in its program and save it as .xlsx or .csv"},
		{"Numbers file", func(t *testing.T, dir string) string {
			return writeBytes(t, dir, "cities.numbers", zipOf(t, map[string]string{"Index/Document.iwa": "x"}))
		}, ImportOptions{}, ErrUnsupportedType, "cities.numbers is an Apple Numbers file"},
		{"PDF named csv", func(t *testing.T, dir string) string {
			return writeBytes(t, dir, "table.csv", []byte("%PDF-1.7\n1 0 obj"))
		},
			ImportOptions{}, ErrUnsupportedType, "table.csv is a PDF document; open it in its program and save it as .xlsx or .csv"},
		{"missing file", func(t *testing.T, dir string) string { return filepath.Join(dir, "gone.xlsx") },
			ImportOptions{}, ErrUnreadable, "gone.xlsx cannot be read (no such file or directory); check that the file exists"},
		{"HTML saved as xls", func(t *testing.T, dir string) string {
			return writeBytes(t, dir, "export.xls", []byte("<html><body><table><tr><td>City</td></tr></table></body></html>"))
		}, ImportOptions{}, ErrNoNumbers, "export.xls has no numbers Auto Cities can read (table 1: no numbers)"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := importPath(t, tc.build(t, t.TempDir()), tc.opts)
			if !errors.Is(err, tc.want) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
			if !strings.Contains(err.Error(), tc.msg) || strings.Contains(err.Error(), "\n") {
				t.Errorf("message %q lacks %q", err, tc.msg)
			}
		})
	}
}

func TestImportEncryptedWithPassword(t *testing.T) {
	d, _, err := importPath(t, encryptedXLSX(t, t.TempDir(), "secret"), ImportOptions{Password: "secret"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Count() != 1 || obsString(obsList(d)[0]) != "Wuhu 2024 FY production 1000" {
		t.Errorf("got %v", obsList(d))
	}
}

func TestImportCancelled(t *testing.T) {
	p := writeXLSX(t, t.TempDir(), "a.xlsx", sheetSpec{name: "S", rows: [][]any{{"City", "Year", "Production"}, {"Wuhu", 2024, 1}}})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := ImportFile(ctx, p, ImportOptions{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v", err)
	}
}

func TestImportProgressAndCancel(t *testing.T) {
	p := filepath.Join(t.TempDir(), "mid.xlsx")
	if err := writeBenchWorkbook(p, 50000); err != nil {
		t.Fatal(err)
	}
	var last, total int64
	d, _, err := ImportFile(context.Background(), p, ImportOptions{Progress: func(done, tot int64) {
		if done < last || done > tot {
			t.Errorf("progress %d of %d after %d", done, tot, last)
		}
		last, total = done, tot
	}})
	if err != nil || d.Count() != 50000 {
		t.Fatalf("import: %v", err)
	}
	if last != total || total == 0 {
		t.Errorf("progress ended at %d of %d", last, total)
	}
	ctx, cancel := context.WithCancel(context.Background())
	_, _, err = ImportFile(ctx, p, ImportOptions{Progress: func(done, tot int64) {
		if done > tot/10 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled import: %v", err)
	}
}

// TestImportManyIssuesAreCounted: one reason in one column is one line
// with a count and the first places; unknown names, each a line of its
// own, stop at maxIssues and are counted beyond.
func TestImportManyIssuesAreCounted(t *testing.T) {
	var b strings.Builder
	b.WriteString("城市,年份,汽车产量（辆）\n")
	for i := 0; i < maxIssues+500; i++ {
		b.WriteString("重庆,2024,—\n")
	}
	b.WriteString("重庆,2024,5\n")
	d, rep, err := Import(context.Background(), "blanks.csv", strings.NewReader(b.String()), int64(b.Len()), ImportOptions{})
	if err != nil || d.Count() != 1 {
		t.Fatalf("import: %v", err)
	}
	want := fmt.Sprintf("row 2, column C: skipped: missing value \"—\" — %d times (also C3, C4, C5, C6)", maxIssues+500)
	if len(rep.Issues) != 1 || rep.Issues[0].String() != want {
		t.Errorf("issues %v, want [%s]", rep.Issues, want)
	}
	b.Reset()
	b.WriteString("城市,年份,汽车产量（辆）\n")
	for i := 0; i < maxIssues+500; i++ {
		fmt.Fprintf(&b, "X%d,2024,1\n", i)
	}
	_, rep, err = Import(context.Background(), "unknown.csv", strings.NewReader(b.String()), int64(b.Len()), ImportOptions{})
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	last := Say(rep.Issues[len(rep.Issues)-1].Msg)
	if len(rep.Issues) != maxIssues+1 || last != "500 more cells not listed one by one: 500 × a region not in the gazetteer" {
		t.Errorf("%d issues, last %q", len(rep.Issues), last)
	}
}

package importer

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/xuri/excelize/v2"
)

// The package's files carry their stage in their names:
//   - read_*: getting rows out of a file. read.go (this file) is the way
//     in; read_sniff.go tells the format by the first bytes (zip, OLE2,
//     text, PDF); read_xlsxbook.go reads a workbook's structure (sheets,
//     visibility, shared strings and styles parts) with encoding/xml;
//     read_xlsxscan.go and read_xmlscan.go scan sharedStrings.xml and each
//     sheet with a byte scanner, every inflated byte counted against the
//     limit; read_csv.go streams a text table into records, decoded by
//     read_text.go (UTF-8, UTF-16, GBK/GB18030, line by line, so a file
//     mixing them reads right and says so); read_limits.go counts the
//     figures and cells an import builds against ImportOptions.MaxRows,
//     and refuses a file far over it from its first percent; read_html.go reads web pages saved as .xls (HTML tables,
//     as CNKI and the yearbook sites serve them: each <table> a sheet, its
//     rows, spans and cells laid out by read_html_table.go);
//     read_book.go walks a workbook's sheets;
//     read_canonical.go reads the canonical tables (the default data, the
//     exported workbook); read_report.go and read_issues.go keep the
//     report of how a file was understood (a reason repeated in a column
//     is one line with a count); read_choices.go is the import preview's
//     contract: how each table was read (TableReading) and what the user
//     says a file leaves unsaid (Choices, column roles), a choice the file
//     contradicts failing with ErrContradiction.
//   - layout_*: deciding what a table holds. layout_table.go keeps a
//     sheet's first rows (layout_merges.go fills merged cells) and makes
//     the plan; layout.go finds the header and names the layout;
//     layout_context.go reads the titles, the sheet's and the file's names;
//     layout_columns.go and layout_header.go read the headers (two-level
//     ones too), layout_content.go the cells below a header that says
//     nothing (regions, categories, figures); layout_regions.go decides
//     the regions' level (吉林 among cities is Jilin City);
//     layout_indicators.go names user indicators; layout_report.go says
//     how columns were read; layout_canonical.go hands canonical tables to
//     their reader.
//   - cells_*: turning cells into observations. cells_rows.go streams every
//     row into observations; cells_keys.go finds values that share a key,
//     rows of zeros and negative counts; cells_sources.go reads source
//     lines and their tier; cells_regions.go (the gazetteer),
//     cells_units.go, cells_periods.go, cells_metrics.go and
//     cells_numbers.go normalise what the cells say.
//   - model*.go: the data set and its changes (corrections, the file as a
//     source); prefer.go: which source is shown; queries.go: what the
//     views ask; export_*.go: the canonical workbook and CSV, written
//     atomically (export_file.go).

// ImportOptions tune an import.
type ImportOptions struct {
	// Password opens a password-protected workbook; without it such a
	// workbook fails with ErrEncrypted, so the app can ask and retry.
	Password string
	// MaxUnzippedBytes stops a workbook that inflates to more than this
	// (a zip bomb); 0 means DefaultMaxUnzippedBytes.
	MaxUnzippedBytes int64
	// MaxRows stops an import that would hold more figures (observations)
	// than this, and one that reads more than ten cells per figure allowed;
	// 0 means DefaultMaxRows.
	MaxRows int
	// Progress, if not nil, is called from the import goroutine with the
	// bytes done so far and the total expected.
	Progress func(done, total int64)
	// Choices are what the user says about what the file leaves unsaid
	// (read_choices.go): the import preview's and the command line's.
	Choices Choices
}

// DefaultMaxUnzippedBytes is the inflate limit when ImportOptions sets none.
const DefaultMaxUnzippedBytes = 1 << 30

func (o ImportOptions) limit() int64 {
	if o.MaxUnzippedBytes > 0 {
		return o.MaxUnzippedBytes
	}
	return DefaultMaxUnzippedBytes
}

// ImportFile reads a spreadsheet (.xlsx, .xlsm), a text table (.csv,
// .tsv, .txt) or a web page saved as .xls into a data set, with a report
// of how it was understood. It only reads the file. A file that cannot be
// read gives a *FileError whose message says what is wrong and what to
// do; errors.Is finds the reason (ErrLegacyXLS, ErrEncrypted, ErrTooLarge
// …). Cancelling ctx stops it promptly with ctx.Err(). A file that was
// read but gave no figure (ErrNoNumbers: no year, no region column…)
// still returns its report, whose tables say how it was understood, so
// that choices (ImportOptions.Choices) can be offered and the file read
// again.
func ImportFile(ctx context.Context, path string, opts ImportOptions) (*DataSet, *FileReport, error) {
	st, err := os.Stat(path) // never blocks, unlike opening a pipe
	if err != nil {
		return nil, nil, unreadable(path, err)
	}
	switch {
	case st.IsDir():
		return nil, nil, &FileError{File: path, Err: ErrNotSpreadsheet, Detail: M("kind.folder")}
	case !st.Mode().IsRegular(): // a named pipe, <(cat f.xlsx), a device
		return importStream(ctx, path, opts)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, unreadable(path, err)
	}
	defer f.Close()
	return Import(ctx, path, f, st.Size(), opts)
}

// Import reads a spreadsheet or text table of the given size from r; name
// (a file name) is used in the report and in errors, and its extension
// breaks ties the content leaves open.
func Import(ctx context.Context, name string, r io.ReaderAt, size int64, opts ImportOptions) (*DataSet, *FileReport, error) {
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	head := make([]byte, min(size, 4096))
	if n, err := r.ReadAt(head, 0); n < len(head) && err != nil {
		return nil, nil, unreadable(name, err)
	}
	d := &DataSet{}
	rep := &FileReport{File: name, choices: opts.Choices}
	lim := newLimits(opts, d)
	var err error
	switch sniff(head) {
	case kindPDF:
		err = &FileError{File: name, Err: ErrUnsupportedType, Detail: M("kind.pdf")}
	case kindEmpty:
		err = fileErr(name, ErrEmpty)
	case kindZip:
		err = importZip(ctx, name, r, size, opts, lim, rep)
	case kindOLE2:
		err = importOLE2(ctx, name, r, size, opts, lim, rep)
	case kindText:
		err = importText(ctx, name, r, size, head, opts, lim, rep)
	default:
		err = unknownFile(name)
	}
	if err != nil {
		if errors.Is(err, ErrNoNumbers) && len(rep.Tables) > 0 {
			return nil, rep, err // read, but nothing taken: the readings let the caller offer choices
		}
		return nil, nil, err
	}
	return d, rep, nil
}

func unreadable(name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &FileError{File: name, Err: ErrUnreadable, Why: M("text", err.Error())}
}

func unknownFile(name string) error {
	if k := extKind(name); k != "" {
		return &FileError{File: name, Err: ErrUnsupportedType, Detail: M(k)}
	}
	if strings.EqualFold(extOf(name), ".xls") {
		return fileErr(name, ErrTruncated)
	}
	return fileErr(name, ErrNotSpreadsheet)
}

func extOf(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[i:]
	}
	return ""
}

// importText reads a text table as a stream; a web page (read whole) as
// HTML.
func importText(ctx context.Context, name string, r io.ReaderAt, size int64, head []byte, opts ImportOptions, lim *importLimits, rep *FileReport) error {
	if k := textKind(head); k != "" {
		return &FileError{File: name, Err: ErrUnsupportedType, Detail: M(k)}
	}
	if !looksLikeHTML(head) {
		return importCSV(ctx, name, io.NewSectionReader(r, 0, size), size, opts.Progress, lim, lim.d, rep)
	}
	if size > opts.limit() {
		return fileErr(name, ErrTooLarge)
	}
	data := make([]byte, size)
	if _, err := r.ReadAt(data, 0); err != nil && err != io.EOF {
		return unreadable(name, err)
	}
	return importHTML(ctx, name, data, opts.Progress, lim, rep)
}

// importOLE2 handles the Office 97–2003 container: a legacy .xls, or an
// encrypted .xlsx, which is decrypted with the password and read as usual.
// A legacy .xls is refused with ErrLegacyXLS: the Go BIFF8 readers tried
// (extrame/xls v0.0.1, shakinm/xlsReader v0.9.12; December 2026) lose the
// strings after the first shared-string record, misread negative numbers,
// drop formula results, and panic or exit the process on damaged files.
func importOLE2(ctx context.Context, name string, r io.ReaderAt, size int64, opts ImportOptions, lim *importLimits, rep *FileReport) error {
	detail, err := classifyOLE2(io.NewSectionReader(r, 0, size))
	if !errors.Is(err, ErrEncrypted) {
		return &FileError{File: name, Err: err, Detail: detail}
	}
	if opts.Password == "" {
		return fileErr(name, ErrEncrypted)
	}
	if size > opts.limit() {
		return fileErr(name, ErrTooLarge)
	}
	raw := make([]byte, size)
	if _, err := r.ReadAt(raw, 0); err != nil && err != io.EOF {
		return unreadable(name, err)
	}
	plain, err := decrypt(raw, opts.Password)
	if err != nil || !bytes.HasPrefix(plain, magicZip) {
		return fileErr(name, ErrWrongPassword) // a wrong key decrypts to noise
	}
	if _, err := zip.NewReader(bytes.NewReader(plain), int64(len(plain))); err != nil {
		return fileErr(name, ErrWrongPassword)
	}
	return importZip(ctx, name, bytes.NewReader(plain), int64(len(plain)), opts, lim, rep)
}

func decrypt(raw []byte, password string) (out []byte, err error) {
	defer func() {
		if recover() != nil {
			out, err = nil, ErrWrongPassword
		}
	}()
	return excelize.Decrypt(raw, &excelize.Options{Password: password})
}

// importZip reads an .xlsx or .xlsm workbook.
func importZip(ctx context.Context, name string, r io.ReaderAt, size int64, opts ImportOptions, lim *importLimits, rep *FileReport) error {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return fileErr(name, ErrTruncated)
	}
	if k := zipKind(zr); k != "" {
		return &FileError{File: name, Err: ErrUnsupportedType, Detail: M(k)}
	}
	b := &zipBudget{left: opts.limit(), progress: opts.Progress}
	bk, ok, err := openBook(zr, b)
	if err != nil {
		return zipErr(name, err)
	}
	if !ok {
		return fileErr(name, ErrNotSpreadsheet)
	}
	return readBook(ctx, name, bk, b, lim, rep)
}

// zipErr maps a failure while inflating to what the user should hear.
func zipErr(name string, err error) error {
	var le *limitError
	switch {
	case errors.As(err, &le):
		return le.fileError(name)
	case errors.Is(err, ErrTooLarge):
		return fileErr(name, ErrTooLarge)
	case err == errXMLTooLong:
		return fileErr(name, ErrCellTooLarge)
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return err
	}
	return fileErr(name, ErrTruncated)
}

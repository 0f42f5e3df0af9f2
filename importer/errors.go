package importer

import (
	"errors"
	"fmt"
	"path/filepath"
)

// Errors an import can end with. ImportFile wraps them in a *FileError that
// names the file and says what to do; test with errors.Is.
var (
	ErrLegacyXLS       = errors.New("is an Excel 97–2003 workbook")
	ErrEncrypted       = errors.New("is protected by a password")
	ErrWrongPassword   = errors.New("could not be opened with that password")
	ErrTooLarge        = errors.New("unzips to more than the size limit")
	ErrNotSpreadsheet  = errors.New("is not a spreadsheet")
	ErrTruncated       = errors.New("is damaged or incomplete")
	ErrUnsupportedType = errors.New("is in a format Auto Cities cannot read")
	ErrEmpty           = errors.New("has no data")
	ErrNoNumbers       = errors.New("has no numbers Auto Cities can read")
	ErrUnreadable      = errors.New("cannot be read")
)

// hints say what the user can do about each error.
var hints = map[error]string{
	ErrLegacyXLS:       "open it in Excel and save it as .xlsx",
	ErrEncrypted:       "enter the workbook's password, or save a copy without one",
	ErrWrongPassword:   "check the password and try again",
	ErrTooLarge:        "split it into smaller workbooks, or import it as CSV",
	ErrNotSpreadsheet:  "choose an .xlsx, .xlsm or .csv file",
	ErrTruncated:       "copy or download it again, then reopen it in Excel and save it",
	ErrUnsupportedType: "open it in its program and save it as .xlsx or .csv",
	ErrEmpty:           "check that this is the right file",
	ErrNoNumbers:       "put one row per city with numbers, or use the canonical columns (see the Data tab's export)",
	ErrUnreadable:      "check that the file exists and that you may open it",
}

// FileError is an import that failed as a whole: the file, what is wrong
// (one of the Err values above) and, for ErrUnsupportedType, the format.
type FileError struct {
	File   string // path or name as given
	Err    error
	Detail string // optional, e.g. "an OpenDocument spreadsheet (.ods)"
	Why    string // optional, e.g. why no sheet gave numbers
}

func (e *FileError) Error() string {
	what := e.Err.Error()
	if e.Detail != "" {
		what = "is " + e.Detail
	}
	msg := fmt.Sprintf("%s %s", filepath.Base(e.File), what)
	if e.Why != "" {
		msg += " (" + e.Why + ")"
	}
	if h := hints[e.Err]; h != "" {
		msg += "; " + h
	}
	return msg
}

// Unwrap lets errors.Is find the sentinel.
func (e *FileError) Unwrap() error { return e.Err }

func fileErr(name string, err error) error { return &FileError{File: name, Err: err} }

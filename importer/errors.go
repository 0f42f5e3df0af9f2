package importer

import (
	"errors"
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
	ErrTooManyRows     = errors.New("holds more figures than the import limit")
	ErrTooManyCells    = errors.New("holds more cells than the import limit")
	ErrCellTooLarge    = errors.New("has a cell or line longer than 64 MB")
	ErrPipeSilent      = errors.New("is a pipe that sent nothing")
	ErrPipeTooLarge    = errors.New("is a pipe that sent more than the size limit")
)

// errCodes name each error for the translation tables: "file.CODE" says
// what is wrong, "hint.CODE" what the user can do about it.
var errCodes = map[error]string{
	ErrLegacyXLS:       "legacy_xls",
	ErrEncrypted:       "encrypted",
	ErrWrongPassword:   "wrong_password",
	ErrTooLarge:        "too_large",
	ErrNotSpreadsheet:  "not_spreadsheet",
	ErrTruncated:       "truncated",
	ErrUnsupportedType: "unsupported",
	ErrEmpty:           "empty",
	ErrNoNumbers:       "no_numbers",
	ErrUnreadable:      "unreadable",
	ErrTooManyRows:     "too_many_rows",
	ErrTooManyCells:    "too_many_cells",
	ErrCellTooLarge:    "cell_too_large",
	ErrPipeSilent:      "pipe_silent",
	ErrPipeTooLarge:    "pipe_too_large",
}

// FileError is an import that failed as a whole: the file, what is wrong
// (one of the Err values above) and, for ErrUnsupportedType, the format.
type FileError struct {
	File   string // path or name as given
	Err    error
	Detail Msg // optional: what the file is instead, e.g. kind.ods
	Why    Msg // optional: e.g. why no sheet gave numbers
	Hint   Msg // optional: what to do, in place of the reason's usual hint
}

// Msg is the error as a message: "FILE what is wrong (why); what to do".
func (e *FileError) Msg() Msg {
	code := errCodes[e.Err]
	what, hint := M("file."+code), M("hint."+code)
	if e.Hint.Code != "" {
		hint = e.Hint
	}
	if e.Detail.Code != "" {
		what = M("file.is", e.Detail)
	}
	if e.Why.Code != "" {
		return M("file.error_why", filepath.Base(e.File), what, e.Why, hint)
	}
	return M("file.error", filepath.Base(e.File), what, hint)
}

// What is what is wrong with the file, without what to do: for a caller
// that says what to do itself (the workspace).
func (e *FileError) What() Msg {
	what := M("file." + errCodes[e.Err])
	if e.Detail.Code != "" {
		what = M("file.is", e.Detail)
	}
	if e.Why.Code != "" {
		return M("file.what_why", what, e.Why)
	}
	return what
}

func (e *FileError) Error() string { return Say(e.Msg()) }

// Unwrap lets errors.Is find the sentinel.
func (e *FileError) Unwrap() error { return e.Err }

func fileErr(name string, err error) error { return &FileError{File: name, Err: err} }

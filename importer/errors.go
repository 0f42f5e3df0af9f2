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
	// ErrContradiction: a choice (ImportOptions.Choices, the command
	// line's --metric, --year…) contradicts what the file states.
	ErrContradiction = errors.New("contradicts a choice made for it")
)

// errCodes name each error for the translation tables: what is wrong and
// what the user can do about it.
var errCodes = map[error]struct{ what, hint string }{
	ErrLegacyXLS:       {"file.legacy_xls", "hint.legacy_xls"},
	ErrEncrypted:       {"file.encrypted", "hint.encrypted"},
	ErrWrongPassword:   {"file.wrong_password", "hint.wrong_password"},
	ErrTooLarge:        {"file.too_large", "hint.too_large"},
	ErrNotSpreadsheet:  {"file.not_spreadsheet", "hint.not_spreadsheet"},
	ErrTruncated:       {"file.truncated", "hint.truncated"},
	ErrUnsupportedType: {"file.unsupported", "hint.unsupported"},
	ErrEmpty:           {"file.empty", "hint.empty"},
	ErrNoNumbers:       {"file.no_numbers", "hint.no_numbers"},
	ErrUnreadable:      {"file.unreadable", "hint.unreadable"},
	ErrContradiction:   {"file.contradiction", "hint.contradiction"},
}

// FileError is an import that failed as a whole: the file, what is wrong
// (one of the Err values above) and, for ErrUnsupportedType, the format.
type FileError struct {
	File   string // path or name as given
	Err    error
	Detail Msg // optional: what the file is instead, e.g. kind.ods
	Why    Msg // optional: e.g. why no sheet gave numbers
}

// Msg is the error as a message: "FILE what is wrong (why); what to do".
func (e *FileError) Msg() Msg {
	code := errCodes[e.Err]
	what := M(code.what)
	if e.Detail.Code != "" {
		what = M("file.is", e.Detail)
	}
	if e.Why.Code != "" {
		return M("file.error_why", filepath.Base(e.File), what, e.Why, M(code.hint))
	}
	return M("file.error", filepath.Base(e.File), what, M(code.hint))
}

func (e *FileError) Error() string { return Say(e.Msg()) }

// Unwrap lets errors.Is find the sentinel.
func (e *FileError) Unwrap() error { return e.Err }

func fileErr(name string, err error) error { return &FileError{File: name, Err: err} }

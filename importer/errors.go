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
	ErrTooManyRows   = errors.New("holds more figures than the import limit")
	ErrTooManyCells  = errors.New("holds more cells than the import limit")
	ErrCellTooLarge  = errors.New("has a cell or line longer than 64 MB")
	ErrPipeSilent    = errors.New("is a pipe that sent nothing")
	ErrPipeTooLarge  = errors.New("is a pipe that sent more than the size limit")
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
	ErrTooManyRows:     {"file.too_many_rows", "hint.too_many_rows"},
	ErrTooManyCells:    {"file.too_many_cells", "hint.too_many_cells"},
	ErrCellTooLarge:    {"file.cell_too_large", "hint.cell_too_large"},
	ErrPipeSilent:      {"file.pipe_silent", "hint.pipe_silent"},
	ErrPipeTooLarge:    {"file.pipe_too_large", "hint.pipe_too_large"},
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
	hint := M(errCodes[e.Err].hint)
	if e.Hint.Code != "" {
		hint = e.Hint
	}
	if e.Why.Code != "" {
		return M("file.error_why", filepath.Base(e.File), e.problem(), e.Why, hint)
	}
	return M("file.error", filepath.Base(e.File), e.problem(), hint)
}

// problem is what is wrong with the file.
func (e *FileError) problem() Msg {
	if e.Detail.Code != "" {
		return M("file.is", e.Detail)
	}
	return M(errCodes[e.Err].what)
}

// What is what is wrong with the file, without what to do: for a caller
// that says what to do itself (the workspace).
func (e *FileError) What() Msg {
	if e.Why.Code != "" {
		return M("file.what_why", e.problem(), e.Why)
	}
	return e.problem()
}

func (e *FileError) Error() string { return Say(e.Msg()) }

// Unwrap lets errors.Is find the sentinel.
func (e *FileError) Unwrap() error { return e.Err }

func fileErr(name string, err error) error { return &FileError{File: name, Err: err} }

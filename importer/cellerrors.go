package importer

import "errors"

// CellErrors lists the report's skipped cells as errors that point at
// their cell, for callers that handle errors rather than issues.
func (f *FileReport) CellErrors() []*CellError {
	var out []*CellError
	for _, i := range f.Issues {
		if !i.Guess && i.Row > 0 {
			out = append(out, &CellError{Sheet: i.Sheet, Row: i.Row, Col: i.Col, Err: errors.New(i.Reason)})
		}
	}
	return out
}

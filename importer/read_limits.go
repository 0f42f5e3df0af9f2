package importer

import (
	"strconv"
)

// DefaultMaxRows is how many figures (observations) one import may hold
// when ImportOptions sets no MaxRows. Two million figures take about
// 110 MB in the compact storage, and the app stays under 1 GB with them;
// the user can raise it (--max-rows, the Settings dialog).
const DefaultMaxRows = 2_000_000

// cellsPerFigure bounds the cells an import may read: this many per figure
// allowed. A sheet of words with few figures (or none) is read only so far,
// whatever its size.
const cellsPerFigure = 10

// importLimits count what an import builds, so that no file makes the app
// hold more than it allows: the figures added to the data set and the
// cells read. They also estimate the end of a stream from the share of it
// read so far, so that a file far over the limit is refused within its
// first percent, not after minutes of reading.
type importLimits struct {
	maxRows, maxCells int64
	d                 *DataSet
	cells             int64
	rows              int // rows seen in the current stream

	// the stream being read: bytes read so far (of what the stream's
	// size counts: the file, or the compressed part), and its size
	done            func() int64
	total           int64
	baseObs, baseCl int64 // figures and cells before this stream
}

func newLimits(opts ImportOptions, d *DataSet) *importLimits {
	rows := int64(opts.MaxRows)
	if rows <= 0 {
		rows = DefaultMaxRows
	}
	return &importLimits{maxRows: rows, maxCells: rows * cellsPerFigure, d: d}
}

// stream starts counting a stream of total bytes, of which done tells the
// share read; total 0 (unknown) turns estimating off.
func (l *importLimits) stream(total int64, done func() int64) {
	l.total, l.done, l.rows = total, done, 0
	l.baseObs, l.baseCl = int64(l.d.Count()), l.cells
}

// estimateEvery is how many rows pass between two estimates; estimateFrom
// the share (1/n) of a stream read before the first.
const (
	estimateEvery = 8192
	estimateFrom  = 100
)

// row counts one row's cells after the table reader took it; an error
// when the import passes a limit or is bound to.
func (l *importLimits) row(cells int) error {
	l.cells += int64(cells)
	l.rows++
	if l.cells > l.maxCells {
		return l.refuse(ErrTooManyCells, l.cells, false)
	}
	if err := l.check(); err != nil {
		return err
	}
	if l.rows%estimateEvery != 0 || l.done == nil || l.total <= 0 {
		return nil
	}
	done := l.done()
	if done <= 0 || done < l.total/estimateFrom || done >= l.total {
		return nil
	}
	scale := func(base, now int64) int64 { return base + int64(float64(now-base)*float64(l.total)/float64(done)) }
	// A margin: the start of a file may be denser than the rest.
	if est := scale(l.baseObs, int64(l.d.Count())); est > l.maxRows+l.maxRows/4 {
		return l.refuse(ErrTooManyRows, est, true)
	}
	if est := scale(l.baseCl, l.cells); est > l.maxCells+l.maxCells/4 {
		return l.refuse(ErrTooManyCells, est, true)
	}
	return nil
}

// check is the figures limit alone, for readers that count no cells.
func (l *importLimits) check() error {
	if obs := int64(l.d.Count()); obs > l.maxRows {
		return l.refuse(ErrTooManyRows, obs, false)
	}
	return nil
}

// limitError is a limit reached: which, how many and what to raise it to.
type limitError struct {
	err        error
	n, limit   int64
	about      bool
	suggestion int64 // a --max-rows that would let the file in
}

func (e *limitError) Error() string { return e.err.Error() }
func (e *limitError) Unwrap() error { return e.err }

func (l *importLimits) refuse(err error, n int64, about bool) error {
	rows := n
	limit := l.maxRows
	if err == ErrTooManyCells {
		rows, limit = n/cellsPerFigure, l.maxCells
	}
	return &limitError{err: err, n: n, limit: limit, about: about, suggestion: roundUp(rows + rows/4)}
}

// fileError words a limit reached for the file's message.
func (e *limitError) fileError(name string) *FileError {
	what := map[[2]bool]string{{false, false}: "why.rows_over", {false, true}: "why.rows_about",
		{true, false}: "why.cells_over", {true, true}: "why.cells_about"}[[2]bool{e.err == ErrTooManyCells, e.about}]
	why := M(what, groupDigits(e.limit))
	if e.about {
		why = M(what, groupDigits(e.n), groupDigits(e.limit))
	}
	return &FileError{File: name, Err: e.err, Why: why,
		Hint: M("hint.raise_limit", strconv.FormatInt(e.suggestion, 10))}
}

// roundUp rounds n up to two significant digits (9,812,345 → 9,900,000).
func roundUp(n int64) int64 {
	step := int64(1)
	for n/step >= 100 {
		step *= 10
	}
	return (n + step - 1) / step * step
}

// groupDigits writes n with thousands separators: 9,800,000.
func groupDigits(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

package importer

import (
	"fmt"
	"strings"
	"sync/atomic"
)

// Issue is one skipped or guessed cell (or row, column, sheet), pointing at
// where it is, with the reason as a message.
type Issue struct {
	Sheet string // sheet name, or "" for a CSV file
	Row   int    // 1-based; 0 when the issue is about a whole column or sheet
	Col   int    // 1-based; 0 when the issue is about the whole row
	Msg   Msg
	Guess bool // true: the value was read but guessed; false: it was skipped
	Note  bool // true: nothing was skipped or guessed, but the reader should know (values that share a key)
	Count int  // more than 1: the same reason at Count places, this the first (see Also)
	Also  []Where
}

// Where is a cell's place.
type Where struct{ Row, Col int }

// where is the issue's place as a message.
func (i Issue) where() Msg {
	switch {
	case i.Row > 0 && i.Col > 0:
		return M("where.cell", i.Row, ColumnName(i.Col))
	case i.Row > 0:
		return M("where.row", i.Row)
	case i.Col > 0:
		return M("where.column", ColumnName(i.Col))
	}
	return M("where.table")
}

// at is the issue's place with its sheet, if it has one.
func (i Issue) at() Msg {
	if i.Sheet != "" {
		return M("where.sheet", i.Sheet, i.where())
	}
	return i.where()
}

// Words is the issue as one line: where, whether skipped or guessed, why.
func (i Issue) Words() Msg {
	verb := "issue.skipped"
	switch {
	case i.Note:
		verb = "issue.note"
	case i.Guess:
		verb = "issue.guessed"
	}
	place := i.at()
	if i.Count > 1 {
		var also []string
		for _, w := range i.Also {
			also = append(also, Issue{Row: w.Row, Col: w.Col}.place())
		}
		if len(also) == 0 {
			return M("issue.repeated_n", place, M(verb), i.Msg, i.Count)
		}
		return M("issue.repeated", place, M(verb), i.Msg, i.Count, strings.Join(also, ", "))
	}
	return M("issue.line", place, M(verb), i.Msg)
}

// place is the cell's address, e.g. "C5", "row 5", "column C".
func (i Issue) place() string {
	switch {
	case i.Row > 0 && i.Col > 0:
		return ColumnName(i.Col) + fmt.Sprint(i.Row)
	case i.Row > 0:
		return fmt.Sprint(i.Row)
	}
	return ColumnName(i.Col)
}

func (i Issue) String() string { return Say(i.Words()) }

// ColumnName is the spreadsheet letter of a 1-based column (1 → A, 27 → AA).
func ColumnName(col int) string {
	name := ""
	for col > 0 {
		col--
		name = string(rune('A'+col%26)) + name
		col /= 26
	}
	return name
}

// SkippedSheet is a sheet (or a table of a web page) that was not read,
// and why.
type SkippedSheet struct {
	Name string
	Why  Msg
}

// FileReport says how one file was understood.
type FileReport struct {
	File          string
	Layout        []Msg // the format, then each table read and its layout
	SheetsUsed    []string
	SheetsSkipped []SkippedSheet
	Units         []Msg // units found, as written, with their conversion
	Rows          int   // observations read
	Targets       int
	Events        int
	Terms         int
	Issues        []Issue

	// Tables says how each table (sheet, CSV, web-page table) was read,
	// after the choices: what the import preview shows and lets the user
	// change (see Choices).
	Tables []TableReading

	// Parts, when set, are the reports of several files read together;
	// Lines gives them one after the other.
	Parts []*FileReport

	choices Choices // what the user said about the file (ImportOptions.Choices)
}

// firstSkip is the first issue that skipped something: a reason why
// nothing was read.
func (f *FileReport) firstSkip() (Issue, bool) {
	for _, i := range f.Issues {
		if !i.Guess && !i.Note {
			return i, true
		}
	}
	return Issue{}, false
}

func (f *FileReport) issue(sheet string, row, col int, guess bool, code string, args ...any) {
	f.Issues = append(f.Issues, Issue{Sheet: sheet, Row: row, Col: col, Guess: guess, Msg: M(code, args...)})
}

// Lines is the report as the command line and the Data tab show it, one
// message a line.
func (f *FileReport) Lines() []Msg {
	if len(f.Parts) > 0 {
		var out []Msg
		for _, p := range f.Parts {
			out = append(out, p.Lines()...)
		}
		return out
	}
	out := []Msg{M("report.file", f.File, joinMsgs(f.Layout))}
	if len(f.SheetsUsed) > 0 {
		out = append(out, M("report.sheets_used", strings.Join(f.SheetsUsed, ", ")))
	}
	for _, s := range f.SheetsSkipped {
		out = append(out, M("report.sheet_skipped", s.Name, s.Why))
	}
	if len(f.Units) > 0 {
		out = append(out, M("report.units", joinMsgs(f.Units)))
	}
	out = append(out, M("report.read", f.Rows, f.Targets, f.Events, f.Terms))
	for _, i := range f.Issues {
		out = append(out, i.Words())
	}
	return out
}

// joinMsgs is a list of messages shown one after the other ("; ").
func joinMsgs(ms []Msg) Msg {
	args := make([]any, len(ms))
	for i, m := range ms {
		args[i] = m
	}
	return Msg{Code: "list", Args: args}
}

// String is the report in the words Say gives.
func (f *FileReport) String() string {
	var b strings.Builder
	for i, l := range f.Lines() {
		if i > 0 {
			b.WriteString("  ")
		}
		b.WriteString(Say(l))
		b.WriteByte('\n')
	}
	return b.String()
}

var language atomic.Value // string: the language Say speaks

// UseLanguage sets the language Say speaks (the UI's: "en", "zh").
func UseLanguage(lang string) { language.Store(lang) }

// Say puts a message into words in the language UseLanguage set (English
// by default), with the tables AddVocabulary made known; without any, it
// writes codes.
func Say(m Msg) string {
	lang, _ := language.Load().(string)
	return VocabularyFor(lang).Say(m)
}

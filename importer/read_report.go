package importer

import (
	"fmt"
	"strings"
)

// Issue is one skipped or guessed cell, pointing at where it is.
type Issue struct {
	Sheet  string // sheet name, or "" for a CSV file
	Row    int    // 1-based; 0 when the issue is about the whole sheet
	Col    int    // 1-based; 0 when the issue is about the whole row
	Reason string
	Guess  bool // true: the value was read but guessed; false: it was skipped
}

func (i Issue) String() string {
	var where []string
	if i.Sheet != "" {
		where = append(where, "sheet "+i.Sheet)
	}
	if i.Row > 0 {
		where = append(where, fmt.Sprintf("row %d", i.Row))
	}
	if i.Col > 0 {
		where = append(where, "column "+ColumnName(i.Col))
	}
	verb := "skipped"
	if i.Guess {
		verb = "guessed"
	}
	return fmt.Sprintf("%s: %s: %s", strings.Join(where, ", "), verb, i.Reason)
}

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

// SkippedSheet is a sheet that was not read, and why.
type SkippedSheet struct {
	Name string
	Why  string
}

// FileReport says how one file was understood.
type FileReport struct {
	File          string
	Layout        string // e.g. "canonical CSV (observations)", "wide: cities × years"
	SheetsUsed    []string
	SheetsSkipped []SkippedSheet
	Units         []string // units found, as written, with their conversion
	Rows          int      // observations read
	Targets       int
	Events        int
	Terms         int
	Issues        []Issue

	// Parts, when set, are the reports of several files read together;
	// String prints them one after the other.
	Parts []*FileReport
}

func (f *FileReport) issue(sheet string, row, col int, guess bool, format string, args ...any) {
	f.Issues = append(f.Issues, Issue{Sheet: sheet, Row: row, Col: col, Guess: guess,
		Reason: fmt.Sprintf(format, args...)})
}

// String is the report as the command line and the Data tab show it.
func (f *FileReport) String() string {
	if len(f.Parts) > 0 {
		var parts []string
		for _, p := range f.Parts {
			parts = append(parts, p.String())
		}
		return strings.Join(parts, "\n")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n", f.File, f.Layout)
	if len(f.SheetsUsed) > 0 {
		fmt.Fprintf(&b, "  sheets used: %s\n", strings.Join(f.SheetsUsed, ", "))
	}
	for _, s := range f.SheetsSkipped {
		fmt.Fprintf(&b, "  sheet skipped: %s (%s)\n", s.Name, s.Why)
	}
	if len(f.Units) > 0 {
		fmt.Fprintf(&b, "  units: %s\n", strings.Join(f.Units, "; "))
	}
	fmt.Fprintf(&b, "  read: %d observations, %d targets, %d events, %d glossary terms\n",
		f.Rows, f.Targets, f.Events, f.Terms)
	for _, i := range f.Issues {
		fmt.Fprintf(&b, "  %s\n", i)
	}
	return b.String()
}

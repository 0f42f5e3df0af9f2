package importer

import (
	"fmt"
	"sort"
)

// maxIssues bounds the cells listed one by one in a file's report: a large
// sheet full of blanks would otherwise hold a million issues in memory.
// Beyond it, skipped cells are counted by reason in one last issue.
const maxIssues = 20000

// issueKey is a reason at a column: the same reason in the same column
// again (every blank cell of column C) is one line with a count.
type issueKey struct {
	code string
	col  int
}

// maxAlso is how many more places a repeated reason lists after its first.
const maxAlso = 4

func (t *tableReader) issue(sheet string, row, col int, guess bool, code string, args ...any) {
	k := issueKey{code, col}
	if i, ok := t.repeats[k]; ok && row > 0 {
		t.repeat(&t.rep.Issues[i], row, col, args)
		return
	}
	if len(t.rep.Issues) < maxIssues {
		if row > 0 && code != "region.unknown" { // each unknown name is worth its line
			t.repeats[k] = len(t.rep.Issues)
		}
		t.rep.issue(sheet, row, col, guess, code, args...)
		return
	}
	if t.extra == nil {
		t.extra = map[string]int{}
	}
	t.extra[code]++
}

// repeat counts one more place of a listed reason. When the places differ
// in what they hold ("—" here, "N/A" there) the line keeps the reason's
// short form rather than the first place's words.
func (t *tableReader) repeat(is *Issue, row, col int, args []any) {
	is.Count = max(is.Count, 1) + 1
	if len(is.Also) < maxAlso {
		is.Also = append(is.Also, Where{Row: row, Col: col})
	}
	if short, ok := shortForms[is.Msg.Code]; ok && fmt.Sprint(is.Msg.Args) != fmt.Sprint(args) {
		is.Msg = M(short)
	}
}

// shortForms are the reasons a report may count, in short: a repeated
// reason whose places differ, and the cells beyond maxIssues.
var shortForms = map[string]string{"region.unknown": "region.unknown.short", "cell.footnote": "cell.footnote.short",
	"cell.empty": "cell.empty.short", "cell.missing": "cell.missing.short", "cell.not_number": "cell.not_number.short",
	"cell.percent": "cell.percent.short", "cell.no_region": "cell.no_region.short", "cell.usd": "cell.usd.short",
	"cell.percent_of": "cell.percent_of.short", "cell.unit_mismatch": "cell.unit_mismatch.short",
	"cell.growth_not_number": "cell.growth_not_number.short", "row.no_figures": "row.no_figures.short",
	"row.growth": "row.growth.short", "row.unknown_indicator": "row.unknown_indicator.short",
	"row.region_above": "row.region_above.short", "row.total": "row.total.short", "when.none": "when.none.short",
	"when.no_year": "when.no_year.short", "cell.negative": "cell.negative.short",
	"row.placeholder": "row.placeholder.short"}

// shortMsg is a reason in short, or its code when it has no short form.
func shortMsg(code string) Msg {
	if short, ok := shortForms[code]; ok {
		return M(short)
	}
	return M("text", code)
}

// finishIssues adds the count of cells not listed one by one.
func (t *tableReader) finishIssues() {
	if len(t.extra) == 0 {
		return
	}
	codes := make([]string, 0, len(t.extra))
	total := 0
	for code, n := range t.extra {
		codes = append(codes, code)
		total += n
	}
	sort.Strings(codes)
	var parts []Msg
	for _, code := range codes {
		parts = append(parts, M("issue.count", t.extra[code], shortMsg(code)))
	}
	t.rep.issue(t.sheet, 0, 0, false, "issue.more", total, joinMsgs(parts))
}

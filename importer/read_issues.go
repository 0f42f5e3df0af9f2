package importer

import (
	"sort"
)

// maxIssues bounds the cells listed one by one in a file's report: a large
// sheet full of blanks would otherwise hold a million issues in memory.
// Beyond it, skipped cells are counted by reason in one last issue.
const maxIssues = 20000

func (t *tableReader) issue(sheet string, row, col int, guess bool, code string, args ...any) {
	if len(t.rep.Issues) < maxIssues {
		t.rep.issue(sheet, row, col, guess, code, args...)
		return
	}
	if t.extra == nil {
		t.extra = map[string]int{}
	}
	t.extra[code]++
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
		parts = append(parts, M("issue.count", t.extra[code], M(code+".short")))
	}
	t.rep.issue(t.sheet, 0, 0, false, "issue.more", total, joinMsgs(parts))
}
